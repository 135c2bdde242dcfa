/**
 * The toolbar popup, opened as a page (a test cannot click the toolbar).
 * Opened that way the popup is a tab itself, so it takes the most recently
 * used other tab as "the page" (see components/popup/active-page.ts): each
 * test opens its web page first, then the popup.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, requireSharedPages, test, waitForGlossary } from './fixtures';
import { readBundledSources } from '../../data/tools/read-sources';
import { compileBundledGlossary } from '../../utils/glossary/compile-bundled';
import {
  loadingMessageSeen,
  openHighlighted,
  serviceWorkerRunning,
  setSettings,
  settledHighlights,
  stopServiceWorker,
  storeSettingsOfSize,
  watchLoadingMessage,
} from './support';

async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const box = popup.getByRole('combobox', { name: 'Search the glossary' });
  await expect(box).toBeFocused();
  await expect(box).toHaveAttribute('placeholder', /^Search \d{1,3}(,\d{3})* terms$/);
  return popup;
}

const options = (popup: Page) => popup.getByRole('listbox', { name: 'Matching terms' }).getByRole('option');
const optionNames = (popup: Page) => options(popup).locator('.tl-result-name').allTextContents();

/** Distinct term ids in order of first appearance. */
const firstAppearances = (marks: Array<[string, string]>) => [...new Set(marks.map(([id]) => id))];

