/**
 * Some terms go by names that other fields use too: DOGE is also a US
 * government department, RSI an injury, EMA a medicines agency, ADL a
 * civil-rights group. Such a term is flagged `needsContext` and highlighted
 * only on a page that is about its field: one where at least
 * `CONFIRMING_TERMS` other terms of one of its sets are found. A page about
 * politics that says "DOGE" twice stays plain; a crypto page that also says
 * "bitcoin" and "stablecoin" gets its DOGE highlighted.
 *
 * A page about a field sets several of them often shows only one term of a
 * given set: a perpetual futures screen full of margin, order and coin terms
 * names funding once. So the terms of a field (`data/set-fields.json`: sets
 * a page is often about together) count too, more of them:
 * `FIELD_CONFIRMING_TERMS` other terms of the sets of one of the term's
 * fields, together.
 *
 * Flagged `'abbreviations'`, only the term's abbreviations wait for context:
 * "Relative Strength Index" spelled out is highlighted anywhere, and counts
 * towards its sets' context like any other term, while "RSI" waits. Flagged
 * with a list of its forms, only those wait: "Dow Jones" and "DJIA" light up
 * anywhere, a bare "Dow" (also a first name) waits.
 *
 * Flagged `'markets'`, a term waits for any page about markets: one that
 * shows `CONFIRMING_TERMS` other terms of any set. "Volatility" on a
 * chemistry page (how readily a liquid evaporates) stays plain; in a market
 * report beside "S&P 500" and "sell-off" it lights up, though no other term
 * of its own set is there, and from then on counts for its own sets like a
 * term not in doubt ("inflation" on a central bank's page vouches for ECB).
 *
 * A term's listed forms count the term itself, named by one of its other
 * forms ("the 10-year gilt" before "gilts"), as one of the terms they wait
 * for: one other term of its sets then lights them.
 *
 * Terms in doubt by their names (`needsContext: true`) vouch for each
 * other only beside a term not in doubt: a staking page that names
 * validators, slashing and unbonding beside proof of stake lights them all,
 * while a Kubernetes page's validators and heartbeats, or a game's whales
 * and airdrops, with no such term, stay plain. Abbreviations, listed forms
 * and `'markets'` words in doubt vouch for nothing, and listed forms take
 * no such vouching: they are the forms most often met in other senses.
 *
 * A page that spells an abbreviation out as its term ("the Strategic
 * Petroleum Reserve (SPR)", a hit the matcher marks `definedAsTerm`) has
 * said what it means: that term needs no other context there, and counts
 * as context for others like a term not in doubt.
 *
 * `contextRules` is computed by the background with the matcher (from the
 * glossary), `ContextGate` keeps one page's count.
 */
import { NEEDS_CONTEXT_ABBREVIATIONS, NEEDS_CONTEXT_MARKETS } from '../glossary/needs-context';
import type { Term } from '../glossary/schema';

/** Distinct other terms of a set a page must show before that set's context-needing terms are highlighted. */
export const CONFIRMING_TERMS = 2;

/** Distinct other terms of the sets of one field, together, a page must show otherwise. */
export const FIELD_CONFIRMING_TERMS = 4;

/** Sets a page is often about together (`data/set-fields.json`). */
export type SetField = readonly string[];

export interface ContextRules {
  /** For each term that needs context: its sets. */
  needs: Record<string, string[]>;
  /** The terms of `needs` whose names and aliases are highlighted anywhere: only their abbreviations wait. */
  abbreviationsOnly: string[];
  /** The terms of `needs` of which only the forms they list wait (hits the matcher marks `listed`). */
  listedOnly: string[];
  /** The terms of `needs` that wait for other terms of any set, not of their own (`needsContext: 'markets'`). */
  marketsOnly: string[];
  /** For each other term sharing a set with one that needs context: those sets. */
  confirms: Record<string, string[]>;
  /** The fields whose sets hold a term of `needs`, each once: a term's fields are found through its sets. */
  fields: string[][];
}

/** What the gate needs to know of a hit. */
export interface GatedHit {
  termId: string;
  /** Matched by one of the term's abbreviations. */
  abbreviation: boolean;
  /** Matched by one of the forms its term lists in `needsContext`. */
  listed?: boolean;
}

