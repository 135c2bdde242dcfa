import { describe, expect, it } from 'vitest';
import { readBundledSources } from '../../data/tools/read-sources';
import { compileBundledGlossary } from '../../utils/glossary/compile-bundled';
import type { Term } from '../../utils/glossary/schema';
import { ContextGate, contextRules } from '../../utils/highlighter/context-gate';
import { makeTerm } from '../support/make-term';

const t = (id: string, sets: string[], needsContext?: boolean): Term => makeTerm({ id, sets, ...(needsContext ? { needsContext } : {}) });

const terms = [
  t('dogecoin', ['crypto'], true),
  t('bitcoin', ['crypto']),
  t('stablecoin', ['crypto']),
  t('ether', ['crypto', 'defi']),
  t('rsi', ['ta'], true),
  t('ema', ['ta'], true),
  t('moving-average', ['ta']),
  t('gdp', ['macro']),
];

describe('terms that need context', () => {
  it('wait until two other terms of their set are on the page', () => {
    const gate = new ContextGate(contextRules(terms));
    expect(gate.allows('dogecoin')).toBe(false);
    gate.saw('bitcoin');
    gate.saw('bitcoin'); // the same term twice is still one
    gate.saw('gdp'); // another field says nothing
    expect(gate.allows('dogecoin')).toBe(false);
    gate.saw('ether');
    expect(gate.allows('dogecoin')).toBe(true);
    // Terms that need no context are always allowed.
    expect(gate.allows('bitcoin')).toBe(true);
    expect(gate.allows('gdp')).toBe(true);
  });

  it('do not vouch for each other', () => {
    const gate = new ContextGate(contextRules(terms));
    gate.saw('rsi');
    gate.saw('ema');
    gate.saw('moving-average');
    expect(gate.allows('rsi')).toBe(false);
  });

  it('need no rules when no term needs context, and no term waits', () => {
    expect(contextRules(terms.map((x) => ({ ...x, needsContext: undefined })))).toBeUndefined();
    expect(new ContextGate(undefined).allows('dogecoin')).toBe(true);
  });

  it('in the bundled glossary: tickers and acronyms other fields use, each in a set that can vouch for it', () => {
    const rules = contextRules(compileBundledGlossary(readBundledSources()).terms)!;
    expect(Object.keys(rules.needs)).toEqual(expect.arrayContaining(['dogecoin', 'relative-strength-index', 'exponential-moving-average', 'auto-deleveraging']));
    for (const [termId, sets] of Object.entries(rules.needs)) {
      const vouchers = Object.entries(rules.confirms).filter(([, s]) => s.some((x) => sets.includes(x)));
      expect(vouchers.length, termId).toBeGreaterThanOrEqual(10);
    }
  });
});
