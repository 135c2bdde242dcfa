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
import { HIGHLIGHT_CLASS, SKIP_SELECTOR } from './skip-rules';
import type { TextRun } from './text-runs';

export interface RunMatch {
  termId: string;
  run: TextRun;
  /** Offsets within `run.text`. */
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

const EXCLUDE = [SKIP_SELECTOR];

/** Offset of `first` in the text mark.js sees under `block` (same exclusions as the collector). */
function offsetInBlock(block: Element, first: Text): number {
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT);
  let offset = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node === first) return offset;
    const parent = node.parentElement;
    if (parent && !parent.matches(SKIP_SELECTOR)) offset += (node as Text).data.length;
  }
  return -1;
}

function runIsIntact(run: TextRun): boolean {
  let text = '';
  for (const node of run.nodes) {
    if (!node.isConnected) return false;
    text += node.data;
  }
  return text === run.text;
}

/** Wraps the matches of one block; returns the created marks. */
export function wrapBlockMatches(block: Element, matches: RunMatch[], options: WrapOptions): HTMLElement[] {
  const ranges: MarkRange[] = [];
  const runOffsets = new Map<TextRun, number>();
  for (const match of matches) {
    let base = runOffsets.get(match.run);
    if (base === undefined) {
      base = runIsIntact(match.run) ? offsetInBlock(block, match.run.nodes[0]) : -1;
      runOffsets.set(match.run, base);
    }
    if (base < 0) continue; // the page changed this text since we read it
    ranges.push({ start: base + match.start, length: match.end - match.start, termId: match.termId });
  }
  const created: HTMLElement[] = [];
  if (ranges.length === 0) return created;
  new Mark(block as HTMLElement).markRanges(ranges, {
    element: 'mark',
    className: HIGHLIGHT_CLASS,
    exclude: EXCLUDE,
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