test.describe('the toolbar popup', () => {
  test.beforeEach(async ({ serviceWorker }) => {
    await waitForGlossary(serviceWorker);
  });

  test('search box is focused on open; "open int" lists Open Interest Collapse', async ({ context, extensionId }) => {
    const popup = await openPopup(context, extensionId);
    await popup.keyboard.type('open int');
    await expect(options(popup).filter({ hasText: 'Open Interest Collapse' })).toHaveCount(1);
    const names = await optionNames(popup);
    expect(names.slice(0, 4)).toEqual(expect.arrayContaining(['Open Interest', 'Open Interest Collapse']));
  });

  test('tolerates typos and finds terms by abbreviation', async ({ context, extensionId }) => {
    const popup = await openPopup(context, extensionId);
    await popup.keyboard.type('volatilty');
    await expect(options(popup).first().locator('.tl-result-name')).toHaveText('Volatility');
    await popup.getByRole('combobox').fill('oi');
    await expect(options(popup).first().locator('.tl-result-name')).toHaveText('Open Interest');
    await expect(options(popup).first().locator('.tl-result-abbr')).toHaveText('OI');
    // Glossary text is text: "&" shows as is.
    await popup.getByRole('combobox').fill('s&p');
    await expect(options(popup).first().locator('.tl-result-name')).toHaveText('S&P 500');
  });

  test('results update on every keystroke', async ({ context, extensionId }) => {
    const popup = await openPopup(context, extensionId);
    const first = options(popup).first().locator('.tl-result-name');
    await popup.keyboard.type('liquidation');
    await expect(first).toHaveText('Liquidation');
    await popup.keyboard.type(' c');
    await expect(first).toHaveText('Liquidation Cascade');
    for (let i = 0; i < 'liquidation c'.length; i++) await popup.keyboard.press('Backspace');
    await expect(popup.getByRole('heading', { name: 'On this page' })).toBeVisible();
    await expect(options(popup)).toHaveCount(0);
  });

  test('keyboard only: arrows move, Enter opens the entry, related terms open theirs, Escape goes back', async ({
    context,
    extensionId,
  }) => {
    const popup = await openPopup(context, extensionId);
    // Another tab in front: the popup's effects then wait for a timer, not a frame. A
    // selection reset by an effect once undid an arrow key pressed right after the last letter.
    await (await context.newPage()).bringToFront();
    await popup.keyboard.type('open interest');
    await expect(options(popup).first()).toHaveAttribute('aria-selected', 'true');
    await expect(options(popup).first().locator('.tl-result-name')).toHaveText('Open Interest');

    await popup.keyboard.press('ArrowDown');
    const second = options(popup).nth(1);
    await expect(second).toHaveAttribute('aria-selected', 'true');
    await expect(popup.getByRole('combobox')).toHaveAttribute('aria-activedescendant', (await second.getAttribute('id'))!);
    const secondName = await second.locator('.tl-result-name').textContent();
    const secondId = await second.getAttribute('data-term-id');

    await popup.keyboard.press('Enter');
    const title = popup.getByRole('heading', { level: 2 });
    await expect(title).toHaveText(secondName!);
    await expect(title).toBeFocused();
    await expect(popup.locator('.tl-entry-summary')).not.toBeEmpty();
    await expect(popup.locator('.tl-entry-sets')).not.toBeEmpty();
    await expect(popup.getByRole('link', { name: /Open in reader/ })).toHaveAttribute(
      'href',
      `chrome-extension://${extensionId}/reader.html#/term/${secondId}`,
    );

    // Tab to the first related term and open it with Enter.
    const related = popup.locator('.tl-related button').first();
    const relatedName = await related.textContent();
    for (let i = 0; i < 10 && !(await related.evaluate((el) => el === document.activeElement)); i++) {
      await popup.keyboard.press('Tab');
    }
    await expect(related).toBeFocused();
    await popup.keyboard.press('Enter');
    await expect(title).toHaveText(relatedName!);

    // Escape steps back through the entries, then to the results as they were.
    await popup.keyboard.press('Escape');
    await expect(title).toHaveText(secondName!);
    await popup.keyboard.press('Escape');
    await expect(popup.getByRole('combobox')).toBeFocused();
    await expect(popup.getByRole('combobox')).toHaveValue('open interest');
    // The entry that was open is still the selected result; the arrows wrap around.
    await expect(options(popup).nth(1)).toHaveAttribute('aria-selected', 'true');
    await popup.keyboard.press('ArrowUp');
    await expect(options(popup).first()).toHaveAttribute('aria-selected', 'true');
    await popup.keyboard.press('ArrowUp');
    await expect(options(popup).last()).toHaveAttribute('aria-selected', 'true');
    // Escape in the search box clears it, back to "On this page".
    await popup.keyboard.press('Escape');
    await expect(popup.getByRole('combobox')).toHaveValue('');
    await expect(popup.getByRole('heading', { name: 'On this page' })).toBeVisible();
  });

  test('an entry says why pages may not highlight its term, and its link opens that setting', async ({ context, extensionId }) => {
    const popup = await openPopup(context, extensionId);
    await popup.keyboard.type('basis');
    await expect(options(popup).first()).toHaveAttribute('data-term-id', 'basis');
    await popup.keyboard.press('Enter');
    const note = popup.locator('.tl-highlight-note[data-note="everyday"]');
    await expect(note).toContainText('“Basis” is also an everyday word, so pages highlight this term only where it is written “futures basis”, “corn basis”, “soybean basis”, “wheat basis” or “futures premium”.');
    const [optionsPage] = await Promise.all([context.waitForEvent('page'), note.getByRole('link', { name: 'Highlight everyday words too' }).click()]);
    await expect(optionsPage).toHaveURL(`chrome-extension://${extensionId}/options.html#appearance`);
    await expect(optionsPage.locator('#appearance-heading')).toBeInViewport();
  });

  test('opening an entry does not flash a loading message: it stays hidden while the quick read lasts', async ({ context, extensionId }) => {
    const popup = await openPopup(context, extensionId);
    await popup.keyboard.type('funding');
    await expect(options(popup).first()).toBeVisible();
    await popup.evaluate(watchLoadingMessage, { selector: '.tl-entry .tl-status', text: 'Loading the entry' });
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('heading', { level: 2 })).toHaveText('Funding Rate');
    const seen = await loadingMessageSeen(popup);
    expect(seen.length).toBeGreaterThan(0); // the entry did pass through its loading state
    expect(seen.every((v) => v === 'hidden')).toBe(true);
  });

  test('says so when no term matches, and points to the reader and to your own terms', async ({ context, extensionId }) => {
    const popup = await openPopup(context, extensionId);
    await popup.keyboard.type('xyzzy');
    await expect(popup.getByText('No term matches “xyzzy”.')).toBeVisible();
    await expect(popup.getByRole('link', { name: 'browse the reader' })).toHaveAttribute(
      'href',
      `chrome-extension://${extensionId}/reader.html`,
    );
    const addLink = popup.getByRole('link', { name: 'add it to your own terms' });
    await expect(addLink).toHaveAttribute('href', `chrome-extension://${extensionId}/options.html?name=xyzzy#my-terms`);
    // Following it opens the options page at My terms, the name filled in and the field focused.
    const [options] = await Promise.all([context.waitForEvent('page'), addLink.click()]);
    const name = options.locator('#my-terms').getByLabel('Name', { exact: true });
    await expect(name).toHaveValue('xyzzy');
    await expect(name).toBeFocused();
    await expect(options.locator('#my-terms-heading')).toBeInViewport();
  });

  test('"On this page" lists the highlighted terms in order of first appearance; a click shows one on the page', async ({
    context,
    extensionId,
    server,
  }) => {
    requireSharedPages();
    const page = await context.newPage();
    await page.goto(server.url('/shared/reuters-fed-rates.html'));
    const marks = await settledHighlights(page);
    const expected = firstAppearances(marks);
    expect(expected.length).toBeGreaterThan(2);

    const popup = await openPopup(context, extensionId);
    const rows = popup.locator('.tl-page-term');
    await expect
      .poll(() => rows.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.termId)))
      .toEqual(expected);
    // Names and counts: each term occurs at least as often as it is highlighted.
    for (const [i, id] of expected.entries()) {
      const count = Number(await rows.nth(i).locator('.tl-count').textContent());
      expect(count).toBeGreaterThanOrEqual(marks.filter(([m]) => m === id).length);
    }
    await expect(rows.first().locator('.tl-page-name')).not.toHaveText(expected[0]);

    // The last term is furthest down the page: a click scrolls it into view.
    const last = expected.at(-1)!;
    const mark = page.locator(`mark.termlight[data-term-id="${last}"]`).first();
    await expect(mark).not.toBeInViewport();
    await rows.last().locator('.tl-page-reveal').click();
    await expect(mark).toBeInViewport();

    // The arrow opens the term's entry in the popup.
    const firstName = await rows.first().locator('.tl-page-name').textContent();
    await rows.first().locator('.tl-page-open').click();
    await expect(popup.getByRole('heading', { level: 2 })).toHaveText(firstName!);
  });

  test('opened over selected words in view, it searches for them (typing replaces them); a whole sentence or a selection scrolled out of sight is not searched', async ({
    context,
    extensionId,
    server,
  }) => {
    const page = await openHighlighted(context, server.url('/pages/basics.html'));
    /** Selects `text` inside the element `selector`, as a user's drag would. */
    const select = (selector: string, text: string) =>
      page.evaluate(
        ({ selector, text }) => {
          const el = document.querySelector(selector)!;
          const start = el.textContent!.indexOf(text);
          const end = start + text.length;
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          const range = document.createRange();
          for (let at = 0, node = walker.nextNode(); node; node = walker.nextNode()) {
            const length = (node as Text).data.length;
            if (start >= at && start < at + length) range.setStart(node, start - at);
            if (end > at && end <= at + length) range.setEnd(node, end - at);
            at += length;
          }
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(range);
          return getSelection()!.toString();
        },
        { selector, text },
      );
    // "The market maker's" spans a highlight: the selection is its words all the same.
    expect(await select('#possessive', "The market maker's")).toBe("The market maker's");
    const popup = await openPopup(context, extensionId);
    const box = popup.getByRole('combobox', { name: 'Search the glossary' });
    await expect(box).toHaveValue("The market maker's");
    await expect(options(popup).first().locator('.tl-result-name')).toHaveText('Market Maker');
    await popup.keyboard.type('basis');
    await expect(box).toHaveValue('basis');
    // Escape clears it: the page's terms.
    await popup.keyboard.press('Escape');
    await expect(box).toHaveValue('');
    await expect(popup.locator('.tl-page-term').first()).toBeVisible();
    await popup.close();

    // A selection scrolled out of sight is an old one, not a look-up: the page's terms. Back in view, it is searched.
    expect(await select('#possessive', "The market maker's")).toBe("The market maker's");
    await page.evaluate(() => {
      const spacer = Object.assign(document.createElement('div'), { id: 'spacer' });
      spacer.style.height = '3000px';
      document.body.append(spacer);
      spacer.scrollIntoView({ block: 'end' });
    });
    const scrolled = await openPopup(context, extensionId);
    await expect(scrolled.locator('.tl-page-term').first()).toBeVisible();
    await expect(scrolled.getByRole('combobox', { name: 'Search the glossary' })).toHaveValue('');
    await scrolled.close();
    await page.evaluate(() => window.scrollTo(0, 0));
    const inView = await openPopup(context, extensionId);
    await expect(inView.getByRole('combobox', { name: 'Search the glossary' })).toHaveValue("The market maker's");
    await inView.close();

    // A sentence is not a look-up: the popup opens on the page's terms as usual.
    await select('#prose', 'Traders watched the open interest collapse as the funding rate turned negative.');
    const again = await openPopup(context, extensionId);
    await expect(again.locator('.tl-page-term').first()).toBeVisible();
    await expect(again.getByRole('combobox', { name: 'Search the glossary' })).toHaveValue('');
  });

  test('with every set turned off, "On this page" says sets are off and leads to them in Options', async ({ context, extensionId, server, serviceWorker }) => {
    const setIds = compileBundledGlossary(readBundledSources()).sets.map((s) => s.id);
    await setSettings(serviceWorker, { disabledSets: setIds });
    const page = await context.newPage();
    await page.goto(server.url('/pages/basics.html'));
    await page.waitForTimeout(600);
    await expect(page.locator('mark.termlight')).toHaveCount(0);

    const popup = await openPopup(context, extensionId);
    await expect(popup.locator('.tl-page')).toContainText(`No glossary terms found on this page yet. ${setIds.length} term sets are off. Turn them on in Options`);
    const opened = context.waitForEvent('page');
    await popup.getByRole('link', { name: 'Turn them on in Options' }).click();
    const options = await opened;
    await expect(options).toHaveURL(new RegExp(`^chrome-extension://${extensionId}/options\\.html#sets$`));
    await expect(options.getByRole('group', { name: 'All term sets' })).toContainText(`0 of ${setIds.length} sets on`);
  });

  test('a site switch that would not fit in the synced settings says why and leaves the page as it was', async ({ context, extensionId, server, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto(server.url('/pages/basics.html'));
    const before = await settledHighlights(page);
    expect(await storeSettingsOfSize(serviceWorker, 8190)).toBe(8190);

    const popup = await openPopup(context, extensionId);
    const site = popup.getByRole('switch', { name: 'On for 127.0.0.1' });
    await site.click();
    await expect(popup.getByRole('alert')).toHaveText(/^Settings not saved: the browser syncs at most 8,192 bytes of settings .* The sites where Termlight is off/);
    await expect(site).toBeChecked();
    await page.waitForTimeout(300);
    await expect(page.locator('mark.termlight')).toHaveCount(before.length);
  });

  test('the site switch removes and restores highlights without a reload; so does pause everywhere', async ({
    context,
    extensionId,
    server,
    serviceWorker,
  }) => {
    const page = await context.newPage();
    await page.goto(server.url('/pages/basics.html'));
    const before = await settledHighlights(page);
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    const popup = await openPopup(context, extensionId);
    const site = popup.getByRole('switch', { name: 'On for 127.0.0.1' });
    const pause = popup.getByRole('switch', { name: 'Pause everywhere' });
    await expect(site).toBeChecked();
    await expect(pause).not.toBeChecked();
    await expect(popup.locator('.tl-page-term')).toHaveCount(firstAppearances(before).length);

    await site.click();
    await expect(page.locator('mark.termlight')).toHaveCount(0);
    await expect(site).not.toBeChecked();
    await expect(popup.getByText('Termlight is off on 127.0.0.1.')).toBeVisible();
    const stored = await serviceWorker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings);
    expect(stored).toMatchObject({ disabledSites: ['127.0.0.1'] });

    await site.click();
    await expect(page.locator('mark.termlight')).toHaveCount(before.length);
    await expect(popup.locator('.tl-page-term')).toHaveCount(firstAppearances(before).length);

    await pause.click();
    await expect(page.locator('mark.termlight')).toHaveCount(0);
    await expect(popup.getByText('Termlight is paused everywhere.')).toBeVisible();
    await pause.click();
    await expect(page.locator('mark.termlight')).toHaveCount(before.length);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  test('opened after the browser has put the background to sleep, it searches, opens an entry and the reader without waking it (it reads IndexedDB itself)', async ({
    context,
    extensionId,
    server,
  }) => {
    const page = await openHighlighted(context, server.url('/pages/basics.html'));
    const first = await openPopup(context, extensionId); // the background keeps the index by now
    await first.keyboard.type('funding');
    await expect(options(first).first().locator('.tl-result-name')).toHaveText('Funding Rate');
    await first.close();
    await stopServiceWorker(page, extensionId);

    await page.bringToFront();
    const popup = await openPopup(context, extensionId);
    await expect(popup.locator('.tl-page-term').first()).toBeVisible(); // the page's terms come from the page itself
    await popup.keyboard.type('funding');
    await expect(options(popup).first().locator('.tl-result-name')).toHaveText('Funding Rate');
    await popup.keyboard.press('Enter');
    await expect(popup.getByRole('heading', { level: 2 })).toHaveText('Funding Rate');
    await expect(popup.locator('.tl-entry-sets')).toContainText('Perpetual Futures');
    await expect(popup.locator('.tl-related button').first()).toBeVisible();
    expect(await serviceWorkerRunning(page, extensionId)).toBe(false);

    const reader = await context.newPage();
    await reader.goto(`chrome-extension://${extensionId}/reader.html#/az/O`);
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText('A to Z: O');
    await expect(reader.locator('.rd-list .rd-item-name', { hasText: 'Open Interest Collapse' })).toBeVisible();
    await reader.locator('.rd-list a', { hasText: 'Open Interest Collapse' }).first().click();
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Open Interest Collapse');
    expect(await serviceWorkerRunning(page, extensionId)).toBe(false);
  });

  test('on a page where Termlight cannot run, says so and still searches', async ({ context, extensionId }) => {
    // The only other tab is the browser's blank start page.
    const popup = await openPopup(context, extensionId);
    await expect(popup.getByText(/Termlight does not run on this page/)).toBeVisible();
    await expect(popup.getByRole('switch', { name: /On for/ })).toHaveCount(0);
    await expect(popup.getByRole('switch', { name: 'Pause everywhere' })).toBeVisible();
    await popup.keyboard.type('basis');
    await expect(options(popup).first().locator('.tl-result-name')).toHaveText('Basis');
  });
});
