/**
 * Firefox: Debian's firefox-esr loads the Firefox build through WebDriver
 * BiDi (puppeteer-core). Installing opens the welcome page; the content script highlights a page, the card
 * opens on hover, Read more opens the reader, and the popup and options
 * (imports, export, feeds, a failed feed sync) work in an extension tab. Skipped with a reason where firefox-esr is not
 * installed.
 *
 * BiDi may not navigate to moz-extension:// pages itself, so the test gets
 * there the way a user does (Read more on the card opens the reader in a
 * new tab) and then moves that tab within the extension from its own script.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { expect, ROOT, test } from './fixtures';

function firefoxPath(): string | undefined {
  if (process.env.FIREFOX_PATH) return process.env.FIREFOX_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v firefox-esr || command -v firefox'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const FIREFOX_BUILD = join(process.env.TERMLIGHT_OUT_DIR ?? join(ROOT, '.output'), 'firefox-mv2');

/**
 * How long each step waits for a tab, a download or the page to change. Generous: the spec runs beside
 * a Chromium worker on a 2-core machine, and a busy firefox-esr once took over 10 s for a step.
 */
const STEP_WAIT_MS = 20_000;

/** Text of the open definition card, or '' while none shows. */
const cardText = (page: Page) =>
  page.evaluate(() => document.querySelector('termlight-tooltip')?.shadowRoot?.querySelector('.card')?.textContent ?? '');

/** The tab, other than those in `known`, that shows an extension page. */
async function extensionTab(browser: Browser, known: Page[]): Promise<Page> {
  const deadline = Date.now() + STEP_WAIT_MS;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      if (known.includes(page)) continue;
      // The target's URL is not kept up to date for extension pages: ask the page, but not for long:
      // a tab still being created can leave the call unanswered, which once used up the whole wait.
      const href = await Promise.race([page.evaluate(() => location.href), delay(2000).then(() => '')]).catch(() => '');
      if (href.startsWith('moz-extension://')) return page;
    }
    await delay(200);
  }
  throw new Error('no extension page opened');
}

/**
 * Waits until `predicate`, run in the page, returns something truthy (and
 * serializable: a boolean, not an element). It polls
 * with `evaluate` (WebDriver BiDi's script.callFunction) instead of using
 * puppeteer's waitForFunction, whose poller builds a Function inside the page:
 * firefox-esr 140 (Debian 12) lets an extension page's or a strict page's CSP
 * refuse that. A navigation under way counts as "not yet".
 */
