/**
 * The options page in the real extension: importing a JSON-LD page and CSV
 * files (with a preview first, nothing written until the user says so),
 * export then import, set switches that reach open tabs, and My terms.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, SEEDS_DIR, test, waitForGlossary } from './fixtures';
import { readStores, setSettings, settledHighlights, storedHiddenTerms } from './support';

const FIVE = [
  'diversification-failure',
  'liquidity-contagion-dynamics',
  'market-sentiment-contagion',
  'open-interest-collapse',
  'volatility-triggered-pauses',
];

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByRole('heading', { name: 'Term sets' })).toBeVisible();
  await expect(page.locator('.set-row').first()).toBeVisible();
  return page;
}

async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  await page.getByLabel('From a file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text, 'utf8') });
}

const preview = (page: Page) => page.getByLabel('Import preview');
const count = (page: Page, key: string) => preview(page).locator(`[data-count="${key}"] strong`);
const setRow = (page: Page, id: string) => page.locator(`.set-row[data-set-id="${id}"]`);

/** Ids of the terms in a set, read straight from the extension's IndexedDB. */
async function termsInSet(serviceWorker: Worker, setId: string): Promise<string[]> {
  const [ids] = await readStores(serviceWorker, [{ store: 'terms', index: 'by-set', op: 'getAllKeys', key: setId }]);
  return (ids as string[]).sort();
}

/** The glossary's revision and the key of the search index kept in IndexedDB (undefined when none is kept). */
async function keptSearchIndex(serviceWorker: Worker): Promise<{ revision: number; key?: string }> {
  const [revision, index] = await readStores(serviceWorker, [
    { store: 'meta', op: 'get', key: 'revision' },
    { store: 'derived', op: 'get', key: 'searchIndex' },
  ]);
  return { revision: Number(revision), key: (index as { key?: string } | undefined)?.key };
}

