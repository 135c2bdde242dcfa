import { describe, expect, it } from 'vitest';
import { readBundledSources } from '../../data/tools/read-sources';
import { compileBundledGlossary } from '../../utils/glossary/compile-bundled';
import type { Term } from '../../utils/glossary/schema';
import { buildSearchIndex, searchIndexKey } from '../../utils/search/search-index';
import { TermSearch, withinEdits, type SearchHit } from '../../utils/search/term-search';

const t = (id: string, term: string, extra: Partial<Term> = {}): Term => ({
  id,
  term,
  aliases: [],
  abbreviations: [],
  summary: `A term called ${term}.`,
  body: '',
  sets: ['test'],
  related: [],
  ...extra,
});

function searchOver(terms: Term[]): TermSearch {
  return TermSearch.fromJSON(buildSearchIndex(1, terms, [{ id: 'test', title: 'Test Set' }]).json);
}

const ids = (hits: SearchHit[]) => hits.map((h) => h.id);

describe('search ranking', () => {
  const search = searchOver([
    t('roll-yield', 'Roll Yield', { body: 'Part of the return comes from carry as contracts roll.' }),
    t('cary-street', 'Cary Street'),
    t('negative-carry', 'Negative Carry'),
    t('carry-trade', 'Carry Trade'),
    t('cost-of-holding', 'Cost of Holding', { aliases: ['carry'] }),
    t('carry', 'Carry'),
  ]);

  it('ranks exact name > alias > name prefix > word prefix > typo > text', () => {
    const { hits } = search.search('carry');
    expect(hits.map((h) => [h.id, h.kind])).toEqual([
      ['carry', 'name'],
      ['cost-of-holding', 'alias'],
      ['carry-trade', 'prefix'],
      ['negative-carry', 'words'],
      ['cary-street', 'fuzzy'],
      ['roll-yield', 'text'],
    ]);
  });

  it('ignores case, hyphens and extra spaces in the query', () => {
    expect(search.search('  CARRY-trade ').hits[0]).toMatchObject({ id: 'carry-trade', kind: 'name' });
  });

  it("a term's own name outranks another term's alias in the same kind of match", () => {
    const search = searchOver([
      t('annualized-funding-rate', 'Annualized Funding Rate', { aliases: ['funding APR'] }),
      t('funding-rate', 'Funding Rate'),
      t('yield-curve-steepening', 'Yield Curve Steepening', { aliases: ['curve steepening'] }),
      t('yield-curve', 'Yield Curve'),
    ]);
    // "funding APR" is shorter than "Funding Rate", but it is an alias.
    expect(ids(search.search('funding').hits)).toEqual(['funding-rate', 'annualized-funding-rate']);
    // A word of the name beats an alias that starts with the query.
    expect(ids(search.search('curve').hits)).toEqual(['yield-curve', 'yield-curve-steepening']);
  });

  it('between names equally close, the term more others relate to comes first', () => {
    const terms = [t('option-chain', 'Option Chain'), t('option-contract', 'Option Contract')];
    expect(ids(searchOver(terms).search('option').hits)).toEqual(['option-chain', 'option-contract']);
    const related = [...terms, t('call-option', 'Call Option', { related: ['option-contract'] }), t('strike-price', 'Strike Price', { related: ['option-contract'] })];
    expect(ids(searchOver(related).search('option').hits).slice(0, 2)).toEqual(['option-contract', 'option-chain']);
  });

  it('returns nothing for an empty or punctuation-only query', () => {
    expect(search.search('')).toEqual({ hits: [], more: false });
    expect(search.search(' - / ').hits).toEqual([]);
  });
});

