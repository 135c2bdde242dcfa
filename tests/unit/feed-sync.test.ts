import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getFeed, listFeeds } from '../../utils/db/feed-store';
import { getAllTerms, getRevision, getTerm, listSets, replaceSets } from '../../utils/db/glossary-store';
import { openGlossaryDb, type GlossaryDb } from '../../utils/db/schema';
import { glossaryToFeedFiles } from '../../utils/feeds/feed-files';
import type { FeedProgress, SubscribeResult } from '../../utils/feeds/feed-record';
import { subscribeToFeed, syncFeed, type SyncDeps } from '../../utils/feeds/sync-feed';
import { compileBundledGlossary } from '../../utils/glossary/compile-bundled';
import type { Glossary } from '../../utils/glossary/schema';
import { parseGlossaryDocument } from '../../utils/import/parse';
import { readBundledSources } from '../../data/tools/read-sources';
import { cutOff, fakeServer, file, fixture, type FakeServer } from '../fixtures/feeds/fake-server';

const BUNDLED: Glossary = {
  format: 'termlight-glossary',
  version: 1,
  sets: [{ id: 'basics', title: 'Basics', description: '', origin: 'bundled' }],
  terms: [
    { id: 'zephyr-spread', term: 'Zephyr Spread', aliases: [], abbreviations: [], summary: 'The bundled meaning, which a feed must not overwrite.', body: '', sets: ['basics'], related: [] },
    { id: 'basis', term: 'Basis', aliases: [], abbreviations: [], summary: 'Futures price minus spot price.', body: '', sets: ['basics'], related: [] },
  ],
};

let db: GlossaryDb;
let server: FakeServer;
let events: FeedProgress[];
let dbCount = 0;

function deps(overrides: Partial<SyncDeps> = {}): SyncDeps {
  return {
    db,
    fetch: server.fetch,
    parseJsonLd: parseGlossaryDocument,
    sleep: async () => undefined,
    onProgress: (e) => events.push(e),
    ...overrides,
  };
}

function ok(result: SubscribeResult) {
  if (!result.ok) throw new Error(`subscription failed: ${result.error.message} ${result.error.details?.join('; ') ?? ''}`);
  return result.feed;
}

async function feedTerms(feedId: string) {
  return (await getAllTerms(db)).filter((t) => t.id.startsWith(`${feedId}-`)).map((t) => [t.id.slice(feedId.length + 1), t.summary]);
}

beforeEach(async () => {
  db = await openGlossaryDb(`feed-test-${++dbCount}`);
  await replaceSets(db, BUNDLED, 'bundled');
  server = fakeServer();
  events = [];
});
afterEach(() => db.close());

