/** Helpers shared by the end-to-end specs. */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { Settings } from '../../utils/settings';
import { HIDDEN_TERM_KEYS, SYNC_ITEM_QUOTA_BYTES } from '../../utils/hidden-terms-storage';
import { SETTINGS_VERSION } from '../../utils/settings-migrations';

/**
 * Changes settings the way the options page does: through storage.sync, with
 * the item's version (`settings$`), so that a context starting meanwhile does
 * not take the value for an old one to migrate and write it back over this.
 * Hidden terms go where Termlight keeps them, in their own items
 * (`hiddenTerms0`…, utils/hidden-terms-storage.ts): all in the first, which
 * holds hundreds.
 */
export async function setSettings(serviceWorker: Worker, patch: Partial<Settings>): Promise<void> {
  await serviceWorker.evaluate(
    async ({ p, version, hiddenKeys }) => {
      const { settings } = await chrome.storage.sync.get('settings');
      const { hiddenTerms, ...rest } = p;
      const hidden = hiddenTerms ? Object.fromEntries(hiddenKeys.map((key, i) => [key, i === 0 ? hiddenTerms : []])) : {};
      await chrome.storage.sync.set({ settings: { ...(settings ?? {}), ...rest, hiddenTerms: [] }, settings$: { v: version }, ...hidden });
    },
    { p: patch, version: SETTINGS_VERSION, hiddenKeys: HIDDEN_TERM_KEYS },
  );
}

/** The hidden terms as stored, across their items. */
export async function storedHiddenTerms(serviceWorker: Worker): Promise<string[]> {
  return serviceWorker.evaluate(async (keys) => {
    const items = await chrome.storage.sync.get(keys);
    return keys.flatMap((key) => (items[key] as string[] | undefined) ?? []).sort();
  }, HIDDEN_TERM_KEYS);
}

/**
 * Stores the current settings with their list of sites where Termlight is
 * off padded so the item is exactly `bytes` long, counted as Termlight and
 * Chrome count it (key + JSON, UTF-8), straight through chrome.storage.sync.
 * Returns the size stored, or the browser's error if it refused.
 */
export async function storeSettingsOfSize(serviceWorker: Worker, bytes: number): Promise<number | string> {
  return serviceWorker.evaluate(
    async ({ target, version }) => {
      const { settings } = (await chrome.storage.sync.get('settings')) as { settings?: object };
      const size = (s: unknown) => new TextEncoder().encode('settings' + JSON.stringify(s)).length;
      const padded = { ...settings, disabledSites: ['pad'] };
      padded.disabledSites = ['pad'.padEnd(3 + target - size(padded), 'x')];
      try {
        await chrome.storage.sync.set({ settings: padded, settings$: { v: version } });
        return size(padded);
      } catch (error) {
        return String(error);
      }
    },
    { target: bytes, version: SETTINGS_VERSION },
  );
}

/**
 * Fills every hidden-term item with made-up term ids, each item to within a
 * few bytes of the browser's per-item quota (less than the 16 bytes a term
 * id of 13 letters or more takes), so that no such term can be hidden. Returns how many ids it stored.
 */
export async function fillHiddenTerms(serviceWorker: Worker): Promise<number> {
  return serviceWorker.evaluate(
    async ({ keys, quota }) => {
      const items: Record<string, string[]> = {};
      let n = 0;
      for (const key of keys) {
        const ids: string[] = [];
        const size = () => new TextEncoder().encode(key + JSON.stringify(ids)).length;
        // Each id takes 16 bytes with its comma: fill while one more fits, as Termlight packs them.
        while (size() + 16 <= quota) ids.push(`filler-${String(n++).padStart(6, '0')}`);
        items[key] = ids;
      }
      await chrome.storage.sync.set(items);
      return Object.values(items).reduce((sum, ids) => sum + ids.length, 0);
    },
    { keys: HIDDEN_TERM_KEYS, quota: SYNC_ITEM_QUOTA_BYTES },
  );
}

/** Waits until the number of highlights stops changing, and returns them as [termId, text]. */
export async function settledHighlights(page: Page, quietMs = 600): Promise<Array<[string, string]>> {
  let last = -1;
  let stableSince = Date.now();
  for (let i = 0; i < 200; i++) {
    const count = await page.locator('mark.termlight').count();
    if (count !== last) {
      last = count;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs && count > 0) break;
    await page.waitForTimeout(100);
  }
  return page.$$eval('mark.termlight', (marks) =>
    marks.map((m) => [(m as HTMLElement).dataset.termId ?? '', m.textContent ?? ''] as [string, string]),
  );
}

/** A new tab at `url`, once Termlight's highlights on it have settled. */
export async function openHighlighted(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await settledHighlights(page);
  return page;
}

/**
 * Runs in a page (through `evaluate` or `addInitScript`): from now on, each
 * time the page changes while an element matching `selector` shows `text`,
 * notes whether that message is visible, for `loadingMessageSeen`.
 */
