import { describe, expect, it } from 'vitest';
import { readBundledSources } from '../../data/tools/read-sources';
import { compileBundledGlossary } from '../../utils/glossary/compile-bundled';
import type { Term } from '../../utils/glossary/schema';
import { SET_FIELDS } from '../../utils/glossary/set-fields';
import { ContextGate, contextRules, FIELD_CONFIRMING_TERMS } from '../../utils/highlighter/context-gate';
import { makeTerm } from '../support/make-term';

const t = (id: string, sets: string[], needsContext?: Term['needsContext']): Term => makeTerm({ id, sets, ...(needsContext ? { needsContext } : {}) });

const terms = [
  t('slippage', ['crypto'], true),
  t('dogecoin', ['crypto'], 'abbreviations'),
  t('bitcoin', ['crypto']),
  t('stablecoin', ['crypto']),
  t('ether', ['crypto', 'defi']),
  t('rsi', ['ta'], true),
  t('ema', ['ta'], true),
  t('moving-average', ['ta']),
  t('gdp', ['macro']),
];

/** A hit by a name or alias. */
const named = (termId: string) => ({ termId, abbreviation: false });
/** A hit by an abbreviation. */
const abbreviated = (termId: string) => ({ termId, abbreviation: true });

describe('terms that need context', () => {
  it('wait until two other terms of their set are on the page', () => {
    const gate = new ContextGate(contextRules(terms));
    expect(gate.allows(named('slippage'))).toBe(false);
    gate.saw(named('bitcoin'));
    gate.saw(named('bitcoin')); // the same term twice is still one
    gate.saw(named('gdp')); // another field says nothing
    expect(gate.allows(named('slippage'))).toBe(false);
    gate.saw(abbreviated('ether'));
    expect(gate.allows(named('slippage'))).toBe(true);
    // Terms that need no context are always allowed.
    expect(gate.allows(named('bitcoin'))).toBe(true);
    expect(gate.allows(abbreviated('gdp'))).toBe(true);
  });

  it('do not vouch for each other', () => {
    const gate = new ContextGate(contextRules(terms));
    gate.saw(named('rsi'));
    gate.saw(abbreviated('ema'));
    gate.saw(named('moving-average'));
    expect(gate.allows(abbreviated('rsi'))).toBe(false);
  });

  it('in doubt by name, vouch for each other beside a term not in doubt', () => {
    const staking = [t('validator', ['pos'], true), t('slashing', ['pos'], true), t('unbonding', ['pos'], true), t('proof-of-stake', ['pos']), t('shard', ['pos'], true)];
    const gate = new ContextGate(contextRules(staking));
    // A Kubernetes page: validators, slashing and unbonding, nothing else of the set.
    for (const id of ['validator', 'slashing', 'unbonding']) gate.saw(named(id));
    expect(gate.allows(named('validator'))).toBe(false);
    // A staking page names proof of stake too: each now has one other term not in doubt and one more in doubt.
    gate.saw(named('proof-of-stake'));
    for (const id of ['validator', 'slashing', 'unbonding', 'shard']) expect(gate.allows(named(id)), id).toBe(true);
  });

  it('in doubt by an abbreviation, vouch for nothing even beside a term not in doubt', () => {
    const gate = new ContextGate(contextRules(terms));
    gate.saw(named('moving-average'));
    gate.saw(abbreviated('ema'));
    expect(gate.allows(named('rsi'))).toBe(false);
    gate.saw(named('ema'));
    expect(gate.allows(named('rsi'))).toBe(true);
  });

  it('flagged for their abbreviations only: the spelled-out name is highlighted anywhere and vouches for others, the abbreviation waits', () => {
    const gate = new ContextGate(contextRules(terms));
    expect(gate.allows(named('dogecoin'))).toBe(true);
    expect(gate.allows(abbreviated('dogecoin'))).toBe(false);
    // "Dogecoin" and "bitcoin" on the page: enough for Slippage, but DOGE's own name does not count for DOGE.
    gate.saw(named('dogecoin'));
    gate.saw(named('bitcoin'));
    expect(gate.allows(named('slippage'))).toBe(true);
    expect(gate.allows(abbreviated('dogecoin'))).toBe(false);
    expect(gate.hasContextFor('dogecoin')).toBe(false);
    gate.saw(named('stablecoin'));
    expect(gate.allows(abbreviated('dogecoin'))).toBe(true);
  });

  it('flagged with a list of forms: only hits of those forms wait, the term\'s other names light up and vouch', () => {
    const listed = [...terms, t('dow', ['ta'], ['Dow'])];
    const gate = new ContextGate(contextRules(listed));
    expect(gate.allows({ termId: 'dow', abbreviation: false, listed: true })).toBe(false);
    expect(gate.allows(named('dow'))).toBe(true);
    gate.saw(named('moving-average'));
    gate.saw({ termId: 'dow', abbreviation: false, listed: true }); // in doubt: says nothing
    expect(gate.allows(named('rsi'))).toBe(false);
    gate.saw(named('dow'));
    expect(gate.allows(named('rsi'))).toBe(true);
  });

  it("counts a term named by a form not in doubt as one of the two its listed forms wait for (\"10-year gilt\" before \"gilts\")", () => {
    const listed = [...terms, t('gilt', ['bonds'], ['gilt']), t('duration', ['bonds']), t('coupon', ['bonds'])];
    const bare = { termId: 'gilt', abbreviation: false, listed: true };
    const afterItsName = new ContextGate(contextRules(listed));
    afterItsName.saw(bare); // in doubt: says nothing, even for itself
    afterItsName.saw(named('gilt'));
    expect(afterItsName.allows(bare)).toBe(false); // its own name alone is not enough: "Dow Jones" and a council member Dow
    afterItsName.saw(named('duration'));
    expect(afterItsName.allows(bare)).toBe(true);
    // Without its own name, one other term is not enough.
    const withoutItsName = new ContextGate(contextRules(listed));
    withoutItsName.saw(named('duration'));
    expect(withoutItsName.allows(bare)).toBe(false);
    withoutItsName.saw(named('coupon'));
    expect(withoutItsName.allows(bare)).toBe(true);
  });

  it('an abbreviation in doubt vouches for nothing', () => {
    const gate = new ContextGate(contextRules(terms));
    gate.saw(abbreviated('dogecoin'));
    gate.saw(named('bitcoin'));
    expect(gate.allows(named('slippage'))).toBe(false);
  });

  it("flagged 'markets': wait for two other terms of any set, a page about markets, and vouch for none until then", () => {
    const withVolatility = [...terms, t('volatility', ['vol'], 'markets'), t('vix', ['vol'], true), t('skew', ['vol'])];
    const gate = new ContextGate(contextRules(withVolatility));
    // A chemistry page: "volatility" alone, or beside terms that are themselves in doubt.
    expect(gate.allows(named('volatility'))).toBe(false);
    gate.saw(named('volatility'));
    gate.saw(named('rsi'));
    expect(gate.allows(named('volatility'))).toBe(false);
    // A market report: two terms of sets that are not its own.
    gate.saw(named('gdp'));
    expect(gate.allows(named('volatility'))).toBe(false);
    gate.saw(named('bitcoin'));
    expect(gate.allows(named('volatility'))).toBe(true);
    expect(gate.allows(abbreviated('volatility'))).toBe(true);
    // Its own hits never count towards another term's set...
    expect(gate.allows(named('slippage'))).toBe(false);
    // ...but on a page about markets it counts for its own, seen before or after: with the skew, two for VIX.
    expect(gate.allows(named('vix'))).toBe(false);
    gate.saw(named('skew'));
    expect(gate.allows(named('vix'))).toBe(true);
    // The only flag in a glossary still makes rules.
    expect(contextRules([t('volatility', ['vol'], 'markets'), t('gdp', ['macro'])])?.marketsOnly).toEqual(['volatility']);
  });

  it('need no rules when no term needs context, and no term waits', () => {
    expect(contextRules(terms.map((x) => ({ ...x, needsContext: undefined })))).toBeUndefined();
    expect(new ContextGate(undefined).allows(abbreviated('dogecoin'))).toBe(true);
  });

  it('in the bundled glossary: tickers and acronyms other fields use, each in a set that can vouch for it', () => {
    const rules = contextRules(compileBundledGlossary(readBundledSources()).terms)!;
    expect(Object.keys(rules.needs)).toEqual(expect.arrayContaining(['dogecoin', 'relative-strength-index', 'exponential-moving-average', 'auto-deleveraging', 'slippage']));
    // Spelled out, these are unmistakable: only their tickers and acronyms wait.
    expect(rules.abbreviationsOnly).toEqual(expect.arrayContaining(['dogecoin', 'relative-strength-index', 'european-central-bank']));
    expect(rules.abbreviationsOnly).not.toContain('slippage');
    // A chemistry word too: any two other terms on the page vouch for it.
    expect(rules.marketsOnly).toContain('volatility');
    for (const [termId, sets] of Object.entries(rules.needs)) {
      const vouchers = Object.entries(rules.confirms).filter(([id, s]) => id !== termId && s.some((x) => sets.includes(x)));
      expect(vouchers.length, termId).toBeGreaterThanOrEqual(10);
    }
  });
});

