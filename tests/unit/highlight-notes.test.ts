import { describe, expect, it } from 'vitest';
import { highlightNotesOf, type HighlightSettings } from '../../utils/glossary/highlight-notes';
import type { Term } from '../../utils/glossary/schema';
import { compileMatcher, findTerms } from '../../utils/matcher';
import { makeTerm } from '../support/make-term';
import { quotedList } from '../../components/shared/HighlightNotes';

const t = (id: string, term: string, extra: Partial<Term> = {}): Term => makeTerm({ id, term, sets: ['derivatives'], ...extra });

const defaults: HighlightSettings = { hiddenTerms: [], disabledSets: [], includeAmbiguous: false };

const basis = t('basis', 'Basis', { ambiguous: true, aliases: ['futures basis', 'bases'], abbreviations: [] });
const ecb = t('european-central-bank', 'European Central Bank', { abbreviations: ['ECB'], needsContext: 'abbreviations', sets: ['macro'] });
const doge = t('dogecoin', 'Dogecoin', { abbreviations: ['DOGE'], needsContext: true, sets: ['crypto'] });

describe('the forms a note names', () => {
  it('names up to four, all five when a fifth is left, and counts the rest beyond that', () => {
    expect(quotedList(['a'])).toBe('“a”');
    expect(quotedList(['a', 'b', 'c'])).toBe('“a”, “b” or “c”');
    expect(quotedList(['a', 'b', 'c', 'd', 'e'])).toBe('“a”, “b”, “c”, “d” or “e”');
    expect(quotedList(['a', 'b', 'c', 'd', 'e', 'f'])).toBe('“a”, “b”, “c”, “d” or 2 other forms');
  });
});

describe('why pages may not highlight a term', () => {
  it('says nothing for a term pages highlight wherever it appears', () => {
    expect(highlightNotesOf(t('funding-rate', 'Funding Rate'), defaults)).toEqual([]);
  });

  it('a hidden term says only that, whatever else applies', () => {
    expect(highlightNotesOf(basis, { ...defaults, hiddenTerms: ['basis'] })).toEqual([{ kind: 'hidden' }]);
  });

  it('a term whose every set is off says so; one set still on is enough to highlight it', () => {
    const twoSets = t('vega', 'Vega', { sets: ['options', 'volatility'] });
    expect(highlightNotesOf(twoSets, { ...defaults, disabledSets: ['options', 'volatility'] })).toEqual([{ kind: 'sets-off' }]);
    expect(highlightNotesOf(twoSets, { ...defaults, disabledSets: ['options'] })).toEqual([]);
  });

  it('an everyday word names the forms pages still highlight, the same forms the matcher finds', () => {
    expect(highlightNotesOf(basis, defaults)).toEqual([{ kind: 'everyday', anyway: ['futures basis'] }]);
    const matcher = compileMatcher([basis], { includeAmbiguous: false });
    expect(findTerms('the futures basis widened', matcher).map((m) => m.termId)).toEqual(['basis']);
    expect(findTerms('on a daily basis, bases loaded', matcher)).toEqual([]);
    // With everyday words on, nothing to explain.
    expect(highlightNotesOf(basis, { ...defaults, includeAmbiguous: true })).toEqual([]);
  });

  it('a term that waits for context says which forms wait and which light up anywhere', () => {
    expect(highlightNotesOf(doge, defaults)).toEqual([{ kind: 'context', waiting: 'all', anyway: [] }]);
    expect(highlightNotesOf(ecb, defaults)).toEqual([{ kind: 'context', waiting: ['ECB'], anyway: ['European Central Bank'] }]);
    const dow = t('dow-jones-industrial-average', 'Dow Jones Industrial Average', { aliases: ['Dow Jones', 'Dow'], abbreviations: ['DJIA'], needsContext: ['Dow'] });
    expect(highlightNotesOf(dow, defaults)).toEqual([{ kind: 'context', waiting: ['Dow'], anyway: ['Dow Jones Industrial Average', 'Dow Jones', 'DJIA'] }]);
  });

  it("a term that waits for any page about markets says that, and its name is matched even when it is an everyday word", () => {
    const volatility = t('volatility', 'Volatility', { aliases: ['market volatility'], needsContext: 'markets' });
    expect(highlightNotesOf(volatility, defaults)).toEqual([{ kind: 'markets' }]);
    expect(highlightNotesOf({ ...volatility, ambiguous: true }, defaults)).toEqual([{ kind: 'markets' }]);
    const matcher = compileMatcher([{ ...volatility, ambiguous: true }], { includeAmbiguous: false });
    expect(findTerms('Volatility rose.', matcher).map((m) => m.termId)).toEqual(['volatility']);
  });

  it('an everyday word that also waits for context: its name is matched too, and waits with the rest (one note)', () => {
    const pip = t('pip', 'Pip', { ambiguous: true, needsContext: true, aliases: ['forex pip'] });
    expect(highlightNotesOf(pip, defaults)).toEqual([{ kind: 'context', waiting: 'all', anyway: [] }]);
    const bare = t('lot', 'Lot', { ambiguous: true, needsContext: true });
    expect(highlightNotesOf(bare, defaults)).toEqual([{ kind: 'context', waiting: 'all', anyway: [] }]);
    // Without the context flag, the everyday name is left out everywhere.
    expect(highlightNotesOf(t('lot', 'Lot', { ambiguous: true }), defaults)).toEqual([{ kind: 'everyday', anyway: [] }]);
  });
});
