import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { slugify, termIdFor, namespacedSetId } from '../../utils/import/ids';
import { MAX_IMPORT_BYTES, MAX_IMPORT_TERMS } from '../../utils/import/limits';
import { parseGlossaryDocument } from '../../utils/import/parse';
import { cleanDescription, cleanTitle, splitDefinition } from '../../utils/import/text';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'import');
const SEED = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds', '000_8c12f5b1f8516662.txt');
const JSONLD_PAGE = join(import.meta.dirname, '..', 'e2e', 'pages', 'jsonld-market-panic-selling.html');

const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const parse = (name: string) => parseGlossaryDocument(fixture(name), { name, origin: 'imported' });

const FIVE = [
  'volatility-triggered-pauses',
  'market-sentiment-contagion',
  'diversification-failure',
  'open-interest-collapse',
  'liquidity-contagion-dynamics',
];

describe('ids for imported sets and terms', () => {
  it('slugifies names the way the bundled glossary names ids', () => {
    expect(slugify('S&P 500')).toBe('s-and-p-500');
    expect(slugify('Limit Up-Limit Down')).toBe('limit-up-limit-down');
    expect(slugify("Market Maker's Edge")).toBe('market-makers-edge');
    expect(slugify('Café Crème')).toBe('cafe-creme');
    expect(termIdFor('日本株')).toMatch(/^term-[0-9a-f]{8}$/);
  });

  it('puts imported sets in their own namespace, and keeps an exported imported id', () => {
    expect(namespacedSetId('market-panic-selling', 'imported')).toBe('imported-market-panic-selling');
    expect(namespacedSetId('Market Panic Selling', 'imported')).toBe('imported-market-panic-selling');
    expect(namespacedSetId('imported-market-panic-selling', 'imported')).toBe('imported-market-panic-selling');
    expect(namespacedSetId('x'.repeat(200), 'imported').length).toBeLessThanOrEqual(80);
  });
});

describe('text clean-up', () => {
  it('strips site names from page titles and labels from descriptions', () => {
    expect(cleanTitle('Market Panic Selling ⎊ Area ⎊ Greeks.live')).toBe('Market Panic Selling');
    expect(cleanDescription('Action ⎊ Market panic selling is fast.')).toBe('Market panic selling is fast.');
    expect(cleanDescription('Automated halts in trading. ⎊ Definition')).toBe('Automated halts in trading.');
  });

  it('splits a long definition into a summary of whole sentences and keeps all of it as the body', () => {
    const long = `${'A sentence of about forty characters. '.repeat(8)}Last one.`;
    const { summary, body } = splitDefinition(long);
    expect(summary.length).toBeLessThanOrEqual(240);
    expect(summary.endsWith('.')).toBe(true);
    expect(body).toBe(long.trim());
    expect(splitDefinition('Short.')).toEqual({ summary: 'Short.', body: '' });
  });
});

describe('parsing Termlight JSON', () => {
  it('reads a compiled glossary: ids slugified, sets renamed into the imported namespace, memberships kept', () => {
    const result = parse('good-termlight.json');
    expect(result.error).toBeNull();
    expect(result.format).toBe('termlight-json');
    expect(result.problems).toEqual([]);
    expect(result.sets.map((s) => [s.id, s.origin, s.source])).toEqual([
      ['imported-desk-notes', 'imported', 'good-termlight.json'],
      ['imported-crypto-slang', 'imported', 'slang.csv'],
    ]);
    const spread = result.terms.find((t) => t.id === 'widget-spread')!;
    expect(spread.sets).toEqual(['imported-desk-notes', 'imported-crypto-slang']);
    expect(spread.abbreviations).toEqual(['WS']);
    expect(spread.body).toBe('A longer note.\n\nWith two paragraphs.');
    // A term without an id gets one from its name.
    expect(result.terms.map((t) => t.id)).toContain('zero-day-widget');
    expect(result.terms.find((t) => t.id === 'gm')!.ambiguous).toBe(false);
  });

  it('reads a bare set file and says which other-set memberships it left out', () => {
    const result = parse('good-set-file.json');
    expect(result.format).toBe('termlight-set');
    expect(result.sets).toEqual([
      expect.objectContaining({ id: 'imported-team-words', title: 'Team Words', origin: 'imported' }),
    ]);
    expect(result.terms.map((t) => [t.id, t.sets, t.related])).toEqual([
      ['desk-fade', ['imported-team-words'], ['desk-chase']],
      ['desk-chase', ['imported-team-words'], ['desk-fade']],
    ]);
    expect(result.notes.join(' ')).toContain('volatility');
  });
});

