/**
 * The `needsContext` values that are words (one gates only a term's
 * abbreviations, one waits for any page about markets), and what a list of
 * waiting forms may name. Its own module, so the content script can
 * compare with it without importing the glossary schema, whose validators
 * (valibot) only the background and the import paths need.
 */
import type { Term } from './schema';

export const NEEDS_CONTEXT_ABBREVIATIONS = 'abbreviations';

/**
 * For a word with everyday senses outside finance that a markets page uses
 * with any other jargon ("volatility" is also a chemical's readiness to
 * evaporate): the term waits for a page that shows other glossary terms of
 * any set, not of its own.
 */
export const NEEDS_CONTEXT_MARKETS = 'markets';

/** Whether `form`, listed in a term's `needsContext`, is one of its own aliases or abbreviations, the only forms a list may name. */
export function isOwnForm(term: Pick<Term, 'aliases' | 'abbreviations'>, form: string): boolean {
  return term.aliases.includes(form) || term.abbreviations.includes(form);
}

/** Whether every form of the term waits for context (`true`, or `'markets'`), not some of them. */
export function allFormsWait(term: Pick<Term, 'needsContext'>): boolean {
  return term.needsContext === true || term.needsContext === NEEDS_CONTEXT_MARKETS;
}
