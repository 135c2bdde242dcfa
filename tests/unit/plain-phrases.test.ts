import { describe, expect, it } from 'vitest';
import { readBundledSources } from '../../data/tools/read-sources';
import plainPhrasesFile from '../../data/plain-phrases.json' with { type: 'json' };
import { compileBundledGlossary } from '../../utils/glossary/compile-bundled';
import { compileMatcher, findTerms } from '../../utils/matcher';
import { PHRASE_MEANINGS, PLAIN_PHRASES } from '../../utils/matcher/plain-phrases';

/**
 * data/plain-phrases.json earns each entry: its example sentence, read with
 * the bundled glossary, lights up one or more of the terms it says it
 * shadows (and no other) inside or running into the phrase without the
 * list, and nothing there with it. An entry that `means` an abbreviation
 * (a name such as "Department of Government Efficiency") or a capitalised
 * name ("Bullish group": Bullish) shows in its example that word, as
 * written, lit as a glossary term without the list, and named as something
 * else with it.
 */
describe('the bundled plain phrases', () => {
  const glossary = compileBundledGlossary(readBundledSources());
  const withoutPhrases = compileMatcher(glossary.terms);
  const withPhrases = compileMatcher(glossary.terms, { plainPhrases: PLAIN_PHRASES, phraseMeanings: PHRASE_MEANINGS });

  it.each(plainPhrasesFile.phrases)('$phrase keeps its words plain ("$example")', (entry) => {
    const { phrase, example } = entry;
    const shadows: readonly string[] = entry.shadows;
    const means = 'means' in entry ? entry.means : undefined;
    const at = example.toLowerCase().indexOf(phrase.toLowerCase());
    expect(at, 'the example holds the phrase').toBeGreaterThanOrEqual(0);
    const touchingPhrase = (matcher: typeof withPhrases) =>
      findTerms(example, matcher)
        .filter((m) => m.start < at + phrase.length && m.end > at)
        .map((m) => m.termId);
    const falseHits = touchingPhrase(withoutPhrases);
    if (means === undefined) expect(falseHits, 'a false hit the phrase is there to stop').not.toEqual([]);
    expect(falseHits.filter((id) => !shadows.includes(id)), 'hits of terms the entry does not name').toEqual([]);
    expect(touchingPhrase(withPhrases)).toEqual([]);
    if (means === undefined) return;
    const meantHits = findTerms(example, withoutPhrases).filter((m) => example.slice(m.start, m.end) === means);
    expect(meantHits, 'the abbreviation or name it means, as written, is a glossary hit in the example').not.toEqual([]);
    const named: string[] = [];
    findTerms(example, withPhrases, named);
    expect(named).toEqual([means]);
  });

  it('reads a named phrase in the plural or possessive as the same name', () => {
    const named = (text: string) => {
      const out: string[] = [];
      findTerms(text, withPhrases, out);
      return out;
    };
    expect(named('Both Paycheck Protection Programs ended in 2021.')).toEqual(['PPP']);
    expect(named("The Anti-Defamation League's report came out.")).toEqual(['ADL']);
    expect(named('Syrian Democratic Forces’ fighters moved east.')).toEqual(['SDF']);
  });

  it('names only terms that exist as the ones it shadows', () => {
    const ids = new Set(glossary.terms.map((term) => term.id));
    expect(plainPhrasesFile.phrases.flatMap((entry) => entry.shadows.filter((id) => !ids.has(id)))).toEqual([]);
  });

  it('has each phrase once', () => {
    const keys = PLAIN_PHRASES.map((phrase) => phrase.toLowerCase());
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });
});
