/**
 * The extension's life around open tabs: a restarted service worker serves
 * pages again, and a browser whose IndexedDB was cleared gets the bundled
 * glossary back on its own. Updates and reloads with tabs open are in
 * update.spec.ts.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test, waitForGlossary } from './fixtures';
import { settledHighlights } from './support';

async function workerTargetId(context: BrowserContext, page: Page, url: string): Promise<string> {
  const cdp = await context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url === url);
  if (!target) throw new Error('service worker target not found');
  return target.targetId;
}

test('a service worker stopped by the browser wakes up and serves the next page', async ({ context, server, serviceWorker }) => {
  await waitForGlossary(serviceWorker);
  const page = await context.newPage();
  await page.goto(server.url('/pages/basics.html'));
  await settledHighlights(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Target.closeTarget', { targetId: await workerTargetId(context, page, serviceWorker.url()) });

  const next = await context.newPage();
  await next.goto(server.url('/pages/basics.html'));
  expect((await settledHighlights(next)).map(([id]) => id)).toContain('open-interest-collapse');
});

test('after IndexedDB is cleared, the glossary comes back and pages are highlighted', async ({ context, server, serviceWorker, extensionId }) => {
  await waitForGlossary(serviceWorker);
  const page = await context.newPage();
  await page.goto(server.url('/pages/basics.html'));
  await settledHighlights(page);

  // What "Clear site data" does to the extension's storage.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: `chrome-extension://${extensionId}`, storageTypes: 'indexeddb' });

  const next = await context.newPage();
  await next.goto(server.url('/pages/basics.html'));
  expect((await settledHighlights(next)).map(([id]) => id)).toContain('funding-rate');
  const worker = context.serviceWorkers()[0] ?? serviceWorker;
  expect(await waitForGlossary(worker)).toBeGreaterThan(600);
});