/** The rules for `terms` (the enabled ones), or undefined when no term needs context. */
export function contextRules(terms: readonly Term[], setFields: readonly SetField[] = []): ContextRules | undefined {
  const needs: Record<string, string[]> = {};
  const abbreviationsOnly: string[] = [];
  const listedOnly: string[] = [];
  const marketsOnly: string[] = [];
  const gatedSets = new Set<string>();
  for (const term of terms) {
    if (!term.needsContext) continue;
    needs[term.id] = [...term.sets];
    // Any term vouches for these (`ContextGate.saw`): their sets need no `confirms` entries.
    if (term.needsContext === NEEDS_CONTEXT_MARKETS) {
      marketsOnly.push(term.id);
      continue;
    }
    if (term.needsContext === NEEDS_CONTEXT_ABBREVIATIONS) abbreviationsOnly.push(term.id);
    else if (Array.isArray(term.needsContext)) listedOnly.push(term.id);
    term.sets.forEach((s) => gatedSets.add(s));
  }
  if (gatedSets.size === 0 && marketsOnly.length === 0) return undefined;
  const fields = setFields.filter((field) => field.some((s) => gatedSets.has(s))).map((field) => [...field]);
  // A field's sets all vouch for its terms, even a set with no term that needs context.
  for (const field of fields) field.forEach((s) => gatedSets.add(s));
  const confirms: Record<string, string[]> = {};
  for (const term of terms) {
    // One ambiguous name does not vouch for another; a spelled-out name does (see `ContextGate.saw`).
    if (term.needsContext === true) continue;
    const shared = term.sets.filter((s) => gatedSets.has(s));
    if (shared.length > 0) confirms[term.id] = shared;
  }
  return { needs, abbreviationsOnly, listedOnly, marketsOnly, confirms, fields };
}

const NONE: ReadonlySet<string> = new Set();

/** Adds `termId` to the terms of each of `sets` in `table`. */
function addToSets(table: Map<string, Set<string>>, sets: readonly string[], termId: string): void {
  for (const set of sets) {
    let terms = table.get(set);
    if (!terms) table.set(set, (terms = new Set()));
    terms.add(termId);
  }
}

/** A term's entry in a rule table (own keys only: a term id may be "constructor"). */
function setsOf(table: Record<string, string[]>, termId: string): string[] | undefined {
  return Object.hasOwn(table, termId) ? table[termId] : undefined;
}

