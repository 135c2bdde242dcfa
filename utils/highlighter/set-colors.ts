/**
 * The colour the user picked for each term set, on the page: one
 * constructable stylesheet, owned by the content script and adopted into the
 * document (and into the shadow roots we highlight in), with one rule per
 * coloured set:
 *
 *   mark.termlight[data-set-id="perpetual-futures"] { --termlight-underline: #c0392b }
 *
 * highlight.css draws the underline, the hover background and the focus ring
 * from that property. Changing a colour rewrites the rules, so every open
 * highlight follows at once, without touching a mark. The same sheet carries
 * the highlight style the user chose when it is not the default dotted
 * underline (a solid underline, or a tinted background on screen only, so a
 * printed page stays plain).
 *
 * A constructed stylesheet is not subject to the page's Content-Security-Policy
 * (Chromium and Firefox apply `document.adoptedStyleSheets` set from a content
 * script under `default-src 'none'`), and the rules are written through the
 * CSSOM (`setProperty`), never as CSS text, so a stored value cannot add rules;
 * values that are not plain colours are dropped before that.
 */
import type { HighlightStyle } from '../settings';
import { HIGHLIGHT_CLASS } from './skip-rules';

export const UNDERLINE_PROPERTY = '--termlight-underline';

const MAX_COLOR_LENGTH = 64;
/** Characters of colour syntax: `#0070c9`, `rebeccapurple`, `rgb(0 112 201 / 85%)`, `oklch(0.6 0.15 250)`. */
const COLOR_CHARS = /^[#a-z0-9(),.%\s/+-]+$/i;
/** Valid wherever a colour is, but not a colour: the page's variables, or a keyword that undoes ours. */
const NOT_A_COLOR = /\b(?:var|env|attr)\s*\(|^(?:inherit|initial|unset|revert|revert-layer)$/i;

function cssSupportsColor(value: string): boolean {
  return typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports('color', value);
}

/** The value as a colour to draw highlights with, or undefined when it is not one. */
export function highlightColor(value: unknown, supportsColor: (value: string) => boolean = cssSupportsColor): string | undefined {
  if (typeof value !== 'string') return undefined;
  const color = value.trim();
  if (!color || color.length > MAX_COLOR_LENGTH || !COLOR_CHARS.test(color) || NOT_A_COLOR.test(color)) return undefined;
  return supportsColor(color) ? color : undefined;
}

/** The usable `[setId, colour]` pairs of a stored `setColors` value (which another browser, or a bug, may have filled with anything). */
export function validSetColors(
  colors: unknown,
  supportsColor: (value: string) => boolean = cssSupportsColor,
): Array<[string, string]> {
  if (typeof colors !== 'object' || colors === null || Array.isArray(colors)) return [];
  const out: Array<[string, string]> = [];
  for (const [setId, value] of Object.entries(colors)) {
    const color = highlightColor(value, supportsColor);
    if (setId && color !== undefined) out.push([setId, color]);
  }
  return out.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The selector of the highlights of one set (the id escaped, so any id is a plain string in it). */
export function setSelector(setId: string): string {
  return `mark.${HIGHLIGHT_CLASS}[data-set-id="${CSS.escape(setId)}"]`;
}

type StyleRoot = Document | ShadowRoot;

export class SetColorSheet {
  private sheet: CSSStyleSheet | undefined;
  /** Roots where adopting failed: a `<style>` of ours, written through its CSSOM too. */
  private readonly fallbacks = new Map<StyleRoot, HTMLStyleElement>();
  /** The document and the shadow roots with highlights: where the colours go once there are any. */
  private readonly roots = new Set<StyleRoot>();
  private colors: Array<[string, string]> = [];
  private style: HighlightStyle = 'dotted';
  private disposed = false;

  constructor(private readonly doc: Document) {
    this.roots.add(doc);
  }

  /** Applies a stored `setColors` value and highlight style; highlights already on the page change at once. */
  update(stored: unknown, storedStyle: unknown = 'dotted'): void {
    if (this.disposed) return;
    const next = validSetColors(stored);
    // A stored value is anything another build or browser wrote: only a style we know counts.
    const style: HighlightStyle = typeof storedStyle === 'string' && Object.hasOwn(STYLE_RULES, storedStyle) ? (storedStyle as HighlightStyle) : 'dotted';
    if (JSON.stringify(next) !== JSON.stringify(this.colors) || style !== this.style) {
      this.colors = next;
      this.style = style;
      if (this.sheet) writeRules(this.sheet, next, style);
      for (const element of this.fallbacks.values()) if (element.sheet) writeRules(element.sheet, next, style);
    }
    for (const root of this.roots) {
      if (root instanceof ShadowRoot && !root.host.isConnected) this.roots.delete(root);
      else this.attach(root);
    }
  }

  /**
   * Gives `root` the colours: each shadow root we put highlights in, and the
   * document again after our writes (a page may have replaced
   * `document.adoptedStyleSheets` since).
   */
  adoptInto(root: StyleRoot): void {
    if (this.disposed) return;
    this.roots.add(root);
    this.attach(root);
  }

  /** Takes our colours off the page (the content script is going away). */
  dispose(): void {
    this.disposed = true;
    const sheet = this.sheet;
    if (sheet) {
      writeRules(sheet, [], 'dotted');
      for (const root of this.roots) {
        try {
          if (root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet);
        } catch {
          // The root's window is gone: nothing to take off.
        }
      }
    }
    for (const style of this.fallbacks.values()) style.remove();
    this.roots.clear();
    this.fallbacks.clear();
  }

  /** Nothing is added to a page until the user has coloured a set or chosen another style. */
  private attach(root: StyleRoot): void {
    if ((this.colors.length === 0 && this.style === 'dotted') || this.fallbacks.has(root)) return;
    try {
      if (!this.sheet) {
        this.sheet = new CSSStyleSheet();
        writeRules(this.sheet, this.colors, this.style);
      }
      const current = root.adoptedStyleSheets;
      if (!current.includes(this.sheet)) root.adoptedStyleSheets = [...current, this.sheet];
    } catch {
      // No constructable stylesheets here: a <style> element, written through its CSSOM.
      const doc = root instanceof ShadowRoot ? root.ownerDocument : root;
      const style = doc.createElement('style');
      style.dataset.termlight = 'set-colors';
      (root instanceof ShadowRoot ? root : (doc.head ?? doc.documentElement)).append(style);
      this.fallbacks.set(root, style);
      if (style.sheet) writeRules(style.sheet, this.colors, this.style);
    }
  }
}

/**
 * The declarations of each non-default style, by selector (the tint in
 * `@media screen`: print stays plain). The selectors are one attribute more
 * specific than highlight.css's: Firefox puts content-script CSS after the
 * page's adopted sheets, so an equally specific rule here would lose there.
 */
const UNDERLINE = `var(${UNDERLINE_PROPERTY}, rgba(0, 112, 201, 0.85))`;
const HIGHLIGHT = `mark.${HIGHLIGHT_CLASS}[data-term-id]`;
const STYLE_RULES: Record<Exclude<HighlightStyle, 'dotted'>, { media?: string; rules: Array<[string, Record<string, string>]> }> = {
  solid: { rules: [[HIGHLIGHT, { 'text-decoration-style': 'solid' }]] },
  tint: {
    media: 'screen',
    rules: [
      [HIGHLIGHT, { 'background-color': `color-mix(in srgb, ${UNDERLINE} 16%, transparent)`, 'text-decoration-line': 'none' }],
      [`${HIGHLIGHT}:hover, ${HIGHLIGHT}:focus-visible`, { 'background-color': `color-mix(in srgb, ${UNDERLINE} 30%, transparent)` }],
    ],
  },
};

function writeRules(sheet: CSSStyleSheet, colors: Array<[string, string]>, style: HighlightStyle): void {
  while (sheet.cssRules.length > 0) sheet.deleteRule(sheet.cssRules.length - 1);
  for (const [setId, color] of colors) {
    try {
      const index = sheet.insertRule(`${setSelector(setId)} {}`, sheet.cssRules.length);
      (sheet.cssRules[index] as CSSStyleRule).style.setProperty(UNDERLINE_PROPERTY, color);
    } catch {
      // A rule the engine refuses keeps its default colour; the other sets keep theirs.
    }
  }
  if (style === 'dotted') return;
  const { media, rules } = STYLE_RULES[style];
  try {
    // Our own constant selectors and values only, set through the CSSOM like the colours.
    let target: CSSStyleSheet | CSSMediaRule = sheet;
    if (media) target = sheet.cssRules[sheet.insertRule(`@media ${media} {}`, sheet.cssRules.length)] as CSSMediaRule;
    for (const [selector, declarations] of rules) {
      const rule = target.cssRules[target.insertRule(`${selector} {}`, target.cssRules.length)] as CSSStyleRule;
      for (const [property, value] of Object.entries(declarations)) rule.style.setProperty(property, value);
    }
  } catch {
    // An engine without color-mix() or @media in a constructed sheet keeps the default underline.
  }
}
