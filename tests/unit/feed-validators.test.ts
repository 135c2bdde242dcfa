import { describe, expect, it } from 'vitest';
import { checkFeedContent, fromStored, toStored } from '../../utils/feeds/feed-content';
import {
  detectFeedDocument,
  parseJson,
  validateGlossaryDocument,
  validateManifest,
  validateSetFile,
} from '../../utils/feeds/feed-document';
import { FeedError } from '../../utils/feeds/feed-error';
import { feedIdFor, normalizeFeedUrl, originPattern } from '../../utils/feeds/feed-url';
import { fixture } from '../fixtures/feeds/fake-server';

const MANIFEST_URL = 'https://feeds.example/desk/feed.json';
const FEED = 'feed-0badf00d';

/** What the user reads for a bad document: the message and the rejected fields. */
function rejection(run: () => unknown): { code: string; message: string; details: string[] } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    return { code: error.code, message: error.message, details: error.details ?? [] };
  }
  throw new Error('expected the document to be rejected');
}

/** A glossary document checked the way a sync checks it: schema, then the whole feed. */
function checkGlossary(path: string) {
  const doc = detectFeedDocument(fixture(path));
  if (doc.kind !== 'termlight-glossary') throw new Error(`not a glossary: ${doc.kind}`);
  const glossary = validateGlossaryDocument(doc.json, '', 50_000);
  checkFeedContent({ ...glossary, termWhere: glossary.terms.map(() => '') }, FEED, 50_000);
  return glossary;
}

describe('feed documents', () => {
  it('reads a Termlight glossary feed, filling in the sets\u2019 origin', () => {
    const glossary = checkGlossary('glossary.json');
    expect(glossary.sets.map((s) => [s.id, s.origin])).toEqual([
      ['desk-slang', 'feed'],
      ['quant-corner', 'feed'],
    ]);
    expect(glossary.terms).toHaveLength(3);
  });

  it('tells a manifest, a glossary and JSON-LD apart', () => {
    expect(detectFeedDocument(fixture('manifest/feed.json')).kind).toBe('termlight-feed');
    expect(detectFeedDocument(fixture('glossary.json')).kind).toBe('termlight-glossary');
    expect(detectFeedDocument(fixture('defined-term-set.jsonld')).kind).toBe('json-ld');
    expect(detectFeedDocument('<!doctype html><title>Glossary</title>').kind).toBe('json-ld');
  });

  it('resolves a manifest\u2019s set files against its own address', () => {
    const { manifest, sets } = validateManifest(JSON.parse(fixture('manifest/feed.json')), MANIFEST_URL);
    expect(manifest.title).toBe('Test desk feed');
    expect(sets.map((s) => s.url)).toEqual([
      'https://feeds.example/desk/sets/desk-slang.json',
      'https://feeds.example/desk/sets/quant-corner.json',
    ]);
  });

  it('accepts a set file and files its terms under that set first', () => {
    const { sets } = validateManifest(JSON.parse(fixture('manifest/feed.json')), MANIFEST_URL);
    const glossary = validateSetFile(JSON.parse(fixture('manifest/sets/quant-corner.json')), sets[1], 'sets/quant-corner.json', 50_000);
    expect(glossary.terms.map((t) => t.sets[0])).toEqual(['quant-corner', 'quant-corner']);
  });
});

