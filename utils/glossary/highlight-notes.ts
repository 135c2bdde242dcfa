/**
 * Why pages may not highlight a term the user is reading about (in the
 * reader or the popup): they hid it, its sets are off, its name is an
 * everyday word, or it waits for a page about its subject. The same rules
 * as the matcher and the context gate, so what a note says is what pages do.
 */
import { formKeys, isEverydayForm, isListedToWait } from '../matcher/compile';
import type { Settings } from '../settings';
import { allFormsWait, NEEDS_CONTEXT_ABBREVIATIONS, NEEDS_CONTEXT_MARKETS } from './needs-context';
import type { Term } from './schema';
import { surfaceFormsOf, type SurfaceForm } from './surface-forms';

export type HighlightNote =
  /** The user hid it (the card's Hide). */
  | { kind: 'hidden' }
  /** Every set it belongs to is switched off. */
  | { kind: 'sets-off' }
  /** An everyday word: pages skip its name; `anyway` are the forms they still highlight. */
  | { kind: 'everyday'; anyway: string[] }
  /**
   * Highlighted only on a page about its subject: `waiting` are the forms
   * that wait (all of them, its abbreviations, or those it lists), `anyway` those that light
   * up on any page.
   */
  | { kind: 'context'; waiting: 'all' | string[]; anyway: string[] }
  /** Highlighted only on a page about markets: one that shows other terms of any set. */
  | { kind: 'markets' };

export type HighlightSettings = Pick<Settings, 'hiddenTerms' | 'disabledSets' | 'includeAmbiguous'>;

type NotedTerm = Pick<Term, 'id' | 'term' | 'aliases' | 'abbreviations' | 'sets' | 'ambiguous' | 'needsContext'>;

/** The notes for `term` under `settings`, most telling first; none when pages highlight it wherever it appears. */
export function highlightNotesOf(term: NotedTerm, settings: HighlightSettings): HighlightNote[] {
  if (settings.hiddenTerms.includes(term.id)) return [{ kind: 'hidden' }];
  if (term.sets.length > 0 && term.sets.every((set) => settings.disabledSets.includes(set))) return [{ kind: 'sets-off' }];
  const notes: HighlightNote[] = [];
  const matched = surfaceFormsOf(term).filter((form) => {
    const keys = formKeys(form.text, form.caseSensitive);
    return keys !== null && (settings.includeAmbiguous || !isEverydayForm(term, form, keys));
  });
  // An everyday name that also needs context is matched, and waits with the rest (the context note).
  if (term.ambiguous === true && !allFormsWait(term) && !settings.includeAmbiguous) {
    notes.push({ kind: 'everyday', anyway: matched.map((f) => f.text) });
  }
  if (term.needsContext === NEEDS_CONTEXT_MARKETS && matched.length > 0) {
    notes.push({ kind: 'markets' });
  } else if (term.needsContext === true && matched.length > 0) {
    notes.push({ kind: 'context', waiting: 'all', anyway: [] });
  } else if (term.needsContext === NEEDS_CONTEXT_ABBREVIATIONS || Array.isArray(term.needsContext)) {
    const waits = (form: SurfaceForm) => (term.needsContext === NEEDS_CONTEXT_ABBREVIATIONS ? form.caseSensitive : isListedToWait(term, form));
    const waiting = matched.filter(waits).map((f) => f.text);
    if (waiting.length > 0) notes.push({ kind: 'context', waiting, anyway: matched.filter((f) => !waits(f)).map((f) => f.text) });
  }
  return notes;
}
