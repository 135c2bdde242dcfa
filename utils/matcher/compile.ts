/**
 * Compiles the glossary's surface forms into two word tries (one
 * case-insensitive for names and aliases, one case-sensitive for
 * abbreviations). The result is plain JSON data, the tries packed into flat
 * arrays (packed-trie.ts), so the background builds it once per glossary
 * change and sends it to every tab in a message, and a page load never
 * rebuilds it.
 */
import { allFormsWait } from '../glossary/needs-context';
import type { Term } from '../glossary/schema';
import { normalizeForm, surfaceFormsOf, type SurfaceForm } from '../glossary/surface-forms';
import { acronymLetters, initialsSpell, wordsKey, wordsOf } from './definitions';
import { newTrieBuilder, nodeAt, NO_END, packTrie, PHRASE_END, termEnd, termIndexOf, type PackedTrie, type TrieBuilder } from './packed-trie';
import { firstWordSlot, gapKey, normalizeToken, tokenize, type FirstWordSlots } from './tokens';

/**
 * What a walk reports at the end of a plain phrase instead of a term id: a
 * name such as "Dow Chemical" or "Wall Street", or a set phrase such as
 * "grade inflation", is matched like a term so that the words inside it are
 * not taken for one ("Dow", "Put Wall", "inflation"), and is then left
 * unhighlighted. No term id is empty, so the two cannot be confused.
 */
export const PLAIN_PHRASE = '';

export interface CompiledMatcher {
  /** Names and aliases, keyed by lowercase tokens. */
  ci: PackedTrie;
  /** Abbreviations, keyed by tokens as written. */
  cs: PackedTrie;
  /** The ids of the terms the tries' ends name, by the index each end carries (`termEnd`). */
  termIds: string[];
  /** Filter slots of every first word of each trie (`FirstWordFilter`): what a page's words are screened against. */
  firstWords: FirstWordSlots;
  /**
   * For each term with an acronym: those of its names and aliases that spell
   * it out (`wordsKey`), everyday-word ones included, so that a page writing
   * "Out of the Money (OTM)" is not taken to mean something else by OTM.
   */
  spelledOut: Record<string, string[]>;
  /**
   * Plain phrases that name what a page means by an abbreviation ("Department
   * of Government Efficiency": DOGE), by their words (`wordsKey`): a page that
   * names one anywhere does not mean the glossary term by that abbreviation.
   */
  phraseMeanings: Record<string, string>;
  /** `NUMBER_UNITS` that are a term's abbreviation, with that term's id: what `findTerms` reads after a number. */
  units: Record<string, string>;
  /**
   * The terms with abbreviations that are assets (`CompileOptions.isPairAsset`):
   * the only ones whose abbreviation is read as a trading pair's base
   * ("BTC/USDT"); any other there is a coin's ticker ("ATH/USDT" is Aethir).
   * Absent from a payload compiled before the rule: then any is read.
   */
  pairAssets?: string[];
  termCount: number;
  formCount: number;
}

export interface CompileOptions {
  /**
   * Match the everyday names of terms flagged `ambiguous` too ("spread",
   * "delta"). Without it such a term is still found by its abbreviations and
   * its multi-word aliases ("option delta", "futures basis"), which are not
   * everyday English.
   */
  includeAmbiguous?: boolean;
  /**
   * Proper names and set phrases that hold a term's words without its
   * meaning (`data/plain-phrases.json`): a term match inside one, or running
   * into one ("Tariffs Put Wall Street On Edge"), is not made. A phrase
   * spelled like a term form leaves the term as it is.
   */
  plainPhrases?: readonly string[];
  /** Of `plainPhrases`, those that name what a page means by an abbreviation, with it (`CompiledMatcher.phraseMeanings`). */
  phraseMeanings?: Readonly<Record<string, string>>;
  /** Whether a term is an asset a trading pair may name (`CompiledMatcher.pairAssets`); without it, every term is. */
  isPairAsset?: (term: Term) => boolean;
}

/**
 * Abbreviations that are units, written against a number: "25bp", "+28bp".
 * Such a form is found there too, where the tokenizer sees no word of its
 * own, and is an abbreviation like any other (base pairs are "bp" as well).
 */
export const NUMBER_UNITS: readonly string[] = ['bp', 'bps'];

/** The trie keys of one surface form: token, gap, token, gap, token… */
export function formKeys(text: string, caseSensitive: boolean): string[] | null {
  const { starts, ends } = tokenize(text);
  if (starts.length === 0) return null;
  const keys: string[] = [];
  for (let i = 0; i < starts.length; i++) {
    if (i > 0) {
      const gap = gapKey(text.slice(ends[i - 1], starts[i]));
      if (gap === null) return null;
      keys.push(gap);
    }
    const token = normalizeToken(text.slice(starts[i], ends[i]));
    keys.push(caseSensitive ? token : token.toLowerCase());
  }
  return keys;
}

