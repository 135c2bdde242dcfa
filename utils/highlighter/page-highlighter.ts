/**
 * Highlights glossary terms in a document: collect text runs, match them in
 * one pass each, wrap the hits, all in time slices that yield to the page,
 * starting with the text in view.
 */
import { findTerms, type CompiledMatcher, type TermMatch } from '../matcher';
import type { HighlightMode } from '../settings';
import { abbreviationKey, ContextGate, type ContextRules } from './context-gate';
import type { SetColorSheet } from './set-colors';
import { ensureShadowStyle } from './shadow-style';
import { HIGHLIGHT_CLASS } from './skip-rules';
import { RunCollector, type TextRun } from './text-runs';
import { runIsIntact, unwrapAll, unwrapMark, wrapMatches, type RunHits, type RunMatch } from './wrap';
import { TimeSlicer } from './yield-to-page';

export interface HighlightOptions {
  matcher: CompiledMatcher;
  mode: HighlightMode;
  focusable: boolean;
  /** Work per slice before yielding to the page. */
  sliceMs?: number;
  /**
   * Called synchronously after every DOM write of ours, with the marks it
   * created (none for removals), so a mutation observer can drop our own records.
   */
  onWrite?: (created: HTMLElement[]) => void;
  /** The highlight CSS, adopted into open shadow roots we highlight in. */
  shadowCss?: string;
  /** The set each term is highlighted as (`data-set-id` on its marks), from the matcher payload. */
  setOfTerm?: Record<string, string>;
  /** Terms highlighted only on pages about their field (from the matcher payload). */
  context?: ContextRules;
  /** The per-set colours, adopted into open shadow roots we highlight in (the document gets them from the session). */
  colors?: SetColorSheet;
  /**
   * Main-thread work allowed for one scan. A huge page (megabytes of text)
   * is highlighted up to this budget, visible part first, and the rest is
   * left alone; `budgetExceeded` tells the popup.
   */
  workBudgetMs: number;
}

export interface ScanStats {
  runs: number;
  marks: number;
  slices: number;
  longestSliceMs: number;
  /** Wall time from start to finish, time yielded to the page included. */
  totalMs: number;
  /** Main-thread time the scan itself used (the slices, not the time yielded). */
  workMs: number;
  /** The scan stopped at the work budget before reaching every run. */
  stoppedEarly: boolean;
}

/** Terms found on the page, in order of first appearance, with counts. */
export interface FoundTerm {
  termId: string;
  count: number;
}

export class PageHighlighter {
  /** Every occurrence found (highlighted or not), keyed by term id, in order of discovery. */
  readonly found = new Map<string, number>();
  /** The first mark of each term, so 'first' mode can highlight again if the page removed it. */
  private readonly firstMark = new Map<string, HTMLElement>();

  /** What the page has shown so far of the sets that context-needing terms wait for. */
  private gate: ContextGate;
  /** Context-needing terms found before their context, with the blocks they are in: highlighted once it shows up. */
  private readonly waiting = new Map<string, Set<Element>>();
  /**
   * Abbreviation hits counted so far, by `abbreviationKey` ("LST"): the
   * marks made and the occurrences counted per term, taken back if the
   * page later spells the abbreviation out as something else.
   */
  private readonly abbreviations = new Map<string, { marks: HTMLElement[]; counts: Map<string, number> }>();
  /** The key of each abbreviation hit waiting in a batch, for `onMark`. */
  private readonly keyOfMatch = new WeakMap<RunMatch, string>();
  /** The abbreviations the run being matched names as something else (`findTerms`), reused from run to run. */
  private readonly namedOtherwise: string[] = [];

  constructor(
    private readonly doc: Document,
    private options: HighlightOptions,
  ) {
    this.gate = new ContextGate(options.context);
  }

  /** Set once a scan stopped at its work budget: the page is only partly highlighted. */
  budgetExceeded = false;

  setOptions(options: HighlightOptions): void {
    if (options.context !== this.options.context) this.resetContext(options.context);
    this.options = options;
  }

