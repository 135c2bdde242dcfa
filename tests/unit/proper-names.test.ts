import { describe, expect, it } from 'vitest';
import { readBundledSources } from '../../data/tools/read-sources';
import properNamesFile from '../../data/proper-names.json' with { type: 'json' };
import { compileBundledGlossary } from '../../utils/glossary/compile-bundled';
import { compileMatcher, findTerms, PROPER_NAMES } from '../../utils/matcher';

/**
 * data/proper-names.json earns each entry: its example sentence, read with the
 * bundled glossary, lights up one or more of the terms it says it shadows (and no other) inside or running
 * into the name without the list, and nothing there with it.
 */
describe('the bundled proper names', () => {
  const glossary = compileBundledGlossary(readBundledSources());
  const withoutNames = compileMatcher(glossary.terms);
  const withNames = compileMatcher(glossary.terms, { properNames: PROPER_NAMES });

  it.each(properNamesFile.names)('$name keeps its words plain ("$example")', ({ name, example, shadows }) => {
    const at = example.toLowerCase().indexOf(name.toLowerCase());
    expect(at, 'the example holds the name').toBeGreaterThanOrEqual(0);
    const touchingName = (matcher: typeof withNames) =>
      findTerms(example, matcher)
        .filter((m) => m.start < at + name.length && m.end > at)
        .map((m) => m.termId);
    const falseHits = touchingName(withoutNames);
    expect(falseHits, 'a false hit the name is there to stop').not.toEqual([]);
    expect(falseHits.filter((id) => !shadows.includes(id)), 'hits of terms the entry does not name').toEqual([]);
    expect(touchingName(withNames)).toEqual([]);
  });

  it('names only terms that exist as the ones it shadows', () => {
    const ids = new Set(glossary.terms.map((term) => term.id));
    expect(properNamesFile.names.flatMap((entry) => entry.shadows.filter((id) => !ids.has(id)))).toEqual([]);
  });

  it('has each name once', () => {
    const keys = PROPER_NAMES.map((n) => n.toLowerCase());
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});
