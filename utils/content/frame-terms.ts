/**
 * The terms Termlight highlighted in a page's frames. The content script
 * runs in every frame of the top document's origin (`isWantedFrame`), each
 * with a session of its own, but the toolbar badge and the popup's "On this
 * page" list speak for the whole page: a frameset page's text is all in its
 * frames. Those frames share the top document's origin, so the top's
 * session reads their highlights from their documents, and each frame's
 * session tells the top when its highlights changed with a DOM event.
 * A page script can fire that event too; all it gets is a recount.
 */

import { HIGHLIGHT_CLASS } from '../highlighter/skip-rules';

/** Fired on the top window by a frame's session after it highlighted or cleared its page. */
export const FRAME_HIGHLIGHTS_CHANGED = 'termlight:frame-highlights-changed';

/** Tells the top document that this frame's highlights changed (nothing for the top document itself). */
export function announceFrameHighlights(win: Window | null): void {
  if (!win || win === win.top) return;
  try {
    win.top?.dispatchEvent(new Event(FRAME_HIGHLIGHTS_CHANGED));
  } catch {
    // A frame of another origin than the top: its session never runs (isWantedFrame).
  }
}

/** The documents of `doc`'s frames that share its origin, nested ones included. */
function sameOriginFrameDocuments(doc: Document): Document[] {
  const found: Document[] = [];
  for (const frame of doc.querySelectorAll<HTMLIFrameElement | HTMLFrameElement>('iframe, frame')) {
    let inner: Document | null = null;
    try {
      inner = frame.contentDocument; // null for a frame of another origin
    } catch {
      inner = null;
    }
    if (inner) found.push(inner, ...sameOriginFrameDocuments(inner));
  }
  return found;
}

/** The highlights in `doc`'s same-origin frames (not in `doc` itself), frame by frame, in document order. */
function* frameHighlights(doc: Document): Generator<HTMLElement, void, void> {
  for (const inner of sameOriginFrameDocuments(doc)) {
    yield* inner.querySelectorAll<HTMLElement>(`mark.${HIGHLIGHT_CLASS}[data-term-id]`);
  }
}

/** How many highlights each term has in `doc`'s same-origin frames (not in `doc` itself). */
export function frameHighlightCounts(doc: Document): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mark of frameHighlights(doc)) {
    const termId = mark.dataset.termId!;
    counts.set(termId, (counts.get(termId) ?? 0) + 1);
  }
  return counts;
}

/** The first highlight of `termId` in `doc`'s same-origin frames, if any. */
export function firstFrameHighlight(doc: Document, termId: string): HTMLElement | undefined {
  for (const mark of frameHighlights(doc)) if (mark.dataset.termId === termId) return mark;
  return undefined;
}
