import { describe, expect, it } from 'vitest';
import { hrefOf, letterHref, parseRoute, setHref, termHref, type Route } from '../../utils/reader/router';

describe('the reader router', () => {
  it('reads the home page from an empty hash, "#", "#/" and "#//"', () => {
    for (const hash of ['', '#', '#/', '#//']) expect(parseRoute(hash)).toEqual({ kind: 'home' });
  });

  it('reads a term, a set and a letter', () => {
    expect(parseRoute('#/term/open-interest-collapse')).toEqual({ kind: 'term', termId: 'open-interest-collapse' });
    expect(parseRoute('#/set/perpetual-futures')).toEqual({ kind: 'set', setId: 'perpetual-futures' });
    expect(parseRoute('#/az')).toEqual({ kind: 'az' });
    expect(parseRoute('#/az/O')).toEqual({ kind: 'az', letter: 'O' });
  });

  it('accepts a lower-case letter and a trailing slash', () => {
    expect(parseRoute('#/az/o')).toEqual({ kind: 'az', letter: 'O' });
    expect(parseRoute('#/term/basis/')).toEqual({ kind: 'term', termId: 'basis' });
  });

  it('writes the bucket of names starting with a digit as 0-9', () => {
    expect(letterHref('#')).toBe('#/az/0-9');
    expect(parseRoute('#/az/0-9')).toEqual({ kind: 'az', letter: '#' });
  });

  it('keeps the set a term was opened from, so next/previous can walk it', () => {
    expect(termHref('funding-rate', 'perpetual-futures')).toBe('#/term/funding-rate?set=perpetual-futures');
    expect(parseRoute('#/term/funding-rate?set=perpetual-futures')).toEqual({
      kind: 'term',
      termId: 'funding-rate',
      setId: 'perpetual-futures',
    });
    expect(parseRoute('#/term/funding-rate?set=')).toEqual({ kind: 'term', termId: 'funding-rate' });
  });

  it('round-trips every kind of route, with ids that need encoding', () => {
    const routes: Route[] = [
      { kind: 'home' },
      { kind: 'az' },
      { kind: 'az', letter: 'Z' },
      { kind: 'az', letter: '#' },
      { kind: 'set', setId: 'a set/with?odd#chars' },
      { kind: 'term', termId: 'p/e ratio' },
      { kind: 'term', termId: 'x&y', setId: 's&p?=1' },
      { kind: 'search', query: 'S&P 500 #1 “funding”?' },
      { kind: 'search', query: '' },
      { kind: 'welcome' },
    ];
    for (const route of routes) expect(parseRoute(hrefOf(route))).toEqual(route);
  });

  it('matches the links the popup and the tooltip build (#/term/<encoded id>)', () => {
    expect(termHref('open-interest-collapse')).toBe('#/term/open-interest-collapse');
    expect(setHref('macro-rates')).toBe('#/set/macro-rates');
    expect(parseRoute(`#/term/${encodeURIComponent('<b>x</b>')}`)).toEqual({ kind: 'term', termId: '<b>x</b>' });
  });

  it('reads the welcome page, and nothing under it', () => {
    expect(parseRoute('#/welcome')).toEqual({ kind: 'welcome' });
    expect(parseRoute('#/welcome/x').kind).toBe('not-found');
  });

  it('reads a look-up, with or without words', () => {
    expect(parseRoute('#/search?q=funding%20rates')).toEqual({ kind: 'search', query: 'funding rates' });
    expect(parseRoute('#/search')).toEqual({ kind: 'search', query: '' });
    expect(parseRoute('#/search/x').kind).toBe('not-found');
  });

  it('turns anything else into not-found, never an exception', () => {
    for (const hash of [
      '#/nope',
      '#/term',
      '#/set/',
      '#/term/a/b',
      '#/az/AB',
      '#/az/1',
      '#/term/%E0%A4%A',
      '#/term//x',
    ]) {
      expect(parseRoute(hash).kind, hash).toBe('not-found');
    }
  });
});
