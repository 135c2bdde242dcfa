/**
 * Privacy and console hygiene on real pages: while Termlight browses the
 * fixture pages, no request made by the extension (service worker or
 * content script) leaves the browser, and none of its contexts logs an
 * error or a warning; and a page cannot probe for the extension's files.
 */
import type { CDPSession } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { expect, requireSharedPages, SHARED_PAGES, test, waitForGlossary } from './fixtures';

// Playwright reports service-worker requests only with this switch, read at launch.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

const PAGES_PER_RUN = 4;

test('Termlight makes no network request and logs nothing while browsing real pages', async ({ context, server, serviceWorker, extensionId }) => {
  requireSharedPages();
  test.setTimeout(300_000);
  await waitForGlossary(serviceWorker);
  const extensionOrigin = `chrome-extension://${extensionId}`;
  const ourRequests: string[] = [];
  const logs: string[] = [];

  context.on('request', (request) => {
    if (request.serviceWorker() && !request.url().startsWith(extensionOrigin)) ourRequests.push(`worker: ${request.url()}`);
  });
  serviceWorker.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') logs.push(`worker ${msg.type()}: ${msg.text()}`);
  });

  const files = readdirSync(SHARED_PAGES).filter((f) => f.endsWith('.html')).sort();
  // Every page, spread over a few tabs at a time to keep the run short.
  for (let i = 0; i < files.length; i += PAGES_PER_RUN) {
    await Promise.all(
      files.slice(i, i + PAGES_PER_RUN).map(async (file) => {
        const page = await context.newPage();
        const cdp: CDPSession = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        // A request whose initiating script is ours came from the content script.
        cdp.on('Network.requestWillBeSent', (event) => {
          const frames = event.initiator.stack?.callFrames ?? [];
          if (frames.some((f) => f.url.startsWith(extensionOrigin))) ourRequests.push(`${file}: ${event.request.url}`);
        });
        page.on('console', (msg) => {
          const fromUs = msg.location().url.startsWith(extensionOrigin) || /termlight/i.test(msg.text());
          if (fromUs && (msg.type() === 'error' || msg.type() === 'warning')) logs.push(`${file} ${msg.type()}: ${msg.text()}`);
        });
        page.on('pageerror', (error) => {
          if (error.stack?.includes(extensionOrigin)) logs.push(`${file} uncaught: ${error.message}`);
        });
        await page.goto(server.url(`/shared/${file}`), { waitUntil: 'domcontentloaded', timeout: 60_000 }).catch(() => undefined);
        await page.waitForTimeout(2500); // long enough to scan the biggest page and settle
        await page.close();
      }),
    );
  }
  expect(ourRequests).toEqual([]);
  expect(logs).toEqual([]);
});

test("a page cannot load Termlight's card file from the extension's address to learn that it is installed", async ({ context, server, extensionId }) => {
  const page = await context.newPage();
  await page.goto(server.url('/pages/basics.html'));
  const url = `chrome-extension://${extensionId}/tooltip-card.js`;
  const fetched = await page.evaluate((u) => fetch(u).then(() => 'fetched', () => 'refused'), url);
  const asScript = await page.evaluate(
    (u) =>
      new Promise<string>((resolve) => {
        const script = document.createElement('script');
        script.src = u;
        script.onload = () => resolve('loaded');
        script.onerror = () => resolve('refused');
        document.head.append(script);
      }),
    url,
  );
  expect([fetched, asScript]).toEqual(['refused', 'refused']);
});
