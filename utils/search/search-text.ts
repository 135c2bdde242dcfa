/**
 * How search sees text: one tokenizer and one term normalizer, used both
 * when the index is built (in the background) and when it is queried (in the
 * popup or the reader), so both sides agree on what a word is.
 */

/** Spaces, punctuation and symbols split words: "P/E", "S&P 500", "short-squeeze". */
const WORD_SEPARATORS = /[\s\p{P}\p{S}]+/u;
const COMBINING_MARKS = /\p{M}+/gu;

/**
 * Everyday words that say nothing about a term. They are left out of the
 * summary and body fields (half the index otherwise) but kept in names, so
 * "Cost of Carry" still matches "cost of carry" word for word.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be been but by can for from had has have if in into is it its ' +
    'may more most not of on or so such than that the their then there these they this ' +
    'to was were when which while who will with would you your'
  ).split(' '),
);

/** Fields that are prose: stop words are dropped from them. */
const PROSE_FIELDS: ReadonlySet<string> = new Set(['summary', 'body']);

/** Lower case without accents: "Börsen" → "borsen". */
export function foldCase(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** A possessive ending: "maker's" is "maker", not "maker" and a one-letter word "s" that every name with an s-word would match. */
const POSSESSIVE = /(?<=[\p{L}\p{N}])['’]s(?![\p{L}\p{N}])/giu;

export function tokenize(text: string): string[] {
  return text.replace(POSSESSIVE, '').split(WORD_SEPARATORS).filter(Boolean);
}

/**
 * MiniSearch's `processTerm` at index time: fold case and accents, drop stop
 * words from prose fields.
 */
export function processIndexTerm(term: string, fieldName?: string): string | null {
  const folded = foldCase(term);
  if (!folded) return null;
  if (fieldName && PROSE_FIELDS.has(fieldName) && STOP_WORDS.has(folded)) return null;
  return folded;
}

/**
 * The canonical spelling of a whole name or query, for exact and
 * starts-with comparisons: its words joined by single spaces, so
 * "Short-Squeeze " = "short squeeze", "S&P 500" = "s p 500", "Börse" = "borse".
 */
export function normalizeName(text: string): string {
  return tokenize(foldCase(text)).join(' ');
}

/**
 * The words of a query as search uses them. Stop words are dropped, except
 * the last word (still being typed: "on" may become "on-chain") and except
 * when nothing else is left.
 */
export function queryWords(query: string): string[] {
  const words = tokenize(foldCase(query));
  const kept = words.filter((w, i) => i === words.length - 1 || !STOP_WORDS.has(w));
  return kept.length > 0 ? kept : words;
}
