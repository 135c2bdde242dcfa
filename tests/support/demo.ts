/**
 * `npm run demo`: opens Chromium with the built extension on real finance
 * pages (served from ../shared/fixtures/pages on 127.0.0.1) so you can hover
 * the highlighted terms. Needs a display; on a headless machine it takes a
 * screenshot of each page into demo-output/ instead.
 */
import { chromium } from '@playwright/test';
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
if (headless) mkdirSync(outDir, { recursive: true });
for (const file of PAGES) {
  const page = await context.newPage();
  await page.goto(server.url(`/shared/${file}`));
  await page.waitForTimeout(1500);
  const count = await page.locator('mark.termlight').count();
  console.log(`${file}: ${count} terms highlighted  ${server.url(`/shared/${file}`)}`);
  if (headless) await page.screenshot({ path: join(outDir, file.replace('.html', '.png')) });
}
if (headless) {
  console.log(`No display: screenshots are in ${outDir}.`);
  await context.close();
  await server.close();
} else {
  console.log('Hover a dotted term to read its definition. Close the browser window to end the demo.');
  context.on('close', () => void server.close());
}
