/**
 * Collects a page's text as runs: consecutive text nodes that share their
 * nearest block ancestor, so "open <b>interest</b>" reads as one string.
 * One TreeWalker pass; per-element verdicts are cached so the cost stays
 * close to a bare walk. Open shadow roots (web components) are walked too.
 */
import { INLINE_TAGS, skipsItself } from './skip-rules';

export interface TextRun {
  block: Element;
  nodes: Text[];
  /** Offset of each node's first character within `text`. */
  offsets: number[];
  text: string;
}

export class RunCollector {
  private readonly skipCache = new Map<Node, boolean>();
  private readonly blockCache = new Map<Element, Element>();

  /** Whether `el` is in a skipped region: its own rule, else its parent's (memoised). */
  isSkipped(el: Element): boolean {
    let verdict = this.skipCache.get(el);
    if (verdict === undefined) {
      const parent = el.parentElement;
      verdict = skipsItself(el) || (parent !== null && this.isSkipped(parent));
      this.skipCache.set(el, verdict);
    }
    return verdict;
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
   * Walks `root` and hands each finished run to `onRun`. `shouldStop` is asked
   * between nodes so the caller can pause at a time budget; the walk resumes
   * where it stopped on the next call.
   */
  *runs(root: Node): Generator<TextRun, void, void> {
    const doc = root.ownerDocument ?? (root as Document);
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    let current: TextRun | undefined;
    let text = '';
    const shadowHosts: Element[] = [];
    for (let next = walker.nextNode(); next; next = walker.nextNode()) {
      if (next.nodeType === 1) {
        // Elements are visited only to find open shadow roots, scanned after the light DOM.
        if ((next as Element).shadowRoot) shadowHosts.push(next as Element);
        continue;
      }
      const node = next as Text;
      const parent = node.parentElement;
      if (!parent || this.isSkipped(parent)) continue;
      const block = this.blockOf(parent);
      if (current && current.block !== block) {
        current.text = text;
        if (/\S/.test(text)) yield current;
        current = undefined;
      }
      if (!current) {
        current = { block, nodes: [], offsets: [], text: '' };
        text = '';
      }
      current.nodes.push(node);
      current.offsets.push(text.length);
      text += node.data;
    }
    if (current) {
      current.text = text;
      if (/\S/.test(text)) yield current;
    }
    for (const host of shadowHosts) {
      if (!this.isSkipped(host)) yield* this.runs(host.shadowRoot!);
    }
  }
}
