/**
 * Feed sync end to end: a real HTTP server on 127.0.0.1 that each test
 * controls (the `server` fixture), the real options page, the real service
 * worker and IndexedDB, and a fixture page whose highlights must follow.
 *
 * The host permission prompt. The options page asks
 * `browser.permissions.request({ origins: ['http://127.0.0.1/*'] })` in the
 * submit handler, as it must. Chromium shows that prompt as native browser
 * UI, which nothing can click in a headless run (no command-line switch
 * auto-accepts it, and `developerPrivate.addHostPermission` does not grant
 * optional hosts), so the request would never settle. The test therefore
 * answers the prompt itself: before the options page loads, an init script
 * replaces `chrome.permissions.request` in that page with one that records
 * what was asked and says "granted". Nothing in the extension has a test
 * hook; the test checks the page asked for exactly the feed's origin. The
 * download needs no real grant in Chromium, because the content script's
 * `http://*\/*` match already gives the worker host access there.
 *
 * Reading the database: the options page shares the worker's origin, so the
 * tests read IndexedDB from there; that keeps working while the worker is
 * killed and restarted.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { expect, test, waitForGlossary } from './fixtures';
import { readStores, stopServiceWorker } from './support';
import type { FeedRecord } from '../../utils/feeds/feed-record';

type Mode = 'ok' | 'malformed' | 'truncated' | 'error-500' | 'too-large' | 'stall';

interface FeedServer {
  url: string;
  mode: Mode;
  body: string;
  etag: string;
  requests: Array<{ ifNoneMatch?: string }>;
  /** Responses held open by `stall`, ended when the test is done with them. */
  held: ServerResponse[];
}

interface Term {
  id: string;
  term: string;
  summary: string;
  sets: string[];
  abbreviations?: string[];
}

function glossaryText(terms: Term[]): string {
  return JSON.stringify({
    format: 'termlight-glossary',
    version: 1,
    sets: [{ id: 'desk-slang', title: 'Desk Slang', description: 'Words from a test desk.' }],
    terms,
  });
}

const ZEPHYR: Term = { id: 'zephyr-spread', term: 'Zephyr Spread', summary: 'A test spread that exists only in this feed.', sets: ['desk-slang'] };
const QUOKKA: Term = { id: 'quokka-ratio', term: 'Quokka Ratio', abbreviations: ['QKR'], summary: 'A cheerful test measure of risk.', sets: ['desk-slang'] };
const BLORP: Term = { id: 'blorp-index', term: 'Blorp Index', summary: 'An index of nothing at all, for tests.', sets: ['desk-slang'] };
const WOMBAT: Term = { id: 'wombat-basis', term: 'Wombat Basis', summary: 'Arrives with the second version of the feed.', sets: ['desk-slang'] };

const V1 = glossaryText([ZEPHYR, QUOKKA, BLORP]);
const V2 = glossaryText([{ ...ZEPHYR, summary: 'The second version of the zephyr spread.' }, QUOKKA, WOMBAT]);

