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

/** Tag names (lower case) skipped with everything inside them. */
const SKIPPED_TAGS = new Set(SKIPPED.filter((s) => /^[a-z-]+$/.test(s)));

/**
 * Whether this element's name alone makes it a skipped region (script, code,
 * svg, our own marks...). Cheap: the page walk asks it of every element and
 * steps over the subtree of those that answer yes.
 */
export function skipsByTag(el: Element): boolean {
  const name = el.localName;
  if (SKIPPED_TAGS.has(name)) return true;
  return name === 'mark' && el.classList.contains(HIGHLIGHT_CLASS);
}

/**
 * Whether an attribute makes this element a skipped region (editable,
 * hidden, opted out). Five attribute reads, so it is asked only of the
 * ancestors of text where a term was found, not of every element.
 */
export function skipsByAttribute(el: Element): boolean {
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

/** Whether this element itself (not counting its ancestors) starts a region Termlight leaves alone. */
export function skipsItself(el: Element): boolean {
  return skipsByTag(el) || skipsByAttribute(el);
}

/** Element names whose text flows with their neighbours: a term may continue across them. */
export const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'INS', 'DEL',
  'MARK', 'Q', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'WBR',
]);
