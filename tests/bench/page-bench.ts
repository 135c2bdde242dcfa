/**
 * `npm run bench`: the page engine on every real page in ../shared/fixtures/pages,
 * in headless Chromium with the page's own scripts off. For each page, in the
 * same run: (a) a bare TreeWalker pass reading every text node (the floor),
 * (b) Termlight highlighting with the whole bundled glossary, (c) plain
 * mark.js given the same surface forms. (a) and (b) are measured twice:
 * cold (the first run on a freshly loaded page, as a user's page load gets
 * it) and warm (median of later runs on identical fresh copies of the page).
 * Termlight's figure is its main-thread work time: parsing the matcher
 * payload (the JSON a message brings each page), then the scan, not counting
 * the time it yields to the page between slices. Also, cold: mark.js alone
 * wrapping Termlight's hits, and Termlight's text walk alone (no matching),
 * the two parts of (b) that are not matching. Prints ratios, the longest main-thread
 * task of (b), and distinct terms found (glossary coverage). Then a 20 Hz
 * order-book page: CPU time with and without Termlight watching it; and the
 * built extension's start-up cost on a page load (startup.ts).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { surfaceFormsOf } from '../../utils/glossary/surface-forms';
import { chromiumPath, LOCAL_HOSTS_ONLY, SHARED_PAGES } from '../e2e/fixtures';
import { startStaticServer } from '../support/static-server';
import { bundledGlossary as glossary, engineTextOf, pageEngineCode } from './bundled-engine';
import type { BenchGlobal } from './page-engine-entry';
import { startupCost } from './startup';

const ROOT = join(import.meta.dirname, '..', '..');
const FINANCE = ['reuters-fed-rates', 'bloomberg-markets', 'politico-imf-outlook', 'fool-investing', 'coindesk-bitcoin', 'cnnmoney', 'fortune', 'cbc-housing-market'];
const GENERAL = ['bbc-politics', 'theverge-tech', 'wikipedia-new-zealand'];
const only = process.argv.slice(2);

// As a message carries it: each page parses it, inside Termlight's timed work.
const engineText = engineTextOf();
const forms = [...new Set(glossary.terms.filter((t) => !t.ambiguous).flatMap((t) => surfaceFormsOf(t).map((f) => f.text)))];
const names = new Map(glossary.terms.map((t) => [t.id, t.term]));

let isolationChecked = false;

/** A freshly loaded page with the engine bundle and the compiled matcher in it, long tasks recorded from then on. */
async function fresh(browser: Browser, url: string, code: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url, { waitUntil: 'load' });
  if (!isolationChecked && !(await page.evaluate(() => crossOriginIsolated))) {
    console.warn('Warning: the page is not cross-origin isolated, so timings are in 100 µs steps.');
  }
  isolationChecked = true;
  await page.evaluate(code);
  // Hand the matcher and rules over as the JSON text a message brings; Termlight's timing starts with parsing it.
  await page.evaluate((e) => Object.assign(globalThis, { benchEngine: e }), engineText);
  // The page starts with a clean heap, as the warm rounds do: no contestant pays for the garbage of
  // handing it over (a scan that follows a big allocation meets its collection mid-scan).
  await page.evaluate(() => (globalThis as { gc?: () => void }).gc?.());
  // Record long tasks from here on.
  await page.evaluate(() => {
    const w = globalThis as unknown as BenchGlobal;
    w.longestTask = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longestTask = Math.max(w.longestTask, e.duration);
    }).observe({ type: 'longtask' });
  });
  return page;
}

const FULL_MARKJS_KB = 150;
const MARKJS_SAMPLE = 10;

const WARM_ROUNDS = 7;

