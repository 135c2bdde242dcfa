/**
 * `npm run bench:popup`: how long the popup takes from opening to showing
 * the first search result: with the service worker running, right after the
 * browser stopped it (how a popup is usually opened: the worker sleeps after
 * 30 s idle), and with the worker stopped and no index kept (the popup must
 * ask the background, which wakes and rebuilds it: a first start, or a
 * glossary change not indexed yet). Then, with the worker running and
 * stopped, how long the popup takes to show a term's entry and the reader
 * to show a letter's list (both read IndexedDB themselves, so a sleeping
 * worker should cost nothing). Then, in one extension page, how long
 * getting the index takes read from IndexedDB (what the popup does) against
 * asked of the background (what it did before). All in one run, in headless
 * Chromium with the built extension; prints medians and ratios.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { launchWithExtension, serviceWorkerOf } from '../e2e/fixtures';
import { serviceWorkerRunning, stopServiceWorker } from '../e2e/support';

const ROUNDS = 7;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A popup that has searched for "funding" and shows its first result. */
async function popupWithResults(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('combobox').fill('funding');
  await popup.getByRole('listbox', { name: 'Matching terms' }).getByRole('option').first().waitFor();
  return popup;
}

async function firstResultMs(context: BrowserContext, extensionId: string): Promise<number> {
  const started = performance.now();
  const popup = await popupWithResults(context, extensionId);
  const ms = performance.now() - started;
  await popup.close();
  return ms;
}

/** Runs inside an extension page: deletes the kept search index, so the background has to rebuild it. */
function dropKeptIndex(): Promise<void> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('termlight');
    open.onsuccess = () => {
      const tx = open.result.transaction('derived', 'readwrite');
      tx.objectStore('derived').delete('searchIndex');
      tx.oncomplete = () => {
        open.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/**
 * Runs inside an extension page: how long getting the search index takes,
 * read from IndexedDB as the popup does, or asked of the background as it
 * did before (a `getSearchIndex` message in @webext-core/messaging's format).
 */
function timeIndexFetch(how: 'read' | 'ask'): Promise<number> {
  const started = performance.now();
  if (how === 'ask') {
    const message = { id: Date.now(), type: 'getSearchIndex', data: undefined, timestamp: Date.now() };
    return chrome.runtime.sendMessage(message).then(() => performance.now() - started);
  }
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('termlight');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['meta', 'derived']);
      tx.objectStore('meta').get('revision');
      tx.objectStore('derived').get('searchIndex');
      tx.oncomplete = () => {
        db.close();
        resolve(performance.now() - started);
      };
    };
  });
}

/**
 * Runs in the popup, with search results shown: the time from Enter on the
 * first result to its entry on screen (the popup reads the entry from
 * IndexedDB; it used to ask the background).
 */
