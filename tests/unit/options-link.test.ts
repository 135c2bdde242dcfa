import { describe, expect, it } from 'vitest';
import { optionsHref, readOptionsLink } from '../../utils/options/options-link';

const BASE = 'chrome-extension://abc/options.html';

describe('links into the options page', () => {
  it('carry a section and a name to prefill, and read back the same', () => {
    const href = optionsHref(BASE, { section: 'my-terms', name: '  Desk fade & co #1 ' });
    expect(href).toBe('chrome-extension://abc/options.html?name=Desk+fade+%26+co+%231#my-terms');
    expect(readOptionsLink(href)).toEqual({ section: 'my-terms', name: 'Desk fade & co #1' });
  });

  it('without a name is the plain section link', () => {
    expect(optionsHref(BASE, { section: 'my-terms', name: '   ' })).toBe(`${BASE}#my-terms`);
    expect(readOptionsLink(`${BASE}#my-terms`)).toEqual({ section: 'my-terms', name: undefined });
  });

  it('ignore a section the page does not have, and cut an overlong name', () => {
    expect(readOptionsLink(`${BASE}?name=${'x'.repeat(500)}#nowhere`)).toEqual({ section: undefined, name: 'x'.repeat(200) });
  });
});
