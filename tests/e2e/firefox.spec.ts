/**
 * Firefox: Debian's firefox-esr loads the Firefox build through WebDriver
 * BiDi (puppeteer-core), and the content script highlights a page. Skipped
 * with a reason where firefox-esr is not installed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
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

test('the Firefox build highlights terms on a page in firefox-esr', async ({ server }) => {
  const executablePath = firefoxPath();
  test.skip(!executablePath, 'firefox-esr is not installed (apt-get install -y firefox-esr)');
  test.skip(!existsSync(join(FIREFOX_BUILD, 'manifest.json')), 'no Firefox build: run `npm run build:firefox`');
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath, headless: true });
  try {
    await browser.installExtension(FIREFOX_BUILD);
    const page = await browser.newPage();
    await page.goto(server.url('/pages/basics.html'));
    // The background imports the glossary on first start; wait for the marks.
    await page.waitForSelector('mark.termlight[data-term-id="funding-rate"]', { timeout: 20_000 });
    const ids = await page.$$eval('mark.termlight', (marks) => marks.map((m) => (m as HTMLElement).dataset.termId));
    expect(ids).toEqual(expect.arrayContaining(['open-interest-collapse', 'funding-rate']));
    expect(await page.$$eval('textarea mark, pre mark, code mark', (m) => m.length)).toBe(0);
  } finally {
    await browser.close();
  }
});
