/**
 * `npm run hunt -- FILE_OR_FOLDER...`: highlights plain-text files as a page
 * would (the page engine with the whole bundled glossary, its context rules,
 * every occurrence) in headless Chromium, and prints each highlight with the
 * text around it. For checking glossary changes against real text: collect
 * excerpts of pages (one file a page, paragraphs separated by blank lines,
 * a line starting with # a heading) outside the repository, hunt them before
 * and after a change, and compare. Needs no build.
 */
import { chromium } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundledGlossary, engineTextOf, pageEngineCode } from '../bench/bundled-engine';
import type { BenchGlobal } from '../bench/page-engine-entry';
import { chromiumPath } from '../e2e/fixtures';

const args = process.argv.slice(2);
if (args.length === 0) {
  console.error('Usage: npm run hunt -- FILE_OR_FOLDER... (plain-text pages, paragraphs separated by blank lines)');
  process.exit(1);
}
const files = args.flatMap((arg) =>
  statSync(arg).isDirectory()
    ? readdirSync(arg)
        .filter((f) => !f.startsWith('.'))
        .sort()
        .map((f) => join(arg, f))
    : [arg],
);

const names = new Map(bundledGlossary.terms.map((t) => [t.id, t.term]));
const engineText = engineTextOf();
const engineCode = await pageEngineCode({ minify: false });

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The text file as a page: headings and paragraphs. */
function pageOf(text: string): string {
  const blocks = text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => (p.startsWith('#') ? `<h2>${escapeHtml(p.replace(/^#+\s*/, ''))}</h2>` : `<p>${escapeHtml(p)}</p>`));
  return `<!doctype html><html><body>${blocks.join('\n')}</body></html>`;
}

const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu'] });
let total = 0;
for (const file of files) {
  const page = await browser.newPage();
  await page.setContent(pageOf(readFileSync(file, 'utf8')));
  await page.evaluate(engineCode);
  await page.evaluate(async (engine) => {
    await (globalThis as unknown as BenchGlobal).termlightBench.termlight(engine, 'all');
  }, engineText);
  const rows = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('mark.termlight')].map((mark) => {
      const block = mark.closest('p, h2') ?? mark.parentElement!;
      const before = document.createRange();
      before.setStart(block, 0);
      before.setEndBefore(mark);
      const after = document.createRange();
      after.setStartAfter(mark);
      after.setEnd(block, block.childNodes.length);
      const context = `${before.toString().slice(-70)}[[${mark.textContent}]]${after.toString().slice(0, 50)}`;
      return [mark.dataset.termId ?? '', context.replace(/\s+/g, ' ')];
    }),
  );
  console.log(`\n## ${file} (${rows.length} highlights)`);
  for (const [id, context] of rows) console.log(`${names.get(id)} (${id}) | ${context}`);
  total += rows.length;
  await page.close();
}
console.log(`\n${total} highlights in ${files.length} files.`);
await browser.close();
