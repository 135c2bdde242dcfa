/**
 * Keeps the card next to its term with Floating UI: below the term when
 * there is room, flipped above when not, shifted to stay 8 px inside the
 * viewport, and following the term while anything scrolls or resizes.
 *
 * `strategy: 'fixed'` positions against the viewport, so the card is right
 * whatever the page does with scrolled containers, sticky headers, zoom or
 * `dir="rtl"` (Floating UI measures the real client rects; we do no geometry
 * of our own). `inline()` picks the line under the pointer when a term wraps
 * onto two lines. `hide()` tells us when the term is scrolled out of view.
 */
import { autoUpdate, computePosition, flip, hide, inline, offset, shift, size } from '@floating-ui/dom';

export const VIEWPORT_PADDING = 8;
const GAP = 6;

export interface FollowOptions {
  /** Pointer position when the card opened from hover, for `inline()` on wrapped terms. */
  pointer?: { x: number; y: number };
  /** The term is fully clipped out of view (scrolled away) or gone from the document. */
  onReferenceGone: () => void;
}

/** Positions `card` at `reference` and keeps it there; returns the function that stops following. */
export function followReference(reference: HTMLElement, card: HTMLElement, options: FollowOptions): () => void {
  let stopped = false;
  const update = async () => {
    if (!reference.isConnected) {
      options.onReferenceGone();
      return;
    }
    const { x, y, placement, middlewareData } = await computePosition(reference, card, {
      strategy: 'fixed',
      placement: 'bottom',
      middleware: [
        inline(options.pointer),
        offset(GAP),
        // Only above or below: sideways would cover the line being read. shift() handles the cross axis.
        flip({ padding: VIEWPORT_PADDING, crossAxis: false }),
        shift({ padding: VIEWPORT_PADDING }),
        size({
          padding: VIEWPORT_PADDING,
          apply({ availableWidth, availableHeight, elements }) {
            elements.floating.style.setProperty('--tl-available-width', `${Math.max(0, Math.floor(availableWidth))}px`);
            elements.floating.style.setProperty('--tl-available-height', `${Math.max(0, Math.floor(availableHeight))}px`);
          },
        }),
        hide({ strategy: 'referenceHidden' }),
      ],
    });
    if (stopped) return;
    card.style.left = `${Math.round(x)}px`;
    card.style.top = `${Math.round(y)}px`;
    card.dataset.side = placement.split('-')[0];
    // Shown only once placed: never a frame at the viewport's corner.
    card.dataset.placed = '';
    if (middlewareData.hide?.referenceHidden) options.onReferenceGone();
  };
  const stopAuto = autoUpdate(reference, card, () => void update());
  return () => {
    stopped = true;
    stopAuto();
  };
}
