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
}

interface MarkRange {
  start: number;
  length: number;
  termId: string;
}

function runIsIntact(run: TextRun): boolean {
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

/**
 * Wraps matches of one run; returns the created marks. mark.js is given just
 * the run's text nodes that the matches touch as its context, so its offsets
 * are ours and it never walks (or selector-matches) the rest of the block:
 * the collector already left out every skipped region.
 */
export function wrapRunMatches(run: TextRun, matches: RunMatch[], options: WrapOptions): HTMLElement[] {
  const created: HTMLElement[] = [];
  // The page changed this text since we read it: leave it for the next scan.
  if (matches.length === 0 || !runIsIntact(run)) return created;
  const first = nodeAt(run, Math.min(...matches.map((m) => m.start)));
  const last = nodeAt(run, Math.max(...matches.map((m) => m.end)) - 1);
  const base = run.offsets[first];
  const ranges: MarkRange[] = matches.map((m) => ({ start: m.start - base, length: m.end - m.start, termId: m.termId }));
  new Mark(run.nodes.slice(first, last + 1) as unknown as HTMLElement[]).markRanges(ranges, {
    element: 'mark',
    className: HIGHLIGHT_CLASS,
    each(element: Element, range: unknown) {
      const mark = element as HTMLElement;
      const { termId } = range as MarkRange;
      mark.dataset.termId = termId;
      const setId = options.setOf?.(termId);
      if (setId !== undefined) mark.dataset.setId = setId;
      if (options.focusable) mark.tabIndex = 0;
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