describe('parsing CSV', () => {
  it('handles a BOM, quoted commas, quotes and line breaks, accents, alias lists and sets', () => {
    const result = parse('good-basic.csv');
    expect(result.error).toBeNull();
    expect(result.problems).toEqual([]);
    const byId = new Map(result.terms.map((t) => [t.id, t]));
    expect(byId.get('widget-spread')!.aliases).toEqual(['widget gap', 'widget-gap2', 'wgap']);
    expect(byId.get('quoted-name')!.summary).toBe('A definition with "quotes" and\na line break.');
    expect(byId.get('cafe-creme-rate')!.term).toBe('Café Crème Rate');
    // A row without a set goes to a set named after the file.
    expect(byId.get('cafe-creme-rate')!.sets).toEqual(['imported-good-basic']);
    expect(result.sets.map((s) => s.title).sort()).toEqual(['Desk Notes', 'good-basic']);
  });

  it('detects a semicolon-separated file with capitalised headers', () => {
    const result = parse('good-semicolon.csv');
    expect(result.problems).toEqual([]);
    expect(result.terms.map((t) => [t.term, t.aliases])).toEqual([
      ['Widget Spread', ['widget gap', 'wgap']],
      ['Desk Fade', []],
    ]);
  });

  it('says which columns it does not read', () => {
    const result = parseGlossaryDocument('term,definition,colour\nWidget Spread,A gap.,red\n', { name: 'x.csv', origin: 'imported' });
    expect(result.terms).toHaveLength(1);
    expect(result.notes).toEqual(['Column "colour" is not one Termlight reads; it was left out.']);
  });

  it('keeps a long definition whole: a summary that fits the tooltip and the rest as the body', () => {
    const long = 'First sentence of the definition. '.repeat(12).trim();
    const result = parseGlossaryDocument(`term,definition\nWidget Spread,"${long}"\n`, { name: 'x.csv', origin: 'imported' });
    expect(result.problems).toEqual([]);
    expect(result.terms[0].summary.length).toBeLessThanOrEqual(240);
    expect(result.terms[0].body).toBe(long);
  });

  it('reads the needs-context flag, and names the row whose flag is neither yes, no, abbreviations nor markets', () => {
    const good = parseGlossaryDocument('term,definition,needs context\nDOGE Widget,A coin.,yes\nPlain Widget,A tool.,\nWidget Coin,A coin.,Abbreviations\nChurn,Turnover.,markets\n', {
      name: 'x.csv',
      origin: 'imported',
    });
    expect(good.problems).toEqual([]);
    expect(good.terms.map((t) => [t.term, t.needsContext])).toEqual([
      ['DOGE Widget', true],
      ['Plain Widget', undefined],
      ['Widget Coin', 'abbreviations'],
      ['Churn', 'markets'],
    ]);
    const bad = parseGlossaryDocument('term,definition,needs_context\nDOGE Widget,A coin.,often\n', { name: 'x.csv', origin: 'imported' });
    expect(bad.terms).toEqual([]);
    expect(bad.problems).toEqual([
      { where: 'row 2', term: 'DOGE Widget', message: 'needs_context must be yes, no, abbreviations or markets, or some of the term\'s aliases and abbreviations, not "often"' },
    ]);
  });

  it('reads a needs-context cell that lists some of the row\'s own forms: only those wait', () => {
    const text = 'term,definition,aliases,abbreviations,needs_context\nWidget Index,An index.,Widget; the Widget 30,WDX,Widget; WDX\nGadget Index,An index.,Gadget,,Gizmo\n';
    const result = parseGlossaryDocument(text, { name: 'x.csv', origin: 'imported' });
    expect(result.terms.map((t) => [t.term, t.needsContext])).toEqual([['Widget Index', ['Widget', 'WDX']]]);
    // "Gizmo" is none of the row's forms: the row is refused, and says why.
    expect(result.problems).toEqual([
      { where: 'row 3', term: 'Gadget Index', message: 'needs_context must be yes, no, abbreviations or markets, or some of the term\'s aliases and abbreviations, not "Gizmo"' },
    ]);
  });

  it('refuses, in JSON too, a term whose needsContext lists a form it does not have, and says which', () => {
    const doc = {
      format: 'termlight-glossary',
      version: 1,
      sets: [{ id: 'desk', title: 'Desk', description: '', origin: 'imported' }],
      terms: [
        { id: 'widget-index', term: 'Widget Index', aliases: ['Widget'], summary: 'An index.', sets: ['desk'], needsContext: ['Widget'] },
        { id: 'gadget-index', term: 'Gadget Index', aliases: ['Gadget'], summary: 'An index.', sets: ['desk'], needsContext: ['Gizmo'] },
      ],
    };
    const result = parseGlossaryDocument(JSON.stringify(doc), { name: 'desk.json', origin: 'imported' });
    expect(result.terms.map((t) => [t.term, t.needsContext])).toEqual([['Widget Index', ['Widget']]]);
    expect(result.problems).toEqual([
      { where: 'terms[1].needsContext', term: 'Gadget Index', message: 'lists “Gizmo” as waiting for context, but it is none of the term\'s aliases or abbreviations' },
    ]);
  });

  it('merges a term listed once per set into one term in both sets', () => {
    const text = 'term,definition,set\nWidget Spread,A gap.,One\nWidget Spread,A gap.,Two\n';
    const result = parseGlossaryDocument(text, { name: 'x.csv', origin: 'imported' });
    expect(result.problems).toEqual([]);
    expect(result.terms).toHaveLength(1);
    expect(result.terms[0].sets).toEqual(['imported-one', 'imported-two']);
  });
});

