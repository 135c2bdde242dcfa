/**
 * What a page needs to highlight the enabled terms, as the background builds
 * it once per glossary change: the compiled matcher, the set each term is
 * highlighted as, and the context rules. Pure, so the benchmark and the
 * glossary hunt measure the very payload the background sends.
 */
import type { Term } from '../glossary/schema';
import { SET_FIELDS } from '../glossary/set-fields';
import { contextRules } from '../highlighter/context-gate';
import { compileMatcher } from '../matcher';
import { PHRASE_MEANINGS, PLAIN_PHRASES } from '../matcher/plain-phrases';
import type { MatcherPayload } from '../messaging/protocol';

/**
 * The bundled sets that hold assets a trading pair may name (coins,
 * stablecoins and DeFi tokens, currencies, commodities): the abbreviations
 * of the terms they hold first (a term's own set, not those it is also in)
 * are read as a pair's base ("BTC/USDT", "XAU/USD"), any other term's are
 * not ("ATH/USDT" is a coin's ticker, not an all-time high).
 */
const PAIR_ASSET_SETS: ReadonlySet<string> = new Set(['crypto-assets', 'defi-liquidity', 'currencies-flows', 'commodities-energy']);

/** The payload for `terms` (already filtered to the enabled, unhidden ones). */
export function compilePagePayload(terms: readonly Term[], options: { includeAmbiguous: boolean; disabledSets: ReadonlySet<string> }): Omit<MatcherPayload, 'key'> {
  return {
    matcher: compileMatcher(terms, {
      includeAmbiguous: options.includeAmbiguous,
      plainPhrases: PLAIN_PHRASES,
      phraseMeanings: PHRASE_MEANINGS,
      isPairAsset: (term) => PAIR_ASSET_SETS.has(term.sets[0]),
    }),
    setOfTerm: firstEnabledSets(terms, options.disabledSets),
    context: contextRules(terms, SET_FIELDS),
  };
}

/**
 * The set each term is highlighted as (its colour): the first of its sets
 * that is enabled. A null-prototype object, so a term id such as
 * "constructor" is a key like any other once it travels as JSON.
 */
export function firstEnabledSets(terms: readonly Term[], disabled: ReadonlySet<string>): Record<string, string> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const term of terms) {
    const set = term.sets.find((s) => !disabled.has(s));
    if (set !== undefined) out[term.id] = set;
  }
  return out;
}
