/**
 * Termlight's own pages (popup, options, reader and its welcome page) checked with axe-core in the
 * light and the dark theme: no violation at all (contrast, names, roles,
 * landmarks, headings).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, waitForGlossary } from './fixtures';

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.passes.length).toBeGreaterThan(0);
  return results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the popup, options and reader pages pass axe's accessibility checks (${colorScheme})`, async ({ context, extensionId, serviceWorker }) => {
    await waitForGlossary(serviceWorker);
    const page = await context.newPage();
    await page.emulateMedia({ colorScheme });
    const base = `chrome-extension://${extensionId}`;
    const checks: Array<[string, () => Promise<void>]> = [
      ['popup search', async () => {
        await page.goto(`${base}/popup.html`);
        await page.getByRole('combobox', { name: 'Search the glossary' }).fill('funding');
        await expect(page.locator('[role="option"]').first()).toBeVisible();
      }],
      ['popup entry', async () => {
        await page.keyboard.press('Enter');
        await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      }],
      ['options', async () => {
        await page.goto(`${base}/options.html`);
        await expect(page.locator('#sets')).toBeVisible();
      }],
      ['reader home', async () => {
        await page.goto(`${base}/reader.html`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      }],
      ['reader set', async () => {
        await page.goto(`${base}/reader.html#/set/perpetual-futures`);
        await expect(page.getByRole('heading', { level: 1 })).toContainText('Perpetual');
      }],
      ['reader term', async () => {
        await page.goto(`${base}/reader.html#/term/funding-rate`);
        await expect(page.getByRole('heading', { level: 1 })).toContainText('Funding Rate');
      }],
      ['reader term with a note on why pages may not highlight it', async () => {
        await page.goto(`${base}/reader.html#/term/basis`);
        await expect(page.locator('.rd-highlight-note')).toBeVisible();
      }],
      ['popup entry with a note', async () => {
        await page.goto(`${base}/popup.html`);
        await page.getByRole('combobox', { name: 'Search the glossary' }).fill('basis');
        await expect(page.locator('[role="option"][data-term-id="basis"]').first()).toHaveAttribute('aria-selected', 'true');
        await page.keyboard.press('Enter');
        await expect(page.locator('.tl-highlight-note')).toBeVisible();
      }],
      ['reader look-up', async () => {
        await page.goto(`${base}/reader.html#/search?q=funding`);
        await expect(page.getByRole('list', { name: 'Terms matching funding' })).toBeVisible();
      }],
      ['reader welcome', async () => {
        await page.goto(`${base}/reader.html#/welcome`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Termlight');
      }],
      ['reader A to Z', async () => {
        await page.goto(`${base}/reader.html#/az/f`);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      }],
    ];
    const found: Record<string, string[]> = {};
    for (const [name, open] of checks) {
      await open();
      await page.waitForTimeout(250); // past transitions, for the contrast check
      const problems = await violations(page);
      if (problems.length) found[name] = problems;
    }
    expect(found).toEqual({});
  });
}
