import { describe, expect, it, vi } from 'vitest';
import { readBundledSources } from '../../data/tools/read-sources';
import { LOOKUP_MENU_ID, lookupOfClick, registerLookupMenu, type MenusApi } from '../../utils/background/lookup-menu';
import { compileBundledGlossary } from '../../utils/glossary/compile-bundled';
import { lookupQuery, MAX_LOOKUP_CHARS, MAX_SELECTION_WORDS, selectionQuery, termNamedBy } from '../../utils/search/lookup';
import { buildSearchIndex } from '../../utils/search/search-index';
import { TermSearch } from '../../utils/search/term-search';

describe('a selection made into a look-up query', () => {
  it('drops the quotes, brackets, punctuation and line breaks a selection picks up', () => {
    expect(lookupQuery('  “funding rate,”  ')).toBe('funding rate');
    expect(lookupQuery('(OI)')).toBe('OI');
    expect(lookupQuery('open\n  interest.')).toBe('open interest');
  });

  it('keeps what belongs to the words: a ticker’s $, a percent sign, inner punctuation', () => {
    expect(lookupQuery('$BTC')).toBe('$BTC');
    expect(lookupQuery('S&P 500')).toBe('S&P 500');
    expect(lookupQuery('P/E')).toBe('P/E');
    expect(lookupQuery('25%')).toBe('25%');
  });

  it('is empty for a selection with no words', () => {
    expect(lookupQuery(' … — ')).toBe('');
  });

  it('cuts a long selection at a word, within the limit', () => {
    const query = lookupQuery('funding '.repeat(40));
    expect(query.length).toBeLessThanOrEqual(MAX_LOOKUP_CHARS);
    expect(query.endsWith('funding')).toBe(true);
  });
});

describe('the words the popup searches for when opened over a selection', () => {
  it('are a name’s worth of words, cleaned like a look-up', () => {
    expect(selectionQuery('“funding rates,”')).toBe('funding rates');
    expect(selectionQuery('one two three four five six')).toBe('one two three four five six');
  });

  it('are none for a sentence or an empty selection', () => {
    expect(selectionQuery('Traders watched the open interest collapse as the funding rate turned negative.')).toBe('');
    expect(selectionQuery('w '.repeat(MAX_SELECTION_WORDS + 1))).toBe('');
    expect(selectionQuery('')).toBe('');
  });
});

describe('the term a look-up names', () => {
  const glossary = compileBundledGlossary(readBundledSources());
  const search = TermSearch.fromJSON(buildSearchIndex(1, glossary.terms, glossary.sets).json);

  it('is found by name, alias or abbreviation, whatever the case', () => {
    expect(termNamedBy(search, 'Funding Rate')).toBe('funding-rate');
    expect(termNamedBy(search, 'perp funding')).toBe('funding-rate');
    expect(termNamedBy(search, 'oi')).toBe('open-interest');
  });

  it('is found in the plural, the possessive and after an article', () => {
    expect(termNamedBy(search, 'funding rates')).toBe('funding-rate');
    expect(termNamedBy(search, 'the market maker’s')).toBe('market-maker');
    expect(termNamedBy(search, 'liquidation cascades')).toBe('liquidation-cascade');
  });

  it('includes terms the page leaves plain as everyday words', () => {
    expect(termNamedBy(search, 'basis')).toBe('basis');
  });

  it('is none for words that only start a name or appear in definitions', () => {
    expect(termNamedBy(search, 'funding')).toBeUndefined();
    expect(termNamedBy(search, 'the weather in Paris')).toBeUndefined();
  });
});

describe('the look-up menu', () => {
  it('is made again at each start, after removing the one an earlier start made', async () => {
    const calls: string[] = [];
    const menus = {
      removeAll: vi.fn(async () => void calls.push('removeAll')),
      create: vi.fn((_properties: Parameters<MenusApi['create']>[0]) => calls.push('create')),
    };
    await registerLookupMenu(menus);
    await registerLookupMenu(menus);
    expect(calls).toEqual(['removeAll', 'create', 'removeAll', 'create']);
    expect(menus.create).toHaveBeenCalledWith(expect.objectContaining({ id: LOOKUP_MENU_ID, contexts: ['selection'] }));
    expect(menus.create.mock.calls[0][0].title).toContain('%s');
  });

  it('looks up the selection of its own item only', () => {
    expect(lookupOfClick({ menuItemId: LOOKUP_MENU_ID, selectionText: ' funding rates. ' })).toBe('funding rates');
    expect(lookupOfClick({ menuItemId: 'another-extension-item', selectionText: 'basis' })).toBeUndefined();
    expect(lookupOfClick({ menuItemId: LOOKUP_MENU_ID, selectionText: '—' })).toBeUndefined();
    expect(lookupOfClick({ menuItemId: LOOKUP_MENU_ID })).toBeUndefined();
  });
});
