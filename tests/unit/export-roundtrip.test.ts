import { describe, expect, it } from 'vitest';
import type { Term, TermSet } from '../../utils/glossary/schema';
import { exportFileName, exportGlossary, selectForExport } from '../../utils/import/export';
import { parseGlossaryDocument } from '../../utils/import/parse';
import type { GlossarySnapshot } from '../../utils/import/types';

const sets: TermSet[] = [
  { id: 'imported-desk-words', title: 'Desk Words', description: 'Words, "quoted", and more.', origin: 'imported', source: 'desk.csv' },
  { id: 'imported-other', title: 'Other ⎊ Words', description: '', origin: 'imported', source: 'desk.csv' },
];
const terms: Term[] = [
  {
    id: 'widget-spread',
    term: 'Widget Spread',
    aliases: ['widget gap', 'gap, widget'],
    abbreviations: ['WS'],
    summary: 'The gap, in cents, between two "widget" prices.',
    body: 'First paragraph.\n\nSecond paragraph with a comma, a quote " and é.',
    sets: ['imported-desk-words', 'imported-other'],
    related: ['minus-trade'],
    ambiguous: true,
    needsContext: true,
  },
  {
    id: 'minus-trade',
    term: '-Minus Trade',
    aliases: ['@handle trade'],
    abbreviations: [],
    summary: '=HYPERLINK("http://evil.example","click") is not a formula here.',
    body: "+1 and '=already apostrophed",
    sets: ['imported-desk-words'],
    related: ['widget-spread'],
    ambiguous: false,
    needsContext: false,
  },
  {
    id: 'cafe-creme-rate',
    term: 'Café Crème Rate',
    aliases: [],
    abbreviations: ['CCR'],
    summary: 'Un terme avec des accents.',
    body: '',
    sets: ['imported-other'],
    related: [],
    needsContext: 'abbreviations',
  },
  {
    id: 'widget-index',
    term: 'Widget Index',
    aliases: ['Widget', 'the widget 30'],
    abbreviations: ['WDX'],
    summary: 'An index of widget makers.',
    body: '',
    sets: ['imported-other'],
    related: [],
    needsContext: ['Widget', 'WDX'],
  },
];
const snapshot: GlossarySnapshot = { sets, terms };

describe('export then import gives back the same glossary', () => {
  for (const format of ['json', 'csv'] as const) {
    it(`as ${format.toUpperCase()}: every set and every field of every term`, () => {
      const text = exportGlossary(snapshot, { format });
      const parsed = parseGlossaryDocument(text, { name: 'desk.csv', origin: 'imported' });
      expect(parsed.problems).toEqual([]);
      expect(parsed.error).toBeNull();
      const expected = selectForExport(snapshot);
      expect([...parsed.sets].sort((a, b) => a.id.localeCompare(b.id))).toEqual(expected.sets);
      expect([...parsed.terms].sort((a, b) => a.id.localeCompare(b.id))).toEqual(expected.terms);
      // …and exporting what was read gives the same text.
      expect(exportGlossary({ sets: parsed.sets, terms: parsed.terms }, { format })).toBe(text);
    });

    it(`as ${format.toUpperCase()}: one set alone, with memberships narrowed to it`, () => {
      const text = exportGlossary(snapshot, { format, setIds: ['imported-other'] });
      const parsed = parseGlossaryDocument(text, { name: 'desk.csv', origin: 'imported' });
      expect(parsed.problems).toEqual([]);
      expect(parsed.sets.map((s) => s.id)).toEqual(['imported-other']);
      expect(parsed.terms.map((t) => [t.id, t.sets])).toEqual([
        ['cafe-creme-rate', ['imported-other']],
        ['widget-index', ['imported-other']],
        ['widget-spread', ['imported-other']],
      ]);
    });
  }

  it('the same glossary always gives the same text (sets and terms in id order)', () => {
    const shuffled = { sets: [...sets].reverse(), terms: [...terms].reverse() };
    expect(exportGlossary(shuffled, { format: 'json' })).toBe(exportGlossary(snapshot, { format: 'json' }));
    expect(exportGlossary(shuffled, { format: 'csv' })).toBe(exportGlossary(snapshot, { format: 'csv' }));
  });

  it('an unknown set id is an error, not an empty file', () => {
    expect(() => exportGlossary(snapshot, { format: 'json', setIds: ['nope'] })).toThrow('No set with id "nope".');
  });

  it('names the file after what it holds', () => {
    const day = new Date('2026-03-01T12:00:00Z');
    expect(exportFileName({ format: 'csv', setIds: ['imported-desk-words'] }, day)).toBe('termlight-imported-desk-words-2026-03-01.csv');
    expect(exportFileName({ format: 'json' }, day)).toBe('termlight-all-2026-03-01.json');
  });
});
