/**
 * `npm run demo`: opens Chromium with the built extension on real finance
 * pages (served from ../shared/fixtures/pages on 127.0.0.1) so you can hover
 * the highlighted terms. Needs a display; on a headless machine it takes a
 * screenshot of each page, with a definition card open, and of the popup,
 * welcome, reader and options pages into demo-output/ instead. (The welcome
 * page also opens by itself, as on any fresh install.)
 */
import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath, EXTENSION_DIR, extensionLaunchArgs, ROOT, SHARED_PAGES } from '../e2e/fixtures';
import { startStaticServer } from './static-server';

const PAGES = ['reuters-fed-rates.html', 'bloomberg-markets.html', 'coindesk-bitcoin.html', 'fool-investing.html'];

if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
  console.error('No build found: run `npm run build` first.');
  process.exit(1);
}
if (!existsSync(SHARED_PAGES)) {
  console.error(`The demo pages live in ${SHARED_PAGES}, which is missing.`);
  process.exit(1);
}

const headless = !process.env.DISPLAY;
const server = await startStaticServer({ '/shared/': SHARED_PAGES });
const context = await chromium.launchPersistentContext('', {
  executablePath: chromiumPath(),
  headless,
  viewport: headless ? { width: 1280, height: 900 } : null,
  args: extensionLaunchArgs(EXTENSION_DIR),
});
const outDir = join(ROOT, 'demo-output');

/** Hovers the first highlight in view and saves the page with its definition card open. */
async function screenshotCard(page: Page, path: string): Promise<void> {
  const term = page.locator('mark.termlight').filter({ visible: true }).first();
  if ((await term.count()) === 0) return;
  await term.scrollIntoViewIfNeeded();
  await term.hover();
  await page.locator('termlight-tooltip .card .summary').waitFor({ timeout: 5000 }).catch(() => {});
  await page.waitForTimeout(400); // let the card finish fading in
  await page.screenshot({ path });
}

/** The popup (with a search typed), the offline reader and the options page, as the user opens them. */
async function screenshotExtensionPages(): Promise<void> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const base = `chrome-extension://${new URL(worker.url()).host}`;
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 560 });
  await popup.goto(`${base}/popup.html`);
  await popup.getByRole('combobox', { name: 'Search the glossary' }).fill('funding');
  await popup.waitForTimeout(500);
  await popup.screenshot({ path: join(outDir, 'popup-search.png') });
  const pages = [['welcome', '/reader.html#/welcome'], ['reader', '/reader.html#/term/open-interest-collapse'], ['options', '/options.html']];
  for (const [name, path] of pages) {
    const tab = await context.newPage();
    await tab.goto(`${base}${path}`);
    await tab.waitForTimeout(800);
    await tab.screenshot({ path: join(outDir, `${name}.png`) });
  }
}
if (headless) mkdirSync(outDir, { recursive: true });
for (const file of PAGES) {
  const page = await context.newPage();
  await page.goto(server.url(`/shared/${file}`));
  await page.waitForTimeout(1500);
  const count = await page.locator('mark.termlight').count();
  console.log(`${file}: ${count} terms highlighted  ${server.url(`/shared/${file}`)}`);
  if (headless) {
    await page.screenshot({ path: join(outDir, file.replace('.html', '.png')) });
    await screenshotCard(page, join(outDir, file.replace('.html', '-card.png')));
  }
}
if (headless) {
  await screenshotExtensionPages();
  console.log(`No display: screenshots are in ${outDir}.`);
  await context.close();
  await server.close();
} else {
  console.log('Hover a dotted term to read its definition. Close the browser window to end the demo.');
  context.on('close', () => void server.close());
}
