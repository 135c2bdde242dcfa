/**
 * Keyboard focus helpers for the card: what inside it can take focus, and
 * where Tab goes after it (the next tabbable element after the term, since
 * the card itself lives at the end of the document).
 */
const CANDIDATES = [
  'a[href]',
  'area[href]',
  'button',
  'input',
  'select',
  'textarea',
  'iframe',
  'summary',
  '[tabindex]',
  '[contenteditable]:not([contenteditable="false"])',
  'audio[controls]',
  'video[controls]',
].join(',');

function isTabbable(el: HTMLElement): boolean {
  if (el.tabIndex < 0) return false;
  if ((el as HTMLButtonElement).disabled) return false;
  if (el.closest('[inert]')) return false;
  if (typeof el.checkVisibility === 'function') return el.checkVisibility({ visibilityProperty: true });
  return el.getClientRects().length > 0;
}

/** Elements inside `root` reachable with Tab, in document order. */
export function tabbablesIn(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(CANDIDATES)].filter(isTabbable);
}

/**
 * The first tabbable element after `node` (and outside it) in document
 * order. A node inside a web component's shadow root looks on in its own
 * root first, then after the component in the tree around it.
 */
export function nextTabbableAfter(node: Element): HTMLElement | null {
  const root = node.getRootNode() as Document | ShadowRoot;
  for (const el of root.querySelectorAll<HTMLElement>(CANDIDATES)) {
    if (!(node.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    if (node.contains(el)) continue;
    if (isTabbable(el)) return el;
  }
  return root instanceof ShadowRoot ? nextTabbableAfter(root.host) : null;
}
