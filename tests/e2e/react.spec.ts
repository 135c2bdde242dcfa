import { build } from 'esbuild';
import { join } from 'node:path';
import { expect, test, waitForGlossary } from './fixtures';
import { setSettings, settledHighlights } from './support';

interface ReactAppWindow {
  reactApp: {
    items(): Array<{ id: number; text: string }>;
    setItems(items: Array<{ id: number; text: string }>): void;
    expectedText(): string;
  };
}

test('a React app keeps working when React re-renders, edits and removes highlighted text', async ({ context, server, serviceWorker }) => {
  const bundled = await build({
    entryPoints: [join(import.meta.dirname, 'react-app', 'app.tsx')],
    bundle: true,
    write: false,
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
  });
  server.route('/react-app.js', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundled.outputFiles[0].text);
  });
  await waitForGlossary(serviceWorker);
  await setSettings(serviceWorker, { highlightMode: 'all' });

  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  await page.goto(server.url('/pages/react.html'));
  const marks = await settledHighlights(page);
  expect(marks.map(([id]) => id)).toEqual(expect.arrayContaining(['funding-rate', 'open-interest-collapse', 'short-squeeze']));
  await expect(page.locator('#feed li').first().locator('mark.termlight').first()).toBeVisible();

  const feedText = () => page.locator('#feed').evaluate((el) => el.textContent);
  const expected = () => page.evaluate(() => (window as unknown as ReactAppWindow).reactApp.expectedText());
  expect(await feedText()).toBe(await expected());

  // Edit every item in place: React sets nodeValue on the text nodes we split.
  const edits = [
    'The funding rate flipped negative overnight.',
    'Spot ETF flows and the basis trade dominated.',
    'A short squeeze lifted perpetual futures.',
  ];
  await page.evaluate((texts) => {
    const app = (window as unknown as ReactAppWindow).reactApp;
    app.setItems(app.items().map((item, i) => ({ ...item, text: texts[i] })));
  }, edits);
  await page.waitForTimeout(100);
  expect(await feedText()).toBe(await expected());

  // Reorder, then remove highlighted items.
  await page.evaluate(() => {
    const app = (window as unknown as ReactAppWindow).reactApp;
    app.setItems([...app.items()].reverse());
  });
  await page.waitForTimeout(100);
  expect(await feedText()).toBe(await expected());
  await page.evaluate(() => {
    const app = (window as unknown as ReactAppWindow).reactApp;
    app.setItems(app.items().slice(1));
  });
  await page.waitForTimeout(100);
  expect(await feedText()).toBe(await expected());

  // New text gets highlighted once the page settles, and nothing threw.
  await expect(page.locator('#feed mark.termlight[data-term-id="funding-rate"]').first()).toBeVisible();
  expect(await feedText()).toBe(await expected());
  expect(errors).toEqual([]);
});
