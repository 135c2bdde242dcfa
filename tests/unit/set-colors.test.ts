// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { highlightColor, SetColorSheet, validSetColors } from '../../utils/highlighter/set-colors';

/** What a browser's CSS.supports('color', …) says for the values below (happy-dom says yes to anything). */
const KNOWN_COLORS = new Set(['#c0392b', '#0070C9', 'rebeccapurple', 'rgb(0 112 201 / 85%)', 'oklch(0.6 0.15 250)', 'transparent']);
const supports = (value: string) => KNOWN_COLORS.has(value);

describe('set colours on highlights', () => {
  it('accepts the colours a colour picker or a person writes', () => {
    for (const value of KNOWN_COLORS) expect(highlightColor(value, supports)).toBe(value);
    expect(highlightColor('  #c0392b ', supports)).toBe('#c0392b');
  });

  it('refuses stored values that are not colours, so they cannot add CSS or borrow the page’s variables', () => {
    const everything = () => true; // even if the engine said yes
    for (const value of [
      'red; } body { display: none',
      'red} mark { color: red',
      '#fff</style><script>alert(1)</script>',
      'var(--page-colour)',
      'env(safe-area-inset-top)',
      'attr(data-x)',
      'inherit',
      'revert-layer',
      'url(https://example.com/x.png)',
      'red /* comment */',
      'red !important',
      '',
      '   ',
      `#${'0'.repeat(100)}`,
    ]) {
      expect(highlightColor(value, everything), value).toBeUndefined();
    }
    for (const value of [42, null, undefined, { toString: () => 'red' }, ['red']]) expect(highlightColor(value, everything)).toBeUndefined();
    expect(highlightColor('notacolour', supports)).toBeUndefined();
  });

  it('keeps the valid entries of a stored setColors value, in a stable order', () => {
    expect(validSetColors({ perps: '#c0392b', macro: 'oops', options: 'rebeccapurple', '': '#c0392b' }, supports)).toEqual([
      ['options', 'rebeccapurple'],
      ['perps', '#c0392b'],
    ]);
    expect(validSetColors(null, supports)).toEqual([]);
    expect(validSetColors('red', supports)).toEqual([]);
    expect(validSetColors(['#c0392b'], supports)).toEqual([]);
  });

  describe('the stylesheet', () => {
    let sheet: SetColorSheet | undefined;
    afterEach(() => {
      sheet?.dispose();
      document.adoptedStyleSheets = [];
    });

    const rules = () => document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText.replace(/\s+/g, ' ')));

    it('adds nothing to a page until a set has a colour, then one rule per set', () => {
      sheet = new SetColorSheet(document);
      sheet.update({});
      expect(document.adoptedStyleSheets).toHaveLength(0);
      sheet.update({ perps: '#c0392b' });
      expect(document.adoptedStyleSheets).toHaveLength(1);
      expect(rules()).toEqual([expect.stringMatching(/^mark\.termlight\[data-set-id="perps"\] \{ --termlight-underline: #c0392b; \}$/)]);
    });

    it('rewrites its rules when a colour changes, and comes back if the page drops it', () => {
      sheet = new SetColorSheet(document);
      sheet.update({ perps: '#c0392b' });
      sheet.update({ perps: 'rebeccapurple', macro: '#0070C9' });
      expect(document.adoptedStyleSheets).toHaveLength(1);
      expect(rules().join('\n')).toMatch(/data-set-id="macro"\] \{ --termlight-underline: #0070C9; \}[\s\S]*data-set-id="perps"\] \{ --termlight-underline: rebeccapurple; \}/);
      document.adoptedStyleSheets = [];
      sheet.adoptInto(document);
      expect(document.adoptedStyleSheets).toHaveLength(1);
      sheet.adoptInto(document);
      expect(document.adoptedStyleSheets).toHaveLength(1);
    });

    it('carries the highlight style the user chose: solid underline, or a tint on screen only; unknown values are the default', () => {
      sheet = new SetColorSheet(document);
      sheet.update({}, 'dotted');
      expect(document.adoptedStyleSheets).toHaveLength(0);
      sheet.update({}, 'solid');
      expect(rules()).toEqual([expect.stringMatching(/^mark\.termlight\[data-term-id\] \{ text-decoration-style: solid; \}$/)]);
      sheet.update({ perps: '#c0392b' }, 'tint');
      const text = rules().join('\n');
      expect(text).toMatch(/data-set-id="perps"\] \{ --termlight-underline: #c0392b; \}/);
      // happy-dom drops color-mix() backgrounds; the e2e checks the tint a real browser draws.
      expect(text).toMatch(/@media screen \{ mark\.termlight\[data-term-id\] \{ [^}]*text-decoration-line: none; \} mark\.termlight\[data-term-id\]:hover, mark\.termlight\[data-term-id\]:focus-visible \{/);
      sheet.update({ perps: '#c0392b' }, 'blink; color: red');
      expect(rules()).toEqual([expect.stringMatching(/data-set-id="perps"/)]);
    });

    it('colours the shadow roots it is given, and leaves the page as it was when disposed', () => {
      const host = document.createElement('div');
      document.body.append(host);
      const root = host.attachShadow({ mode: 'open' });
      sheet = new SetColorSheet(document);
      sheet.adoptInto(root);
      sheet.update({ perps: '#c0392b' });
      expect(root.adoptedStyleSheets).toHaveLength(1);
      sheet.dispose();
      expect(document.adoptedStyleSheets).toHaveLength(0);
      expect(root.adoptedStyleSheets).toHaveLength(0);
      sheet.update({ perps: '#c0392b' });
      expect(document.adoptedStyleSheets).toHaveLength(0);
      host.remove();
    });
  });
});