export function watchLoadingMessage({ selector, text }: { selector: string; text: string }): void {
  const seen: string[] = [];
  (window as unknown as { loadingMessageSeen: string[] }).loadingMessageSeen = seen;
  new MutationObserver(() => {
    const message = document.querySelector(selector);
    if (message?.textContent?.includes(text)) seen.push(getComputedStyle(message).visibility);
  }).observe(document, { childList: true, subtree: true });
}

/** How the watched loading message looked each time it was seen: 'hidden' or 'visible'. */
export function loadingMessageSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { loadingMessageSeen: string[] }).loadingMessageSeen);
}

type TooltipTiming = { __tooltipTiming: { over: number; shown: number } };

/**
 * Records, in the page, when the pointer first reaches a highlight from now
 * on and when the card then shows `summary` (any summary when omitted).
 * Given as source text: the benchmarks run through tsx, whose transform names
 * nested functions with a helper the page does not have.
 */
export async function startStopwatch(page: Page, summary?: string): Promise<void> {
  await page.evaluate(`(() => {
    const expected = ${JSON.stringify(summary ?? null)};
    const timing = { over: 0, shown: 0 };
    window.__tooltipTiming = timing;
    document.addEventListener('pointerover', (e) => {
      if (!timing.over && e.target.closest?.('mark.termlight')) timing.over = performance.now();
    }, true);
    const tick = () => {
      const shown = document.querySelector('termlight-tooltip')?.shadowRoot?.querySelector('.summary');
      const visible = shown?.checkVisibility({ visibilityProperty: true });
      if (visible && (expected === null ? shown.textContent : shown.textContent === expected)) timing.shown = performance.now();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
}

/** Milliseconds from the pointer reaching a highlight to the card showing, once it shows (see startStopwatch). */
export async function elapsedToShow(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as unknown as TooltipTiming).__tooltipTiming.shown > 0);
  return page.evaluate(() => {
    const t = (window as unknown as TooltipTiming).__tooltipTiming;
    return t.shown - t.over;
  });
}

/** One read of Termlight's IndexedDB, for `readStores`. */
export interface StoreRead {
  store: string;
  /** Read through this index of the store instead of its keys. */
  index?: string;
  op: 'get' | 'getAll' | 'getAllKeys' | 'count';
  /** A key (Termlight's keys are strings), or a range of keys; none reads the whole store (`get` needs one). */
  key?: string | { from: string; to: string };
}

/**
 * Runs inside the extension (its worker or one of its pages): the reads in one
 * read-only transaction, results in the same order. It never creates the
 * database: an open that would (the background has not yet made it) is
 * aborted and rejects, since an empty database left at version 1 would make
 * the background skip the step that creates the stores.
 */
function readStoresInExtension(reads: StoreRead[]): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('termlight');
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onerror = () => reject(open.error ?? new Error('no Termlight database yet'));
    open.onsuccess = () => {
      const db = open.result;
      try {
        const tx = db.transaction([...new Set(reads.map((read) => read.store))]);
        const requests = reads.map(({ store, index, op, key }) => {
          const source = index ? tx.objectStore(store).index(index) : tx.objectStore(store);
          const query = typeof key === 'object' ? IDBKeyRange.bound(key.from, key.to) : key;
          return source[op](query as string);
        });
        tx.oncomplete = () => resolve(requests.map((request) => request.result as unknown));
        tx.onerror = () => reject(tx.error);
      } catch (error) {
        reject(error); // a store the database does not have (yet)
      } finally {
        db.close(); // takes effect once the transaction is done
      }
    };
  });
}

/**
 * Reads Termlight's IndexedDB from the extension's service worker or one of its
 * pages (the same origin), the truth a test checks what the user sees against.
 */
export function readStores(extension: ExtensionContext, reads: StoreRead[]): Promise<unknown[]> {
  return extension.evaluate(readStoresInExtension, reads);
}

/** Playwright's and Puppeteer's workers and pages alike: what `readStores` calls. */
interface ExtensionContext {
  evaluate(read: typeof readStoresInExtension, reads: StoreRead[]): Promise<unknown[]>;
}

/** The targets of the extension's service worker that the browser is running (none while it sleeps). */
async function serviceWorkerTargets(page: Page, extensionId: string) {
  const cdp = await page.context().newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  await cdp.detach();
  return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${extensionId}/`));
}

/** Whether the browser is running the extension's service worker. */
export async function serviceWorkerRunning(page: Page, extensionId: string): Promise<boolean> {
  return (await serviceWorkerTargets(page, extensionId)).length > 0;
}

/** Stops the extension's service worker, as the browser does when it has been idle or is killed mid-task. */
export async function stopServiceWorker(page: Page, extensionId: string): Promise<void> {
  const [worker] = await serviceWorkerTargets(page, extensionId);
  if (!worker) throw new Error('the extension service worker is not running');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Target.closeTarget', { targetId: worker.targetId });
  await cdp.detach();
}

/** Ids of the open tabs (a test cannot read their addresses without the tabs permission). */
export const tabIds = (serviceWorker: Worker): Promise<number[]> =>
  serviceWorker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!));

/** The toolbar badge's text on a tab. */
export const badgeOf = (serviceWorker: Worker, tabId: number): Promise<string> =>
  serviceWorker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), tabId);