/** A big, valid feed: long enough to download, check and save that a worker can be killed in the middle. */
function bigGlossary(count: number): string {
  const terms: Term[] = [ZEPHYR, QUOKKA];
  for (let i = 0; i < count; i++) {
    terms.push({ id: `bulk-term-${i}`, term: `Bulkterm ${i}`, summary: `Bulk definition number ${i}, padded so the feed has some weight to it.`, sets: ['desk-slang'] });
  }
  return glossaryText(terms);
}

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Desk notes</title></head><body>
<main><h1>Desk notes</h1>
<p>This morning the Zephyr Spread widened while the Blorp Index fell.</p>
<p>The Wombat Basis stayed flat, and the QKR of the book rose again.</p>
<p>Meanwhile the open interest of the front month fell.</p>
</main></body></html>`;

function serveFeed(server: { route(path: string, h: (req: IncomingMessage, res: ServerResponse) => void): void; url(p: string): string }, name: string): FeedServer {
  const path = `/feeds/${name}/glossary.json`;
  const state: FeedServer = { url: server.url(path), mode: 'ok', body: V1, etag: '"v1"', requests: [], held: [] };
  server.route(path, (req, res) => {
    state.requests.push({ ifNoneMatch: req.headers['if-none-match'] });
    const body = Buffer.from(state.body);
    switch (state.mode) {
      case 'ok':
        if (req.headers['if-none-match'] === state.etag) return void res.writeHead(304, { etag: state.etag }).end();
        res.writeHead(200, { 'content-type': 'application/json', etag: state.etag, 'content-length': body.length });
        return void res.end(body);
      case 'malformed':
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('{"format": "termlight-glossary", "version": 1, "sets": [ {"id": "desk-slang" "title": "oops"} ]}');
      case 'truncated':
        // Says it sends everything, sends half, then the connection drops.
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
        res.write(body.subarray(0, Math.floor(body.length / 2)));
        return void setTimeout(() => res.socket?.destroy(), 50);
      case 'error-500':
        return void res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
      case 'too-large': {
        // No Content-Length: the extension has to count while the bytes stream in.
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < 25 && !res.destroyed) {
            sent++;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('error', () => undefined);
        return pump();
      }
      case 'stall':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length });
        res.write(body.subarray(0, 64 * 1024));
        state.held.push(res);
        return;
    }
  });
  return state;
}

/**
 * Answers the host-permission prompt "allow" in an options page, recording each
 * request. Idempotent: it keeps the requests recorded so far.
 */
function answerPermissionPrompts(): void {
  const w = window as unknown as { permissionRequests?: unknown[] };
  if (typeof chrome === 'undefined' || !chrome.permissions || w.permissionRequests) return;
  const requests: unknown[] = [];
  w.permissionRequests = requests;
  const answer = (permissions: unknown, callback?: (granted: boolean) => void) => {
    requests.push(permissions);
    if (typeof callback === 'function') {
      setTimeout(() => callback(true));
      return undefined;
    }
    return Promise.resolve(true);
  };
  Object.defineProperty(chrome.permissions, 'request', { value: answer, configurable: true, writable: true });
}

/** The options page, with the permission prompt answered "allow" (see the top of this file). */
async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript(answerPermissionPrompts);
  await page.goto(`chrome-extension://${extensionId}/options.html#feeds`);
  await expect(page.getByRole('heading', { name: 'Feeds' })).toBeVisible();
  // Once, in a loaded full run, a subscription hung before it started, as if waiting on the real
  // prompt (which nothing answers in a headless run): the init script had likely not taken. Make sure.
  await page.evaluate(answerPermissionPrompts);
  return page;
}

async function subscribe(options: Page, url: string): Promise<void> {
  await options.getByLabel('Feed address').fill(url);
  await options.getByRole('button', { name: 'Subscribe' }).click();
  await expect(options.locator('.tl-feed-notice')).toContainText('Subscribed to', { timeout: 30_000 });
}

const feedItem = (options: Page, url: string): Locator => options.locator(`li.tl-feed[data-feed-url="${url}"]`);

interface DbState {
  revision: number;
  feeds: FeedRecord[];
  /** Terms stored for feeds: [id without the feed prefix, summary]. */
  feedTerms: Array<[string, string]>;
  termCount: number;
}

/** IndexedDB as the worker left it, read from the options page (same origin). */
async function readDb(options: Page): Promise<DbState> {
  const [revision, feeds, feedTerms, termCount] = await readStores(options, [
    { store: 'meta', op: 'get', key: 'revision' },
    { store: 'feeds', op: 'getAll' },
    { store: 'terms', op: 'getAll', key: { from: 'feed-', to: 'feed-\uffff' } },
    { store: 'terms', op: 'count' },
  ]);
  return {
    revision: Number(revision),
    feeds: feeds as FeedRecord[],
    feedTerms: (feedTerms as Array<{ id: string; summary: string }>)
      .map((t): [string, string] => [t.id.replace(/^feed-[0-9a-f]{8}-/, ''), t.summary])
      .sort(),
    termCount: termCount as number,
  };
}

/** Ids (without the feed prefix) of the feed terms highlighted on the page. */
async function feedHighlights(page: Page): Promise<string[]> {
  return page.$$eval('mark.termlight', (marks) =>
    [...new Set(marks.map((m) => (m as HTMLElement).dataset.termId ?? '').filter((id) => id.startsWith('feed-')).map((id) => id.replace(/^feed-[0-9a-f]{8}-/, '')))].sort(),
  );
}

