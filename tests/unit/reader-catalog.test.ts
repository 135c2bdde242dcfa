import { describe, expect, it } from 'vitest';
import type { SetSummary } from '../../utils/db/glossary-store';
import type { Term } from '../../utils/glossary/schema';
import {
  buildCatalog,
  contextList,
  groupByLetter,
  knownTerms,
  letterOf,
  neighboursOf,
  paragraphsOf,
  termViewOf,
} from '../../utils/reader/catalog';

const t = (id: string, term: string, sets: string[], related: string[] = []): Term => ({
  id,
  term,
  aliases: [],
  abbreviations: [],
  summary: `About ${term}.`,
  body: '',
  sets,
  related,
});
const set = (id: string, title: string, termCount: number): SetSummary => ({
  id,
  title,
  description: `The ${title} set.`,
  origin: 'bundled',
  termCount,
});

const catalog = buildCatalog(
  7,
  [set('perps', 'Perpetual Futures', 3), set('macro', 'Macro', 2)],
  [
    t('mark-price', 'Mark Price', ['perps']),
    t('funding-rate', 'funding rate', ['perps'], ['mark-price', 'gone', 'funding-rate']),
    t('oi', 'Open Interest', ['perps', 'macro']),
    t('ecb', 'ÉCB', ['macro']),
    t('0dte', '0DTE Options', ['macro']),
  ],
);
const ids = (terms: readonly Term[]) => terms.map((x) => x.id);

describe('the reader catalog', () => {
  it('sorts terms A to Z ignoring case and accents, and sets by title', () => {
    expect(ids(catalog.terms)).toEqual(['0dte', 'ecb', 'funding-rate', 'mark-price', 'oi']);
    expect(catalog.sets.map((s) => s.id)).toEqual(['macro', 'perps']);
  });

  it('buckets names by first letter, accents folded, digits and symbols under #', () => {
    expect(letterOf('Écart')).toBe('E');
    expect(letterOf('  basis')).toBe('B');
    expect(letterOf('0DTE')).toBe('#');
    expect(letterOf('$ cost')).toBe('#');
    expect(ids(catalog.byLetter.get('E')!)).toEqual(['ecb']);
    expect(ids(catalog.byLetter.get('#')!)).toEqual(['0dte']);
    expect(catalog.byLetter.get('Q')).toEqual([]);
    expect(catalog.byLetter.size).toBe(27);
  });

  it('groups an A to Z list under the letters it has, in order', () => {
    const groups = groupByLetter(catalog.terms);
    expect(groups.map((g) => [g.letter, ids(g.terms)])).toEqual([
      ['#', ['0dte']],
      ['E', ['ecb']],
      ['F', ['funding-rate']],
      ['M', ['mark-price']],
      ['O', ['oi']],
    ]);
    expect(groupByLetter([])).toEqual([]);
  });

  it('lists the terms of each set A to Z', () => {
    expect(ids(catalog.bySet.get('perps')!)).toEqual(['funding-rate', 'mark-price', 'oi']);
    expect(ids(catalog.bySet.get('macro')!)).toEqual(['0dte', 'ecb', 'oi']);
  });

  it('walks the set a term was opened from, else the whole A to Z', () => {
    expect(contextList(catalog, 'oi', 'macro')).toMatchObject({ setId: 'macro' });
    expect(neighboursOf(contextList(catalog, 'oi', 'macro').terms, 'oi')).toEqual({
      previous: catalog.termById.get('ecb'),
      next: undefined,
    });
    // Not in that set (or no such set): A to Z.
    expect(contextList(catalog, 'ecb', 'perps').setId).toBeUndefined();
    expect(contextList(catalog, 'ecb', 'nope').terms).toBe(catalog.terms);
    expect(neighboursOf(catalog.terms, 'ecb')).toEqual({
      previous: catalog.termById.get('0dte'),
      next: catalog.termById.get('funding-rate'),
    });
    expect(neighboursOf(catalog.terms, 'missing')).toEqual({});
  });

  it('shows a term with its set titles and the related terms that still exist', () => {
    expect(termViewOf(catalog, 'funding-rate')).toMatchObject({
      setTitles: ['Perpetual Futures'],
      relatedTerms: [{ id: 'mark-price', term: 'Mark Price' }],
    });
    expect(termViewOf(catalog, 'missing')).toBeUndefined();
  });

  it('splits a body into paragraphs on blank lines', () => {
    expect(paragraphsOf('One.\nStill one.\n\nTwo.\n \t\n\n  Three.  \n')).toEqual(['One.\nStill one.', 'Two.', 'Three.']);
    expect(paragraphsOf('')).toEqual([]);
  });

  it('keeps stored ids that are still in the glossary, in order', () => {
    expect(ids(knownTerms(catalog, ['oi', 'removed', 'ecb']))).toEqual(['oi', 'ecb']);
  });
});
