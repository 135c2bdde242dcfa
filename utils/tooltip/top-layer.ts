/**
 * The card must show above whatever the term sits in. A modal `<dialog>`, an
 * open popover or a fullscreen element lives in the browser's top layer,
 * above every z-index, and a modal dialog makes the rest of the page inert.
 * So the card's host goes inside the nearest such element of its term, and
 * back to the end of <html> for every other term.
 */
const TOP_LAYER = [':modal', ':popover-open', ':fullscreen'];

function inTopLayer(el: Element): boolean {
  // One selector at a time: a browser that does not know one of them throws.
  return TOP_LAYER.some((selector) => {
    try {
      return el.matches(selector);
    } catch {
      return false;
    }
  });
}

/** The nearest ancestor of `anchor` in the top layer, or null when there is none. */
export function topLayerAncestor(anchor: Element): Element | null {
  for (let el = anchor.parentElement; el; el = el.parentElement) {
    if (inTopLayer(el)) return el;
  }
  return null;
}
