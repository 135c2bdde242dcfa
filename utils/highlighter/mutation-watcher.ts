/**
 * Watches a page for new or changed text and hands it to the highlighter in
 * batches, in idle time. Regions that change more than a few times a second
 * (price tickers, order books) are marked hot and left alone, so a 20 Hz
 * feed costs almost nothing; a region that calms down for a few seconds is
 * scanned again. Also repairs our highlights when the page
 * rewrites a text node we split (React setting `nodeValue`): the stale mark
 * and suffix go, so the page's new text shows exactly once.
 */
import { HIGHLIGHT_CLASS, TOOLTIP_TAG } from './skip-rules';

export interface MutationWatcherOptions {
  /** Called with the roots to rescan, after a quiet moment. */
  onChanged(roots: Node[]): void;
  /** Changes per second above which a region counts as hot. */
  hotRate?: number;
  /** Delay before a batch is processed. */
  batchMs?: number;
}

const HOT_WINDOW_MS = 1000;
/** How long a hot region must stay quiet before it is scanned again. */
const COOL_DOWN_MS = 2000;

export class MutationWatcher {
  private readonly observer: MutationObserver;
  private readonly pending = new Set<Node>();
  private readonly changeLog = new WeakMap<Element, number[]>();
  /** Hot regions and the time they may be scanned again. */
  private readonly hotUntil = new WeakMap<Element, number>();
  private readonly cooling = new Set<Element>();
  private coolTimer: ReturnType<typeof setInterval> | undefined;
  /** Marks by the text node that was split to make them (the prefix). */
  private readonly markByPrefix = new WeakMap<Text, HTMLElement>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly hotRate: number;
  private readonly batchMs: number;

  constructor(
    private readonly root: Node,
    private readonly options: MutationWatcherOptions,
  ) {
    this.hotRate = options.hotRate ?? 3;
    this.batchMs = options.batchMs ?? 300;
    this.observer = new MutationObserver((records) => this.onRecords(records));
  }

  start(): void {
    this.observer.observe(this.root, { childList: true, subtree: true, characterData: true });
  }

  stop(): void {
    this.observer.disconnect();
    clearTimeout(this.timer);
    clearInterval(this.coolTimer);
    this.timer = undefined;
    this.coolTimer = undefined;
    this.pending.clear();
    this.cooling.clear();
  }

  /** Remember a mark we made, so we can clean it if the page rewrites its text. */
  track(mark: HTMLElement): void {
    const prefix = mark.previousSibling;
    if (prefix instanceof Text) this.markByPrefix.set(prefix, mark);
  }

  /** Drop records of our own DOM writes (call right after wrapping or unwrapping). */
  ignoreOwnChanges(): void {
    this.observer.takeRecords();
  }

  isHot(node: Node, now = performance.now()): boolean {
    for (let el = node instanceof Element ? node : node.parentElement; el; el = el.parentElement) {
      if ((this.hotUntil.get(el) ?? 0) > now) return true;
    }
    return false;
  }

  private onRecords(records: MutationRecord[]): void {
    const now = performance.now();
    // One delivery is one change per element, however many nodes it added:
    // a feed appending twenty stories at once is not a hot region, and an
    // order book redrawing forty rows costs one count, not forty.
    const changed = new Map<Element, Node[]>();
    const change = (el: Element | null, node?: Node) => {
      if (!el) return;
      let nodes = changed.get(el);
      if (!nodes) changed.set(el, (nodes = []));
      if (node) nodes.push(node);
    };
    for (const record of records) {
      if (record.type === 'characterData') {
        const text = record.target as Text;
        this.dropStaleMarks(text);
        change(text.parentElement, text);
      } else {
        for (const removed of record.removedNodes) if (removed instanceof Text) this.dropStaleMarks(removed);
        const target = record.target as Element;
        if (isOwnNode(target)) continue;
        let added = false;
        for (const node of record.addedNodes) {
          if (isOwnNode(node)) continue;
          added = true;
          change(target, node);
        }
        if (!added && record.removedNodes.length) change(target);
      }
    }
    for (const [el, nodes] of changed) this.note(el, now, nodes);
    this.ignoreOwnChanges();
    this.scheduleFlush();
  }

  private scheduleFlush(): void {
    if (this.pending.size && this.timer === undefined) {
      this.timer = setTimeout(() => this.flush(), this.batchMs);
    }
  }

  /** Queue hot regions that have been quiet long enough for one more scan. */
  private checkCooling(): void {
    const now = performance.now();
    for (const el of this.cooling) {
      if ((this.hotUntil.get(el) ?? 0) > now) continue;
      this.cooling.delete(el);
      if (el.isConnected) this.pending.add(el);
    }
    if (this.cooling.size === 0) {
      clearInterval(this.coolTimer);
      this.coolTimer = undefined;
    }
    this.scheduleFlush();
  }

  /** Count a change in `el` and queue `nodes` for scanning unless the region is hot. */
  private note(el: Element, now: number, nodes: Node[]): void {
    const times = (this.changeLog.get(el) ?? []).filter((t) => now - t < HOT_WINDOW_MS);
    times.push(now);
    this.changeLog.set(el, times);
    if (times.length > this.hotRate) {
      this.hotUntil.set(el, now + COOL_DOWN_MS);
      this.cooling.add(el);
      this.coolTimer ??= setInterval(() => this.checkCooling(), COOL_DOWN_MS / 2);
      return;
    }
    if (nodes.length === 0 || this.isHot(el, now)) return;
    for (const node of nodes) this.pending.add(node);
  }

  private flush(): void {
    this.timer = undefined;
    // A text node is scanned through its parent: a walk rooted at a text node visits nothing.
    const roots = [...new Set([...this.pending].map((n) => (n instanceof Text ? n.parentElement : n)))].filter(
      (n): n is Node => n !== null && n.isConnected && !this.isHot(n),
    );
    this.pending.clear();
    // Nested roots would be scanned twice: keep only the outermost.
    const outer = roots.filter((n) => !roots.some((o) => o !== n && o.contains(n)));
    if (outer.length) this.options.onChanged(outer);
  }

  /**
   * The page changed or removed a text node we had split. Its marks and the
   * suffix after them hold the old text: remove them (the prefix node now
   * holds the page's new text, or is gone).
   */
  private dropStaleMarks(prefix: Text): void {
    let mark = this.markByPrefix.get(prefix);
    while (mark && mark.isConnected && mark.classList.contains(HIGHLIGHT_CLASS)) {
      const suffix = mark.nextSibling;
      mark.remove();
      if (!(suffix instanceof Text)) break;
      mark = this.markByPrefix.get(suffix);
      suffix.remove();
    }
    this.markByPrefix.delete(prefix);
  }
}

function isOwnNode(node: Node): boolean {
  if (!(node instanceof Element)) return false;
  return node.localName === TOOLTIP_TAG || (node.localName === 'mark' && node.classList.contains(HIGHLIGHT_CLASS));
}
