import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listFeeds } from '../../utils/db/feed-store';
import { getAllTerms, getRevision, listSets, replaceSets } from '../../utils/db/glossary-store';
import { openGlossaryDb, type GlossaryDb } from '../../utils/db/schema';
import { FEED_PROGRESS_PORT, type FeedProgress } from '../../utils/feeds/feed-record';
import { FEED_ALARM, createFeedService, scheduleFeedSync } from '../../utils/feeds/feed-service';
import { glossaryRevisionItem } from '../../utils/glossary/revision-signal';
import { parseGlossaryDocument } from '../../utils/import/parse';
import { fakeServer, file, fixture, type FakeServer } from '../fixtures/feeds/fake-server';

let db: GlossaryDb;
let server: FakeServer;
let n = 0;

beforeEach(async () => {
  db = await openGlossaryDb(`feed-service-${++n}`);
  await replaceSets(db, {
    sets: [{ id: 'basics', title: 'Basics', description: '', origin: 'bundled' }],
    terms: [{ id: 'basis', term: 'Basis', aliases: [], abbreviations: [], summary: 'Futures price minus spot price.', body: '', sets: ['basics'], related: [] }],
  }, 'bundled');
  server = fakeServer();
});
afterEach(() => db.close());

function service(extra: Partial<Parameters<typeof createFeedService>[0]> = {}) {
  return createFeedService({ db: Promise.resolve(db), fetch: server.fetch, parseJsonLd: parseGlossaryDocument, sleep: async () => undefined, ...extra });
}

describe('the feed service', () => {
  it('never runs two syncs at once', async () => {
    let running = 0;
    let most = 0;
    const slow = async (input: string, init?: RequestInit) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 20));
      running--;
      return server.fetch(input, init);
    };
    server.route('/a.json', file(fixture('glossary.json'), '"a"'));
    const feeds = service({ fetch: slow });
    const sub = await feeds.subscribe(server.url('/a.json'));
    expect(sub.ok).toBe(true);
    const results = await Promise.all([feeds.sync(), feeds.sync(), feeds.sync()]);
    expect(results.flat().map((r) => r.status)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(most).toBe(1);
  });

  it('tells open tabs the glossary changed, and not after a 304', async () => {
    server.route('/a.json', file(fixture('glossary.json'), '"a"'));
    const changed = vi.fn();
    const feeds = service({ onGlossaryChanged: changed });
    await feeds.subscribe(server.url('/a.json'));
    const revision = await getRevision(db);
    expect(await glossaryRevisionItem.getValue()).toBe(revision);
    expect(changed).toHaveBeenCalledTimes(1); // the background then rebuilds the search index
    await glossaryRevisionItem.setValue(-1);
    await feeds.sync();
    expect(await glossaryRevisionItem.getValue()).toBe(-1);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('sends progress to a connected page, and what is running to a page that connects late', async () => {
    server.route('/a.json', file(fixture('glossary.json')));
    const feeds = service();
    const received: FeedProgress[] = [];
    feeds.connect({ name: FEED_PROGRESS_PORT, postMessage: (m) => received.push(m), onDisconnect: { addListener: () => undefined } });
    feeds.connect({ name: 'someone-else', postMessage: () => expect.fail('not ours'), onDisconnect: { addListener: () => undefined } });
    await feeds.subscribe(server.url('/a.json'));
    expect(received.map((e) => e.kind)).toEqual(['progress', 'progress', 'progress', 'done']);
  });

  it('unsubscribing removes the feed, its sets and terms, and gives back the site permission', async () => {
    server.route('/a.json', file(fixture('glossary.json')));
    const released: string[] = [];
    const feeds = service({ removeOrigin: async (p) => void released.push(p) });
    const sub = await feeds.subscribe(server.url('/a.json'));
    if (!sub.ok) throw new Error(sub.error.message);
    expect(await feeds.unsubscribe(sub.feed.id)).toBe(true);
    expect(await listFeeds(db)).toEqual([]);
    expect((await listSets(db)).map((s) => s.id)).toEqual(['basics']);
    expect((await getAllTerms(db)).map((t) => t.id)).toEqual(['basis']);
    expect(released).toEqual(['https://feeds.example/*']);
    expect(await feeds.unsubscribe(sub.feed.id)).toBe(false);
  });

  it('lists feeds with whether they are syncing', async () => {
    server.route('/a.json', file(fixture('glossary.json')));
    const feeds = service();
    await feeds.subscribe(server.url('/a.json'));
    expect((await feeds.list()).map((f) => [f.title, f.termCount, f.syncing])).toEqual([['feeds.example', 3, false]]);
  });
});

describe('the sync schedule', () => {
  function fakeAlarms() {
    const alarms = new Map<string, { periodInMinutes?: number; delayInMinutes?: number }>();
    return {
      alarms,
      get: async (name: string) => alarms.get(name),
      create: async (name: string, info: { periodInMinutes?: number; delayInMinutes?: number }) => void alarms.set(name, info),
    };
  }

  it('checks feeds every 12 hours by default, and follows the setting', async () => {
    const api = fakeAlarms();
    await scheduleFeedSync(api, 12);
    expect(api.alarms.get(FEED_ALARM)).toEqual({ delayInMinutes: 720, periodInMinutes: 720 });
    await scheduleFeedSync(api, 24);
    expect(api.alarms.get(FEED_ALARM)?.periodInMinutes).toBe(1440);
  });

  it('leaves a running alarm alone when the period is the same (every worker start)', async () => {
    const api = fakeAlarms();
    api.alarms.set(FEED_ALARM, { periodInMinutes: 720, delayInMinutes: 3 });
    await scheduleFeedSync(api, 12);
    expect(api.alarms.get(FEED_ALARM)?.delayInMinutes).toBe(3);
  });

  it('syncs every feed when the alarm fires, and ignores other alarms', async () => {
    server.route('/a.json', file(fixture('glossary.json'), '"a"'));
    const feeds = service();
    await feeds.subscribe(server.url('/a.json'));
    expect(feeds.onAlarm('something-else')).toBeUndefined();
    expect((await feeds.onAlarm(FEED_ALARM))?.map((o) => o.status)).toEqual(['unchanged']);
  });
});