describe('search matching', () => {
  const search = searchOver([
    t('open-interest', 'Open Interest', { abbreviations: ['OI'] }),
    t('open-interest-collapse', 'Open Interest Collapse', { aliases: ['OI flush'] }),
    t('open-market-operations', 'Open Market Operations'),
    t('volatility', 'Volatility', { aliases: ['market volatility'] }),
    t('volatility-drag', 'Volatility Drag'),
    t('cost-of-carry', 'Cost of Carry'),
    t('dax', 'DAX Index', { aliases: ['Börsen-Index'] }),
    t('widget-a', 'Alpha', { summary: 'Explains the widget in short.' }),
    t('widget-b', 'Beta', { body: 'A long story in which a widget appears once among many other words.' }),
    t('s-and-p-500', 'S&P 500', { abbreviations: ['SPX'] }),
  ]);

  it('"open int" lists Open Interest and Open Interest Collapse, not other "open" terms first', () => {
    const { hits } = search.search('open int');
    expect(ids(hits).slice(0, 2)).toEqual(['open-interest', 'open-interest-collapse']);
    expect(ids(hits)).not.toContain('open-market-operations');
  });

  it('forgives a typo: "volatilty" finds Volatility first', () => {
    const { hits } = search.search('volatilty');
    expect(hits[0]).toMatchObject({ id: 'volatility', kind: 'fuzzy' });
    expect(ids(hits)).toContain('volatility-drag');
  });

  it('finds a term by its abbreviation: "oi" is Open Interest', () => {
    expect(search.search('oi').hits[0]).toMatchObject({ id: 'open-interest', kind: 'alias' });
    expect(search.search('spx').hits[0].id).toBe('s-and-p-500');
  });

  it('matches names with symbols: "s&p" and "s&p 5"', () => {
    expect(search.search('s&p').hits[0].id).toBe('s-and-p-500');
    expect(search.search('s&p 5').hits[0]).toMatchObject({ id: 's-and-p-500', kind: 'prefix' });
  });

  it('keeps little words of names: "cost of carry" is an exact name', () => {
    expect(search.search('cost of carry').hits[0]).toMatchObject({ id: 'cost-of-carry', kind: 'name' });
  });

  it('folds accents: "borsen" finds the alias Börsen-Index', () => {
    expect(search.search('borsen').hits[0]).toMatchObject({ id: 'dax', kind: 'prefix' });
  });

  it('weighs a match in the summary above one in the body', () => {
    expect(ids(search.search('widget').hits)).toEqual(['widget-a', 'widget-b']);
  });

  it('needs every word to match, but falls back to any word when no term has them all', () => {
    expect(ids(search.search('volatility drag').hits)).toEqual(['volatility-drag']);
    expect(ids(search.search('volatility zebra').hits)).toContain('volatility');
  });

  it('a single letter looks in names only', () => {
    const { hits } = search.search('w');
    expect(ids(hits)).toEqual([]);
    expect(ids(search.search('b').hits)).toEqual(['widget-b', 'dax']);
  });

  it('hits carry what a result shows: name, abbreviations, sets, summary', () => {
    expect(search.search('open interest').hits[0]).toMatchObject({
      term: 'Open Interest',
      abbreviations: ['OI'],
      setTitles: ['Test Set'],
      summary: 'A term called Open Interest.',
    });
    expect(search.get('dax')).toMatchObject({ id: 'dax', term: 'DAX Index', aliases: ['Börsen-Index'] });
    expect(search.get('nope')).toBeUndefined();
  });

  it('returns at most `limit` hits and says when there are more', () => {
    expect(search.search('open', { limit: 2 })).toMatchObject({ more: true });
    expect(search.search('open', { limit: 2 }).hits).toHaveLength(2);
    expect(search.search('open', { limit: 10 }).more).toBe(false);
  });
});

describe('the search index', () => {
  it('gives the same results built or loaded from its JSON', () => {
    const terms = [t('basis', 'Basis'), t('basis-trade', 'Basis Trade'), t('funding-rate', 'Funding Rate')];
    const built = TermSearch.fromDocuments(terms.map((x) => ({ ...x, setTitles: ['Test'], relatedBy: 0 })));
    const loaded = TermSearch.fromJSON(built.toJSON());
    for (const q of ['basis', 'bas', 'fundng', 'rate']) expect(loaded.search(q)).toEqual(built.search(q));
    expect(loaded.termCount).toBe(3);
  });

  it('names each set of a term by its title', () => {
    const payload = buildSearchIndex(7, [t('basis', 'Basis', { sets: ['perps', 'gone'] })], [{ id: 'perps', title: 'Perpetual Futures' }]);
    expect(payload).toMatchObject({ key: searchIndexKey(7), termCount: 1 });
    expect(TermSearch.fromJSON(payload.json).get('basis')?.setTitles).toEqual(['Perpetual Futures', 'gone']);
  });
});

describe('search over the bundled glossary', () => {
  const glossary = compileBundledGlossary(readBundledSources());
  const search = TermSearch.fromJSON(buildSearchIndex(1, glossary.terms, glossary.sets).json);
  const names = (q: string) => search.search(q, { limit: 5 }).hits.map((h) => h.term);

  it('"open int" lists Open Interest Collapse', () => {
    expect(names('open int')).toContain('Open Interest Collapse');
  });

  it('"volatilty" finds Volatility first', () => {
    expect(names('volatilty')[0]).toBe('Volatility');
  });

  it('"oi" finds Open Interest first', () => {
    expect(names('oi')[0]).toBe('Open Interest');
  });

  it('a first word finds the term everyone means by it first', () => {
    expect(names('funding')[0]).toBe('Funding Rate');
    expect(names('curve').slice(0, 2)).toEqual(expect.arrayContaining(['Yield Curve', 'Futures Curve']));
    expect(names('interest')[0]).toBe('Interest Rate');
  });

  it('an exact name comes first', () => {
    for (const term of ['Funding Rate', 'Max Pain', 'Basis', 'Liquidation Cascade', 'Short Squeeze']) {
      expect(names(term.toLowerCase())[0]).toBe(term);
    }
  });
});

describe('edit distance', () => {
  it('counts insertions, deletions and substitutions up to a bound', () => {
    expect(withinEdits('volatilty', 'volatility', 1)).toBe(true);
    expect(withinEdits('fundng', 'funding', 1)).toBe(true);
    expect(withinEdits('carry', 'cary', 1)).toBe(true);
    expect(withinEdits('carry', 'kerry', 1)).toBe(false);
    expect(withinEdits('carry', 'kerry', 2)).toBe(true);
    expect(withinEdits('abc', 'abcdef', 2)).toBe(false);
  });
});
