/**
 * Surface forms: the strings a term is written as on a page.
 *
 * Shared by the integrity checks (no two terms may claim the same form) and
 * the matcher (which compiles the forms into one automaton), so both agree on
 * what counts as "the same" form.
 */
import type { Term } from './schema';

export interface SurfaceForm {
  termId: string;
  text: string;
  /** Abbreviations (OI, IV, TVL) match only with their exact capitals. */
  caseSensitive: boolean;
}

/** Hyphens, en and em dashes, and runs of spaces all count as one separator. */
const SEPARATORS = /[\s\u00a0\-\u2010\u2011\u2012\u2013\u2014]+/g;
const APOSTROPHES = /[\u2019\u2018]/g;

/** Canonical spelling used to compare two forms: "Short-Squeeze" = "short squeeze". */
export function normalizeForm(text: string, caseSensitive = false): string {
  const spaced = text.replace(APOSTROPHES, "'").replace(SEPARATORS, ' ').trim();
  return caseSensitive ? spaced : spaced.toLowerCase();
}

export function surfaceFormsOf(term: Pick<Term, 'id' | 'term' | 'aliases' | 'abbreviations'>): SurfaceForm[] {
  const forms: SurfaceForm[] = [];
  for (const text of [term.term, ...term.aliases]) {
    forms.push({ termId: term.id, text, caseSensitive: false });
  }
  for (const text of term.abbreviations) {
    forms.push({ termId: term.id, text, caseSensitive: true });
  }
  return forms;
}
