/**
 * Bundled into each benchmark page (no extension involved, so the
 * contestants run on the same DOM in the same browser): a bare TreeWalker
 * pass (the floor), Termlight's page engine, plain mark.js, and mark.js
 * wrapping Termlight's own hits (the least a mark.js engine can spend).
 */
import Mark from 'mark.js';
import { PageHighlighter } from '../../utils/highlighter/page-highlighter';
import { MutationWatcher } from '../../utils/highlighter/mutation-watcher';
import { RunCollector } from '../../utils/highlighter/text-runs';
import { wrapMatches, type RunHits } from '../../utils/highlighter/wrap';
import type { ContextRules } from '../../utils/highlighter/context-gate';
import { findTerms, type CompiledMatcher } from '../../utils/matcher';

/** What the content script gets from the background: the compiled matcher and the context rules. */
export interface BenchEngine {
  matcher: CompiledMatcher;
  context: ContextRules | undefined;
}

/**
 * The engine as a page receives it: JSON text, as an extension message
 * carries it. Each page parses it before it can match a word, so Termlight's
 * figures include that parse.
 */
const parse = (payload: string) => JSON.parse(payload) as BenchEngine;

function floor(): { ms: number; chars: number } {
  const start = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += (node as Text).data.length;
  return { ms: performance.now() - start, chars };
}

/**
 * Termlight's own text walk alone: the runs it reads (text joined per block,
 * scripts, styles, code and the rest stepped over), no matching: what
 * Termlight spends before it matches a word.
 */
function walk(): { ms: number; runs: number } {
  const start = performance.now();
  let runs = 0;
  for (const _run of new RunCollector().runs(document.body)) runs++;
  return { ms: performance.now() - start, runs };
}

async function termlight(payload: string, mode: 'first' | 'all') {
  const parseStart = performance.now();
  const { matcher, context } = parse(payload);
  const parseMs = performance.now() - parseStart;
  const highlighter = new PageHighlighter(document, { matcher, context, mode, focusable: false, workBudgetMs: Infinity });
  const stats = await highlighter.scan();
  return { ...stats, workMs: parseMs + stats.workMs, parseMs, distinctTerms: highlighter.found.size, terms: [...highlighter.found.keys()] };
}

/**
 * mark.js alone: wrapping the terms Termlight highlights (`termIds`, from its
 * run on this page), each at its first occurrence, found beforehand
 * (untimed), in one call with the smallest context mark.js accepts. No
 * engine that wraps with mark.js can spend less on the page.
 */
function wrapOnly(payload: string, termIds: readonly string[]): { ms: number; marks: number } {
  const { matcher } = parse(payload);
  const highlighted = new Set(termIds);
  const collector = new RunCollector();
  const seen = new Set<string>();
  const batch: RunHits[] = [];
  for (const run of collector.runs(document.body)) {
    const matches = findTerms(run.text, matcher).filter((hit) => {
      if (!highlighted.has(hit.termId) || seen.has(hit.termId) || collector.inSkippedRegion(run, hit.start, hit.end)) return false;
      seen.add(hit.termId);
      return true;
    });
    if (matches.length > 0) batch.push({ run, matches });
  }
  const start = performance.now();
  const marks = wrapMatches(batch, { focusable: false }).length;
  return { ms: performance.now() - start, marks };
}

/**
 * Warm figures: the same engine code run again on an identical, untouched
 * copy of the page (a fresh clone of the body as it was loaded), so both
 * contestants get a JIT-compiled second and later run on the same DOM.
 * Returns the median of `rounds` runs of each.
 */
async function warm(payload: string, rounds: number) {
  const pristine = document.body.cloneNode(true) as HTMLElement;
  // The bench's browser exposes gc(): each timed run starts with the
  // earlier rounds' detached copies collected, so neither contestant pays
  // for garbage the benchmark itself made.
  const collectGarbage = (globalThis as { gc?: () => void }).gc ?? (() => {});
  const fresh = () => {
    document.body.replaceWith(pristine.cloneNode(true));
    void document.body.offsetHeight; // lay the copy out first, as a loaded page is
    collectGarbage();
  };
  const floors: number[] = [];
  const works: number[] = [];
  const wraps: number[] = [];
  for (let i = 0; i < rounds; i++) {
    fresh();
    floors.push(floor().ms);
    fresh();
    const run = await termlight(payload, 'first');
    works.push(run.workMs);
    fresh();
    wraps.push(wrapOnly(payload, run.terms).ms);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { floor: median(floors), termlight: median(works), wrapOnly: median(wraps) };
}

/**
 * Plain mark.js, one keyword after another. Passing the whole array to one
 * `mark()` call does the same work, but mark.js chains keywords through
 * nested callbacks and overflows the stack after a few hundred of them.
 */
function markjs(forms: string[]): { ms: number; marks: number } {
  const start = performance.now();
  const instance = new Mark(document.body);
  let marks = 0;
  for (const form of forms) {
    instance.mark(form, { accuracy: 'exactly', separateWordSearch: false, done: (n: number) => (marks += n) });
  }
  return { ms: performance.now() - start, marks };
}

/** Starts Termlight on the page and keeps watching it, as the content script does. */
async function watch(payload: string) {
  const { matcher, context } = parse(payload);
  const highlighter = new PageHighlighter(document, { matcher, context, mode: 'first', focusable: false, workBudgetMs: Infinity });
  const watcher = new MutationWatcher(document.body, {
    onChanged: (roots) => roots.forEach((r) => void highlighter.scan(r)),
  });
  highlighter.setOptions({
    matcher,
    context,
    mode: 'first',
    focusable: false,
    workBudgetMs: Infinity,
    onWrite: (created) => {
      created.forEach((m) => watcher.track(m));
      watcher.ignoreOwnChanges();
    },
  });
  await highlighter.scan();
  watcher.start();
  return highlighter.marks().length;
}

const api = { floor, walk, termlight, wrapOnly, warm, markjs, watch };
export type BenchApi = typeof api;
/** What the benchmark driver finds on the page's global object. */
export interface BenchGlobal {
  termlightBench: BenchApi;
  /** The engine as JSON text (`BenchEngine`), as a message brings it. */
  benchEngine: string;
  longestTask: number;
}
Object.assign(globalThis, { termlightBench: api });