  foundTerms(): FoundTerm[] {
    return [...this.found].map(([termId, count]) => ({ termId, count }));
  }

  /** Scans `root` (the whole body by default) and highlights what it finds. */
  async scan(root: Node = this.doc.body): Promise<ScanStats> {
    const started = performance.now();
    const slicer = new TimeSlicer(this.options.sliceMs ?? 8);
    const budget = this.options.workBudgetMs;
    const runs: TextRun[] = [];
    const collector = new RunCollector();
    let stoppedEarly = false;
    for (const run of collector.runs(root)) {
      runs.push(run);
      if (!slicer.due) continue;
      // Collecting is cheap; keep a third of the budget for matching what is in view.
      const outOfBudget = slicer.workMs > budget * 0.66;
      // Yield even when stopping, so matching starts with a whole slice: on a
      // slow or busy machine the budget may be spent before the first match,
      // and the text in view must still get one slice.
      await slicer.pause();
      if (outOfBudget) {
        stoppedEarly = true;
        break;
      }
    }
    const pass = await this.matchRuns(visibleFirst(runs, root === this.doc.body ? this.doc : undefined), collector, slicer);
    let marks = pass.marks;
    stoppedEarly ||= pass.stoppedEarly;
    // Terms that waited for their context and have it now: their blocks are read again, in slices too.
    const waiting = stoppedEarly ? undefined : this.takeConfirmedWaiting();
    if (waiting) {
      const again = await this.matchRuns(runsOf(collector, waiting.blocks), collector, slicer, waiting.only);
      marks += again.marks;
      stoppedEarly ||= again.stoppedEarly;
    }
    slicer.finish();
    if (stoppedEarly) this.budgetExceeded = true;
    return {
      runs: runs.length,
      marks,
      slices: slicer.slices,
      longestSliceMs: slicer.longestSliceMs,
      totalMs: performance.now() - started,
      workMs: slicer.workMs,
      stoppedEarly,
    };
  }

  /**
   * Matches `runs` and wraps their hits, in slices. A slice's hits are
   * wrapped together before it yields: few mark.js calls (each has a set-up
   * cost), and the page cannot change the text between match and wrap.
   */
  private async matchRuns(runs: Iterable<TextRun>, collector: RunCollector, slicer: TimeSlicer, only?: ReadonlySet<string>) {
    const batch = new HitBatch();
    let marks = 0;
    let stoppedEarly = false;
    for (const run of runs) {
      this.matchRun(run, collector, batch, only);
      // A term-dense page in 'all' mode can match hundreds of hits in one
      // slice; wrapping them in bounded batches keeps the slice near its budget.
      if (batch.hits >= MAX_BATCH_HITS) marks += this.wrap(batch);
      if (!slicer.due) continue;
      marks += this.wrap(batch);
      if (slicer.workMs > this.options.workBudgetMs) {
        stoppedEarly = true;
        break;
      }
      await slicer.pause();
    }
    marks += this.wrap(batch);
    return { marks, stoppedEarly };
  }