async function waitUntil<A extends unknown[]>(page: Page, predicate: (...args: A) => unknown, ...args: A): Promise<void> {
  const deadline = Date.now() + STEP_WAIT_MS;
  for (;;) {
    if (await page.evaluate(predicate as (...args: unknown[]) => unknown, ...args).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Waited ${STEP_WAIT_MS} ms in ${page.url()} for ${predicate.toString()}`);
    await delay(100);
  }
}

/** Waits until `selector` matches an element in the page (see `waitUntil`). */
const waitForSelector = (page: Page, selector: string) => waitUntil(page, (s: string) => document.querySelector(s) !== null, selector);

/**
 * Gives `page` a 1200 x 800 viewport where the browser can. Puppeteer sends a
 * screen-orientation override with every viewport change, a WebDriver BiDi
 * command that firefox-esr 140 (Debian 12) does not know and refuses, and the
 * whole change with it; the page then keeps the headless window's own size
 * (1366 x 682), which the steps below work in as well.
 */
async function setViewport(page: Page): Promise<void> {
  try {
    await page.setViewport({ width: 1200, height: 800 });
  } catch (error) {
    if (!String(error).includes('setScreenOrientationOverride')) throw error;
  }
}

/** Clicks the button whose whole text is `name`. */
async function clickButton(page: Page, name: string): Promise<void> {
  await page.evaluate((n) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === n)!.click(), name);
}

/** The text of the first file in `dir` whose name matches, once the download has finished. */
async function waitForFile(dir: string, name: RegExp): Promise<string> {
  const deadline = Date.now() + STEP_WAIT_MS;
  while (Date.now() < deadline) {
    const file = existsSync(dir) ? readdirSync(dir).find((f) => name.test(f)) : undefined;
    if (file) {
      const text = readFileSync(join(dir, file), 'utf8');
      if (text) return text;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const found = existsSync(dir) ? readdirSync(dir).join(', ') : 'nothing, the folder does not exist';
  throw new Error(`no download matching ${name} in ${dir} (it holds: ${found || 'nothing'})`);
}

/** Moves an extension tab to another page of the extension and waits for `selector` there. */
async function goWithin(page: Page, path: string, selector: string): Promise<void> {
  // Mark the document being left: when `path` is the page already open, its address alone would not
  // show that the new document has come, and an element found in the old one goes stale under the caller.
  await page.evaluate((p) => {
    (window as unknown as { termlightLeaving?: boolean }).termlightLeaving = true;
    location.assign(p);
  }, path);
  await waitUntil(
    page,
    (p: string) => location.pathname === p && !(window as unknown as { termlightLeaving?: boolean }).termlightLeaving && document.readyState !== 'loading',
    path,
  );
  await waitForSelector(page, selector);
}

test('the Firefox build in firefox-esr: the welcome page, highlights, the card (also under a strict CSP), the reader, the popup, the badge and the look-up menu, the site switch, a set switch, the highlight style, imports (pasted and a file), an export, a feed and its failed sync', async ({ server }) => {
  test.setTimeout(150_000);
  const executablePath = firefoxPath();
  test.skip(!executablePath, 'firefox-esr is not installed (apt-get install -y firefox-esr)');
  test.skip(!existsSync(join(FIREFOX_BUILD, 'manifest.json')), 'no Firefox build: run `npm run build:firefox`');
  // Firefox's own prefs answer its prompts: the feed's host permission ("allow") and where a download goes (a temp folder).
  const files = mkdtempSync(join(tmpdir(), 'termlight-firefox-'));
  const downloads = join(files, 'downloads');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextOptionalPermissionPrompts': false,
      'browser.download.folderList': 2,
      'browser.download.dir': downloads,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
    },
  });
  server.route('/csp.html', (_req, res) => {
    res
      .writeHead(200, { 'content-type': 'text/html', 'content-security-policy': "default-src 'none'" })
      .end(readFileSync(join(import.meta.dirname, 'pages', 'basics.html'), 'utf8'));
  });
  // The feed turns malformed later in the test: a sync must then keep the copy it has.
  let feedBroken = false;
  server.route('/feeds/desk.json', (_req, res) => {
    if (feedBroken) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"format": "termlight-glossary", "sets": [ {"id": "x" "title": "oops"} ]}');
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        format: 'termlight-glossary',
        version: 1,
        sets: [{ id: 'fox-desk', title: 'Fox Desk', description: 'Words from a test desk.' }],
        terms: [{ id: 'zephyr-spread', term: 'Zephyr Spread', summary: 'A test spread that exists only in this feed.', sets: ['fox-desk'] }],
      }),
    );
  });
  try {
    // A tab open before the install: Firefox runs the new content script in it (Chrome leaves that to the popup).
    const page = await browser.newPage();
    await setViewport(page);
    await page.goto(server.url('/pages/basics.html'));
    await browser.installExtension(FIREFOX_BUILD);
    // A fresh install opens the welcome page (the reader's #/welcome) once.
    const welcome = await extensionTab(browser, [page]);
    await waitUntil(welcome, () => document.querySelector('h1')?.textContent === 'Welcome to Termlight');
    expect(await welcome.evaluate(() => location.hash)).toBe('#/welcome');
    await welcome.close();
    await page.bringToFront();
    // The background imports the glossary on first start; wait for the marks.
    await waitForSelector(page, 'mark.termlight[data-term-id="funding-rate"]');
    const ids = await page.$$eval('mark.termlight', (marks) => marks.map((m) => (m as HTMLElement).dataset.termId));
    expect(ids).toEqual(expect.arrayContaining(['open-interest-collapse', 'funding-rate']));
    expect(await page.$$eval('textarea mark, pre mark, code mark', (m) => m.length)).toBe(0);

    // Hover: the card shows the definition and related terms, and Read more opens the reader at the term.
    await page.hover('mark.termlight[data-term-id="funding-rate"]');
    await waitUntil(page, () => (document.querySelector('termlight-tooltip')?.shadowRoot?.querySelector('.summary')?.textContent ?? '').includes('perpetual futures'));
    expect(await cardText(page)).toContain('Funding Interval');
    const known = await browser.pages();
    await page.evaluate(() => {
      const card = document.querySelector('termlight-tooltip')!.shadowRoot!;
      [...card.querySelectorAll<HTMLElement>('a, button')].find((b) => /read more/i.test(b.textContent ?? ''))!.click();
    });
    const tab = await extensionTab(browser, known);
    await waitUntil(tab, () => document.querySelector('h1, h2')?.textContent?.includes('Funding Rate'));
    // The tab's title follows in an effect, just after the heading renders.
    await waitUntil(tab, () => document.title.includes('Funding Rate'));

    // The popup (in a tab, it speaks for the page used last): the page's terms, and type-ahead search over every term.
    await goWithin(tab, '/popup.html', 'input');
    await waitUntil(tab, () => [...document.querySelectorAll('.tl-page-term')].some((row) => (row as HTMLElement).dataset.termId === 'funding-rate'));
    // The toolbar badge (browserAction in MV2) shows the page's count of distinct terms; the extension tab has none.
    const distinct = await page.$$eval('mark.termlight', (marks) => new Set(marks.map((m) => (m as HTMLElement).dataset.termId)).size);
    const badges = () =>
      tab.evaluate(async () => {
        type Api = {
          tabs: { query(q: object): Promise<Array<{ id: number }>> };
          browserAction: { getBadgeText(d: { tabId: number }): Promise<string> };
        };
        const api = (globalThis as unknown as { browser: Api }).browser;
        const tabs = await api.tabs.query({});
        return Promise.all(tabs.map((t) => api.browserAction.getBadgeText({ tabId: t.id })));
      });
    const waitForBadges = async (want: (texts: string[]) => boolean) => {
      for (let i = 0; i < 50 && !want(await badges()); i++) await new Promise((resolve) => setTimeout(resolve, 200));
      return badges();
    };
    const shown = await waitForBadges((texts) => texts.includes(String(distinct)));
    expect(shown.filter((t) => t !== '')).toEqual([String(distinct)]);
    // The look-up menu item is there (updating one that does not exist is an error).
    const menuExists = (id: string) =>
      tab.evaluate(async (id) => {
        const api = (globalThis as unknown as { browser: { contextMenus: { update(id: string, p: object): Promise<void> } } }).browser;
        return api.contextMenus.update(id, {}).then(() => true, () => false);
      }, id);
    expect([await menuExists('termlight-lookup'), await menuExists('no-such-item')]).toEqual([true, false]);
    // The site switch takes the page's highlights away at once, and brings them back; the badge follows.
    await tab.click('.tl-site-switch');
    await waitUntil(page, () => document.querySelectorAll('mark.termlight').length === 0);
    expect((await waitForBadges((texts) => texts.every((t) => t === ''))).filter((t) => t !== '')).toEqual([]);
    await tab.click('.tl-site-switch');
    await waitForSelector(page, 'mark.termlight[data-term-id="funding-rate"]');
    await tab.type('input', 'open interest');
    await waitUntil(tab, () => document.querySelector('[role="option"] .tl-result-name')?.textContent === 'Open Interest');
    // Enter opens the entry, which the popup reads from IndexedDB itself: its sets and related terms.
    await tab.keyboard.press('Enter');
    await waitUntil(tab, () => document.querySelector('h2')?.textContent === 'Open Interest' && document.querySelectorAll('.tl-related button').length > 0);
    expect(await tab.$eval('.tl-entry-sets', (el) => el.textContent)).toContain('Derivatives');

    // What the look-up menu opens for "funding rates": the reader goes on to the term's page.
    await tab.evaluate(() => location.assign('/reader.html#/search?q=funding%20rates'));
    await waitUntil(tab, () => location.hash === '#/term/funding-rate' && document.querySelector('h1')?.textContent === 'Funding Rate');

    // Options: a set switched off leaves the open page at once, and comes back when switched on.
    await goWithin(tab, '/options.html', '#set-on-perpetual-futures');
    await tab.click('#set-on-perpetual-futures');
    await waitUntil(page, () => !document.querySelector('mark.termlight[data-term-id="funding-rate"]') && document.querySelector('mark.termlight[data-term-id="open-interest-collapse"]') !== null);
    await tab.click('#set-on-perpetual-futures');
    await waitForSelector(page, 'mark.termlight[data-term-id="funding-rate"]');

    // Highlight style: a tinted background chosen in Options reaches the open page at once (a constructed sheet
    // whose rules must outrank Firefox's content-script CSS), and the default comes back.
    const funding = () =>
      page.$eval('mark.termlight[data-term-id="funding-rate"]', (m) => [getComputedStyle(m).textDecorationLine, getComputedStyle(m).backgroundColor].join(' | '));
    expect(await funding()).toBe('underline | rgba(0, 0, 0, 0)');
    await tab.select('#highlight-style', 'tint');
    await waitUntil(page, () => {
      const style = getComputedStyle(document.querySelector('mark.termlight[data-term-id="funding-rate"]')!);
      return style.textDecorationLine === 'none' && style.backgroundColor !== 'rgba(0, 0, 0, 0)';
    });
    await tab.select('#highlight-style', 'dotted');
    await waitUntil(page, () => getComputedStyle(document.querySelector('mark.termlight[data-term-id="funding-rate"]')!).textDecorationLine === 'underline');

    // Import pasted CSV: the new term is highlighted on the open page without a reload.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p id="desk">Then came a desk fade.</p>'));
    await tab.type('#import-paste', 'term,definition,set\nDesk Fade,Trading against what the desk expects.,Desk Words\n');
    await clickButton(tab, 'Preview');
    await waitUntil(tab, () => document.querySelector('[aria-label="Import preview"]')?.textContent?.includes('Desk Fade'));
    await clickButton(tab, 'Import');
    await waitForSelector(page, '#desk mark.termlight[data-term-id="desk-fade"]');

    // Export: the imported set downloads as CSV, with the term in it.
    // The options page learns of the imported set a moment after the import: select it only once it is listed
    // (puppeteer's select quietly picks nothing when the option is not there yet).
    await waitUntil(tab, () => document.querySelector('select[aria-label="Set to export"] option[value="imported-desk-words"]') !== null);
    expect(await tab.select('select[aria-label="Set to export"]', 'imported-desk-words')).toEqual(['imported-desk-words']);
    await tab.click('label::-p-text(CSV) input[name="export-format"]');
    await clickButton(tab, 'Download');
    const exported = await waitForFile(downloads, /^termlight-imported-desk-words-.*\.csv$/);
    expect(exported).toContain('"Desk Fade"');
    expect(exported).toContain('"Trading against what the desk expects."');

    // Import from a file (the file chooser, answered with a file on disk).
    writeFileSync(
      join(files, 'quill.json'),
      JSON.stringify({
        format: 'termlight-glossary',
        version: 1,
        sets: [{ id: 'quill-words', title: 'Quill Words' }],
        terms: [{ id: 'quill-basis', term: 'Quill Basis', summary: 'A test term that only this file has.', sets: ['quill-words'] }],
      }),
    );
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p id="quill">The Quill Basis narrowed.</p>'));
    const fileInput = await tab.$('input[type="file"]');
    await fileInput!.uploadFile(join(files, 'quill.json'));
    await waitUntil(tab, () => document.querySelector('[aria-label="Import preview"]')?.textContent?.includes('Quill Basis'));
    await clickButton(tab, 'Import');
    await waitForSelector(page, '#quill mark.termlight[data-term-id$="quill-basis"]');

    // Feeds: subscribing asks for the feed's host (Firefox grants optional hosts one by one), downloads it in the
    // background page, and its term lights up on the open page.
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p id="feed-news">The Zephyr Spread widened.</p>'));
    await goWithin(tab, '/options.html', '#tl-feed-url');
    await tab.type('#tl-feed-url', server.url('/feeds/desk.json'));
    // A real click: Firefox grants permissions only in a user input handler (an element.click() from a script is not one).
    await tab.click('button::-p-text(Subscribe)');
    await waitUntil(tab, () => document.querySelector('.tl-feed-notice')?.textContent?.includes('Subscribed to “Fox Desk”'));
    // Feed terms get ids of their own (a feed cannot take over a bundled term's id).
    await waitForSelector(page, '#feed-news mark.termlight[data-term-id$="-zephyr-spread"]');

    // The feed breaks: Sync now says what is wrong and where, and the terms it had stay.
    feedBroken = true;
    await tab.click('button::-p-text(Sync now)');
    await waitUntil(tab, () => /not valid JSON at line 1, column \d+/.test(document.querySelector('.tl-feed-error')?.textContent ?? '') && document.querySelector('.tl-feed-error')?.textContent?.includes('the previous copy is still in use'));
    await page.reload();
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p id="feed-news">The Zephyr Spread widened.</p>'));
    await waitForSelector(page, '#feed-news mark.termlight[data-term-id$="-zephyr-spread"]');

    // The card's code loads on the first hover from the content script's world: a page's strict CSP cannot block it.
    const strict = await browser.newPage();
    await setViewport(strict);
    await strict.goto(server.url('/csp.html'));
    await waitForSelector(strict, 'mark.termlight[data-term-id="open-interest-collapse"]');
    await strict.hover('mark.termlight[data-term-id="open-interest-collapse"]');
    await waitUntil(strict, () => document.querySelector('termlight-tooltip')?.shadowRoot?.querySelector('.title')?.textContent === 'Open Interest Collapse');
  } finally {
    await browser.close();
    rmSync(files, { recursive: true, force: true });
  }
});
