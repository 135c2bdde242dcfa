/**
 * The glossary as the reader holds it: every set and every term of one
 * glossary revision, with the lookups its pages need (A to Z buckets, the
 * terms of a set, a term's neighbours, a term ready to show). Pure: the
 * reader fills it from IndexedDB or the background's answers (see `catalog-client.ts`).
 */
import type { SetSummary } from '../db/glossary-store';
import { relatedIdsOf, toTermView, type TermView } from '../glossary/term-view';
import type { Term } from '../glossary/schema';
import { foldCase } from '../search/search-text';
import { LETTERS, OTHER_LETTER, type Letter } from './router';

export interface Catalog {
  /** The glossary revision this catalog was read at; caches built from it key on it. */
  revision: number;
  /** Sets in title order. */
  sets: SetSummary[];
  /** Every term, A to Z by name. */
  terms: Term[];
  setById: ReadonlyMap<string, SetSummary>;
  termById: ReadonlyMap<string, Term>;
  /** Terms per A–Z bucket, A to Z; every letter is a key, empty or not. */
  byLetter: ReadonlyMap<Letter, Term[]>;
  /** Terms per set, A to Z. */
  bySet: ReadonlyMap<string, Term[]>;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** A to Z by name, as a reader expects: case and accents ignored, "2" before "10". */
export function compareTermNames(a: Pick<Term, 'term' | 'id'>, b: Pick<Term, 'term' | 'id'>): number {
  return collator.compare(a.term, b.term) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The A–Z bucket of a name: its first letter without accents, or `#` for a digit or symbol. */
export function letterOf(name: string): Letter {
  const first = foldCase(name.trim()).charAt(0).toUpperCase();
  return first >= 'A' && first <= 'Z' ? first : OTHER_LETTER;
}

/** Terms (already A to Z) in runs under their first letter, letters with no term left out. */
export function groupByLetter<T extends Pick<Term, 'term'>>(terms: readonly T[]): Array<{ letter: Letter; terms: T[] }> {
  const groups: Array<{ letter: Letter; terms: T[] }> = [];
  for (const term of terms) {
    const letter = letterOf(term.term);
    const last = groups.at(-1);
    if (last?.letter === letter) last.terms.push(term);
    else groups.push({ letter, terms: [term] });
  }
  return groups;
}

export function buildCatalog(revision: number, sets: readonly SetSummary[], terms: readonly Term[]): Catalog {
  const sorted = [...terms].sort(compareTermNames);
  const byLetter = new Map<Letter, Term[]>(LETTERS.map((l) => [l, []]));
  const bySet = new Map<string, Term[]>(sets.map((s) => [s.id, []]));
  for (const term of sorted) {
    byLetter.get(letterOf(term.term))!.push(term);
    for (const setId of term.sets) bySet.get(setId)?.push(term);
  }
  return {
    revision,
    sets: [...sets].sort((a, b) => collator.compare(a.title, b.title)),
    terms: sorted,
    setById: new Map(sets.map((s) => [s.id, s])),
    termById: new Map(sorted.map((t) => [t.id, t])),
    byLetter,
    bySet,
  };
}

/**
 * The list a term page walks with next/previous: the set it was opened
 * from, if the term is in it, else the whole glossary A to Z.
 */
export function contextList(catalog: Catalog, termId: string, setId?: string): { setId?: string; terms: Term[] } {
  const set = setId === undefined ? undefined : catalog.bySet.get(setId);
  if (set?.some((t) => t.id === termId)) return { setId, terms: set };
  return { terms: catalog.terms };
}

export function neighboursOf(list: readonly Term[], termId: string): { previous?: Term; next?: Term } {
  const i = list.findIndex((t) => t.id === termId);
  if (i < 0) return {};
  return { previous: list[i - 1], next: list[i + 1] };
}

/**
 * A term as its page shows it: set titles, and related terms that still
 * exist. The same view the popup's entry and the card get (`toTermView`),
 * built from the catalog in hand so a term page never waits on a read.
 */
export function termViewOf(catalog: Catalog, termId: string): TermView | undefined {
  const term = catalog.termById.get(termId);
  if (!term) return undefined;
  return toTermView(
    term,
    term.sets.map((s) => catalog.setById.get(s)),
    relatedIdsOf(term).map((id) => catalog.termById.get(id)),
  );
}

/** A body split into paragraphs on blank lines; each is shown as plain text. */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** Stored term ids that are still in the glossary, in their stored order, as terms. */
export function knownTerms(catalog: Catalog, ids: readonly string[]): Term[] {
  return ids.flatMap((id) => {
    const term = catalog.termById.get(id);
    return term ? [term] : [];
  });
}