test.describe('feeds', () => {
  test.beforeEach(async ({ serviceWorker, server }) => {
    await waitForGlossary(serviceWorker);
    server.route('/feeds/page.html', (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE));
  });

  test('subscribes by URL, highlights the feed\u2019s terms, follows a change live, answers a 304 with no rewrite, unsubscribes', async ({
    context,
    extensionId,
    server,
  }) => {
    const feed = serveFeed(server, 'live');
    const options = await openOptions(context, extensionId);
    await subscribe(options, feed.url);
    expect(await options.evaluate(() => (window as unknown as { permissionRequests: unknown[] }).permissionRequests)).toEqual([
      { origins: ['http://127.0.0.1/*'] },
    ]);
    const item = feedItem(options, feed.url);
    await expect(item.locator('.tl-feed-count')).toHaveText('3 terms');
    await expect(item.locator('h3')).toHaveText('Desk Slang');

    const page = await context.newPage();
    await page.goto(server.url('/feeds/page.html'));
    await expect.poll(() => feedHighlights(page)).toEqual(['blorp-index', 'quokka-ratio', 'zephyr-spread']);
    // The bundled glossary is still there underneath.
    await expect(page.locator('mark.termlight[data-term-id="open-interest"]')).toHaveCount(1);

    // The publisher changes the feed: Sync now, and the open page follows without a reload.
    feed.body = V2;
    feed.etag = '"v2"';
    const before = await readDb(options);
    await item.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => feedHighlights(page)).toEqual(['quokka-ratio', 'wombat-basis', 'zephyr-spread']);
    const after = await readDb(options);
    expect(after.revision).toBe(before.revision + 1);
    expect(after.feedTerms).toContainEqual(['zephyr-spread', 'The second version of the zephyr spread.']);
    expect(feed.requests.at(-1)?.ifNoneMatch).toBe('"v1"');

    // Unchanged: one 304, nothing rewritten.
    const requests = feed.requests.length;
    await item.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(async () => (await readDb(options)).feeds[0].lastSuccess).toBeGreaterThan(after.feeds[0].lastSuccess!);
    expect(feed.requests.length).toBe(requests + 1);
    expect(feed.requests.at(-1)?.ifNoneMatch).toBe('"v2"');
    const unchanged = await readDb(options);
    expect(unchanged.revision).toBe(after.revision);
    expect(unchanged.feedTerms).toEqual(after.feedTerms);

    // Unsubscribe: the feed's terms leave the page, the bundled ones stay.
    await item.getByRole('button', { name: 'Unsubscribe' }).click();
    await item.getByRole('button', { name: 'Remove' }).click();
    await expect(options.getByText('You do not follow any feed yet.')).toBeVisible();
    await expect.poll(() => feedHighlights(page)).toEqual([]);
    await expect(page.locator('mark.termlight[data-term-id="open-interest"]')).toHaveCount(1);
    const gone = await readDb(options);
    expect(gone.feeds).toEqual([]);
    expect(gone.feedTerms).toEqual([]);
    expect(gone.termCount).toBe(before.termCount - 3);
  });

  test('the check interval: choosing "once a day" reschedules the background\u2019s sync and stays chosen', async ({
    context,
    extensionId,
    serviceWorker,
  }) => {
    const syncAlarm = () =>
      serviceWorker.evaluate(async () => (await chrome.alarms.get('termlight-feed-sync'))?.periodInMinutes ?? null);
    await expect.poll(syncAlarm).toBe(12 * 60);
    const options = await openOptions(context, extensionId);
    const interval = options.getByLabel('How often to check feeds');
    await expect(interval).toHaveValue('12');
    await interval.selectOption({ label: 'once a day' });
    await expect.poll(syncAlarm).toBe(24 * 60);
    await options.reload();
    await expect(options.getByLabel('How often to check feeds')).toHaveValue('24');
  });

  test('a malformed, truncated, failing or too-large feed keeps the old terms and the options page says why', async ({
    context,
    extensionId,
    server,
  }) => {
    test.setTimeout(120_000);
    const feed = serveFeed(server, 'failures');
    const options = await openOptions(context, extensionId);

    // A first download that fails adds nothing.
    feed.mode = 'malformed';
    await options.getByLabel('Feed address').fill(feed.url);
    await options.getByRole('button', { name: 'Subscribe' }).click();
    await expect(options.getByRole('alert')).toContainText('The feed is not valid JSON at line 1');
    expect((await readDb(options)).feeds).toEqual([]);

    feed.mode = 'ok';
    await subscribe(options, feed.url);
    const item = feedItem(options, feed.url);
    const page = await context.newPage();
    await page.goto(server.url('/feeds/page.html'));
    await expect.poll(() => feedHighlights(page)).toEqual(['blorp-index', 'quokka-ratio', 'zephyr-spread']);
    const good = await readDb(options);

    // The server now has a new version, but every way of serving it fails.
    feed.body = V2;
    feed.etag = '"v2"';
    const cases: Array<[Mode, RegExp, number]> = [
      ['malformed', /The feed is not valid JSON at line 1, column \d+/, 1],
      ['truncated', /The download from 127\.0\.0\.1:\d+ was cut off/, 3],
      ['error-500', /127\.0\.0\.1:\d+ had a problem and could not send the feed \(HTTP 500 Internal Server Error\)/, 3],
      ['too-large', /The feed is larger than 20\.0 MB, the most Termlight accepts per file/, 1],
    ];
    for (const [mode, message, tries] of cases) {
      await test.step(mode, async () => {
        feed.mode = mode;
        const requests = feed.requests.length;
        await item.getByRole('button', { name: 'Sync now' }).click();
        await expect(item.locator('.tl-feed-error')).toContainText(message, { timeout: 30_000 });
        await expect(item.locator('.tl-feed-error')).toContainText('the previous copy is still in use');
        expect(feed.requests.length - requests).toBe(tries);
        const state = await readDb(options);
        expect(state.revision).toBe(good.revision);
        expect(state.feedTerms).toEqual(good.feedTerms);
        expect(state.feeds[0].lastError?.message).toMatch(message);
        await page.reload();
        await expect.poll(() => feedHighlights(page)).toEqual(['blorp-index', 'quokka-ratio', 'zephyr-spread']);
      });
    }

    // The server is fixed: the next sync succeeds and the error goes.
    feed.mode = 'ok';
    await item.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => feedHighlights(page)).toEqual(['quokka-ratio', 'wombat-basis', 'zephyr-spread']);
    await expect(item.locator('.tl-feed-error')).toHaveCount(0);
  });

  test('a service worker killed in the middle of an import leaves the old copy whole, and the next sync succeeds', async ({
    context,
    extensionId,
    server,
  }) => {
    test.setTimeout(180_000);
    const feed = serveFeed(server, 'killed');
    const options = await openOptions(context, extensionId);
    await subscribe(options, feed.url);
    const item = feedItem(options, feed.url);
    const page = await context.newPage();
    await page.goto(server.url('/feeds/page.html'));
    await expect.poll(() => feedHighlights(page)).toEqual(['blorp-index', 'quokka-ratio', 'zephyr-spread']);
    const good = await readDb(options);

    await test.step('killed while downloading', async () => {
      feed.body = bigGlossary(40_000);
      feed.etag = '"big"';
      feed.mode = 'stall';
      await item.getByRole('button', { name: 'Sync now' }).click();
      await expect(item.getByRole('progressbar', { name: 'Download progress' })).toBeVisible();
      await expect(item.locator('.tl-feed-amount')).toContainText(/ of \d/);
      await stopServiceWorker(options, extensionId);
      for (const res of feed.held.splice(0)) res.destroy();
      await expect(item.getByText('The sync stopped before it finished')).toBeVisible();
      const state = await readDb(options);
      expect(state.revision).toBe(good.revision);
      expect(state.feedTerms).toEqual(good.feedTerms);
      expect(state.feeds[0].etag).toBe('"v1"');
    });

    await test.step('killed while saving', async () => {
      feed.mode = 'ok';
      await item.getByRole('button', { name: 'Sync now' }).click();
      // The whole feed is downloaded and checked; the one transaction is under way.
      await item.getByText('Saving…').waitFor({ state: 'visible', timeout: 60_000 });
      await stopServiceWorker(options, extensionId);
      await expect(item.getByText('The sync stopped before it finished')).toBeVisible();
      const state = await readDb(options);
      expect(state.revision, 'the transaction never committed').toBe(good.revision);
      expect(state.feedTerms).toEqual(good.feedTerms);
      expect(state.termCount).toBe(good.termCount);
      await page.reload();
      await expect.poll(() => feedHighlights(page)).toEqual(['blorp-index', 'quokka-ratio', 'zephyr-spread']);
    });

    await test.step('the next sync succeeds', async () => {
      await item.getByRole('button', { name: 'Sync now' }).click();
      await expect(item.locator('.tl-feed-count')).toHaveText('40,002 terms', { timeout: 90_000 });
      const state = await readDb(options);
      expect(state.revision).toBe(good.revision + 1);
      expect(state.feeds[0]).toMatchObject({ etag: '"big"', termCount: 40_002 });
      expect(state.feeds[0].lastError).toBeUndefined();
      await expect.poll(() => feedHighlights(page), { timeout: 30_000 }).toEqual(['quokka-ratio', 'zephyr-spread']);
    });
  });
});