describe('fields: sets a page is often about together', () => {
  const fieldTerms = [
    t('funding-fee', ['perps'], true),
    t('funding-rate', ['perps']),
    t('bitcoin', ['coins']),
    t('tether', ['coins']),
    t('margin', ['margin']),
    t('liquidation', ['margin']),
    t('earnings', ['stocks']),
    t('dividend', ['stocks']),
    t('revenue', ['stocks']),
    t('buyback', ['stocks']),
  ];
  const fields = [['perps', 'coins', 'margin']];

  it('vouch for a term with more of their terms when its own set shows too few', () => {
    const gate = new ContextGate(contextRules(fieldTerms, fields));
    // A fee schedule: one funding term, coins and margin.
    for (const id of ['funding-rate', 'bitcoin', 'tether']) gate.saw(named(id));
    expect(gate.allows(named('funding-fee'))).toBe(false);
    gate.saw(named('margin'));
    expect(gate.allows(named('funding-fee'))).toBe(true);
  });

  it('do not vouch for a form a term lists as waiting: only its own sets do', () => {
    const listed = [...fieldTerms, t('opex', ['perps'], ['OpEx'])];
    const gate = new ContextGate(contextRules(listed, fields));
    for (const id of ['bitcoin', 'tether', 'margin', 'liquidation']) gate.saw(named(id));
    expect(gate.allows({ termId: 'opex', abbreviation: true, listed: true })).toBe(false);
    gate.saw(named('funding-rate'));
    gate.saw(named('funding-fee')); // in doubt itself: says nothing
    expect(gate.allows({ termId: 'opex', abbreviation: true, listed: true })).toBe(false);
  });

  it('outside the field, any number of terms says nothing', () => {
    const gate = new ContextGate(contextRules(fieldTerms, fields));
    for (const id of ['earnings', 'dividend', 'revenue', 'buyback', 'bitcoin']) gate.saw(named(id));
    expect(gate.allows(named('funding-fee'))).toBe(false);
    // Without fields, the field's terms count only by their own sets.
    const unfielded = new ContextGate(contextRules(fieldTerms));
    for (const id of ['funding-rate', 'bitcoin', 'tether', 'margin', 'liquidation']) unfielded.saw(named(id));
    expect(unfielded.allows(named('funding-fee'))).toBe(false);
  });

  it('in the bundled glossary: every field names bundled sets, and a crypto page lights up its one funding term', () => {
    const glossary = compileBundledGlossary(readBundledSources());
    const setIds = new Set(glossary.sets.map((s) => s.id));
    for (const field of SET_FIELDS) {
      expect(field.length).toBeGreaterThan(1);
      for (const set of field) expect(setIds.has(set), set).toBe(true);
    }
    const gate = new ContextGate(contextRules(glossary.terms, SET_FIELDS));
    // Coins and DeFi, no other funding term: the crypto field.
    const seen = ['bitcoin', 'tether', 'stablecoin', 'total-value-locked'];
    for (const id of seen.slice(0, FIELD_CONFIRMING_TERMS - 1)) gate.saw(named(id));
    expect(gate.allows(named('funding-payment'))).toBe(false);
    gate.saw(named(seen[FIELD_CONFIRMING_TERMS - 1]));
    expect(gate.allows(named('funding-payment'))).toBe(true);
    expect(new ContextGate(contextRules(glossary.terms)).allows(named('funding-payment'))).toBe(false);
  });
});