  /**
   * Finds the terms of `run` (only those of `only`, if given) and adds those
   * to highlight to `batch`.
   */
  private matchRun(run: TextRun, collector: RunCollector, batch: HitBatch, only?: ReadonlySet<string>): void {
    const named = this.namedOtherwise;
    named.length = 0;
    const hits = findTerms(run.text, this.options.matcher, named);
    // The page changed this text since it was read (an earlier slice): leave it for the next scan.
    if ((hits.length === 0 && named.length === 0) || !runIsIntact(run)) return;
    // "the Department of Government Efficiency", anywhere: the page means that by DOGE.
    for (const abbreviation of named) {
      const key = this.gate.spelledOut(abbreviation);
      if (key !== undefined) this.takeBackAbbreviation(key, batch);
    }
    const inPlace = hits.filter((hit) => !collector.inSkippedRegion(run, hit.start, hit.end));
    // "Local Sidereal Time (LST)": the page says what it means by LST, here,
    // everywhere after, and where it was highlighted before. "Strategic
    // Petroleum Reserve (SPR)": the page says SPR is the term, context enough.
    for (const hit of inPlace) {
      if (hit.definedAsTerm) this.gate.defined(hit.termId);
      if (!hit.definedOtherwise) continue;
      const key = this.gate.spelledOut(run.text.slice(hit.start, hit.end));
      if (key !== undefined) this.takeBackAbbreviation(key, batch);
    }
    // An abbreviation the page spells out as something else, or a name as written that a phrase gives
    // something else ("Bullish" where the page names the Bullish group; "bullish" still lights).
    const seen = inPlace.filter((hit) => (!only || only.has(hit.termId)) && !this.gate.meansOtherThing(run.text, hit.start, hit.end));
    // The run's own terms count as context before any of its terms waits for it.
    for (const hit of seen) this.gate.saw(hit);
    const toWrap: RunMatch[] = [];
    for (const hit of seen) {
      if (!this.gate.allows(hit)) {
        this.wait(hit.termId, run.block);
        continue;
      }
      this.found.set(hit.termId, (this.found.get(hit.termId) ?? 0) + 1);
      if (hit.abbreviation) this.countAbbreviation(hit, run.text);
      if (this.options.mode === 'first') {
        if (this.firstMark.get(hit.termId)?.isConnected || batch.terms.has(hit.termId)) continue;
        batch.terms.add(hit.termId);
      }
      toWrap.push(hit);
    }
    if (toWrap.length > 0) {
      batch.runs.push({ run, matches: toWrap });
      batch.hits += toWrap.length;
    }
  }

  /** Notes an abbreviation hit (`hit`, in `text`) that is counted and may be highlighted. */
  private countAbbreviation(hit: TermMatch, text: string): void {
    const key = abbreviationKey(text.slice(hit.start, hit.end));
    let entry = this.abbreviations.get(key);
    if (!entry) this.abbreviations.set(key, (entry = { marks: [], counts: new Map() }));
    entry.counts.set(hit.termId, (entry.counts.get(hit.termId) ?? 0) + 1);
    this.keyOfMatch.set(hit, key);
  }

  /**
   * The page has just spelled out the abbreviation `key` as something else:
   * its earlier hits are no term here either. Unwraps their marks, takes
   * them out of the batch still to wrap, and uncounts them.
   */
  private takeBackAbbreviation(key: string, batch: HitBatch): void {
    const entry = this.abbreviations.get(key);
    if (!entry) return;
    this.abbreviations.delete(key);
    for (const item of batch.runs) {
      const kept: RunMatch[] = [];
      for (const m of item.matches) {
        if (this.keyOfMatch.get(m) !== key) kept.push(m);
        else {
          batch.hits--;
          batch.terms.delete(m.termId);
        }
      }
      item.matches = kept;
    }
    const removed = entry.marks.filter((mark) => mark.isConnected);
    removed.forEach(unwrapMark);
    if (removed.length > 0) this.options.onWrite?.([]);
    for (const [termId, count] of entry.counts) {
      const left = (this.found.get(termId) ?? 0) - count;
      if (left > 0) this.found.set(termId, left);
      else this.found.delete(termId);
      const first = this.firstMark.get(termId);
      if (first && removed.includes(first)) this.firstMark.delete(termId);
    }
  }

  private wait(termId: string, block: Element): void {
    let blocks = this.waiting.get(termId);
    if (!blocks) this.waiting.set(termId, (blocks = new Set()));
    if (blocks.size < MAX_WAITING_BLOCKS) blocks.add(block);
  }

  /**
   * The waiting terms whose context the page has shown by now, and the blocks
   * to read again for them (the text may have been wrapped or changed since
   * they were seen); they stop waiting.
   */
  private takeConfirmedWaiting(): { only: Set<string>; blocks: Element[] } | undefined {
    const ready = [...this.waiting.keys()].filter((termId) => this.gate.hasContextFor(termId));
    if (ready.length === 0) return undefined;
    const blocks = new Set<Element>();
    for (const termId of ready) {
      this.waiting.get(termId)!.forEach((b) => blocks.add(b));
      this.waiting.delete(termId);
    }
    // A block inside another listed block is read with it.
    const outermost = [...blocks].filter((b) => b.isConnected && ![...blocks].some((a) => a !== b && a.contains(b)));
    return { only: new Set(ready), blocks: outermost };
  }

