/**
 * Issue 10, hostile glossary input, the feed side: hostile manifests, feed
 * addresses that are not web addresses, a feed that tries to take over the
 * bundled glossary, and feeds that turn hostile on a later sync (the stored
 * copy must stay whole and in use, with a readable error kept on the feed).
 * The import paths of the same files run through the harness too.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getFeed, listFeeds } from '../../utils/db/feed-store';
import { getRevision } from '../../utils/db/glossary-store';
import type { GlossaryDb } from '../../utils/db/schema';
import { subscribeToFeed, syncFeed, type SyncDeps } from '../../utils/feeds/sync-feed';
import { parseGlossaryDocument } from '../../utils/import/parse';
import { fakeServer, file, type FakeServer } from '../fixtures/feeds/fake-server';
import {
  expectNoPollution,
  expectReadable,
  expectSeedIntact,
  feedError,
  feedTerms,
  hostileText,
  openSeededDb,
  readAll,
  runFixture,
  SEED_TERMS,
} from '../fixtures/hostile/harness';

let db: GlossaryDb;
let server: FakeServer;
beforeEach(async () => {
  db = await openSeededDb();
  server = fakeServer();
});
afterEach(() => db.close());

const deps = (): SyncDeps => ({ db, fetch: server.fetch, parseJsonLd: parseGlossaryDocument, sleep: async () => undefined });

const setFile = (id: string, terms: unknown[]) =>
  JSON.stringify({ format: 'termlight-glossary', version: 1, sets: [{ id, title: `Set ${id}`, description: '' }], terms });

const goodTerm = { id: 'calm-spread', term: 'Calm Spread', summary: 'A term from a feed that behaved, at first.', sets: ['desk'] };

describe('hostile feed manifests and addresses', () => {
  it('a manifest whose set files are javascript:, data:, file: or other-site URLs is refused before any set file is fetched', async () => {
    server.route('/hostile/feed.json', file(hostileText('feed-manifest-script-urls.json')));
    const result = await subscribeToFeed(deps(), server.url('/hostile/feed.json'));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid', message: 'The feed manifest has 4 problems, so nothing was changed.' } });
    if (result.ok) return;
    expect(result.error.details).toEqual([0, 1, 2, 3].map((i) => `sets[${i}].url: must be on the feed's own site (https://feeds.example), the one you allowed Termlight to read`));
    expect(server.requests.map((r) => r.url)).toEqual([server.url('/hostile/feed.json')]);
    expect(await listFeeds(db)).toEqual([]);
    // The import reads it as what it is: not a glossary.
    const trip = await runFixture('feed-manifest-script-urls.json');
    expect(trip.parsed.error).toMatch(/^This JSON is neither a Termlight glossary nor schema\.org JSON-LD/);
  });

  it('a manifest with __proto__ keys and a __proto__ set id pollutes nothing and is refused by path', async () => {
    const trip = await runFixture('feed-manifest-proto.json');
    expect(feedError(trip)).toMatchObject({ code: 'invalid', message: 'The feed manifest has 3 problems, so nothing was changed.' });
    expect(feedError(trip)?.details).toEqual([
      'sets[0].id: must be a lowercase slug like "volatility"',
      'sets[1].__proto__: Invalid key: Expected never but received "__proto__"',
      '__proto__: Invalid key: Expected never but received "__proto__"',
    ]);
    expectNoPollution();
  });

  for (const address of ['javascript:alert(document.domain)', 'data:application/json,{"format":"termlight-glossary"}', 'file:///etc/passwd', 'ftp://feeds.example/glossary.json']) {
    it(`the feed address ${address.split(':')[0]}:… is refused before anything is fetched`, async () => {
      const result = await subscribeToFeed(deps(), address);
      expect(result).toMatchObject({ ok: false, error: { code: 'bad-url', message: 'A feed address must start with https:// (or http://).' } });
      expect(server.requests).toEqual([]);
      expect(await listFeeds(db)).toEqual([]);
    });
  }

  it('a feed cannot take over a bundled set or term by reusing its ids and claiming origin "bundled"', async () => {
    const trip = await runFixture('feed-claims-bundled.json');
    expect(trip.feed.ok).toBe(true);
    // The bundled records are untouched (the harness compares every seeded one); the feed's live in its namespace.
    const prefix = trip.feed.ok ? `${trip.feed.feed.id}-` : '';
    expect(trip.fed.sets.find((s) => s.id === `${prefix}market-basics`)).toMatchObject({ origin: 'feed', title: 'Market Basics' });
    expect(trip.fed.sets.find((s) => s.id === 'market-basics')?.origin).toBe('bundled');
    expect(feedTerms(trip).map((t) => [t.id, t.summary])).toEqual([
      ['funding-rate', '<b>Hijacked</b> definition from a feed.'],
      ['open-interest', 'Another hijacked definition.'],
    ]);
    // The import links the stored terms instead of rewriting them.
    expect(trip.preview.conflicting.map((c) => [c.id, c.kind])).toEqual([
      ['funding-rate', 'id'],
      ['open-interest', 'id'],
    ]);
    expect(trip.imported.terms.find((t) => t.id === 'funding-rate')?.summary).toBe(SEED_TERMS[0].summary);
  });
});

describe('a feed that turns hostile on a later sync keeps its previous copy', () => {
  async function subscribedManifestFeed() {
    server.route('/desk/feed.json', file(JSON.stringify({ format: 'termlight-feed', version: 1, sets: [{ id: 'desk', url: 'sets/desk.json', version: 1 }] }), '"m1"'));
    server.route('/desk/sets/desk.json', file(setFile('desk', [goodTerm])));
    const result = await subscribeToFeed(deps(), server.url('/desk/feed.json'));
    if (!result.ok) throw new Error(result.error.message);
    return result.feed;
  }

  async function syncTo(setFileText: string) {
    const feed = await subscribedManifestFeed();
    const before = await readAll(db);
    server.route('/desk/feed.json', file(JSON.stringify({ format: 'termlight-feed', version: 1, sets: [{ id: 'desk', url: 'sets/desk.json', version: 2 }] }), '"m2"'));
    server.route('/desk/sets/desk.json', file(setFileText));
    const outcome = await syncFeed(deps(), feed.id);
    const after = await readAll(db);
    expect(after, 'the previous copy stays whole and in use').toEqual(before);
    expectSeedIntact(after);
    expectNoPollution();
    expect(after.terms.find((t) => t.id === `${feed.id}-calm-spread`)?.summary).toBe(goodTerm.summary);
    const stored = await getFeed(db, feed.id);
    expect(stored?.lastError, 'the error is kept on the feed').toBeDefined();
    expectReadable(stored!.lastError!.message, 'stored feed error');
    for (const detail of stored!.lastError!.details ?? []) expectReadable(detail, 'stored feed error detail');
    return { outcome, error: stored!.lastError! };
  }

  it('a set file that nests 100,000 levels deep is refused, and the stored copy stays', async () => {
    const { outcome, error } = await syncTo(`{"format":"termlight-glossary","version":1,"sets":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(outcome.status).toBe('failed');
    expect(error).toMatchObject({ code: 'malformed', message: expect.stringMatching(/^The feed nests lists or objects more than 100 levels deep \(at line 1, column \d+\)/) });
  });

  it('a set file whose term names carry a right-to-left override or a NUL is refused by file and field, and the stored copy stays', async () => {
    const { error } = await syncTo(
      setFile('desk', [
        { ...goodTerm, term: '\u202eetaR gnidnuF' },
        { id: 'nul-spread', term: 'Nul\u0000Spread', summary: 'A NUL in the name.', sets: ['desk'] },
      ]),
    );
    expect(error).toMatchObject({ code: 'invalid', message: 'The file sets/desk.json has 2 problems, so nothing was changed.' });
    expect(error.details).toEqual([
      'sets/desk.json: terms[0].term: must not contain tabs, line breaks, or invisible or direction-changing characters (found U+202E RIGHT-TO-LEFT OVERRIDE)',
      'sets/desk.json: terms[1].term: must not contain control characters (found U+0000 NUL)',
    ]);
  });

  it('a set file with __proto__ keys and a 10 MB summary is refused with short details, and the stored copy stays', async () => {
    const { error } = await syncTo(
      setFile('desk', [{ ...goodTerm, summary: 'x'.repeat(10 * 1024 * 1024) }]).replace('"format"', '"__proto__":{"polluted":1},"format"'),
    );
    expect(error.code).toBe('invalid');
    expect(error.details).toEqual([
      'sets/desk.json: terms[0].summary: must be at most 240 characters',
      'sets/desk.json: __proto__: Invalid key: Expected never but received "__proto__"',
    ]);
  });

  it('a set file served as UTF-16 is refused as not UTF-8, and the stored copy stays', async () => {
    const feed = await subscribedManifestFeed();
    const revision = await getRevision(db);
    server.route('/desk/feed.json', file(JSON.stringify({ format: 'termlight-feed', version: 1, sets: [{ id: 'desk', url: 'sets/desk.json', version: 3 }] }), '"m3"'));
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(setFile('desk', [goodTerm]), 'utf16le'))]);
    server.route('/desk/sets/desk.json', () => new Response(utf16, { status: 200 }));
    const outcome = await syncFeed(deps(), feed.id);
    expect(outcome).toMatchObject({ status: 'failed', error: { code: 'malformed', message: 'The feed is not UTF-8 text, so it cannot be read.' } });
    expect(await getRevision(db)).toBe(revision);
  });

  it('a manifest set file with markup in every field is stored as literal text', async () => {
    const feed = await subscribedManifestFeed();
    server.route('/desk/feed.json', file(JSON.stringify({ format: 'termlight-feed', version: 1, sets: [{ id: 'desk', url: 'sets/desk.json', version: 4 }] }), '"m4"'));
    const payload = {
      id: 'calm-spread',
      term: '<img src=x onerror=alert(1)>',
      aliases: ['<svg onload=alert(2)>'],
      abbreviations: ['<b>CS</b>'],
      summary: '<script>alert(3)</script> in a summary.',
      body: '<iframe srcdoc="<script>alert(4)</script>"></iframe>',
      sets: ['desk'],
    };
    server.route('/desk/sets/desk.json', file(setFile('desk', [payload]).replace('"title":"Set desk"', '"title":"<script>alert(5)</script>"')));
    expect(await syncFeed(deps(), feed.id)).toMatchObject({ status: 'updated' });
    const stored = await db.get('terms', `${feed.id}-calm-spread`);
    expect(stored).toMatchObject({ ...payload, id: `${feed.id}-calm-spread`, sets: [`${feed.id}-desk`] });
    expect((await db.get('sets', `${feed.id}-desk`))?.title).toBe('<script>alert(5)</script>');
    expectSeedIntact(await readAll(db));
  });
});