function entryOnScreenMs(): Promise<number> {
  return new Promise((resolve) => {
    const started = performance.now();
    const observer = new MutationObserver(() => {
      if (!document.querySelector('.tl-entry-summary')) return;
      observer.disconnect();
      resolve(performance.now() - started);
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    document.querySelector('[role=combobox]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
  });
}

async function entryMs(context: BrowserContext, extensionId: string): Promise<number> {
  const popup = await popupWithResults(context, extensionId);
  const ms = await popup.evaluate(entryOnScreenMs);
  await popup.close();
  return ms;
}

/** The reader opened at the A to Z page of one letter, until its list is on screen (it reads the glossary from IndexedDB). */
async function readerListMs(context: BrowserContext, extensionId: string): Promise<number> {
  const started = performance.now();
  const reader = await context.newPage();
  await reader.goto(`chrome-extension://${extensionId}/reader.html#/az/O`);
  await reader.locator('.rd-list .rd-item').first().waitFor();
  const ms = performance.now() - started;
  await reader.close();
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');

async function main() {
  const context = await launchWithExtension();
  try {
    const worker = await serviceWorkerOf(context);
    const extensionId = new URL(worker.url()).host;
    await firstResultMs(context, extensionId); // the first install imports the glossary: not measured
    // An extension page kept open to drive the worker and IndexedDB from.
    const control: Page = await context.newPage();
    await control.goto(`chrome-extension://${extensionId}/popup.html`);
    const stopWorker = async () => {
      if (await serviceWorkerRunning(control, extensionId)) await stopServiceWorker(control, extensionId);
      await sleep(500);
    };

    const running: number[] = [];
    const stopped: number[] = [];
    const rebuilt: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await control.evaluate(timeIndexFetch, 'ask' as const); // a message wakes the worker
      running.push(await firstResultMs(context, extensionId));
      await stopWorker();
      stopped.push(await firstResultMs(context, extensionId));
      await control.evaluate(dropKeptIndex);
      await stopWorker();
      rebuilt.push(await firstResultMs(context, extensionId));
    }

    const read: number[] = [];
    const askRunning: number[] = [];
    const askStopped: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      read.push(await control.evaluate(timeIndexFetch, 'read' as const));
      askRunning.push(await control.evaluate(timeIndexFetch, 'ask' as const));
      await stopWorker();
      askStopped.push(await control.evaluate(timeIndexFetch, 'ask' as const));
    }

    console.log(`Popup open to first result, ${ROUNDS} rounds (ms):`);
    console.log(`  worker running:                      median ${median(running).toFixed(0)}  (${fmt(running)})`);
    console.log(`  worker stopped before:               median ${median(stopped).toFixed(0)}  (${fmt(stopped)})`);
    console.log(`  worker stopped and no index kept:    median ${median(rebuilt).toFixed(0)}  (${fmt(rebuilt)})`);
    console.log(
      `  stopped / running: ${(median(stopped) / median(running)).toFixed(2)}×; with no index kept ${(median(rebuilt) / median(running)).toFixed(2)}×`,
    );
    const entryRunning: number[] = [];
    const entryStopped: number[] = [];
    const readerRunning: number[] = [];
    const readerStopped: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      await control.evaluate(timeIndexFetch, 'ask' as const);
      entryRunning.push(await entryMs(context, extensionId));
      await control.evaluate(timeIndexFetch, 'ask' as const);
      readerRunning.push(await readerListMs(context, extensionId));
      await stopWorker();
      entryStopped.push(await entryMs(context, extensionId));
      await stopWorker();
      readerStopped.push(await readerListMs(context, extensionId));
    }

    console.log(`Popup: Enter on a result to its entry on screen, ${ROUNDS} rounds (ms):`);
    console.log(`  worker running:                      median ${median(entryRunning).toFixed(1)}  (${fmt(entryRunning)})`);
    console.log(`  worker stopped before:               median ${median(entryStopped).toFixed(1)}  (${fmt(entryStopped)})`);
    console.log(`  stopped / running: ${(median(entryStopped) / median(entryRunning)).toFixed(2)}×`);
    console.log(`Reader: open at a letter to its list on screen, ${ROUNDS} rounds (ms):`);
    console.log(`  worker running:                      median ${median(readerRunning).toFixed(0)}  (${fmt(readerRunning)})`);
    console.log(`  worker stopped before:               median ${median(readerStopped).toFixed(0)}  (${fmt(readerStopped)})`);
    console.log(`  stopped / running: ${(median(readerStopped) / median(readerRunning)).toFixed(2)}×`);
    console.log(`Getting the search index in an extension page, ${ROUNDS} rounds (ms):`);
    console.log(`  read from IndexedDB (the popup):     median ${median(read).toFixed(1)}  (${fmt(read)})`);
    console.log(`  asked of the running worker:         median ${median(askRunning).toFixed(1)}  (${fmt(askRunning)})`);
    console.log(`  asked of the stopped worker:         median ${median(askStopped).toFixed(1)}  (${fmt(askStopped)})`);
    console.log(
      `  asking / reading: ${(median(askRunning) / median(read)).toFixed(1)}× with the worker running, ${(median(askStopped) / median(read)).toFixed(1)}× with it stopped`,
    );
  } finally {
    await context.close();
  }
}

await main();
