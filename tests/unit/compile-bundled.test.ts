import { describe, expect, it } from 'vitest';
import { compileBundledGlossary, GlossaryBuildError } from '../../utils/glossary/compile-bundled';

const term = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  term: id.replace(/-/g, ' '),
  summary: `A test definition of ${id} that says something useful.`,
  body: 'A paragraph.',
  related: [],
  ...extra,
});

const file = (name: string, terms: unknown[], id = 'test-set') => ({
  name,
  text: JSON.stringify({ id, title: 'Test Set', description: 'For tests.', terms }),
});

function problemsOf(files: { name: string; text: string }[]): string[] {
  try {
    compileBundledGlossary(files);
  } catch (error) {
    expect(error).toBeInstanceOf(GlossaryBuildError);
    return (error as GlossaryBuildError).problems;
  }
  throw new Error('expected the build to fail');
}

describe('compiling the bundled glossary', () => {
  it('puts each term in its file set and in its alsoIn sets', () => {
    const glossary = compileBundledGlossary([
      file('a.json', [term('basis', { related: ['contango'], alsoIn: ['b-set'] })], 'a-set'),
      file('b.json', [term('contango', { related: ['basis'] })], 'b-set'),
    ]);
    expect(glossary.sets.map((s) => [s.id, s.origin])).toEqual([
      ['a-set', 'bundled'],
      ['b-set', 'bundled'],
    ]);
    expect(glossary.terms.find((t) => t.id === 'basis')?.sets).toEqual(['a-set', 'b-set']);
  });

  it('names the file, the term and the field of a malformed term', () => {
    const problems = problemsOf([file('data/sets/bad.json', [term('funding-rate', { summary: 'x'.repeat(241) })])]);
    expect(problems).toEqual([
      'data/sets/bad.json: term "funding-rate", field "summary": must be at most 240 characters',
    ]);
  });

  it('reports a file that is not JSON', () => {
    expect(problemsOf([{ name: 'data/sets/broken.json', text: '{ "id": ' }])[0]).toMatch(
      /^data\/sets\/broken\.json: not valid JSON/,
    );
  });

  it('fails on duplicate ids across files', () => {
    const problems = problemsOf([
      file('a.json', [term('delta')], 'a-set'),
      file('b.json', [term('delta', { term: 'Delta Two' })], 'b-set'),
    ]);
    expect(problems.join('\n')).toContain('duplicate term id "delta"');
  });

  it('fails on a surface form claimed by two terms, ignoring case and hyphens', () => {
    const problems = problemsOf([
      file('a.json', [term('short-squeeze', { term: 'Short Squeeze' }), term('squeeze', { aliases: ['short-squeeze'] })]),
    ]);
    expect(problems.join('\n')).toContain('"short-squeeze" of "squeeze" is already a surface form of "short-squeeze"');
  });

  it('fails on related ids that point nowhere', () => {
    const problems = problemsOf([file('a.json', [term('gamma', { related: ['vanna'] })])]);
    expect(problems).toEqual(['a.json: term "gamma", field "related[0]": "gamma" is related to unknown term "vanna"']);
  });

  it('fails on a form listed as waiting for context that is none of the term\'s aliases and abbreviations', () => {
    const problems = problemsOf([file('a.json', [term('dow-jones', { aliases: ['Dow'], needsContext: ['Dow', 'Dow Inc'] })])]);
    expect(problems).toEqual(['a.json: term "dow-jones", field "needsContext[1]": "dow-jones" lists "Dow Inc" as waiting for context, but it is none of its aliases or abbreviations']);
  });

  it('fails on a summary that only repeats the name', () => {
    const problems = problemsOf([file('a.json', [term('theta', { term: 'Theta', summary: 'Theta.' })])]);
    expect(problems.join('\n')).toContain('summary of "theta" only repeats its name');
  });
});