interface Row {
  sampled: boolean;
  page: string;
  kb: number;
  floor: number;
  termlight: number;
  /** Of `termlight`: parsing the matcher payload, cold. */
  parse: number;
  /** mark.js wrapping Termlight's hits, found beforehand: the least a mark.js engine spends. */
  wrap: number;
  /** Termlight's text walk alone (runs collected, nothing matched), cold. */
  walk: number;
  warmFloor: number;
  warmTermlight: number;
  warmWrap: number;
  markjs: number;
  longestTask: number;
  longestSlice: number;
  distinct: number;
  terms: string[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number, d = 1) => n.toFixed(d).padStart(8);

async function main() {
  if (!existsSync(SHARED_PAGES)) {
    console.log(`Skipping: shared fixture pages not found at ${SHARED_PAGES}`);
    return;
  }
  const code = await pageEngineCode({ minify: true });
  // Page scripts are blocked by a CSP header: the fixtures are measured as static documents.
  // Cross-origin isolation (COOP + COEP) gives performance.now() 5 µs steps
  // instead of 100 µs: the floor of a small page takes a fraction of a millisecond.
  const server = await startStaticServer(
    { '/shared/': SHARED_PAGES },
    {
      headers: {
        'content-security-policy': "script-src 'none'",
        ...(process.env.NOISO ? {} : { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' }),
      },
    },
  );
  const pagesServer = await startStaticServer({ '/pages/': join(ROOT, 'tests', 'e2e', 'pages') });
  // --expose-gc: warm rounds collect the previous rounds' garbage before timing (see page-engine-entry.ts).
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-gpu', '--js-flags=--expose-gc', LOCAL_HOSTS_ONLY] });
  const files = readdirSync(SHARED_PAGES)
    .filter((f) => f.endsWith('.html'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
  const rows: Row[] = [];
  console.log(`Glossary: ${glossary.terms.length} terms, ${forms.length} surface forms for mark.js (ambiguous terms left out, as in Termlight).\n`);
  for (const file of files) {
    const url = server.url(`/shared/${file}`);
    let page = await fresh(browser, url, code);
    const coldFloor = await page.evaluate(() => (globalThis as unknown as BenchGlobal).termlightBench.floor().ms);
    await page.close();

    page = await fresh(browser, url, code);
    const walkCold = await page.evaluate(() => (globalThis as unknown as BenchGlobal).termlightBench.walk().ms);
    await page.close();

    page = await fresh(browser, url, code);
    const t = await page.evaluate(() => (globalThis as unknown as BenchGlobal).termlightBench.termlight((globalThis as unknown as BenchGlobal).benchEngine, 'first'));
    const longestTask = await page.evaluate(() => (globalThis as unknown as BenchGlobal).longestTask as number);
    await page.close();

    page = await fresh(browser, url, code);
    const wrapCold = await page.evaluate((terms) => (globalThis as unknown as BenchGlobal).termlightBench.wrapOnly((globalThis as unknown as BenchGlobal).benchEngine, terms).ms, t.terms);
    await page.close();

    page = await fresh(browser, url, code);
    const w = await page.evaluate((rounds) => (globalThis as unknown as BenchGlobal).termlightBench.warm((globalThis as unknown as BenchGlobal).benchEngine, rounds), WARM_ROUNDS);
    await page.close();

    // mark.js makes one full pass over the page per form, so its time is
    // linear in the number of forms; on big pages a run with every form takes
    // minutes, so there it runs one form in MARKJS_SAMPLE and is scaled up.
    const kb = statSync(join(SHARED_PAGES, file)).size / 1024;
    const sampled = kb > FULL_MARKJS_KB;
    const markForms = sampled ? forms.filter((_, i) => i % MARKJS_SAMPLE === 0) : forms;
    page = await fresh(browser, url, code);
    const mk = await page.evaluate((f) => (globalThis as unknown as BenchGlobal).termlightBench.markjs(f), markForms);
    await page.close();

    rows.push({
      page: file.replace(/\.html$/, ''),
      kb,
      sampled,
      floor: coldFloor,
      termlight: t.workMs,
      parse: t.parseMs,
      wrap: wrapCold,
      walk: walkCold,
      warmFloor: w.floor,
      warmTermlight: w.termlight,
      warmWrap: w.wrapOnly,
      markjs: (mk.ms * forms.length) / markForms.length,
      longestTask,
      longestSlice: t.longestSliceMs,
      distinct: t.distinctTerms,
      terms: t.terms,
    });
    process.stdout.write('.');
  }
  if (rows.length > 0) printPages(rows);

  if (only.length === 0 || only.includes('order-book')) await orderBook(browser, pagesServer.url('/pages/order-book.html'), code);
  if (only.length === 0 || only.includes('dense')) await densePage(browser, code);
  await browser.close();
  await server.close();
  if (only.length === 0 || only.includes('startup')) await startupCost(pagesServer.url('/pages/basics.html'));
  await pagesServer.close();
}

function printPages(rows: Row[]) {
  console.log('\n');
  console.log(`${''.padEnd(36)}${'--------------- cold ---------------'.padStart(40)}${'--------------- warm ---------------'.padStart(40)}`);
  console.log(
    `${'page'.padEnd(28)}${'KB'.padStart(8)}${'floor ms'.padStart(10)}${'termlight'.padStart(10)}${'b/a'.padStart(10)}${'wrap'.padStart(10)}` +
      `${'floor ms'.padStart(10)}${'termlight'.padStart(10)}${'b/a'.padStart(10)}${'wrap'.padStart(10)}${'mark.js'.padStart(10)}${'c/b'.padStart(8)}${'long task'.padStart(10)}${'terms'.padStart(7)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.page.padEnd(28)}${fmt(r.kb, 0)}${fmt(r.floor, 2).padStart(10)}${fmt(r.termlight).padStart(10)}${fmt(r.termlight / r.floor).padStart(10)}${fmt(r.wrap, 2).padStart(10)}` +
        `${fmt(r.warmFloor, 2).padStart(10)}${fmt(r.warmTermlight, 2).padStart(10)}${fmt(r.warmTermlight / r.warmFloor).padStart(10)}${fmt(r.warmWrap, 2).padStart(10)}` +
        `${(fmt(r.markjs, 0) + (r.sampled ? '~' : ' ')).padStart(10)}${fmt(r.markjs / r.termlight, 0)}${fmt(r.longestTask, 0).padStart(10)}${String(r.distinct).padStart(7)}`,
    );
  }
  console.log(`~ mark.js run with 1 form in ${MARKJS_SAMPLE} on pages over ${FULL_MARKJS_KB} KB and scaled (one pass per form).`);
  console.log(`Termlight = parsing the matcher payload, as each page does, plus the main-thread work time of the scan (slices only); warm = median of ${WARM_ROUNDS} runs on fresh copies of the page.`);
  console.log('wrap = mark.js alone wrapping the hits Termlight highlights (found beforehand, untimed): the least an engine that wraps with mark.js spends.');
  const sum = (k: keyof Row) => rows.reduce((s, r) => s + (r[k] as number), 0);
  console.log(
    `\nTotal cold: floor ${sum('floor').toFixed(1)} ms, Termlight ${sum('termlight').toFixed(1)} ms (b/a ${(sum('termlight') / sum('floor')).toFixed(1)}×), ` +
      `mark.js ${sum('markjs').toFixed(0)} ms (c/b ${(sum('markjs') / sum('termlight')).toFixed(0)}×); Termlight's figure includes ${sum('parse').toFixed(1)} ms parsing the matcher payload.`,
  );
  console.log(
    `Total warm: floor ${sum('warmFloor').toFixed(1)} ms, Termlight ${sum('warmTermlight').toFixed(1)} ms (b/a ${(sum('warmTermlight') / sum('warmFloor')).toFixed(1)}×); ` +
      `median page b/a ${median(rows.map((r) => r.warmTermlight / r.warmFloor)).toFixed(1)}×.`,
  );
  const termPages = rows.filter((r) => r.distinct > 0);
  console.log(
    `mark.js wrapping alone: cold ${sum('wrap').toFixed(1)} ms = ${(sum('wrap') / sum('floor')).toFixed(1)}× the floor in total, ` +
      `warm ${sum('warmWrap').toFixed(1)} ms = ${(sum('warmWrap') / sum('warmFloor')).toFixed(1)}×; over 2× the floor cold on ` +
      `${termPages.filter((r) => r.wrap > 2 * r.floor).length} of the ${termPages.length} pages where terms are found.`,
  );
  console.log(
    `Termlight's text walk alone (text read block by block, scripts, styles, code and the rest stepped over; nothing matched): ` +
      `cold ${sum('walk').toFixed(1)} ms = ${(sum('walk') / sum('floor')).toFixed(1)}× the floor; with mark.js wrapping (walk + wrap): ` +
      `${((sum('walk') + sum('wrap')) / sum('floor')).toFixed(1)}× before a single word is matched.`,
  );
  // An engine that highlights with mark.js walks the page (at least the floor) and wraps its hits (at least `wrap`).
  console.log(
    `Least an engine that highlights with mark.js can take (floor + wrap): ${((sum('floor') + sum('wrap')) / sum('floor')).toFixed(1)}× the floor cold, ` +
      `${((sum('warmFloor') + sum('warmWrap')) / sum('warmFloor')).toFixed(1)}× warm; Termlight is ${(sum('termlight') / (sum('floor') + sum('wrap'))).toFixed(1)}× / ` +
      `${(sum('warmTermlight') / (sum('warmFloor') + sum('warmWrap'))).toFixed(1)}× that.`,
  );
  console.log(`Longest main-thread task during Termlight: ${Math.max(...rows.map((r) => r.longestTask)).toFixed(0)} ms (0 = none over 50 ms); longest slice ${Math.max(...rows.map((r) => r.longestSlice)).toFixed(1)} ms.`);

  console.log('\nCoverage (distinct terms found):');
  for (const r of rows) {
    const kind = FINANCE.includes(r.page) ? 'finance' : GENERAL.includes(r.page) ? 'general' : '';
    if (!kind) continue;
    console.log(`  ${kind.padEnd(8)} ${r.page.padEnd(24)} ${String(r.distinct).padStart(3)}  ${r.terms.map((id) => names.get(id)).join(', ')}`);
  }
}

/** CPU time of the page over a window, from the DevTools protocol. */
async function cpuOver(page: Page, ms: number): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration')!.value;
  };
  const before = await read();
  await page.waitForTimeout(ms);
  return (await read()) - before;
}

async function orderBook(browser: Browser, url: string, code: string) {
  const page = await fresh(browser, url, code);
  const windowMs = 5000;
  await page.waitForTimeout(500);
  const without = await cpuOver(page, windowMs);
  const marks = await page.evaluate(() => (globalThis as unknown as BenchGlobal).termlightBench.watch((globalThis as unknown as BenchGlobal).benchEngine));
  await page.waitForTimeout(1500); // let the watcher learn which regions are hot
  const withTermlight = await cpuOver(page, windowMs);
  await page.close();
  const added = ((withTermlight - without) / (windowMs / 1000)) * 100;
  console.log(
    `\nOrder book at 20 updates/s (${marks} highlights): page CPU ${((without / (windowMs / 1000)) * 100).toFixed(1)}% without Termlight, ` +
      `${((withTermlight / (windowMs / 1000)) * 100).toFixed(1)}% with it: Termlight adds ${added.toFixed(2)} percentage points (${((withTermlight / without - 1) * 100).toFixed(1)}% more).`,
  );
}

/**
 * The worst case for slicing: a page of nothing but glossary terms, four per
 * paragraph, with every occurrence highlighted (12,000 marks). Prints the
 * longest slice, which must stay far under the 50 ms of a long task.
 */
async function densePage(browser: Browser, code: string) {
  const names = glossary.terms.filter((t) => !t.ambiguous).map((t) => t.term);
  const pick = (i: number) => names[i % names.length];
  let html = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dense</title></head><body>';
  for (let i = 0; i < 3000; i++) {
    html += `<p>In session ${i}, the ${pick(i)} and the ${pick(i * 7)} moved while ${pick(i * 13)} held; ${pick(i * 29)} too.</p>`;
  }
  const dir = mkdtempSync(join(tmpdir(), 'termlight-dense-'));
  writeFileSync(join(dir, 'dense.html'), `${html}</body></html>`);
  const server = await startStaticServer({ '/d/': dir }, { headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } });
  const page = await fresh(browser, server.url('/d/dense.html'), code);
  const t = await page.evaluate(() => (globalThis as unknown as BenchGlobal).termlightBench.termlight((globalThis as unknown as BenchGlobal).benchEngine, 'all'));
  const longestTask = await page.evaluate(() => (globalThis as unknown as BenchGlobal).longestTask as number);
  await page.close();
  await server.close();
  rmSync(dir, { recursive: true });
  console.log(
    `Term-dense page, every occurrence (${t.marks} marks): work ${t.workMs.toFixed(0)} ms in ${t.slices} slices, ` +
      `longest slice ${t.longestSliceMs.toFixed(1)} ms, longest task ${longestTask.toFixed(0)} ms (0 = none over 50 ms).`,
  );
}

await main();
