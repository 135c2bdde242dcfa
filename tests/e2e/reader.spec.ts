/**
 * The offline reader (reader.html) in the real extension, with the browser
 * context offline: everything it shows comes from IndexedDB through the
 * background, and it makes no network request at all.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { join } from 'node:path';
import { ROOT, expect, test, waitForGlossary } from './fixtures';
import { loadingMessageSeen, setSettings, watchLoadingMessage } from './support';
import { readBundledSources } from '../../data/tools/read-sources';
import { compileBundledGlossary } from '../../utils/glossary/compile-bundled';

/** Every bundled set is on the reader's home page. */
const BUNDLED_SET_COUNT = compileBundledGlossary(readBundledSources()).sets.length;

/** Opens the reader offline; every request that leaves the extension is recorded. */
async function openReader(context: BrowserContext, extensionId: string, hash = ''): Promise<{ page: Page; requests: string[] }> {
  await context.setOffline(true);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(`chrome-extension://${extensionId}/`)) requests.push(request.url());
  });
  await page.goto(`chrome-extension://${extensionId}/reader.html${hash}`);
  return { page, requests };
}

const title = (page: Page) => page.getByRole('heading', { level: 1 });
const searchBox = (page: Page) => page.getByRole('combobox', { name: 'Search the glossary' });
const options = (page: Page) => page.getByRole('listbox', { name: 'Matching terms' }).getByRole('option');
const star = (page: Page) => page.getByRole('button', { name: 'Star' });

