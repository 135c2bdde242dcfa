/**
 * The search index of one glossary revision, as the background hands it
 * out: built from the stored terms and sets, serialized once, then sent as
 * is to every popup (or reader) that asks.
 */
import type { Term, TermSet } from '../glossary/schema';
import { searchDocumentOf, TermSearch, type SearchIndexPayload } from './term-search';

export function buildSearchIndex(
  revision: number,
  terms: readonly Term[],
  sets: readonly Pick<TermSet, 'id' | 'title'>[],
): SearchIndexPayload {
  const titles = new Map(sets.map((s) => [s.id, s.title]));
  const mentions = new Map<string, number>();
  for (const term of terms) for (const id of new Set(term.related)) if (id !== term.id) mentions.set(id, (mentions.get(id) ?? 0) + 1);
  const search = TermSearch.fromDocuments(terms.map((t) => searchDocumentOf(t, titles, mentions.get(t.id))));
  return { key: String(revision), termCount: search.termCount, json: search.toJSON() };
}
