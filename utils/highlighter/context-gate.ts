/**
 * Some terms go by names that other fields use too: DOGE is also a US
 * government department, RSI an injury, EMA a medicines agency, ADL a
 * civil-rights group. Such a term is flagged `needsContext` and highlighted
 * only on a page that is about its field: one where at least
 * `CONFIRMING_TERMS` other terms of one of its sets are found. A page about
 * politics that says "DOGE" twice stays plain; a crypto page that also says
 * "bitcoin" and "stablecoin" gets its DOGE highlighted.
 *
 * `contextRules` is computed by the background with the matcher (from the
 * glossary), `ContextGate` keeps one page's count.
 */
import type { Term } from '../glossary/schema';

/** Distinct other terms of a set a page must show before that set's context-needing terms are highlighted. */
export const CONFIRMING_TERMS = 2;

export interface ContextRules {
  /** For each term that needs context: its sets. */
  needs: Record<string, string[]>;
  /** For each other term sharing a set with one that needs context: those sets. */
  confirms: Record<string, string[]>;
}

/** The rules for `terms` (the enabled ones), or undefined when no term needs context. */
export function contextRules(terms: readonly Term[]): ContextRules | undefined {
  const needs: Record<string, string[]> = {};
  const gatedSets = new Set<string>();
  for (const term of terms) {
    if (!term.needsContext) continue;
    needs[term.id] = [...term.sets];
    term.sets.forEach((s) => gatedSets.add(s));
  }
  if (gatedSets.size === 0) return undefined;
  const confirms: Record<string, string[]> = {};
  for (const term of terms) {
    if (term.needsContext) continue; // one ambiguous name does not vouch for another
    const shared = term.sets.filter((s) => gatedSets.has(s));
    if (shared.length > 0) confirms[term.id] = shared;
  }
  return { needs, confirms };
}

/** A term's entry in a rule table (own keys only: a term id may be "constructor"). */
function setsOf(table: Record<string, string[]>, termId: string): string[] | undefined {
  return Object.hasOwn(table, termId) ? table[termId] : undefined;
}

/** One page's evidence: which terms of each gated set it has shown so far. */
export class ContextGate {
  private readonly seen = new Map<string, Set<string>>();

  constructor(private readonly rules: ContextRules | undefined) {}

  /** Records a term found on the page (counts only towards the sets it confirms). */
  saw(termId: string): void {
    const sets = this.rules && setsOf(this.rules.confirms, termId);
    if (!sets) return;
    for (const set of sets) {
      let terms = this.seen.get(set);
      if (!terms) this.seen.set(set, (terms = new Set()));
      terms.add(termId);
    }
  }

  /** Whether a hit of `termId` may be highlighted now. */
  allows(termId: string): boolean {
    const sets = this.rules && setsOf(this.rules.needs, termId);
    if (!sets) return true;
    return sets.some((set) => (this.seen.get(set)?.size ?? 0) >= CONFIRMING_TERMS);
  }
}