describe('bad feed files, and the error a user sees', () => {
  it('malformed JSON names the line and column', () => {
    const r = rejection(() => parseJson(fixture('bad/malformed.json')));
    expect(r.code).toBe('malformed');
    expect(r.message).toMatch(/^The feed is not valid JSON at line 4, column \d+/);
    expect(r.message).toContain('Nothing was changed');
  });

  it('a truncated file says it ends too early', () => {
    const r = rejection(() => parseJson(fixture('bad/truncated.json')));
    expect(r).toMatchObject({ code: 'malformed' });
    expect(r.message).toMatch(/ends too early/);
  });

  it('an empty file says it is empty', () => {
    expect(rejection(() => parseJson('  \n')).message).toMatch(/The feed is empty/);
  });

  it('an empty summary names the term\u2019s field', () => {
    const r = rejection(() => checkGlossary('bad/empty-summary.json'));
    expect(r.code).toBe('invalid');
    expect(r.message).toBe('The feed has 1 problem, so nothing was changed.');
    expect(r.details).toEqual(['terms[0].summary: must not be empty']);
  });

  it('two terms claiming one surface form are both named', () => {
    const r = rejection(() => checkGlossary('bad/duplicate-surface-form.json'));
    expect(r.code).toBe('invalid');
    expect(r.details).toEqual(['term "blorp-index" (terms[2]): "Zephyr Spread" of "blorp-index" is already a surface form of "zephyr-spread"']);
  });

  it('a related term that does not exist is named', () => {
    const r = rejection(() => checkGlossary('bad/unknown-related.json'));
    expect(r.details).toEqual(['term "quokka-ratio" (terms[1]), field related[0]: "quokka-ratio" is related to unknown term "no-such-term"']);
  });

  it('a term in a set the feed does not have is named', () => {
    const r = rejection(() => checkGlossary('bad/unknown-set.json'));
    expect(r.details).toEqual(['term "blorp-index" (terms[2]), field sets[0]: unknown set "not-a-set" in "blorp-index"']);
  });

  it('a glossary of a later format version is refused', () => {
    const r = rejection(() => checkGlossary('bad/future-version.json'));
    expect(r.details[0]).toMatch(/^version: /);
  });

  it('JSON that is no glossary at all says what a feed can be', () => {
    const r = rejection(() => detectFeedDocument(fixture('bad/not-a-glossary.json')));
    expect(r.code).toBe('unsupported');
    expect(r.message).toMatch(/termlight-feed.*termlight-glossary.*DefinedTermSet/);
  });

  it('a manifest set without version or hash is refused', () => {
    const r = rejection(() => validateManifest(JSON.parse(fixture('bad/manifest-no-version.json')), MANIFEST_URL));
    expect(r.details).toEqual(['sets[1]: needs a "version" or a "hash", so Termlight can tell when it changes']);
  });

  it('a manifest set file on another site is refused (the permission covers the feed\u2019s site only)', () => {
    const r = rejection(() => validateManifest(JSON.parse(fixture('bad/manifest-other-site.json')), MANIFEST_URL));
    expect(r.details).toEqual(["sets[1].url: must be on the feed's own site (https://feeds.example), the one you allowed Termlight to read"]);
  });

  it('a manifest listing a set twice is refused', () => {
    const r = rejection(() => validateManifest(JSON.parse(fixture('bad/manifest-duplicate-set.json')), MANIFEST_URL));
    expect(r.details).toEqual(['sets[1].id: duplicate set id "desk-slang" (first listed at sets[0])']);
  });

  it('a set file holding another set than the manifest says is refused', () => {
    const { sets } = validateManifest(JSON.parse(fixture('manifest/feed.json')), MANIFEST_URL);
    const r = rejection(() => validateSetFile(JSON.parse(fixture('bad/set-file-wrong-set.json')), sets[1], 'sets/quant-corner.json', 50_000));
    expect(r.details[0]).toBe('sets/quant-corner.json: sets: must hold exactly one set, "quant-corner" (as the manifest says); it holds "other-set"');
  });

  it('more terms than the cap is refused before the schema runs', () => {
    const terms = Array.from({ length: 11 }, () => ({}));
    const r = rejection(() => validateGlossaryDocument({ format: 'termlight-glossary', version: 1, sets: [], terms }, '', 10));
    expect(r).toMatchObject({ code: 'too-many-terms', message: 'The feed holds 11 terms; Termlight accepts at most 10 per feed. Nothing was changed.' });
  });
});

describe('feed ids and addresses', () => {
  it('stores a feed in its own namespace and reads it back', () => {
    const glossary = checkGlossary('glossary.json');
    const stored = toStored(glossary, FEED, MANIFEST_URL);
    expect(stored.sets[0]).toMatchObject({ id: `${FEED}-desk-slang`, origin: 'feed', source: MANIFEST_URL });
    expect(stored.terms[1]).toMatchObject({ id: `${FEED}-quokka-ratio`, sets: [`${FEED}-quant-corner`, `${FEED}-desk-slang`] });
    expect(stored.terms[0].related).toEqual([`${FEED}-quokka-ratio`]);
    expect(fromStored(stored, FEED).terms).toEqual(glossary.terms);
  });

  it('refuses ids too long to be stored under the feed prefix', () => {
    const glossary = checkGlossary('glossary.json');
    const long = 'x'.repeat(70);
    const r = rejection(() =>
      checkFeedContent({ sets: glossary.sets, terms: [{ ...glossary.terms[2], id: long }], termWhere: [''] }, FEED, 50_000),
    );
    expect(r.details[0]).toBe(`term "${long}" (terms[0]): id is too long for a feed term (at most 66 characters)`);
  });

  it('normalizes addresses and refuses what is not http(s)', () => {
    expect(normalizeFeedUrl(' https://Feeds.Example/a/feed.json#top ')).toBe('https://feeds.example/a/feed.json');
    expect(() => normalizeFeedUrl('ftp://feeds.example/feed.json')).toThrow(/must start with https:\/\//);
    expect(() => normalizeFeedUrl('feeds.example/feed.json')).toThrow(/is not a web address/);
    expect(originPattern('http://127.0.0.1:8080/feed.json')).toBe('http://127.0.0.1/*');
    expect(feedIdFor('https://feeds.example/feed.json')).toMatch(/^feed-[0-9a-f]{8}$/);
  });
});
