import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { Term } from '../../utils/glossary/schema';
import { escapeCell, unescapeCell } from '../../utils/import/csv-format';
import { exportGlossary } from '../../utils/import/export';

const dangerous = ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tTAB', '\rCR', "'=already"];

describe('CSV export neutralizes formula injection', () => {
  it('puts an apostrophe before every cell a spreadsheet would run as a formula', () => {
    for (const value of dangerous) expect(escapeCell(value)).toBe(`'${value}`);
    for (const value of ['plain', 'a=b', "it's", '']) expect(escapeCell(value)).toBe(value);
  });

  it('reading strips exactly the apostrophe export added', () => {
    for (const value of [...dangerous, 'plain', "'plain", "''=x"]) expect(unescapeCell(escapeCell(value))).toBe(value);
  });

  it('neutralizes formulas after a , or ; inside a cell, for spreadsheets that split on the other separator', () => {
    const cells = ['x;=cmd|calc', 'a, +1', 'one; two;  @SUM(A1)', "b;'=already", 'falls, -5% then; \tTAB', 'line\n=cmd'];
    for (const value of cells) {
      const escaped = escapeCell(value);
      for (const piece of escaped.split(/[,;\n]/)) expect(piece.trimStart()).not.toMatch(/^[=+\-@\t\r]/);
      expect(unescapeCell(escaped)).toBe(value);
    }
    for (const value of ['a;b', 'x, y', 'a=b; c']) expect(escapeCell(value)).toBe(value);
  });

  it('no cell of an exported file starts with = + - @ tab or CR', () => {
    const term: Term = {
      id: 'evil',
      term: '=HYPERLINK("http://evil.example","x")',
      aliases: ['+alias', '@alias'],
      abbreviations: [],
      summary: '-1 is a negative number.',
      body: '=cmd|\' /C calc\'!A0',
      sets: ['imported-evil'],
      related: [],
    };
    const csv = exportGlossary(
      { sets: [{ id: 'imported-evil', title: '@Evil Set', description: '=2*3', origin: 'imported' }], terms: [term] },
      { format: 'csv' },
    );
    const rows = Papa.parse<string[]>(csv.trim()).data;
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // Every field is quoted, so a spreadsheet that honours quotes keeps each cell whole.
    expect(csv.split('\r\n')[1].startsWith('"')).toBe(true);
    expect(rows[1][0]).toBe('\'=HYPERLINK("http://evil.example","x")');
  });
});