describe('subscribing to a feed', () => {
  it('stores a Termlight glossary feed in its own namespace, beside the bundled glossary', async () => {
    server.route('/glossary.json', file(fixture('glossary.json'), '"g1"'));
    const feed = ok(await subscribeToFeed(deps(), server.url('/glossary.json')));

    expect(feed).toMatchObject({ url: server.url('/glossary.json'), etag: '"g1"', termCount: 3, format: 'termlight-glossary', lastError: undefined });
    expect(feed.sets.map((s) => [s.id, s.storedId, s.termCount])).toEqual([
      ['desk-slang', `${feed.id}-desk-slang`, 2],
      ['quant-corner', `${feed.id}-quant-corner`, 2],
    ]);
    const sets = await listSets(db);
    expect(sets.find((s) => s.id === `${feed.id}-desk-slang`)).toMatchObject({ origin: 'feed', source: feed.url, termCount: 2 });
    // The bundled term of the same name keeps its own definition.
    expect((await getTerm(db, 'zephyr-spread'))?.summary).toBe(BUNDLED.terms[0].summary);
    expect((await getTerm(db, `${feed.id}-zephyr-spread`))?.related).toEqual([`${feed.id}-quokka-ratio`]);
    expect(await getRevision(db)).toBe(2);
    expect(events.map((e) => (e.kind === 'progress' ? e.stage : e.kind))).toEqual(['download', 'check', 'save', 'done']);
  });

  it('stores nothing when the first download is not valid', async () => {
    server.route('/bad.json', file(fixture('bad/empty-summary.json')));
    const result = await subscribeToFeed(deps(), server.url('/bad.json'));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid', details: ['terms[0].summary: must not be empty'] } });
    expect(await listFeeds(db)).toEqual([]);
    expect((await listSets(db)).map((s) => s.id)).toEqual(['basics']);
    expect(await getRevision(db)).toBe(1);
    expect(events.at(-1)).toMatchObject({ kind: 'error', error: { code: 'invalid' } });
  });

  it('refuses the same feed twice and an address that is not a web address', async () => {
    server.route('/glossary.json', file(fixture('glossary.json')));
    ok(await subscribeToFeed(deps(), server.url('/glossary.json')));
    expect(await subscribeToFeed(deps(), `${server.url('/glossary.json')}#again`)).toMatchObject({ ok: false, error: { code: 'exists' } });
    expect(await subscribeToFeed(deps(), 'javascript:alert(1)')).toMatchObject({ ok: false, error: { code: 'bad-url' } });
  });

  it('reads a schema.org DefinedTermSet through the import parser', async () => {
    server.route('/harbour.jsonld', file(fixture('defined-term-set.jsonld')));
    const feed = ok(await subscribeToFeed(deps(), server.url('/harbour.jsonld')));
    expect(feed).toMatchObject({ format: 'json-ld', title: 'Harbour Terms', termCount: 2 });
    expect((await feedTerms(feed.id)).map(([id]) => id).sort()).toEqual(['pier-premium', 'tidewater-basis']);
  });

  it('subscribes to the feed `npm run build:feed` writes from the bundled glossary', async () => {
    const glossary = compileBundledGlossary(readBundledSources());
    for (const f of await glossaryToFeedFiles(glossary)) server.route(`/termlight/${f.path}`, file(f.text));
    const feed = ok(await subscribeToFeed(deps(), server.url('/termlight/feed.json')));
    expect(feed.termCount).toBe(glossary.terms.length);
    expect(feed.sets).toHaveLength(glossary.sets.length);
    expect(feed.sets.every((s) => s.hash?.startsWith('sha256:'))).toBe(true);
  });
});

