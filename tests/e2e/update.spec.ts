/**
 * A real update and a real reload of the extension with tabs open. Playwright
 * loads extensions with --load-extension, under which no update can be
 * installed, so this test drives Chromium through puppeteer-core and the
 * DevTools protocol's Extensions.loadUnpacked: loading a newer version from
 * the same folder is an update (same id, new code, the user's data kept), and
 * loading the same version again is what the reload button of
 * chrome://extensions does for an unpacked extension. (chrome.runtime.reload()
 * itself unloads the extension for good under automation: docs/browser-bugs.md.)
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { chromiumPath, EXTENSION_DIR, expect, isWelcomeUrl, test } from './fixtures';
import { readStores } from './support';

/** Errors and warnings our code logs in a page, and uncaught errors from our content script. */
function problemsOf(page: Page, extensionId: string): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    const ours = (msg.location().url ?? '').includes(extensionId) || /termlight/i.test(msg.text());
    if (ours && (msg.type() === 'error' || msg.type() === 'warn')) problems.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => {
    const stack = error instanceof Error ? (error.stack ?? '') : String(error);
    if (stack.includes(extensionId)) problems.push(`uncaught: ${stack}`);
  });
  return problems;
}

/** The promise's value, or undefined if it fails or takes longer than `ms`. */
function within<T>(ms: number, promise: Promise<T>): Promise<T | undefined> {
  return Promise.race([promise.catch(() => undefined), new Promise<undefined>((resolve) => setTimeout(resolve, ms))]);
}

/** The extension's running service worker once it is the given version. */
async function workerOf(browser: Browser, extensionId: string, version: string): Promise<WebWorker> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    for (const target of browser.targets()) {
      if (target.type() !== 'service_worker' || !target.url().startsWith(`chrome-extension://${extensionId}/`)) continue;
      // A worker on its way out may never answer: ask with a time limit.
      const worker = await within(1000, target.worker());
      const running = worker ? await within(1000, worker.evaluate(() => chrome.runtime.getManifest().version)) : undefined;
      if (worker && running === version) return worker;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the service worker of version ${version} did not start`);
}

/** Termlight's welcome tabs (it opens one on a fresh install and none on an update or a reload). */
const welcomeTabs = (browser: Browser) => browser.targets().filter((t) => t.type() === 'page' && isWelcomeUrl(t.url()));

/** Closes the welcome tab a fresh install opens, once it is there, so the test's own tabs stay in front. */
async function closeWelcome(browser: Browser): Promise<void> {
  const target = await browser.waitForTarget((t) => t.type() === 'page' && isWelcomeUrl(t.url()), { timeout: 10_000 });
  await (await target.asPage())!.close();
}

const markIds = (page: Page) => page.$$eval('mark.termlight', (marks) => marks.map((m) => (m as HTMLElement).dataset.termId ?? ''));

/** Chromium through a pipe with extension loading allowed (what `installExtension` and the Extensions domain need). */
function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    enableExtensions: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/**
 * Clicks Termlight's toolbar button on `page`'s tab (the DevTools protocol's
 * Extensions.triggerAction, under puppeteer's pipe connection): the popup
 * opens for that tab with `activeTab` granted. Resolves to the popup.
 */
async function clickToolbarButton(browser: Browser, extensionId: string, page: Page): Promise<Page> {
  const session = await browser.target().createCDPSession();
  const { targetInfos } = await session.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = targetInfos.find((t) => t.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  await session.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
  const popup = await browser.waitForTarget((t) => t.url() === `chrome-extension://${extensionId}/popup.html`, { timeout: 10_000 });
  return (await popup.asPage())!;
}

/**
 * The tab's highlights, once: each term `count` times, no mark inside
 * another, still there after an orphaned copy would have noticed and
 * cleaned up, and one definition card that opens on hover.
 */
async function expectOneCopy(page: Page, termId: string, count: number): Promise<void> {
  const selector = `mark.termlight[data-term-id="${termId}"]`;
  await page.waitForFunction((s, n) => document.querySelectorAll(s).length === n, { timeout: 20_000 }, selector, count);
  await new Promise((resolve) => setTimeout(resolve, 2500));
  expect(await page.$$eval(selector, (marks) => marks.length)).toBe(count);
  expect(await page.$$eval('mark.termlight mark.termlight', (nested) => nested.length)).toBe(0);
  await page.mouse.move(0, 0);
  await page.hover(selector);
  await page.waitForFunction(() => (document.querySelector('termlight-tooltip')?.shadowRoot?.querySelector('.summary')?.textContent ?? '').length > 20, {
    timeout: 10_000,
  });
  expect(await page.$$eval('termlight-tooltip', (hosts) => hosts.length)).toBe(1);
}

