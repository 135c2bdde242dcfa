/**
 * `npm run bench:popup`: how long the popup takes from opening to showing
 * the first search result, with the service worker running (warm) and right
 * after the browser stopped it (cold: the worker starts again, opens
 * IndexedDB and must produce the search index), once with the index kept in
 * IndexedDB and once with it deleted first, so the worker rebuilds it (what
 * every cold start did before the index was kept). All in one run, in
 * headless Chromium with the built extension; prints medians and ratios.
 */
import type { BrowserContext } from '@playwright/test';
import { launchWithExtension, serviceWorkerOf } from '../e2e/fixtures';

const ROUNDS = 7;

async function firstResultMs(context: BrowserContext, extensionId: string): Promise<number> {
  const started = performance.now();
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByRole('combobox').fill('funding');
  await popup.getByRole('listbox', { name: 'Matching terms' }).getByRole('option').first().waitFor();
  const ms = performance.now() - started;
  await popup.close();
  return ms;
}

/** Stops the extension's service worker, as the browser does after 30 s idle. */
async function stopWorker(context: BrowserContext): Promise<void> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  for (const target of targetInfos.filter((t) => t.type === 'service_worker')) {
    await cdp.send('Target.closeTarget', { targetId: target.targetId });
  }
  await cdp.detach();
}

/** Deletes the kept search index, so the next cold start has to rebuild it. */
async function dropKeptIndex(context: BrowserContext): Promise<void> {
  const worker = await serviceWorkerOf(context);
  await worker.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
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
      }),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const context = await launchWithExtension();
  try {
    const worker = await serviceWorkerOf(context);
    const extensionId = new URL(worker.url()).host;
    await firstResultMs(context, extensionId); // the first install imports the glossary: not measured
    const warm: number[] = [];
    const cold: number[] = [];
    const rebuilt: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      warm.push(await firstResultMs(context, extensionId));
      await stopWorker(context);
      await new Promise((resolve) => setTimeout(resolve, 500));
      cold.push(await firstResultMs(context, extensionId));
      await dropKeptIndex(context);
      await stopWorker(context);
      await new Promise((resolve) => setTimeout(resolve, 500));
      rebuilt.push(await firstResultMs(context, extensionId));
    }
    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(' ');
    console.log(`Popup open to first result, ${ROUNDS} rounds (ms):`);
    console.log(`  worker running:                                 median ${median(warm).toFixed(0)}  (${fmt(warm)})`);
    console.log(`  worker stopped before, index kept in IndexedDB: median ${median(cold).toFixed(0)}  (${fmt(cold)})`);
    console.log(`  worker stopped before, index rebuilt:           median ${median(rebuilt).toFixed(0)}  (${fmt(rebuilt)})`);
    console.log(
      `  cold / warm: ${(median(cold) / median(warm)).toFixed(2)}× with the kept index, ${(median(rebuilt) / median(warm)).toFixed(2)}× rebuilding it; ` +
        `keeping it saves ${(median(rebuilt) - median(cold)).toFixed(0)} ms of ${(median(rebuilt) - median(warm)).toFixed(0)}`,
    );
  } finally {
    await context.close();
  }
}

await main();