/** An abbreviation as the page-wide rule compares it: without a plural or possessive ending ("PPPs", "DOGE's"). */
export function abbreviationKey(text: string): string {
  return text.replace(/(?:['’]s|s)$/, '');
}

/**
 * One page's evidence: which terms of each gated set it has shown so far,
 * and which abbreviations it has spelled out as something other than their
 * terms.
 */
export class ContextGate {
  private readonly seen = new Map<string, Set<string>>();
  /** Terms in doubt by name (`needsContext: true`) the page has shown, by set: they vouch beside a term of `seen` (`hasContextFor`). */
  private readonly seenInDoubt = new Map<string, Set<string>>();
  /** `'markets'` words the page has shown, by set: they count for their sets once the page is about markets (`hasContextFor`). */
  private readonly marketsWords = new Map<string, Set<string>>();
  /** Every term the page has shown that is not itself in doubt, whatever its sets: what `'markets'` terms wait for. */
  private readonly seenAnywhere = new Set<string>();
  /** Abbreviations the page spells out as other words ("the Paycheck Protection Program (PPP)"), and names a phrase gives another meaning ("Bullish group"), by `abbreviationKey`. */
  private readonly spelledOutAsOther = new Set<string>();
  /** Terms the page spells out next to their abbreviation ("Strategic Petroleum Reserve (SPR)"): no longer in doubt there. */
  private readonly definedTerms = new Set<string>();
  private readonly abbreviationsOnly: ReadonlySet<string>;
  private readonly listedOnly: ReadonlySet<string>;
  private readonly marketsOnly: ReadonlySet<string>;
  /** For each set in a field: the fields it is in. */
  private readonly fieldsOfSet = new Map<string, string[][]>();

  constructor(private readonly rules: ContextRules | undefined) {
    this.abbreviationsOnly = new Set(rules?.abbreviationsOnly);
    this.listedOnly = new Set(rules?.listedOnly);
    this.marketsOnly = new Set(rules?.marketsOnly);
    for (const field of rules?.fields ?? []) {
      for (const set of field) this.fieldsOfSet.set(set, [...(this.fieldsOfSet.get(set) ?? []), field]);
    }
  }

  /** Whether this hit is one that must wait for its term's context. */
  private gated(hit: GatedHit): boolean {
    if (!this.rules || !setsOf(this.rules.needs, hit.termId) || this.definedTerms.has(hit.termId)) return false;
    if (this.abbreviationsOnly.has(hit.termId)) return hit.abbreviation;
    if (this.listedOnly.has(hit.termId)) return hit.listed === true;
    return true;
  }

  /** Records a hit found on the page: towards the sets its term confirms and towards any page about markets if it is not itself in doubt, apart if it is (`seenInDoubt`, `marketsWords`). */
  saw(hit: GatedHit): void {
    if (!this.rules) return;
    if (this.gated(hit)) {
      if (this.marketsOnly.has(hit.termId)) addToSets(this.marketsWords, this.rules.needs[hit.termId], hit.termId);
      else if (this.vouchesInDoubt(hit)) addToSets(this.seenInDoubt, this.rules.needs[hit.termId], hit.termId);
      return;
    }
    this.seenAnywhere.add(hit.termId);
    const sets = setsOf(this.rules.confirms, hit.termId);
    if (sets) addToSets(this.seen, sets, hit.termId);
  }

  /** Whether a hit in doubt may vouch for other terms beside one not in doubt: a name or alias of a term flagged `needsContext: true`. */
  private vouchesInDoubt(hit: GatedHit): boolean {
    return !hit.abbreviation && !this.abbreviationsOnly.has(hit.termId) && !this.listedOnly.has(hit.termId) && !this.marketsOnly.has(hit.termId);
  }

  /** Notes that the page spells `termId` out next to its abbreviation (a hit marked `definedAsTerm`). */
  defined(termId: string): void {
    this.definedTerms.add(termId);
  }

  /** Whether the page has shown the context `termId` needs (true for a term that needs none). */
  hasContextFor(termId: string): boolean {
    const sets = this.rules && setsOf(this.rules.needs, termId);
    if (!sets || this.definedTerms.has(termId)) return true;
    // A spelled-out name of the term itself does not vouch for its own abbreviation. A term with
    // listed forms that the page has named by another of its forms, one not in doubt ("the 10-year
    // gilt" before "gilts"), counts as one of the terms those forms wait for: one more of its sets
    // lights them, not the name alone (a page may name the Dow Jones and a council member Dow).
    // Only such a form reaches `seenAnywhere`: `saw` skips a listed form that waits.
    const self = this.listedOnly.has(termId) && this.seenAnywhere.has(termId) ? 0 : 1;
    const others = (terms: ReadonlySet<string>) => terms.size - (terms.has(termId) ? self : 0);
    if (this.marketsOnly.has(termId)) return others(this.seenAnywhere) >= CONFIRMING_TERMS;
    // Terms in doubt count beside at least one that is not ("validators" and "slashing" beside "proof of stake").
    // A markets word on a page about markets ("inflation" beside the S&P 500) is the finance sense: no longer in doubt.
    const marketsPage = this.marketsWords.size > 0 && this.seenAnywhere.size >= CONFIRMING_TERMS;
    const enough = (inSets: readonly string[], needed: number) => {
      const sure = new Set(inSets.flatMap((s) => [...(this.seen.get(s) ?? NONE), ...(marketsPage ? (this.marketsWords.get(s) ?? NONE) : NONE)]));
      if (others(sure) === 0) return false;
      if (others(sure) >= needed) return true;
      // Forms a term lists are its most doubtful ones ("OpEx", "Sharpe"): only terms not in doubt vouch for them.
      if (this.listedOnly.has(termId)) return false;
      const all = new Set([...sure, ...inSets.flatMap((s) => [...(this.seenInDoubt.get(s) ?? NONE)])]);
      return others(all) >= needed;
    };
    if (sets.some((set) => enough([set], CONFIRMING_TERMS))) return true;
    // Listed forms: only their own sets vouch.
    if (this.listedOnly.has(termId)) return false;
    return sets.some((set) => (this.fieldsOfSet.get(set) ?? []).some((field) => enough(field, FIELD_CONFIRMING_TERMS)));
  }

  /**
   * Notes an abbreviation the page spells out as something other than its
   * term (a hit marked `definedOtherwise`, as written): the page means that
   * by it, wherever it appears. Returns its key (`abbreviationKey`) the first
   * time, so the caller can take back what it highlighted before; undefined after.
   */
  spelledOut(abbreviation: string): string | undefined {
    const key = abbreviationKey(abbreviation);
    if (this.spelledOutAsOther.has(key)) return undefined;
    this.spelledOutAsOther.add(key);
    return key;
  }

  /**
   * Whether the page has spelled out the abbreviation, or named the name, at
   * text[start, end) (as written) as something other than its term. Reads
   * the text only on a page that has named something otherwise: it is asked of every hit.
   */
  meansOtherThing(text: string, start: number, end: number): boolean {
    return this.spelledOutAsOther.size > 0 && this.spelledOutAsOther.has(abbreviationKey(text.slice(start, end)));
  }

  /** Whether this hit may be highlighted now. */
  allows(hit: GatedHit): boolean {
    return !this.gated(hit) || this.hasContextFor(hit.termId);
  }
}