/** Puts `end` at the node of `keys`, unless a term or phrase already ends there: the first to claim a form keeps it. */
function insert(root: TrieBuilder, keys: readonly string[], end: number): boolean {
  const node = nodeAt(root, keys);
  if (node.end !== NO_END) return false;
  node.end = end;
  return true;
}

/** Whether `form` is one of the forms its term lists in `needsContext` (the only ones of its forms that wait for context). */
export function isListedToWait(term: Pick<Term, 'needsContext'>, form: SurfaceForm): boolean {
  return Array.isArray(term.needsContext) && term.needsContext.includes(form.text);
}

/**
 * Whether `form` is one of an `ambiguous` term's everyday names (its name,
 * or any one-word name): those are left out unless `includeAmbiguous`.
 * A term whose every form waits for context (`needsContext: true` or
 * `'markets'`) keeps them: its everyday name ("Straddle", "Insurance Fund")
 * is matched, and waits for a page about its field like the rest of its forms. `keys` are the form's trie keys (`formKeys`).
 */
export function isEverydayForm(term: Pick<Term, 'term' | 'ambiguous' | 'needsContext'>, form: SurfaceForm, keys: readonly string[]): boolean {
  return term.ambiguous === true && !allFormsWait(term) && !form.caseSensitive && (form.text === term.term || keys.length === 1);
}

/**
 * An `ambiguous` term's alias that is its everyday name written with hyphens
 * ("in-the-money" of In the Money): the hyphenated spelling is the jargon
 * ("the in-the-money calls"), the spaced one plain English ("growth in the
 * money supply"), so this alias is found only where the page joins its words
 * with hyphens (its trie end says so, `termEnd`), whether or not the name
 * itself is matched.
 */
export function isHyphenatedName(term: Pick<Term, 'term' | 'ambiguous'>, form: SurfaceForm): boolean {
  return term.ambiguous === true && !form.caseSensitive && form.text !== term.term && form.text.includes('-') && normalizeForm(form.text) === normalizeForm(term.term);
}

/**
 * The words of the term's names and aliases that spell one of its acronyms:
 * a whole name ("Out of the Money") or its first words ("Personal
 * Consumption Expenditures" of "Personal Consumption Expenditures Price
 * Index", which pages write before "(PCE) price index").
 */
function spellingsOf(term: Term): string[] {
  const acronyms = term.abbreviations.map(acronymLetters).filter((letters) => letters !== null);
  if (acronyms.length === 0) return [];
  const spellings = new Set<string>();
  for (const name of [term.term, ...term.aliases]) {
    const words = wordsOf(name);
    for (let k = 1; k <= words.length; k++) {
      const head = words.slice(0, k);
      if (acronyms.some((letters) => initialsSpell(head, letters, true))) spellings.add(wordsKey(head));
    }
  }
  return [...spellings];
}

export function compileMatcher(terms: readonly Term[], options: CompileOptions = {}): CompiledMatcher {
  const ci = newTrieBuilder();
  const cs = newTrieBuilder();
  const termIds: string[] = [];
  const spelledOut: Record<string, string[]> = {};
  let formCount = 0;
  for (const term of terms) {
    const termIndex = termIds.length;
    let added = false;
    for (const form of surfaceFormsOf(term)) {
      const keys = formKeys(form.text, form.caseSensitive);
      if (!keys) continue;
      if (!options.includeAmbiguous && isEverydayForm(term, form, keys)) continue;
      if (insert(form.caseSensitive ? cs : ci, keys, termEnd(termIndex, isListedToWait(term, form), isHyphenatedName(term, form)))) {
        formCount++;
        added = true;
      }
    }
    if (added) termIds.push(term.id);
    const spellings = spellingsOf(term);
    if (spellings.length > 0) spelledOut[term.id] = spellings;
  }
  // After the terms, so that a term keeps any form a phrase is also spelled as.
  for (const phrase of options.plainPhrases ?? []) {
    const keys = formKeys(phrase, false);
    if (keys) insert(ci, keys, PHRASE_END);
  }
  const phraseMeanings: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [phrase, abbreviation] of Object.entries(options.phraseMeanings ?? {})) phraseMeanings[wordsKey(wordsOf(phrase))] = abbreviation;
  const units: Record<string, string> = {};
  for (const unit of NUMBER_UNITS) {
    const end = cs.children?.get(unit)?.end ?? NO_END;
    if (end !== NO_END && end !== PHRASE_END) units[unit] = termIds[termIndexOf(end)];
  }
  const { isPairAsset } = options;
  const pairAssets = isPairAsset && terms.filter((term) => term.abbreviations.length > 0 && isPairAsset(term)).map((term) => term.id);
  const slotsOf = (root: TrieBuilder) => [...new Set([...(root.children?.keys() ?? [])].map(firstWordSlot))];
  return {
    ci: packTrie(ci),
    cs: packTrie(cs),
    termIds,
    firstWords: { ci: slotsOf(ci), cs: slotsOf(cs) },
    spelledOut,
    phraseMeanings,
    units,
    ...(pairAssets && { pairAssets }),
    termCount: termIds.length,
    formCount,
  };
}
