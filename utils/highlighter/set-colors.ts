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
 * highlight follows at once, without touching a mark.
 *
 * A constructed stylesheet is not subject to the page's Content-Security-Policy
 * (Chromium and Firefox apply `document.adoptedStyleSheets` set from a content
 * script under `default-src 'none'`), and the rules are written through the
 * CSSOM (`setProperty`), never as CSS text, so a stored value cannot add rules;
 * values that are not plain colours are dropped before that.
 */
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
  private disposed = false;

  constructor(private readonly doc: Document) {
    this.roots.add(doc);
  }

  /** Applies a stored `setColors` value; highlights already on the page change colour at once. */
  update(stored: unknown): void {
    if (this.disposed) return;
    const next = validSetColors(stored);
    if (JSON.stringify(next) !== JSON.stringify(this.colors)) {
      this.colors = next;
      if (this.sheet) writeRules(this.sheet, next);
      for (const style of this.fallbacks.values()) if (style.sheet) writeRules(style.sheet, next);
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
      writeRules(sheet, []);
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

  /** Nothing is added to a page until the user has coloured a set. */
  private attach(root: StyleRoot): void {
    if (this.colors.length === 0 || this.fallbacks.has(root)) return;
    try {
      if (!this.sheet) {
        this.sheet = new CSSStyleSheet();
        writeRules(this.sheet, this.colors);
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
      if (style.sheet) writeRules(style.sheet, this.colors);
    }
  }
}

function writeRules(sheet: CSSStyleSheet, colors: Array<[string, string]>): void {
  while (sheet.cssRules.length > 0) sheet.deleteRule(sheet.cssRules.length - 1);
  for (const [setId, color] of colors) {
    try {
      const index = sheet.insertRule(`${setSelector(setId)} {}`, sheet.cssRules.length);
      (sheet.cssRules[index] as CSSStyleRule).style.setProperty(UNDERLINE_PROPERTY, color);
    } catch {
      // A rule the engine refuses keeps its default colour; the other sets keep theirs.
    }
  }
}