describe('syncing a feed', () => {
  async function subscribed() {
    server.route('/glossary.json', file(fixture('glossary.json'), '"g1"'));
    return ok(await subscribeToFeed(deps({ now: () => 1000 }), server.url('/glossary.json')));
  }

  it('an unchanged feed costs one 304 and rewrites nothing', async () => {
    const feed = await subscribed();
    const revision = await getRevision(db);
    const outcome = await syncFeed(deps({ now: () => 2000 }), feed.id);
    expect(outcome).toEqual({ feedId: feed.id, status: 'unchanged', termCount: 3 });
    expect(server.requests.at(-1)?.headers.get('if-none-match')).toBe('"g1"');
    expect(await getRevision(db)).toBe(revision);
    expect(await getFeed(db, feed.id)).toMatchObject({ lastSuccess: 2000, lastUpdated: 1000 });
  });

  it('a changed feed replaces its terms: changed ones updated, dropped ones removed', async () => {
    const feed = await subscribed();
    const next = JSON.parse(fixture('glossary.json'));
    next.terms[0].summary = 'A new definition of the zephyr spread, from the second sync.';
    next.terms.pop();
    server.route('/glossary.json', file(JSON.stringify(next), '"g2"'));
    const outcome = await syncFeed(deps(), feed.id);
    expect(outcome).toMatchObject({ status: 'updated', termCount: 2 });
    expect(await feedTerms(feed.id)).toEqual([
      ['quokka-ratio', next.terms[1].summary],
      ['zephyr-spread', 'A new definition of the zephyr spread, from the second sync.'],
    ]);
    expect(await getFeed(db, feed.id)).toMatchObject({ etag: '"g2"', termCount: 2 });
  });

  it.each([
    ['malformed JSON', () => file(fixture('bad/malformed.json')), 'malformed', 1],
    ['a truncated body', () => cutOff(fixture('glossary.json'), 200), 'truncated', 3],
    ['an HTTP 500', () => () => new Response('boom', { status: 500, statusText: 'Internal Server Error' }), 'http', 3],
    ['a body over the size cap', () => () => new Response('{}', { headers: { 'content-length': String(21 * 1024 * 1024) } }), 'too-large', 1],
    ['an invalid term', () => file(fixture('bad/unknown-related.json')), 'invalid', 1],
    ['JSON that is no glossary', () => file(fixture('bad/not-a-glossary.json')), 'unsupported', 1],
  ] as const)('%s keeps the previous copy and stores the error', async (_label, handler, code, tries) => {
    const feed = await subscribed();
    const before = await feedTerms(feed.id);
    const revision = await getRevision(db);
    server.route('/glossary.json', handler());
    const requestsBefore = server.count('/glossary.json');
    const outcome = await syncFeed(deps(), feed.id);
    expect(outcome).toMatchObject({ status: 'failed', error: { code } });
    expect(server.count('/glossary.json') - requestsBefore).toBe(tries);
    expect(await feedTerms(feed.id)).toEqual(before);
    expect(await getRevision(db)).toBe(revision);
    const stored = await getFeed(db, feed.id);
    expect(stored?.lastError).toMatchObject({ code });
    expect(stored?.etag).toBe('"g1"');

    // The next good sync clears the error.
    server.route('/glossary.json', file(fixture('glossary.json'), '"g1"'));
    expect(await syncFeed(deps(), feed.id)).toMatchObject({ status: 'unchanged' });
    expect((await getFeed(db, feed.id))?.lastError).toBeUndefined();
  });

  it('a full disk during the write leaves the previous copy whole and says what to do', async () => {
    const feed = await subscribed();
    const before = await feedTerms(feed.id);
    const next = JSON.parse(fixture('glossary.json'));
    for (const t of next.terms) t.summary = `Changed: ${t.summary}`;
    server.route('/glossary.json', file(JSON.stringify(next), '"g2"'));

    const realPut = IDBObjectStore.prototype.put;
    let puts = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'terms' && ++puts === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    const outcome = await syncFeed(deps(), feed.id);
    vi.restoreAllMocks();

    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'quota' } });
    if (outcome.status === 'failed') expect(outcome.error.message).toMatch(/no storage space left.*previous copy is still in use/);
    expect(await feedTerms(feed.id)).toEqual(before);
    expect((await getFeed(db, feed.id))?.etag).toBe('"g1"');
  });

  it('keeps a feed term\u2019s membership in a set outside the feed (an import linked it)', async () => {
    const feed = await subscribed();
    const id = `${feed.id}-blorp-index`;
    const term = await getTerm(db, id);
    await db.put('terms', { ...term!, sets: [...term!.sets, 'imported-notes'] });
    const next = JSON.parse(fixture('glossary.json'));
    next.terms[2].summary = 'Blorp, second edition: still an index of nothing at all.';
    server.route('/glossary.json', file(JSON.stringify(next), '"g2"'));
    await syncFeed(deps(), feed.id);
    expect(await getTerm(db, id)).toMatchObject({ summary: next.terms[2].summary, sets: [`${feed.id}-quant-corner`, 'imported-notes'] });
    next.terms.pop();
    server.route('/glossary.json', file(JSON.stringify(next), '"g3"'));
    expect(await syncFeed(deps(), feed.id)).toMatchObject({ status: 'updated', termCount: 2 });
    expect((await getTerm(db, id))?.sets).toEqual(['imported-notes']);
  });

  it('refuses more terms than the cap', async () => {
    const feed = await subscribed();
    const outcome = await syncFeed(deps({ limits: { maxTerms: 2 } }), feed.id);
    // A 304 is not a download: force a change.
    expect(outcome.status).toBe('unchanged');
    server.route('/glossary.json', file(fixture('glossary.json'), '"g3"'));
    expect(await syncFeed(deps({ limits: { maxTerms: 2 } }), feed.id)).toMatchObject({
      status: 'failed',
      error: { code: 'too-many-terms', message: 'The feed holds 3 terms; Termlight accepts at most 2 per feed. Nothing was changed.' },
    });
  });
});