test.describe('the offline reader', () => {
  test.beforeEach(async ({ serviceWorker }) => {
    await waitForGlossary(serviceWorker);
  });

  test('offline: browse a set, deep link, related term and back, search, star and reload', async ({
    context,
    extensionId,
  }) => {
    const { page, requests } = await openReader(context, extensionId);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    // Home: the sets with their descriptions and counts.
    await expect(title(page)).toHaveText('The Termlight glossary');
    const sets = page.getByRole('list', { name: 'Term sets' }).getByRole('listitem');
    await expect(sets).toHaveCount(BUNDLED_SET_COUNT);
    const perps = page.locator('.rd-set[data-set-id="perpetual-futures"]');
    await expect(perps.locator('.rd-set-title')).toHaveText('Perpetual Futures and Funding');
    await expect(perps.locator('.rd-count')).toHaveText(/^\d+ terms$/);
    await expect(perps.locator('.rd-set-description')).toContainText('How perpetual futures work');

    // Browse a set.
    const count = Number((await perps.locator('.rd-count').textContent())!.split(' ')[0]);
    await perps.click();
    await expect(page).toHaveURL(/#\/set\/perpetual-futures$/);
    await expect(title(page)).toHaveText('Perpetual Futures and Funding');
    // A long set: its terms under letter headings, with a strip of its letters to jump to one.
    const setTerms = page.getByRole('list', { name: /^Terms in Perpetual Futures and Funding under / }).getByRole('link');
    await expect(setTerms).toHaveCount(count);
    const letters = page.getByRole('navigation', { name: 'Letters in Perpetual Futures and Funding' }).getByRole('button');
    await expect(letters.first()).toBeVisible();
    const headings = page.getByRole('heading', { level: 2 });
    await expect(headings).toHaveCount(await letters.count());
    await letters.filter({ hasText: /^F$/ }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'F', exact: true })).toBeFocused();
    await expect(page).toHaveURL(/#\/set\/perpetual-futures$/);
    const underF = page.getByRole('list', { name: 'Terms in Perpetual Futures and Funding under F' }).getByRole('link');
    await expect(underF.filter({ hasText: 'Funding Rate' }).first()).toBeInViewport();

    // Deep link to a term.
    await page.goto(`chrome-extension://${extensionId}/reader.html#/term/open-interest-collapse`);
    await expect(title(page)).toHaveText('Open Interest Collapse');
    await expect(page).toHaveTitle('Open Interest Collapse · Termlight reader');
    await expect(page.locator('.rd-forms')).toContainText('OI collapse');
    await expect(page.locator('.rd-summary')).toContainText('A sudden, large fall in the number of open');
    expect(await page.locator('.rd-prose p').count()).toBeGreaterThan(1);
    await expect(page.locator('.rd-in-sets a').first()).toHaveAttribute('href', /^#\/set\//);
    await expect(page.getByRole('heading', { name: 'Terms that mention this one' })).toBeVisible();
    await expect(page.locator('.rd-backlinks a')).not.toHaveCount(0);

    // Follow a related term, then go back.
    const related = page.locator('.rd-related a').first();
    const relatedName = (await related.textContent())!;
    await related.click();
    await expect(title(page)).toHaveText(relatedName);
    await page.goBack();
    await expect(title(page)).toHaveText('Open Interest Collapse');
    await page.goForward();
    await expect(title(page)).toHaveText(relatedName);

    // Search: "/" focuses the box, type, pick a result with the keyboard.
    await page.keyboard.press('/');
    await expect(searchBox(page)).toBeFocused();
    await page.keyboard.type('liquidation casc');
    await expect(options(page).first().locator('.tl-result-name')).toHaveText('Liquidation Cascade');
    await page.keyboard.press('Enter');
    await expect(title(page)).toHaveText('Liquidation Cascade');
    await expect(page).toHaveURL(/#\/term\/liquidation-cascade$/);
    await expect(searchBox(page)).toHaveValue('');
    await expect(title(page)).toBeFocused();

    // And with the mouse.
    await searchBox(page).fill('funding rate');
    await options(page).filter({ hasText: 'Funding Rate' }).first().click();
    await expect(title(page)).toHaveText('Funding Rate');

    // Star it: a real toggle button.
    await expect(star(page)).toHaveAttribute('aria-pressed', 'false');
    await star(page).click();
    await expect(star(page)).toHaveAttribute('aria-pressed', 'true');

    // After a reload (still offline), it is on the home page under Favourites.
    await page.reload();
    await expect(title(page)).toHaveText('Funding Rate');
    await expect(star(page)).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('link', { name: 'Termlight reader' }).click();
    const favourites = page.getByRole('list', { name: 'Favourites' }).getByRole('link');
    await expect(favourites).toHaveCount(1);
    await expect(favourites.first().locator('.rd-item-name')).toHaveText('Funding Rate');

    // History: the terms looked up, newest first; Clear history empties it.
    const recent = page.getByRole('list', { name: 'Recently looked up' }).getByRole('link');
    await expect(recent.first()).toHaveText('Funding Rate');
    expect(await recent.allTextContents()).toEqual(
      expect.arrayContaining(['Liquidation Cascade', relatedName, 'Open Interest Collapse']),
    );
    await page.getByRole('button', { name: 'Clear history' }).click();
    await expect(page.getByText('Terms you look up appear here.')).toBeVisible();
    await expect(favourites).toHaveCount(1);

    expect(requests).toEqual([]);
  });

  test('opening does not flash "Opening the glossary…": the message stays hidden while the quick read lasts', async ({ context, extensionId }) => {
    const page = await context.newPage();
    await page.addInitScript(watchLoadingMessage, { selector: '.rd-status', text: 'Opening the glossary' });
    await page.goto(`chrome-extension://${extensionId}/reader.html#/az/O`);
    await expect(title(page)).toHaveText('A to Z: O');
    const seen = await loadingMessageSeen(page);
    expect(seen.length).toBeGreaterThan(0); // the page did pass through its loading state
    expect(seen.every((v) => v === 'hidden')).toBe(true);
  });

  test('A to Z: the letter index, a letter page, and deep links to letters', async ({ context, extensionId }) => {
    const { page } = await openReader(context, extensionId, '#/az');
    await expect(title(page)).toHaveText('A to Z');
    const letters = page.getByRole('navigation', { name: 'A to Z' }).first();
    await letters.getByRole('link', { name: /^O, \d+ terms$/ }).click();
    await expect(page).toHaveURL(/#\/az\/O$/);
    await expect(title(page)).toHaveText('A to Z: O');
    const names = await page.locator('.rd-list .rd-item-name').allTextContents();
    expect(names.length).toBeGreaterThan(5);
    expect(names.every((n) => n.startsWith('O'))).toBe(true);
    expect(names.map((n) => n.replace(/ \(.*\)$/, ''))).toContain('Open Interest Collapse');
    await expect(letters.getByRole('link', { name: /^O,/ })).toHaveAttribute('aria-current', 'page');

    await page.goto(`chrome-extension://${extensionId}/reader.html#/az/0-9`);
    await expect(title(page)).toHaveText('A to Z: 0–9');
    expect(await page.locator('.rd-list .rd-item').count()).toBeGreaterThan(0);
  });

  test('keyboard: j/k and arrows move through a list, Enter opens, j/k walk the set on a term page', async ({
    context,
    extensionId,
  }) => {
    const { page } = await openReader(context, extensionId, '#/set/perpetual-futures');
    await expect(title(page)).toBeFocused();
    const items = page.locator('.rd-list .rd-item');
    // The list renders after the heading takes the focus: keys before that have nothing to move.
    await expect(items.nth(2)).toBeVisible();
    await page.keyboard.press('j');
    await expect(items.nth(0)).toBeFocused();
    await page.keyboard.press('j');
    await page.keyboard.press('ArrowDown');
    await expect(items.nth(2)).toBeFocused();
    await page.keyboard.press('k');
    await expect(items.nth(1)).toBeFocused();
    const name = (await items.nth(1).locator('.rd-item-name').textContent())!;
    const third = (await items.nth(2).locator('.rd-item-name').textContent())!;
    const first = (await items.nth(0).locator('.rd-item-name').textContent())!;
    // A visible focus ring.
    expect(await items.nth(1).evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');

    await page.keyboard.press('Enter');
    await expect(title(page)).toHaveText(name.replace(/ \(.*\)$/, ''));
    await expect(page).toHaveURL(/\?set=perpetual-futures$/);
    // On a term page, j and k go to the next and previous term of the set.
    await page.keyboard.press('j');
    await expect(title(page)).toHaveText(third.replace(/ \(.*\)$/, ''));
    await page.keyboard.press('k');
    await page.keyboard.press('k');
    await expect(title(page)).toHaveText(first.replace(/ \(.*\)$/, ''));

    // Back through the terms to the set: the focus returns to the link that was opened.
    for (const expected of [name, third, name]) {
      await page.goBack();
      await expect(title(page)).toHaveText(expected.replace(/ \(.*\)$/, ''));
    }
    await page.goBack();
    await expect(title(page)).toHaveText('Perpetual Futures and Funding');
    await expect(items.nth(1)).toBeFocused();

    // Escape leaves the search box and clears it.
    await page.keyboard.press('/');
    await page.keyboard.type('basis');
    await expect(options(page).first()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(searchBox(page)).not.toBeFocused();
    await expect(searchBox(page)).toHaveValue('');
    await expect(options(page)).toHaveCount(0);
    // Keys typed in the search box are text, not shortcuts.
    await page.keyboard.press('/');
    await page.keyboard.type('jk');
    await expect(searchBox(page)).toHaveValue('jk');
    await expect(title(page)).toHaveText('Perpetual Futures and Funding');
  });

  test('a term named by many others shows the first mentions and a "Show all" button', async ({ context, extensionId }) => {
    const { page } = await openReader(context, extensionId, '#/term/bitcoin');
    await expect(title(page)).toHaveText('Bitcoin');
    const mentions = page.getByRole('list', { name: 'Terms that name it in their text' }).getByRole('link');
    await expect(mentions).toHaveCount(24);
    const more = page.getByRole('button', { name: /^Show all \d+$/ });
    const total = Number((await more.textContent())!.replace(/\D/g, ''));
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(mentions).toHaveCount(total);
    await expect(mentions.nth(24)).toBeFocused();
    // Every one is a link to a term whose page is there.
    await mentions.nth(24).press('Enter');
    await expect(title(page)).not.toHaveText('Bitcoin');
    await expect(title(page)).not.toHaveText('Not in the glossary');
  });

  test('look up: the page menu is there; words naming a term open it, others list matches or offer My terms', async ({
    context,
    extensionId,
    serviceWorker,
  }) => {
    // The menu item exists (updating an item that does not exist is an error).
    const menuExists = (id: string) =>
      serviceWorker.evaluate(
        (id) => new Promise<boolean>((resolve) => chrome.contextMenus.update(id, {}, () => resolve(!chrome.runtime.lastError))),
        id,
      );
    expect(await menuExists('termlight-lookup')).toBe(true);
    expect(await menuExists('no-such-item')).toBe(false);

    // What the menu opens for "funding rates.": the term itself, and Back skips the look-up page.
    const { page, requests } = await openReader(context, extensionId, '#/');
    await expect(title(page)).toHaveText('The Termlight glossary');
    await page.evaluate(() => (location.hash = `#/search?q=${encodeURIComponent('funding rates.')}`));
    await expect(page).toHaveURL(/#\/term\/funding-rate$/);
    await expect(title(page)).toHaveText('Funding Rate');
    await page.goBack();
    await expect(title(page)).toHaveText('The Termlight glossary');

    // Words that only start names: the matching terms, closest first.
    await page.evaluate(() => (location.hash = '#/search?q=funding'));
    await expect(title(page)).toHaveText('Look up “funding”');
    const matches = page.getByRole('list', { name: 'Terms matching funding' }).getByRole('link');
    await expect(matches.first()).toHaveText(/^Funding Rate/);
    await matches.first().click();
    await expect(page).toHaveURL(/#\/term\/funding-rate$/);

    // Words the glossary does not know: say so, and offer them as the user's own term.
    await page.evaluate(() => (location.hash = '#/search?q=zzqxv'));
    await expect(title(page)).toHaveText('Look up “zzqxv”');
    await expect(page.locator('.rd-lead')).toHaveText('No term in the glossary matches “zzqxv”.');
    const add = page.getByRole('link', { name: 'Add “zzqxv” to your own terms' });
    await expect(add).toHaveAttribute('href', `chrome-extension://${extensionId}/options.html?name=zzqxv#my-terms`);
    expect(requests).toEqual([]);
  });

  test('a term page says why pages may not highlight the term, and the note follows the settings', async ({
    context,
    extensionId,
    serviceWorker,
  }) => {
    const { page } = await openReader(context, extensionId, '#/term/basis');
    await expect(title(page)).toHaveText('Basis');
    const note = (kind: string) => page.locator(`.rd-highlight-note[data-note="${kind}"]`);
    await expect(note('everyday')).toHaveText(
      '“Basis” is also an everyday word, so pages highlight this term only where it is written “futures basis”, “corn basis”, “soybean basis”, “wheat basis” or “futures premium”. Highlight everyday words too',
    );
    await expect(note('everyday').getByRole('link', { name: 'Highlight everyday words too' })).toHaveAttribute(
      'href',
      `chrome-extension://${extensionId}/options.html#appearance`,
    );
    // Everyday words on: nothing left to explain, at once.
    await setSettings(serviceWorker, { includeAmbiguous: true });
    await expect(page.locator('.rd-highlight-note')).toHaveCount(0);
    // Its only set off: it says so.
    await setSettings(serviceWorker, { disabledSets: ['derivatives-basics'] });
    await expect(note('sets-off')).toContainText('Its set is switched off, so pages do not highlight it.');
    await setSettings(serviceWorker, { disabledSets: [] });
    await expect(page.locator('.rd-highlight-note')).toHaveCount(0);

    // A shared abbreviation waits for context; the spelled-out name does not.
    await page.goto(`chrome-extension://${extensionId}/reader.html#/term/european-central-bank`);
    await expect(title(page)).toHaveText('European Central Bank');
    await expect(note('context')).toHaveText(
      'Other fields use “ECB” too, so pages highlight it only when they also show two other terms of Central Banks and Policy (or four of related sets); “European Central Bank” on any page.',
    );
  });

  test('an unknown id is a page that says so, with the id as text', async ({ context, extensionId }) => {
    const { page } = await openReader(context, extensionId, '#/term/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E');
    await expect(title(page)).toHaveText('Not in the glossary');
    await expect(page.locator('.rd-lead')).toContainText('“<img src=x onerror=alert(1)>”');
    await expect(page.locator('main img')).toHaveCount(0);
  });

  test('light and dark follow the system and the theme setting; print hides the navigation; screenshots in docs/', async ({
    context,
    extensionId,
    serviceWorker,
  }) => {
    const { page } = await openReader(context, extensionId);
    await page.setViewportSize({ width: 1100, height: 820 });
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

    // A little history and a favourite, so the home page shows what it is for.
    for (const id of ['funding-rate', 'max-pain', 'liquidation-cascade', 'open-interest-collapse']) {
      await page.goto(`chrome-extension://${extensionId}/reader.html#/term/${id}`);
      await expect(page.locator('.rd-term')).toHaveAttribute('data-term-id', id);
    }
    await star(page).click();
    await expect(star(page)).toHaveAttribute('aria-pressed', 'true');

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
      expect(await background()).toBe(colorScheme === 'light' ? 'rgb(251, 250, 247)' : 'rgb(22, 24, 27)');
      await page.goto(`chrome-extension://${extensionId}/reader.html#/`);
      await expect(page.getByRole('list', { name: 'Favourites' })).toBeVisible();
      await page.screenshot({ path: join(ROOT, 'docs', `reader-home-${colorScheme}.png`) });
      await page.goto(`chrome-extension://${extensionId}/reader.html#/term/open-interest-collapse`);
      await expect(title(page)).toHaveText('Open Interest Collapse');
      await expect(page.locator('.rd-backlinks a')).not.toHaveCount(0);
      await page.mouse.move(0, 0);
      await page.screenshot({ path: join(ROOT, 'docs', `reader-term-${colorScheme}.png`) });
    }

    // The setting overrides the system, live.
    await page.emulateMedia({ colorScheme: 'light' });
    await setSettings(serviceWorker, { theme: 'dark' });
    await expect.poll(background).toBe('rgb(22, 24, 27)');
    await setSettings(serviceWorker, { theme: 'light' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(background).toBe('rgb(251, 250, 247)');
    await setSettings(serviceWorker, { theme: 'system' });

    // Print: the term alone.
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    await expect(page.locator('.rd-header')).toBeHidden();
    await expect(page.locator('.rd-pager')).toBeHidden();
    await expect(star(page)).toBeHidden();
    await expect(title(page)).toBeVisible();
    await expect(page.locator('.rd-prose')).toBeVisible();
    expect(await background()).toBe('rgb(255, 255, 255)');
  });
});
