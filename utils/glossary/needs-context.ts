/**
 * The `needsContext` value that gates only a term's abbreviations, and what a
 * list of waiting forms may name. Its own module, so the content script can
 * compare with it without importing the glossary schema, whose validators
 * (valibot) only the background and the import paths need.
 */
import type { Term } from './schema';

export const NEEDS_CONTEXT_ABBREVIATIONS = 'abbreviations';

/** Whether `form`, listed in a term's `needsContext`, is one of its own aliases or abbreviations, the only forms a list may name. */
export function isOwnForm(term: Pick<Term, 'aliases' | 'abbreviations'>, form: string): boolean {
  return term.aliases.includes(form) || term.abbreviations.includes(form);
}
