/**
 * Collects a page's text as runs: consecutive text nodes that share their
 * nearest block ancestor, so "open <b>interest</b>" reads as one string.
 * One TreeWalker pass that steps over skipped elements (script, code, svg...)
 * with their subtrees, so the cost stays close to a bare walk. Regions
 * skipped for an attribute (editable, aria-hidden...) are read like the rest
 * and ruled out per match with `inSkippedRegion`, because reading every
 * element's attributes would cost more than the whole walk.
 * Open shadow roots (web components) are walked too.
 */
import { INLINE_TAGS, skipsByAttribute, skipsByTag, skipsItself } from './skip-rules';

export interface TextRun {
  block: Element;
  nodes: Text[];
  /** Offset of each node's first character within `text`. */
  offsets: number[];
  text: string;
}

/** Whether `node` sits inside a region Termlight leaves alone (asked once per scan, for its root). */
function insideSkippedRegion(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (skipsItself(el)) return true;
  }
  return false;
}

/** Moves `walker` past the subtree of its current node; returns the next node, or null at the end of its root. */
function skipSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

export class RunCollector {
  private readonly blockCache = new Map<Element, Element>();
  private readonly attributeVerdicts = new Map<Element, boolean>();

  /** Whether `el` or an ancestor has an attribute that rules its text out (memoised up the tree). */
  private skippedByAttribute(el: Element): boolean {
    let verdict = this.attributeVerdicts.get(el);
    if (verdict === undefined) {
      const parent = el.parentElement;
      verdict = skipsByAttribute(el) || (parent !== null && this.skippedByAttribute(parent));
      this.attributeVerdicts.set(el, verdict);
    }
    return verdict;
  }

  /** Whether any text of `run` between `start` and `end` lies in a region skipped for an attribute. */
  inSkippedRegion(run: TextRun, start: number, end: number): boolean {
    for (let i = 0; i < run.nodes.length; i++) {
      const nodeStart = run.offsets[i];
      if (nodeStart >= end) break;
      if (nodeStart + run.nodes[i].data.length <= start) continue;
      const parent = run.nodes[i].parentElement;
      if (parent && this.skippedByAttribute(parent)) return true;
    }
    return false;
  }

  blockOf(parent: Element): Element {
    let block = this.blockCache.get(parent);
    if (!block) {
      block = parent;
      while (INLINE_TAGS.has(block.tagName) && block.parentElement) block = block.parentElement;
      this.blockCache.set(parent, block);
    }
    return block;
  }

  /**
   * Walks `root` in document order, yielding each run as it is finished so
   * the caller can pause between runs. A skipped element (script, code,
   * editable region...) is stepped over with its whole subtree, so no text
   * inside it is ever read and no per-node ancestor check is needed.
   */
  *runs(root: Node): Generator<TextRun, void, void> {
    if ((root.nodeType === 1 && skipsItself(root as Element)) || insideSkippedRegion(root)) return;
    const doc = root.ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    let current: TextRun | undefined;
    // The run's text is joined once when it ends: a flat string, which the
    // matcher reads faster than the chain of pieces `+=` would build.
    let parts: string[] = [];
    let length = 0;
    const shadowHosts: Element[] = [];
    let next = walker.nextNode();
    while (next) {
      if (next.nodeType === 1) {
        const el = next as Element;
        if (skipsByTag(el)) {
          next = skipSubtree(walker);
          continue;
        }
        // Open shadow roots (web components) are scanned after the light DOM.
        if (el.shadowRoot) shadowHosts.push(el);
        next = walker.nextNode();
        continue;
      }
      const node = next as Text;
      next = walker.nextNode();
      const parent = node.parentElement;
      if (!parent) continue; // text directly under a shadow root or the document
      const block = this.blockOf(parent);
      if (current && current.block !== block) {
        current.text = parts.length === 1 ? parts[0] : parts.join('');
        if (/\S/.test(current.text)) yield current;
        current = undefined;
      }
      if (!current) {
        current = { block, nodes: [], offsets: [], text: '' };
        parts = [];
        length = 0;
      }
      const data = node.data;
      current.nodes.push(node);
      current.offsets.push(length);
      parts.push(data);
      length += data.length;
    }
    if (current) {
      current.text = parts.length === 1 ? parts[0] : parts.join('');
      if (/\S/.test(current.text)) yield current;
    }
    for (const host of shadowHosts) {
      if (!this.skippedByAttribute(host)) yield* this.runs(host.shadowRoot!);
    }
  }
}
