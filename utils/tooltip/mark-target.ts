import { HIGHLIGHT_CLASS } from '../highlighter/skip-rules';

export const MARK_SELECTOR = `mark.${HIGHLIGHT_CLASS}`;

/**
 * The highlight an event happened on, looking along its composed path (up to
 * `stopAt`, our card's host): highlights can sit inside the open shadow roots
 * of web components, where a document listener sees the event retargeted to
 * the component. Only valid while the event is being dispatched.
 */
export function markFrom(event: Event, stopAt?: Element): HTMLElement | null {
  for (const node of event.composedPath()) {
    if (node === stopAt) return null;
    if (node instanceof Element && node.matches(MARK_SELECTOR)) return node as HTMLElement;
  }
  return null;
}

/**
 * In a link, the first tap on a highlight shows its card and the second
 * follows the link: when `mark` is in a link, the click that follows this tap
 * (the next click, wherever it lands) is cancelled if it lands in `mark`. A
 * tap that turns into a scroll ends in `pointercancel` and no click; the
 * guard goes with it, or it would swallow the click of a later tap there.
 */
export function keepTapFromLink(doc: Document, mark: HTMLElement, signal?: AbortSignal): void {
  if (!mark.closest('a[href]')) return;
  const guard = new AbortController();
  signal?.addEventListener('abort', () => guard.abort(), { once: true, signal: guard.signal });
  const listen = { capture: true, signal: guard.signal } as const;
  doc.addEventListener(
    'click',
    (event) => {
      guard.abort();
      if (event.composedPath().includes(mark)) event.preventDefault();
    },
    listen,
  );
  doc.addEventListener('pointercancel', () => guard.abort(), listen);
}
