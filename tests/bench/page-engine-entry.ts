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

function floor(): { ms: number; chars: number } {
  const start = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += (node as Text).data.length;
  return { ms: performance.now() - start, chars };
}

async function termlight({ matcher, context }: BenchEngine, mode: 'first' | 'all') {
  const highlighter = new PageHighlighter(document, { matcher, context, mode, focusable: false, workBudgetMs: Infinity });
  const stats = await highlighter.scan();
  return { ...stats, distinctTerms: highlighter.found.size, terms: [...highlighter.found.keys()] };
}

/**
 * mark.js alone: wrapping the terms Termlight highlights (`termIds`, from its
 * run on this page), each at its first occurrence, found beforehand
 * (untimed), in one call with the smallest context mark.js accepts. No
 * engine that wraps with mark.js can spend less on the page.
 */
function wrapOnly({ matcher }: BenchEngine, termIds: readonly string[]): { ms: number; marks: number } {
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
async function warm(engine: BenchEngine, rounds: number) {
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
    const run = await termlight(engine, 'first');
    works.push(run.workMs);
    fresh();
    wraps.push(wrapOnly(engine, run.terms).ms);
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
async function watch({ matcher, context }: BenchEngine) {
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

const api = { floor, termlight, wrapOnly, warm, markjs, watch };
export type BenchApi = typeof api;
/** What the benchmark driver finds on the page's global object. */
export interface BenchGlobal {
  termlightBench: BenchApi;
  benchEngine: BenchEngine;
  longestTask: number;
}
Object.assign(globalThis, { termlightBench: api });
