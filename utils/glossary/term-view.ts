/**
 * A term as the card, the popup's entry and the reader's term page show it,
 * whichever store it was read from. Pure.
 */
import type { Term, TermSet } from './schema';

/** A term with the titles of its sets and the names of its related terms, ready to show. */
export interface TermView extends Term {
  setTitles: string[];
  relatedTerms: Array<{ id: string; term: string }>;
}

/**
 * A term ready to show, from the sets and related terms looked up for it
 * (undefined where one no longer exists): a set keeps its id when its title
 * is gone, a related term that was removed is left out. Look related terms
 * up with `relatedIdsOf`. The background and popup fill it from IndexedDB
 * (`getTermView`), the reader from its catalog (`termViewOf`).
 */
export function toTermView(term: Term, sets: ReadonlyArray<Pick<TermSet, 'title'> | undefined>, related: ReadonlyArray<Term | undefined>): TermView {
  return {
    ...term,
    setTitles: sets.map((s, i) => s?.title ?? term.sets[i]),
    relatedTerms: related.flatMap((r) => (r ? [{ id: r.id, term: r.term }] : [])),
  };
}

/** The ids of a term's related terms, less the term itself. */
export function relatedIdsOf(term: Term): string[] {
  return term.related.filter((id) => id !== term.id);
}
