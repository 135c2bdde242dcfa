/**
 * What a page load costs the page's main thread with Termlight installed,
 * before and beside its page engine: loading and starting the content script
 * (compiling the bundle, reading the settings, getting the matcher, setting
 * up the card). Measured with the real extension, from the DevTools
 * protocol's task and script durations over one load of a small page,
 * against the same load with no extension and with an extension whose
 * content script is one empty statement (what any content script costs).
 * The four variants alternate, round after round, in one run. Then what the
 * first card of a page costs, now that its code loads on the first hover.
 */
import { chromium, type BrowserContext } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumPath, EXTENSION_DIR, extensionLaunchArgs, serviceWorkerOf, waitForGlossary, welcomePageOf } from '../e2e/fixtures';
import { elapsedToShow, setSettings, settledHighlights, startStopwatch } from '../e2e/support';

const ROUNDS = 9;
/** Long enough for Termlight to have highlighted the small page and gone quiet. */
const SETTLE_MS = 2000;

interface Variant {
  name: string;
  context: BrowserContext;
}

/** An extension with a content script of one empty statement, on the same pages and frames as Termlight's. */
function emptyExtension(): string {
  const dir = mkdtempSync(join(tmpdir(), 'termlight-empty-ext-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'empty content script',
      version: '1.0',
      content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content.js'], run_at: 'document_idle', all_frames: true }],
    }),
  );
  writeFileSync(join(dir, 'content.js'), ';');
  return dir;
}

async function launch(args: string[]): Promise<BrowserContext> {
  return chromium.launchPersistentContext('', { executablePath: chromiumPath(), headless: true, args });
}

async function termlight(paused: boolean): Promise<BrowserContext> {
  const context = await launch(extensionLaunchArgs(EXTENSION_DIR));
  await (await welcomePageOf(context)).close();
  const worker = await serviceWorkerOf(context);
  await waitForGlossary(worker);
  if (paused) await setSettings(worker, { paused: true });
  return context;
}

/** Main-thread task and script milliseconds of one load of `url`, settled. */
async function load(context: BrowserContext, url: string): Promise<{ task: number; script: number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return { task: value('TaskDuration'), script: value('ScriptDuration') };
  };
  const before = await read();
  await page.goto(url);
  await page.waitForTimeout(SETTLE_MS);
  const after = await read();
  await page.close();
  return { task: (after.task - before.task) * 1000, script: (after.script - before.script) * 1000 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The card's code loads on the first hover of a page (utils/tooltip/tooltip-module.ts), so the
 * first card pays for it: milliseconds from the pointer reaching a term to its card showing, for
 * the first card of a fresh page and for a second term's card on the same page (both include the
 * 250 ms hover delay).
 */
async function hoverToCard(context: BrowserContext, url: string): Promise<{ first: number; later: number }> {
  const page = await context.newPage();
  await page.goto(url);
  await settledHighlights(page);
  const marks = page.locator('mark.termlight');
  await startStopwatch(page);
  await marks.first().hover();
  const first = await elapsedToShow(page);
  await page.mouse.move(1, 1);
  await page.waitForFunction(() => !document.querySelector('termlight-tooltip')?.hasAttribute('data-open'));
  await startStopwatch(page);
  await marks.last().hover();
  const later = await elapsedToShow(page);
  await page.close();
  return { first, later };
}

export async function startupCost(url: string): Promise<void> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    console.log(`\nPage start-up: skipped, no build in ${EXTENSION_DIR} (run \`npm run build\` first).`);
    return;
  }
  const emptyDir = emptyExtension();
  const variants: Variant[] = [
    { name: 'no extension', context: await launch(['--no-sandbox', '--disable-gpu']) },
    { name: 'an empty content script', context: await launch(extensionLaunchArgs(emptyDir)) },
    { name: 'Termlight, paused', context: await termlight(true) },
    { name: 'Termlight, highlighting', context: await termlight(false) },
  ];
  const results = new Map(variants.map((v) => [v.name, { task: [] as number[], script: [] as number[] }]));
  const hovers: Array<{ first: number; later: number }> = [];
  try {
    for (const v of variants) await load(v.context, url); // first loads warm the browser's caches for every variant alike
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? variants : [...variants].reverse();
      for (const v of order) {
        const { task, script } = await load(v.context, url);
        results.get(v.name)!.task.push(task);
        results.get(v.name)!.script.push(script);
      }
    }
    const highlighting = variants.find((v) => v.name === 'Termlight, highlighting')!.context;
    for (let round = 0; round < ROUNDS; round++) hovers.push(await hoverToCard(highlighting, url));
  } finally {
    for (const v of variants) await v.context.close();
    rmSync(emptyDir, { recursive: true, force: true });
  }
  const task = (name: string) => median(results.get(name)!.task);
  const script = (name: string) => median(results.get(name)!.script);
  console.log(`\nPage start-up (a small page, ${ROUNDS} loads of each, alternating; main-thread time from load to ${SETTLE_MS / 1000} s after, median):`);
  for (const { name } of variants) console.log(`  ${name.padEnd(26)} tasks ${task(name).toFixed(1).padStart(6)} ms, of which script ${script(name).toFixed(1).padStart(5)} ms`);
  const base = 'an empty content script';
  console.log(
    `  Termlight adds ${(task('Termlight, paused') - task(base)).toFixed(1)} ms over an empty content script when paused, ` +
      `${(task('Termlight, highlighting') - task(base)).toFixed(1)} ms when highlighting; any content script adds ${(task(base) - task('no extension')).toFixed(1)} ms to no extension.`,
  );
  const first = median(hovers.map((h) => h.first));
  const later = median(hovers.map((h) => h.later));
  console.log(
    `  Hover to card (${ROUNDS} fresh pages, median, 250 ms hover delay included): the page's first card ${first.toFixed(0)} ms, ` +
      `which loads the card's code; a later card ${later.toFixed(0)} ms (${(first / later).toFixed(2)}×).`,
  );
}