describe('feed manifests', () => {
  function serveManifest(manifest: unknown, etag: string) {
    server.route('/desk/feed.json', file(JSON.stringify(manifest), etag));
  }
  const manifest = () => JSON.parse(fixture('manifest/feed.json'));

  beforeEach(() => {
    server.route('/desk/sets/desk-slang.json', file(fixture('manifest/sets/desk-slang.json')));
    server.route('/desk/sets/quant-corner.json', file(fixture('manifest/sets/quant-corner.json')));
  });

  it('downloads every set on subscribing, then only the sets whose version changed', async () => {
    serveManifest(manifest(), '"m1"');
    const feed = ok(await subscribeToFeed(deps(), server.url('/desk/feed.json')));
    expect(feed).toMatchObject({ title: 'Test desk feed', format: 'termlight-feed', termCount: 3 });
    expect(feed.sets.map((s) => [s.id, s.version])).toEqual([
      ['desk-slang', 1],
      ['quant-corner', '2024-05-01'],
    ]);

    const next = manifest();
    next.sets[0].version = 2;
    serveManifest(next, '"m2"');
    const slang = JSON.parse(fixture('manifest/sets/desk-slang.json'));
    slang.terms[0].summary = 'Version two of the zephyr spread.';
    server.route('/desk/sets/desk-slang.json', file(JSON.stringify(slang)));

    const outcome = await syncFeed(deps(), feed.id);
    expect(outcome).toMatchObject({ status: 'updated', changedSets: ['desk-slang'], removedSets: [], termCount: 3 });
    expect(server.count('/desk/sets/desk-slang.json')).toBe(2);
    expect(server.count('/desk/sets/quant-corner.json')).toBe(1);
    expect(await feedTerms(feed.id)).toContainEqual(['zephyr-spread', 'Version two of the zephyr spread.']);
    expect(await feedTerms(feed.id)).toContainEqual(['blorp-index', expect.any(String)]);
  });

  it('a new manifest ETag with the same versions downloads no set and writes nothing', async () => {
    serveManifest(manifest(), '"m1"');
    const feed = ok(await subscribeToFeed(deps(), server.url('/desk/feed.json')));
    const revision = await getRevision(db);
    serveManifest({ ...manifest(), title: 'Test desk feed' }, '"m1b"');
    expect(await syncFeed(deps(), feed.id)).toMatchObject({ status: 'unchanged' });
    expect(server.count('/desk/sets/desk-slang.json')).toBe(1);
    expect(await getRevision(db)).toBe(revision);
    expect((await getFeed(db, feed.id))?.etag).toBe('"m1b"');
  });

  it('removes a set the manifest dropped, with its terms', async () => {
    serveManifest(manifest(), '"m1"');
    const feed = ok(await subscribeToFeed(deps(), server.url('/desk/feed.json')));
    const next = manifest();
    next.sets = [next.sets[1]];
    // quokka-ratio is also in desk-slang: the set files must follow the manifest.
    const quant = JSON.parse(fixture('manifest/sets/quant-corner.json'));
    quant.terms[0].sets = ['quant-corner'];
    next.sets[0].version = 'v2';
    server.route('/desk/sets/quant-corner.json', file(JSON.stringify(quant)));
    serveManifest(next, '"m2"');
    expect(await syncFeed(deps(), feed.id)).toMatchObject({ status: 'updated', removedSets: ['desk-slang'], termCount: 2 });
    expect((await listSets(db)).map((s) => s.id)).not.toContain(`${feed.id}-desk-slang`);
    expect((await feedTerms(feed.id)).map(([id]) => id).sort()).toEqual(['blorp-index', 'quokka-ratio']);
  });

  it('refuses a manifest whose remaining sets still point at a dropped set', async () => {
    serveManifest(manifest(), '"m1"');
    const feed = ok(await subscribeToFeed(deps(), server.url('/desk/feed.json')));
    const next = manifest();
    next.sets = [next.sets[1]];
    serveManifest(next, '"m2"');
    const outcome = await syncFeed(deps(), feed.id);
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'invalid' } });
    if (outcome.status === 'failed') {
      expect(outcome.error.details).toContain('sets/quant-corner.json (unchanged): term "quokka-ratio", field sets[1]: unknown set "desk-slang" in "quokka-ratio"');
    }
    expect(await feedTerms(feed.id)).toHaveLength(3);
  });

  it('refuses a set file that does not match its hash', async () => {
    const m = manifest();
    m.sets[0] = { id: 'desk-slang', url: 'sets/desk-slang.json', hash: `sha256:${'0'.repeat(64)}` };
    serveManifest(m, '"m1"');
    const result = await subscribeToFeed(deps(), server.url('/desk/feed.json'));
    expect(result).toMatchObject({ ok: false, error: { code: 'hash-mismatch' } });
    expect(await listFeeds(db)).toEqual([]);
  });
});
