/**
 * Wraps matches in `<mark class="termlight" data-term-id data-set-id>` with mark.js and
 * takes them out again without disturbing the page's own text nodes.
 *
 * mark.js splits a text node in place (`splitText`), so the node a framework
 * such as React holds a reference to stays in the DOM as the prefix of the
 * wrapped text. Unwrapping merges prefix, mark and suffix back into that same
 * node, so the page ends with the very nodes it started with.
 */
import Mark from 'mark.js';
import { HIGHLIGHT_CLASS } from './skip-rules';
import type { TextRun } from './text-runs';

export interface RunMatch {
  termId: string;
  /** Offsets within the run's text. */
  start: number;
  end: number;
}

export interface WrapOptions {
  focusable: boolean;
  /** The set a term is highlighted as (`data-set-id`, which its colour follows), if known. */
  setOf?: (termId: string) => string | undefined;
  /** Told of each mark made and the match it wraps (a match split over inline elements makes one mark per piece). */
  onMark?: (mark: HTMLElement, match: RunMatch) => void;
}

interface MarkRange {
  start: number;
  length: number;
  termId: string;
  match: RunMatch;
}

/** Whether the page left `run`'s text nodes as they were when the run was read. */
export function runIsIntact(run: TextRun): boolean {
  let text = '';
  for (const node of run.nodes) {
    if (!node.isConnected) return false;
    text += node.data;
  }
  return text === run.text;
}

/** Index of the node of `run` that holds character `offset`. */
function nodeAt(run: TextRun, offset: number): number {
  let i = 0;
  while (i + 1 < run.nodes.length && run.offsets[i + 1] <= offset) i++;
  return i;
}

/** A run and the matches to wrap in it (in order, not overlapping). */
export interface RunHits {
  run: TextRun;
  matches: RunMatch[];
}

/**
 * Wraps the matches of several runs with one mark.js call and returns the
 * created marks. One call, because mark.js's set-up per call (its iterator,
 * range checks) costs more than wrapping a term or two, which is what most
 * runs have. mark.js is given as its context only the text nodes the matches
 * touch, run after run, so its offsets are ours shifted by the text before
 * them, and it never walks (or selector-matches) the rest of a block: the
 * collector already left out every skipped region. Callers check
 * `runIsIntact` in the same slice, so the page cannot have changed the text.
 */
export function wrapMatches(batch: readonly RunHits[], options: WrapOptions): HTMLElement[] {
  const created: HTMLElement[] = [];
  const contexts: Text[] = [];
  const ranges: MarkRange[] = [];
  let base = 0;
  for (const { run, matches } of batch) {
    if (matches.length === 0) continue;
    const first = nodeAt(run, matches[0].start);
    const last = nodeAt(run, matches[matches.length - 1].end - 1);
    const from = run.offsets[first];
    for (const m of matches) ranges.push({ start: base + m.start - from, length: m.end - m.start, termId: m.termId, match: m });
    for (let i = first; i <= last; i++) {
      contexts.push(run.nodes[i]);
      base += run.nodes[i].data.length;
    }
  }
  if (ranges.length === 0) return created;
  new Mark(contexts as unknown as HTMLElement[]).markRanges(ranges, {
    element: 'mark',
    className: HIGHLIGHT_CLASS,
    each(element: Element, range: unknown) {
      const mark = element as HTMLElement;
      const { termId, match } = range as MarkRange;
      mark.dataset.termId = termId;
      const setId = options.setOf?.(termId);
      if (setId !== undefined) mark.dataset.setId = setId;
      if (options.focusable) mark.tabIndex = 0;
      options.onMark?.(mark, match);
      created.push(mark);
    },
  } as Mark.MarkRangesOptions);
  return created;
}

/** Removes one highlight, merging its text back into the node it was split from. */
export function unwrapMark(mark: Element): void {
  const parent = mark.parentNode;
  if (!parent) return;
  const text = mark.textContent ?? '';
  const before = mark.previousSibling;
  const after = mark.nextSibling;
  if (before instanceof Text) {
    before.data += text;
    if (after instanceof Text) {
      before.data += after.data;
      after.remove();
    }
    mark.remove();
  } else {
    parent.replaceChild(mark.ownerDocument.createTextNode(text), mark);
  }
}

export function unwrapAll(root: ParentNode, termIds?: ReadonlySet<string>): number {
  let count = 0;
  for (const mark of root.querySelectorAll<HTMLElement>(`mark.${HIGHLIGHT_CLASS}`)) {
    if (termIds && !termIds.has(mark.dataset.termId ?? '')) continue;
    unwrapMark(mark);
    count++;
  }
  return count;
}