test('a tab open before install starts Termlight when the toolbar button is clicked on it', async ({ server }) => {
  test.setTimeout(60_000);
  const browser = await launchChromium();
  try {
    const open = await browser.newPage();
    await open.goto(server.url('/pages/basics.html'));
    const text = await open.$eval('body', (b) => (b as HTMLElement).innerText);
    const id = await browser.installExtension(EXTENSION_DIR);
    const problems = problemsOf(open, id);
    await closeWelcome(browser);
    await workerOf(browser, id, JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')).version);
    // Chrome does not run the new extension's content script in the open tab by itself.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await markIds(open)).toEqual([]);

    const popup = await clickToolbarButton(browser, id, open);
    await expectOneCopy(open, 'funding-rate', 1);
    expect(await open.$eval('body', (b) => (b as HTMLElement).innerText)).toBe(text);
    // The popup speaks for the page: its terms, and the site switch.
    await popup.waitForSelector('.tl-page-term[data-term-id="funding-rate"]', { timeout: 10_000 });

    // A framed page: the top document and its same-origin frame light up; the cross-origin frame is left alone.
    const framed = await browser.newPage();
    await framed.goto(server.url('/pages/frames.html'));
    await framed.waitForFunction(() => [...document.querySelectorAll('iframe')].every((f) => f.contentWindow?.length !== undefined));
    await clickToolbarButton(browser, id, framed);
    await framed.waitForSelector('#top mark.termlight', { timeout: 20_000 });
    const same = framed.frames().find((f) => f.url().includes('127.0.0.1') && f !== framed.mainFrame())!;
    await same.waitForSelector('#child mark.termlight', { timeout: 10_000 });
    const cross = framed.frames().find((f) => f.url().includes('localhost'))!;
    expect(await cross.$$eval('mark.termlight', (marks) => marks.length)).toBe(0);
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
  }
});

function setVersion(dir: string, version: string): void {
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { version: string };
  manifest.version = version;
  writeFileSync(file, JSON.stringify(manifest));
}

test('an update and a reload with tabs open: old content scripts detach quietly, settings and glossary are kept, pages light up again', async ({ server }) => {
  test.setTimeout(120_000);
  const home = mkdtempSync(join(tmpdir(), 'termlight-update-'));
  const dir = join(home, 'extension');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  setVersion(dir, '1.0.0');
  const browser = await launchChromium();
  try {
    const id = await browser.installExtension(dir);
    const v1 = await workerOf(browser, id, '1.0.0');
    await closeWelcome(browser);
    // A user choice made before the update: every occurrence highlighted.
    await v1.evaluate(() => chrome.storage.sync.set({ settings: { highlightMode: 'all' } }));
    const open = await browser.newPage();
    const problems = problemsOf(open, id);
    await open.goto(server.url('/pages/basics.html'));
    await open.waitForSelector('mark.termlight', { timeout: 20_000 });
    const textBefore = await open.$eval('body', (b) => (b as HTMLElement).innerText);
    const [termsBefore] = await readStores(v1, [{ store: 'terms', op: 'count' }]);

    // The update: version 1.0.1 installed over 1.0.0, as the browser does.
    setVersion(dir, '1.0.1');
    expect(await browser.installExtension(dir)).toBe(id);
    const v2 = await workerOf(browser, id, '1.0.1');

    // The open tab's old script notices it is orphaned and takes its highlights away, quietly.
    await open.waitForFunction(() => document.querySelectorAll('mark.termlight').length === 0, { timeout: 15_000 });
    expect(await open.$eval('body', (b) => (b as HTMLElement).innerText)).toBe(textBefore);
    await open.hover('#prose');
    await new Promise((resolve) => setTimeout(resolve, 500));

    // The toolbar button starts the new version in the tab at once, with the user's setting.
    const popup = await clickToolbarButton(browser, id, open);
    await expectOneCopy(open, 'short-squeeze', 2);
    await popup.close();
    // Another copy started in the same tab (the button's grant lasts until the tab navigates)
    // takes over from the running one (WXT stops the older copy): still one set of highlights and one card.
    const v2Early = await workerOf(browser, id, '1.0.1');
    await v2Early.evaluate(async (file) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url?.startsWith('http://127.0.0.1'))!;
      await chrome.scripting.executeScript({ target: { tabId: tab.id! }, files: [file] });
    }, 'content-scripts/content.js');
    await expectOneCopy(open, 'short-squeeze', 2);

    // The new version kept the user's setting and the glossary (no loss, no duplicates)...
    const [termsAfter] = await readStores(v2, [{ store: 'terms', op: 'count' }]);
    expect(termsAfter).toBe(termsBefore);
    // ...and a reload of the tab lights it up again, with every occurrence as set before the update.
    await open.reload();
    await open.waitForSelector('mark.termlight', { timeout: 20_000 });
    const ids = await markIds(open);
    expect(ids.filter((t) => t === 'short-squeeze').length).toBe(2);

    // A reload of the extension (the same version loaded again, as chrome://extensions' reload button does).
    expect(await browser.installExtension(dir)).toBe(id);
    await open.waitForFunction(() => document.querySelectorAll('mark.termlight').length === 0, { timeout: 15_000 });
    await workerOf(browser, id, '1.0.1');
    const next = await browser.newPage();
    const nextProblems = problemsOf(next, id);
    await next.goto(server.url('/pages/basics.html'));
    await next.waitForSelector('mark.termlight', { timeout: 20_000 });
    expect(await markIds(next)).toContain('funding-rate');

    // Neither the update nor the reload opened the welcome page again.
    expect(welcomeTabs(browser)).toEqual([]);
    expect(problems).toEqual([]);
    expect(nextProblems).toEqual([]);
  } finally {
    await browser.close();
    rmSync(home, { recursive: true, force: true });
  }
});
