/**
 * The extension's life around open tabs: a restarted service worker serves
 * pages again, and a browser whose IndexedDB was cleared gets the bundled
 * glossary back on its own. Updates and reloads with tabs open are in
 * update.spec.ts.
 */
import { expect, test, waitForGlossary } from './fixtures';
import { openHighlighted, settledHighlights, stopServiceWorker } from './support';

test('a service worker stopped by the browser wakes up and serves the next page', async ({ context, server, serviceWorker, extensionId }) => {
  await waitForGlossary(serviceWorker);
  const page = await openHighlighted(context, server.url('/pages/basics.html'));
  await stopServiceWorker(page, extensionId);

  const next = await context.newPage();
  await next.goto(server.url('/pages/basics.html'));
  expect((await settledHighlights(next)).map(([id]) => id)).toContain('open-interest-collapse');
});

test('after IndexedDB is cleared, the glossary comes back and pages are highlighted', async ({ context, server, serviceWorker, extensionId }) => {
  await waitForGlossary(serviceWorker);
  const page = await openHighlighted(context, server.url('/pages/basics.html'));

  // What "Clear site data" does to the extension's storage.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', { origin: `chrome-extension://${extensionId}`, storageTypes: 'indexeddb' });

  const next = await context.newPage();
  await next.goto(server.url('/pages/basics.html'));
  expect((await settledHighlights(next)).map(([id]) => id)).toContain('funding-rate');
  const worker = context.serviceWorkers()[0] ?? serviceWorker;
  expect(await waitForGlossary(worker)).toBeGreaterThan(600);
});