function csv(rows: number, broken?: number): string {
  const lines = ['term,definition,aliases,set'];
  for (let i = 1; i <= rows; i++) {
    const n = String(i).padStart(4, '0');
    lines.push(
      i === broken
        ? `Desk Term ${n},,,Desk Words`
        : `Desk Term ${n},"Definition ${n}: a quote "" and, a comma.",desk alias ${n}; dt${n},Desk Words`,
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

test.describe('the options page', () => {
  test.beforeEach(async ({ serviceWorker }) => {
    await waitForGlossary(serviceWorker);
  });

  test('importing the seed page as JSON-LD creates a "Market Panic Selling" set with its five terms', async ({ context, extensionId, server, serviceWorker }) => {
    const html = await (await fetch(server.url('/pages/jsonld-market-panic-selling.html'))).text();
    const options = await openOptions(context, extensionId);
    await chooseFile(options, 'jsonld-market-panic-selling.html', html);

    // The bundled glossary already has these five terms: they are conflicts, kept as they are.
    await expect(preview(options)).toContainText('schema.org JSON-LD with 5 terms for “Market Panic Selling” (new set, 5 terms)');
    await expect(count(options, 'conflicting')).toHaveText('5');
    await expect(count(options, 'invalid')).toHaveText('0');
    await expect(options.getByRole('table', { name: 'Conflicting terms' }).getByRole('row')).toHaveCount(6);
    expect(await termsInSet(serviceWorker, 'imported-market-panic-selling')).toEqual([]);

    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(options.locator('#import [role="status"]')).toHaveText(
      'Imported into “Market Panic Selling”: 0 new, 0 changed, 0 unchanged, 5 already known and linked.',
    );
    const row = setRow(options, 'imported-market-panic-selling');
    await expect(row.locator('.set-title')).toHaveText('Market Panic Selling');
    await expect(row.locator('.set-count')).toHaveText('5 terms');
    await expect(row.locator('.badge')).toHaveText('Imported');
    expect(await termsInSet(serviceWorker, 'imported-market-panic-selling')).toEqual(FIVE);
    // The bundled set keeps its terms.
    expect(await termsInSet(serviceWorker, 'market-panic-selling')).toEqual(expect.arrayContaining(FIVE));
  });

  test('the popup\u2019s search index is built and kept as soon as the glossary changes, before any popup asks for it', async ({ context, extensionId, serviceWorker }) => {
    // After the install's import of the bundled glossary.
    const kept = (state: { revision: number; key?: string }) => state.key?.endsWith(`/${state.revision}`) ?? false;
    await expect.poll(async () => kept(await keptSearchIndex(serviceWorker))).toBe(true);
    const before = await keptSearchIndex(serviceWorker);
    // After an import: a new revision, and its index kept too.
    const options = await openOptions(context, extensionId);
    await options.getByLabel('Or paste text').fill('term,definition,set\nQuokka Spread,A made-up spread for this test.,Desk Notes\n');
    await options.getByRole('button', { name: 'Preview' }).click();
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(async () => (await keptSearchIndex(serviceWorker)).revision).toBeGreaterThan(before.revision);
    await expect.poll(async () => kept(await keptSearchIndex(serviceWorker))).toBe(true);
  });

  test('the seed file itself (a text rendering with its JSON-LD) can be pasted and imported', async ({ context, extensionId, serviceWorker }) => {
    const seed = readFileSync(join(SEEDS_DIR, '000_8c12f5b1f8516662.txt'), 'utf8');
    const options = await openOptions(context, extensionId);
    await options.getByLabel('Or paste text').fill(seed);
    await options.getByRole('button', { name: 'Preview' }).click();
    await expect(count(options, 'conflicting')).toHaveText('5');
    await expect(preview(options)).toContainText('Left out JSON-LD that is not a glossary: BreadcrumbList, FAQPage.');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(setRow(options, 'imported-market-panic-selling').locator('.set-count')).toHaveText('5 terms');
    expect(await termsInSet(serviceWorker, 'imported-market-panic-selling')).toEqual(FIVE);
  });

  test('a CSV with 1,000 rows shows a preview and imports them all', async ({ context, extensionId, serviceWorker }) => {
    const options = await openOptions(context, extensionId);
    const started = Date.now();
    await chooseFile(options, 'desk-1000.csv', csv(1000));
    await expect(count(options, 'new')).toHaveText('1,000');
    const previewed = Date.now();
    await expect(count(options, 'invalid')).toHaveText('0');
    await options.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(options.locator('#import [role="status"]')).toHaveText(
      'Imported into “Desk Words”: 1,000 new, 0 changed, 0 unchanged, 0 already known and linked.',
    );
    const imported = Date.now();
    console.log(`1,000-row CSV: preview ${previewed - started} ms, import ${imported - previewed} ms, total ${imported - started} ms`);
    await expect(setRow(options, 'imported-desk-words').locator('.set-count')).toHaveText('1,000 terms');
    expect(await termsInSet(serviceWorker, 'imported-desk-words')).toHaveLength(1000);
  });

  test("a CSV with one broken row shows that row's error and imports nothing until the user skips it", async ({ context, extensionId, serviceWorker }) => {
    const options = await openOptions(context, extensionId);
    await chooseFile(options, 'desk.csv', csv(20, 7));
    const invalid = options.getByRole('table', { name: 'Invalid rows' });
    await expect(invalid.getByRole('row')).toHaveCount(2);
    await expect(invalid.getByRole('row').nth(1)).toHaveText(/row 8\s*Desk Term 0007\s*definition must not be empty/);
    await expect(count(options, 'new')).toHaveText('19');
    await expect(count(options, 'invalid')).toHaveText('1');
    await expect(options.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
    expect(await termsInSet(serviceWorker, 'imported-desk-words')).toEqual([]);

    await options.getByRole('button', { name: 'Skip invalid rows and import' }).click();
    await expect(options.locator('#import [role="status"]')).toHaveText(
      'Imported into “Desk Words”: 19 new, 0 changed, 0 unchanged, 0 already known and linked. 1 invalid row was skipped.',
    );
    const ids = await termsInSet(serviceWorker, 'imported-desk-words');
    expect(ids).toHaveLength(19);
    expect(ids).not.toContain('desk-term-0007');
  });

  test('turning a set off removes its highlights on an open page without reload, and on brings them back', async ({ context, extensionId, server }) => {
    const page = await context.newPage();
    await page.goto(server.url('/pages/basics.html'));
    const before = await settledHighlights(page);
    expect(before.map(([id]) => id)).toContain('funding-rate');

    const options = await openOptions(context, extensionId);
    const perps = options.getByRole('switch', { name: 'Highlight terms from Perpetual Futures' });
    await expect(perps).toBeChecked();
    await perps.uncheck();
    await expect(page.locator('mark.termlight[data-term-id="funding-rate"]')).toHaveCount(0);
    await expect(page.locator('mark.termlight[data-term-id="open-interest-collapse"]')).toHaveCount(1);
    await expect(page.locator('#prose')).toContainText('as the funding rate turned negative');

    await perps.check();
    await expect(page.locator('mark.termlight[data-term-id="funding-rate"]')).toHaveCount(1);

    // All off, then one set on: only that set's terms come back; all on restores the page.
    const bulk = options.getByRole('group', { name: 'All term sets' });
    const total = await options.locator('.set-row').count();
    await expect(bulk.getByRole('button', { name: 'Turn all on' })).toBeDisabled();
    await bulk.getByRole('button', { name: 'Turn all off' }).click();
    await expect(page.locator('mark.termlight')).toHaveCount(0);
    await expect(bulk).toContainText(`0 of ${total} sets on`);
    await expect(options.getByRole('switch', { checked: true })).toHaveCount(0);
    await expect(bulk.getByRole('button', { name: 'Turn all off' })).toBeDisabled();
    await perps.check();
    await expect(page.locator('mark.termlight[data-term-id="funding-rate"]')).toHaveCount(1);
    await expect(page.locator('mark.termlight[data-term-id="open-interest-collapse"]')).toHaveCount(0);
    await bulk.getByRole('button', { name: 'Turn all on' }).click();
    await expect(bulk).toContainText(`${total} of ${total} sets on`);
    await expect.poll(async () => (await settledHighlights(page)).length).toBe(before.length);
  });

  for (const format of ['json', 'csv'] as const) {
    test(`export then import round-trips exactly (${format.toUpperCase()})`, async ({ context, extensionId, serviceWorker }) => {
      const options = await openOptions(context, extensionId);
      const tricky = [
        'term,definition,aliases,set',
        'Widget Spread,"A gap, with ""quotes"", and é.",widget gap; wgap,Round Trip',
        '-Minus Trade,=1+1 is not a formula here.,@handle,Round Trip',
        'Funding Rate,Our own words: the import keeps the bundled ones.,,Round Trip',
      ].join('\n');
      await chooseFile(options, 'round-trip.csv', tricky);
      await expect(count(options, 'new')).toHaveText('2');
      await options.getByRole('button', { name: 'Import', exact: true }).click();
      await expect(setRow(options, 'imported-round-trip').locator('.set-count')).toHaveText('3 terms');
      const storedIds = await termsInSet(serviceWorker, 'imported-round-trip');

      const exportOnce = async () => {
        await options.getByLabel('Set to export').selectOption({ label: 'Round Trip' });
        await options.getByRole('radio', { name: format === 'json' ? 'Termlight JSON' : 'CSV' }).check();
        const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Download' }).click()]);
        expect(download.suggestedFilename()).toMatch(new RegExp(`^termlight-imported-round-trip-\\d{4}-\\d{2}-\\d{2}\\.${format}$`));
        return readFileSync((await download.path())!, 'utf8');
      };
      const first = await exportOnce();

      const row = setRow(options, 'imported-round-trip');
      await row.getByRole('button', { name: 'Remove Round Trip' }).click();
      await row.getByRole('button', { name: 'Remove 3 terms' }).click();
      await expect(row).toHaveCount(0);
      expect(await termsInSet(serviceWorker, 'imported-round-trip')).toEqual([]);

      await chooseFile(options, `round-trip.${format}`, first);
      await expect(count(options, 'invalid')).toHaveText('0');
      await options.getByRole('button', { name: 'Import', exact: true }).click();
      await expect(row.locator('.set-count')).toHaveText('3 terms');
      expect(await termsInSet(serviceWorker, 'imported-round-trip')).toEqual(storedIds);
      expect(await exportOnce()).toBe(first);
    });
  }

  test('My terms: the form says what to fix next to the field, then adds, edits and deletes a term', async ({ context, extensionId, serviceWorker }) => {
    const options = await openOptions(context, extensionId);
    const form = options.locator('#my-terms');
    await form.getByLabel('Name', { exact: true }).fill('Funding Rate');
    await form.getByRole('button', { name: 'Add term' }).click();
    await expect(form.locator('#my-term-error')).toHaveText(/^"Funding Rate" is already in the glossary \(Perpetual Futures/);
    await expect(form.locator('#my-summary-error')).toHaveText('Write a short definition: it is what the tooltip shows.');
    await expect(form.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');

    await form.getByLabel('Name', { exact: true }).fill('Desk Fade');
    await form.getByLabel(/^Definition/).fill('Trading against what the desk expects.');
    await form.getByLabel('Related terms (optional)').fill('Funding Rate');
    await expect(form.locator('.field-error')).toHaveCount(0);
    await form.getByRole('button', { name: 'Add term' }).click();
    await expect(form.getByRole('status')).toHaveText('Added “Desk Fade” to My terms.');
    await expect(setRow(options, 'my-terms').locator('.set-count')).toHaveText('1 term');
    expect(await termsInSet(serviceWorker, 'my-terms')).toEqual(['desk-fade']);

    await form.getByRole('button', { name: 'Edit Desk Fade' }).click();
    await expect(form.getByLabel('Related terms (optional)')).toHaveValue('Funding Rate');
    await form.getByLabel(/^Definition/).fill('Betting against the desk.');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await expect(form.getByRole('status')).toHaveText('Saved “Desk Fade”.');
    await expect(form.getByRole('list', { name: 'Your terms' })).toContainText('Betting against the desk.');

    await form.getByRole('button', { name: 'Delete Desk Fade' }).click();
    await expect(form.getByRole('status')).toHaveText('Deleted “Desk Fade”.');
    expect(await termsInSet(serviceWorker, 'my-terms')).toEqual([]);
  });

  test('hidden terms: "Show all again" asks first, then shows exactly the listed terms again', async ({ context, extensionId, serviceWorker }) => {
    await waitForGlossary(serviceWorker);
    await setSettings(serviceWorker, { hiddenTerms: ['basis', 'funding-rate', 'short-squeeze'] });
    const options = await openOptions(context, extensionId);
    const list = options.locator('.hidden-terms li');
    await expect(list).toHaveText(['BasisShow again', 'Funding RateShow again', 'Short SqueezeShow again']);
    const hiddenNow = () => storedHiddenTerms(serviceWorker);

    await options.getByRole('button', { name: 'Show all 3 again…' }).click();
    await expect(options.getByRole('group', { name: 'Show all hidden terms again' })).toContainText('Highlight all 3 terms again?');
    await expect(options.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await options.keyboard.press('Enter');
    await expect(options.getByRole('button', { name: 'Show all 3 again…' })).toBeFocused();
    expect(await hiddenNow()).toEqual(['basis', 'funding-rate', 'short-squeeze']);

    await options.getByRole('button', { name: 'Show all 3 again…' }).click();
    // A term hidden in another tab while the question is open joins the list and the question.
    await serviceWorker.evaluate(async () => {
      const { hiddenTerms0 } = (await chrome.storage.sync.get('hiddenTerms0')) as { hiddenTerms0: string[] };
      await chrome.storage.sync.set({ hiddenTerms0: [...hiddenTerms0, 'max-pain'] });
    });
    await expect(list).toHaveCount(4);
    await expect(options.getByRole('group', { name: 'Show all hidden terms again' })).toContainText('Highlight all 4 terms again?');
    await options.getByRole('button', { name: 'Show all again', exact: true }).click();
    await expect(list).toHaveCount(0);
    expect(await hiddenNow()).toEqual([]);
  });

  test('the table of contents marks the section being read, as the page scrolls and after a jump', async ({ context, extensionId }) => {
    const options = await openOptions(context, extensionId);
    const nav = options.getByRole('navigation', { name: 'Sections' });
    const marked = nav.locator('a[aria-current="location"]');
    await expect(marked).toHaveText('Term sets');
    // A jump marks the section jumped to, even one near the bottom that cannot scroll to the top.
    for (const name of ['Feeds', 'Site rules', 'Export']) {
      await nav.getByRole('link', { name }).click();
      await expect(marked).toHaveText(name);
    }
    // Scrolling by hand: the section at the top of the window, and the last one at the bottom of the page.
    await options.mouse.move(600, 400);
    await options.mouse.wheel(0, 100_000);
    await expect(marked).toHaveText('Appearance');
    await options.mouse.wheel(0, -100_000);
    await expect(marked).toHaveText('Term sets');
    await options.mouse.wheel(0, await options.locator('#feeds').evaluate((feeds) => feeds.getBoundingClientRect().top + 10));
    await expect(marked).toHaveText('Feeds');
  });

  test('site rules and appearance settings are saved to storage.sync', async ({ context, extensionId, serviceWorker }) => {
    const options = await openOptions(context, extensionId);
    await options.getByLabel('Site', { exact: true }).fill('https://www.Example.com/markets');
    await options.getByRole('button', { name: 'Turn off on this site' }).click();
    await expect(options.getByRole('list', { name: 'Sites where Termlight is off' })).toHaveText(/example\.com/);
    await options.getByLabel('Every time a term appears').check();
    await options.getByLabel('Theme').selectOption('dark');
    await options.getByLabel(/^Hover delay/).fill('400');
    await options.getByLabel(/^Hover delay/).blur();
    await expect(options.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect
      .poll(() => serviceWorker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings))
      .toMatchObject({ disabledSites: ['example.com'], highlightMode: 'all', theme: 'dark', hoverDelayMs: 400 });

    // Restoring the default appearance puts those back and leaves the site rules alone.
    const restore = options.getByRole('button', { name: 'Restore the default appearance' });
    await restore.click();
    await expect(restore).toBeDisabled();
    await expect(options.getByLabel('The first time each term appears on a page')).toBeChecked();
    await expect(options.getByLabel(/^Hover delay/)).toHaveValue('250');
    await expect
      .poll(() => serviceWorker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings))
      .toMatchObject({ disabledSites: ['example.com'], highlightMode: 'first', theme: 'system', hoverDelayMs: 250 });
  });
});

