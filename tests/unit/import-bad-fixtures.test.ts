/**
 * One test per bad fixture in tests/fixtures/import/, each naming the message
 * the user sees in the import preview. Whole-file errors stop the import;
 * row errors leave the other rows readable and point at the bad one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGlossaryDocument } from '../../utils/import/parse';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');
const parse = (name: string) =>
  parseGlossaryDocument(readFileSync(join(FIXTURES, name), 'utf8'), { name, origin: 'imported' });

describe('a file Termlight cannot read at all says why', () => {
  it('bad-json-syntax.json: JSON with a missing comma names the line and column', () => {
    const { error, terms } = parse('bad-json-syntax.json');
    expect(error).toMatch(/^This looks like JSON but cannot be read at line 6, column \d+: .+Check for a missing comma, quote or bracket there\.$/);
    expect(terms).toEqual([]);
  });

  it('bad-version.json: a newer Termlight format version', () => {
    expect(parse('bad-version.json').error).toBe('This Termlight glossary is version 2; this version of Termlight reads version 1.');
  });

  it('bad-no-header.csv: CSV without a header row', () => {
    expect(parse('bad-no-header.csv').error).toMatch(
      /^This looks like CSV, but its first line is not a header naming a "term" and a "definition" column .*Add a header row such as: term,definition,aliases,set$/,
    );
  });

  it('bad-jsonld-no-glossary.html: JSON-LD that holds no glossary', () => {
    const result = parse('bad-jsonld-no-glossary.html');
    expect(result.error).toMatch(/^This page has JSON-LD, but no glossary in it/);
    expect(result.notes).toEqual(['Left out JSON-LD that is not a glossary: BreadcrumbList, Organization.']);
  });

  it('bad-html-no-jsonld.html: a web page without JSON-LD', () => {
    expect(parse('bad-html-no-jsonld.html').error).toMatch(/^This page carries no glossary Termlight can read: it has no schema\.org JSON-LD/);
  });

  it('bad-unknown-format.txt: text in no format Termlight knows', () => {
    expect(parse('bad-unknown-format.txt').error).toBe(
      'Termlight cannot tell what kind of file this is. It reads Termlight JSON, CSV with a header row (term,definition,aliases,set), and pages with schema.org JSON-LD glossaries.',
    );
  });
});

describe('a bad row or item is reported where it is, and the others still load', () => {
  it('bad-term-summary.json: an empty summary names terms[1].summary', () => {
    const result = parse('bad-term-summary.json');
    expect(result.problems).toEqual([{ where: 'terms[1].summary', message: 'must not be empty', term: 'Desk Fade' }]);
    expect(result.terms.map((t) => t.id)).toEqual(['widget-spread']);
  });

  it('bad-unknown-set.json: a term in a set the file does not describe', () => {
    expect(parse('bad-unknown-set.json').problems).toEqual([
      { where: 'terms[0].sets[0]', message: 'set "nowhere" is not in this file\'s "sets"', term: 'Widget Spread' },
    ]);
  });

  it('bad-missing-definition.csv: an empty definition names its spreadsheet row', () => {
    const result = parse('bad-missing-definition.csv');
    expect(result.problems).toEqual([{ where: 'row 3', message: 'definition must not be empty', term: 'Desk Fade' }]);
    expect(result.terms.map((t) => t.term)).toEqual(['Widget Spread', 'Desk Chase']);
  });

  it('bad-unclosed-quote.csv: a quote that is never closed', () => {
    expect(parse('bad-unclosed-quote.csv').problems).toEqual([
      {
        where: 'row 3',
        message: 'a quoted cell is never closed, so the rest of the file ran into it; add the missing "',
        term: 'Desk Fade',
      },
    ]);
  });

  it('bad-extra-cells.csv: more cells than columns (an unquoted comma)', () => {
    expect(parse('bad-extra-cells.csv').problems).toEqual([
      {
        where: 'row 3',
        message: 'this row has 4 cells but the header names 3 columns; is a comma inside a cell missing its quotes?',
        term: 'Desk Fade',
      },
    ]);
  });

  it('bad-duplicate-term.csv: the same term twice points at the first', () => {
    expect(parse('bad-duplicate-term.csv').problems).toEqual([
      { where: 'row 4', message: '"widget spread" is in this file twice (also at row 2); keep one of them', term: 'widget spread' },
    ]);
  });

  it('bad-duplicate-alias.csv: one alias claimed by two terms', () => {
    expect(parse('bad-duplicate-alias.csv').problems).toEqual([
      {
        where: 'row 3',
        message: '"fade gap" is already a name of "Widget Spread" (row 2); a word can belong to one term only',
        term: 'Desk Fade',
      },
    ]);
  });

  it('bad-long-name.csv: a term name over 80 characters', () => {
    const [problem] = parse('bad-long-name.csv').problems;
    expect(problem).toMatchObject({ where: 'row 3', message: 'term must be at most 80 characters' });
  });

  it('bad-ambiguous-flag.csv: a yes/no column with another word in it', () => {
    expect(parse('bad-ambiguous-flag.csv').problems).toEqual([
      { where: 'row 2', message: 'ambiguous must be yes or no, not "maybe"', term: 'Widget Spread' },
    ]);
  });

  it('bad-jsonld-broken-block.html: one unreadable JSON-LD block among good ones', () => {
    const result = parse('bad-jsonld-broken-block.html');
    expect(result.problems).toEqual([
      {
        where: 'JSON-LD block 2',
        message: expect.stringMatching(/^is not valid JSON \(line 1, column \d+\): .+; its terms, if any, cannot be read$/),
      },
    ]);
    expect(result.terms.map((t) => t.term)).toEqual(['Widget Spread']);
  });

  it('bad-jsonld-missing-description.jsonld: a DefinedTerm without a description', () => {
    expect(parse('bad-jsonld-missing-description.jsonld').problems).toEqual([
      { where: 'hasDefinedTerm[1].description', message: 'must not be empty', term: 'Desk Fade' },
    ]);
  });
});
