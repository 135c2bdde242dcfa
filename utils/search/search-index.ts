/**
 * The search index of one glossary revision, as the background hands it
 * out: built from the stored terms and sets, serialized once, then sent as
 * is to every popup (or reader) that asks.
 */
import type { Term, TermSet } from '../glossary/schema';
import { searchDocumentOf, TermSearch, type SearchIndexPayload } from './term-search';

/**
 * The index's format: bump it whenever the documents or the index options
 * change (2: a count of related pointers, 3: named `relatedBy`, 4: possessives
 * dropped by the tokenizer), so an index kept in IndexedDB by an older build
 * is rebuilt instead of loaded.
 */
const SEARCH_INDEX_FORMAT = 4;

/** What identifies an index: its format and the glossary revision it was built from. */
export function searchIndexKey(revision: number): string {
  return `${SEARCH_INDEX_FORMAT}/${revision}`;
}

export function buildSearchIndex(
  revision: number,
  terms: readonly Term[],
  sets: readonly Pick<TermSet, 'id' | 'title'>[],
): SearchIndexPayload {
  const titles = new Map(sets.map((s) => [s.id, s.title]));
  const relatedBy = new Map<string, number>();
  for (const term of terms) for (const id of new Set(term.related)) if (id !== term.id) relatedBy.set(id, (relatedBy.get(id) ?? 0) + 1);
  const search = TermSearch.fromDocuments(terms.map((t) => searchDocumentOf(t, titles, relatedBy.get(t.id))));
  return { key: searchIndexKey(revision), termCount: search.termCount, json: search.toJSON() };
}