describe('parsing schema.org JSON-LD', () => {
  it('reads a DefinedTermSet with alternate names, markup and entities turned into plain text', () => {
    const result = parse('good-defined-term-set.jsonld');
    expect(result.format).toBe('json-ld');
    expect(result.problems).toEqual([]);
    expect(result.sets.map((s) => [s.id, s.title, s.description])).toEqual([
      ['imported-desk-glossary', 'Desk Glossary', 'Terms from the desk.'],
    ]);
    expect(result.terms.map((t) => [t.term, t.aliases, t.summary])).toEqual([
      ['Widget Spread', ['widget gap', 'wgap'], 'The gap between two widget prices & nothing more.'],
      ['Desk Fade', [], 'Trading against what the desk expects.'],
    ]);
  });

  it('reads DefinedTerms in an HTML page, grouped by their inDefinedTermSet, and notes what it left out', () => {
    const result = parse('good-defined-terms.html');
    expect(result.problems).toEqual([]);
    expect(result.terms.map((t) => [t.id, t.sets])).toEqual([
      ['widget-spread', ['imported-loose-terms']],
      ['desk-fade', ['imported-other-words']],
    ]);
    expect(result.notes).toEqual(['Left out JSON-LD that is not a glossary: WebSite.']);
  });

  it('reads the seed-style test page: a "Market Panic Selling" set with its five Article terms', () => {
    const result = parseGlossaryDocument(readFileSync(JSONLD_PAGE, 'utf8'), { name: 'page.html', origin: 'imported' });
    expect(result.problems).toEqual([]);
    expect(result.sets.map((s) => [s.id, s.title])).toEqual([['imported-market-panic-selling', 'Market Panic Selling']]);
    expect(result.terms.map((t) => t.id)).toEqual(FIVE);
    expect(result.terms.every((t) => !t.summary.includes('⎊'))).toBe(true);
  });

  it.skipIf(!existsSync(SEED))('reads the seed file itself (a text rendering whose JSON-LD is in ```json blocks)', () => {
    const result = parseGlossaryDocument(readFileSync(SEED, 'utf8'), { name: 'seed.txt', origin: 'imported' });
    expect(result.format).toBe('json-ld');
    expect(result.sets.map((s) => s.title)).toEqual(['Market Panic Selling']);
    expect(result.terms.map((t) => t.id)).toEqual(FIVE);
    expect(result.notes).toEqual(['Left out JSON-LD that is not a glossary: BreadcrumbList, FAQPage.']);
  });
});

describe('limits', () => {
  it('refuses a document over 20 MB before reading it', () => {
    const text = `term,definition\n${'x'.repeat(MAX_IMPORT_BYTES)}`;
    const result = parseGlossaryDocument(text, { name: 'huge.csv', origin: 'imported' });
    expect(result.error).toMatch(/^This file is 20\.0 MB; Termlight imports at most 20\.0 MB/);
    expect(result.terms).toEqual([]);
  });

  it('refuses more than 50,000 terms', () => {
    const rows = Array.from({ length: MAX_IMPORT_TERMS + 1 }, (_, i) => `Term ${i},Definition ${i}.`);
    const result = parseGlossaryDocument(`term,definition\n${rows.join('\n')}`, { name: 'many.csv', origin: 'imported' });
    expect(result.error).toBe('This file holds 50,001 terms; Termlight imports at most 50,000 at a time. Split it into smaller files.');
  });
});
