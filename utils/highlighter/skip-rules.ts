/**
 * Where Termlight never highlights: form fields, editable regions, code,
 * scripts, styles, SVG and MathML, frames, hidden-from-assistive-tech regions,
 * anything a site opts out with `data-termlight-ignore`, and our own UI.
 */
export const HIGHLIGHT_CLASS = 'termlight';
export const TOOLTIP_TAG = 'termlight-tooltip';

const SKIPPED = [
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'var',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'video',
  'audio',
  '[contenteditable]:not([contenteditable="false"])',
  '[role="textbox"]',
  '[aria-hidden="true"]',
  '[hidden]',
  '[data-termlight-ignore]',
  TOOLTIP_TAG,
  `mark.${HIGHLIGHT_CLASS}`,
];

/** Matches an element that is, or is inside, a region Termlight leaves alone. */
export const SKIP_SELECTOR = SKIPPED.flatMap((s) => [s, `${s} *`]).join(',');

/** Tag names (lower case) skipped with everything inside them; the fast path of `skipsItself`. */
const SKIPPED_TAGS = new Set(SKIPPED.filter((s) => /^[a-z-]+$/.test(s)));

/**
 * Whether this element itself (not counting its ancestors) starts a skipped
 * region. Same rules as SKIP_SELECTOR, without running a selector: the page
 * walk asks this once per element, memoised up the tree.
 */
export function skipsItself(el: Element): boolean {
  const name = el.localName;
  if (SKIPPED_TAGS.has(name)) return true;
  if (name === 'mark') return el.classList.contains(HIGHLIGHT_CLASS);
  if (!el.hasAttributes()) return false;
  const editable = el.getAttribute('contenteditable');
  return (
    (editable !== null && editable !== 'false') ||
    el.getAttribute('role') === 'textbox' ||
    el.getAttribute('aria-hidden') === 'true' ||
    el.hasAttribute('hidden') ||
    el.hasAttribute('data-termlight-ignore')
  );
}

/** Element names whose text flows with their neighbours: a term may continue across them. */
export const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'INS', 'DEL',
  'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'WBR',
]);