  private resetContext(rules: ContextRules | undefined): void {
    this.gate = new ContextGate(rules);
    this.waiting.clear();
  }

  /** Wraps the batch's hits, empties it, and returns how many marks it made. */
  private wrap(batch: HitBatch): number {
    if (batch.runs.length === 0) return 0;
    const { setOfTerm } = this.options;
    const created = wrapMatches(batch.runs, {
      focusable: this.options.focusable,
      setOf: setOfTerm && ((termId) => (Object.hasOwn(setOfTerm, termId) ? setOfTerm[termId] : undefined)),
      onMark: (mark, match) => {
        const key = this.keyOfMatch.get(match);
        const marks = key === undefined ? undefined : this.abbreviations.get(key)?.marks;
        if (!marks) return;
        // A page that re-renders for hours drops marks: forget those now and then.
        if (marks.length >= MAX_ABBREVIATION_MARKS) marks.splice(0, marks.length, ...marks.filter((m) => m.isConnected));
        marks.push(mark);
      },
    });
    if (created.length > 0) {
      for (const { run } of batch.runs) {
        const root = run.block.getRootNode();
        if (!(root instanceof ShadowRoot)) continue;
        if (this.options.shadowCss) ensureShadowStyle(root, this.options.shadowCss);
        this.options.colors?.adoptInto(root);
      }
    }
    for (const mark of created) {
      const termId = mark.dataset.termId ?? '';
      if (!this.firstMark.get(termId)?.isConnected) this.firstMark.set(termId, mark);
    }
    batch.runs.length = 0;
    batch.hits = 0;
    batch.terms.clear();
    this.options.onWrite?.(created);
    return created.length;
  }

  /** Removes highlights (all, or those of the given terms) and forgets them. */
  clear(termIds?: ReadonlySet<string>): number {
    const removed = unwrapAll(this.doc, termIds);
    this.options.onWrite?.([]);
    if (!termIds) {
      this.found.clear();
      this.firstMark.clear();
      this.abbreviations.clear();
      this.resetContext(this.options.context);
    } else {
      for (const id of termIds) {
        this.found.delete(id);
        this.firstMark.delete(id);
        this.waiting.delete(id);
        for (const entry of this.abbreviations.values()) entry.counts.delete(id);
      }
    }
    return removed;
  }

  marks(): HTMLElement[] {
    return [...this.doc.querySelectorAll<HTMLElement>(`mark.${HIGHLIGHT_CLASS}`)];
  }
}

function* runsOf(collector: RunCollector, blocks: Element[]): Generator<TextRun, void, void> {
  for (const block of blocks) yield* collector.runs(block);
}

/**
 * Reorders runs so the ones in view come first. Document order follows the
 * page top to bottom, so a binary search for the first run whose block
 * reaches the viewport costs a handful of layout reads.
 */
function visibleFirst(runs: TextRun[], doc: Document | undefined): TextRun[] {
  if (!doc || runs.length < 64 || (doc.defaultView?.scrollY ?? 0) === 0) return runs;
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].block.getBoundingClientRect().bottom < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? runs : [...runs.slice(lo), ...runs.slice(0, lo)];
}

/** Hits matched in the current slice, waiting to be wrapped together. */
class HitBatch {
  readonly runs: RunHits[] = [];
  /** Terms already in the batch ('first' mode highlights each once). */
  readonly terms = new Set<string>();
  hits = 0;
}

/** Blocks remembered per waiting term: enough for any article, bounded on an endless feed. */
const MAX_WAITING_BLOCKS = 64;

/** Marks of one abbreviation remembered before the disconnected ones are dropped. */
const MAX_ABBREVIATION_MARKS = 256;

/** Hits wrapped in one mark.js call at most: enough to spread its set-up cost, few enough to wrap within a slice. */
const MAX_BATCH_HITS = 64;
