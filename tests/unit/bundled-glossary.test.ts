/**
 * Quality checks on the glossary we ship (data/sets): what a reader of the
 * tooltips would notice if it went wrong.
 */
import { describe, expect, it } from 'vitest';
import { loadSpeller, misspelledWords } from '../../data/tools/spelling';
import { readBundledSources } from '../../data/tools/read-sources';
import { compileBundledGlossary } from '../../utils/glossary/compile-bundled';
import { SUMMARY_MAX } from '../../utils/glossary/schema';

const glossary = compileBundledGlossary(readBundledSources());
const byId = new Map(glossary.terms.map((t) => [t.id, t]));

describe('the bundled glossary', () => {
  it('has at least 600 terms in at least 10 sets, each set with at least 20', () => {
    expect(glossary.terms.length).toBeGreaterThanOrEqual(600);
    expect(glossary.sets.length).toBeGreaterThanOrEqual(10);
    for (const set of glossary.sets) {
      const count = glossary.terms.filter((t) => t.sets.includes(set.id)).length;
      expect(count, set.id).toBeGreaterThanOrEqual(20);
    }
  });

  it('holds the seed area "Market Panic Selling" with its five terms', () => {
    const set = glossary.sets.find((s) => s.id === 'market-panic-selling');
    expect(set?.title).toMatch(/Market Panic Selling/);
    for (const name of [
      'Market Panic Selling',
      'Volatility-Triggered Pauses',
      'Market Sentiment Contagion',
      'Diversification Failure',
      'Open Interest Collapse',
      'Liquidity Contagion Dynamics',
    ]) {
      const term = glossary.terms.find((t) => t.term === name);
      expect(term, name).toBeDefined();
      expect(term!.sets).toContain('market-panic-selling');
    }
  });

  it('leaves no term an island: each has a related term or a backlink', () => {
    const linked = new Set(glossary.terms.flatMap((t) => t.related));
    const islands = glossary.terms.filter((t) => t.related.length === 0 && !linked.has(t.id)).map((t) => t.id);
    expect(islands).toEqual([]);
  });

  it('gives every term a short summary and a body of one to three paragraphs', () => {
    for (const term of glossary.terms) {
      expect(term.summary.length, term.id).toBeLessThanOrEqual(SUMMARY_MAX);
      expect(term.summary.toLowerCase(), term.id).not.toBe(term.term.toLowerCase());
      const paragraphs = term.body.split(/\n\s*\n/).filter((p) => p.trim());
      expect(paragraphs.length, term.id).toBeGreaterThanOrEqual(1);
      expect(paragraphs.length, term.id).toBeLessThanOrEqual(3);
    }
  });

  it('relates only to terms that exist', () => {
    for (const term of glossary.terms) for (const id of term.related) expect(byId.has(id), `${term.id} → ${id}`).toBe(true);
  });

  it('has no misspelt words in summaries (en-US dictionary plus data/wordlist.txt)', () => {
    const isCorrect = loadSpeller();
    const problems = glossary.terms.flatMap((t) => misspelledWords(t.summary, isCorrect).map((w) => `${t.id}: ${w}`));
    expect(problems).toEqual([]);
  });

  it('the spell check itself catches a typo', () => {
    expect(misspelledWords('The fundng rate of a perp', loadSpeller())).toEqual(['fundng']);
  });

  it('has no markup in its text', () => {
    for (const term of glossary.terms) expect(`${term.summary} ${term.body}`, term.id).not.toMatch(/<[a-z/!]/i);
  });
});
