/**
 * Looking up words the user selected on a page (the context menu's "Look up
 * in Termlight", the popup opened over a selection): the words made into a
 * query, and the term they name when the glossary has one by that name, an
 * alias or an abbreviation, also in the plural or possessive ("funding
 * rates", "the market maker's"). Anything else is a search.
 */
import { inflectionBases, normalizeToken } from '../matcher/tokens';
import type { TermSearch } from './term-search';

/** Longest query taken from a selection: a term's name, with room to spare; a paragraph is not a lookup. */
export const MAX_LOOKUP_CHARS = 100;

/**
 * A selection as a query: one line, without the quotes, brackets and
 * punctuation a selection picks up around the words, at most
 * `MAX_LOOKUP_CHARS` characters (cut at a word where one ends in reach).
 */
export function lookupQuery(selection: string): string {
  const line = selection.replace(/\s+/g, ' ').trim();
  // Keep $ (tickers) in front and % behind; drop everything else that is not a letter or a digit.
  const bare = line.replace(/^[^\p{L}\p{N}$]+/u, '').replace(/[^\p{L}\p{N}%]+$/u, '');
  const chars = [...bare];
  if (chars.length <= MAX_LOOKUP_CHARS) return bare;
  const cut = chars.slice(0, MAX_LOOKUP_CHARS).join('');
  const lastSpace = cut.lastIndexOf(' ');
  return (lastSpace > MAX_LOOKUP_CHARS / 2 ? cut.slice(0, lastSpace) : cut).trim();
}

/** Most words a selection may have for the popup to search for it: a term's name is rarely longer, a sentence is. */
export const MAX_SELECTION_WORDS = 6;

/** What the popup searches for when opened over a selection: the words, or '' for none or for more than a name's worth. */
export function selectionQuery(selection: string): string {
  const query = lookupQuery(selection);
  return query.split(' ').length <= MAX_SELECTION_WORDS ? query : '';
}

/** A selection often starts with its article: "the funding rate". */
const LEADING_ARTICLE = /^(?:the|a|an) (?=\S)/i;

/**
 * The term `query` names exactly, if any: by its name, an alias or an
 * abbreviation, as written or in the singular and without a possessive or a
 * leading article ("the market maker's" names Market Maker).
 */
export function termNamedBy(search: TermSearch, query: string): string | undefined {
  const words = normalizeToken(query).replace(LEADING_ARTICLE, '').split(' ');
  const last = words.pop() ?? '';
  const spellings = [query, [...words, last].join(' '), ...inflectionBases(last).map((base) => [...words, base].join(' '))];
  for (const spelling of new Set(spellings)) {
    const best = search.search(spelling, { limit: 1 }).hits[0];
    if (best && (best.kind === 'name' || best.kind === 'alias')) return best.id;
  }
  return undefined;
}
