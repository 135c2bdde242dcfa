/**
 * Issue 10, hostile glossary input: formula injection. Payloads imported
 * from CSV and Termlight JSON (DDE `=cmd|' /C calc'!A0`, `+`, `-`, `@`, tab
 * and CR prefixes, in every field a CSV export carries) come out of the CSV
 * export neutralised: no cell a spreadsheet reads starts with = + - @ tab or
 * CR. And the export still reads back to the very same terms.
 */
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GlossaryDb } from '../../utils/db/schema';
import { CSV_COLUMNS } from '../../utils/import/csv-format';
import { createImportService, type ImportService } from '../../utils/import/import-service';
import { parseGlossaryDocument } from '../../utils/import/parse';
import { asFileText, feedTerms, hostileBytes, newTerms, openSeededDb, runFixture, SEED_TERMS } from '../fixtures/hostile/harness';

const FORMULA_START = /^[=+\-@\t\r]/;

let db: GlossaryDb;
let service: ImportService;
beforeEach(async () => {
  db = await openSeededDb();
  service = createImportService(db);
});
afterEach(() => db.close());

async function importFixture(name: string): Promise<string[]> {
  const outcome = await service.importGlossary({ text: asFileText(hostileBytes(name)), name, skipInvalid: false });
  if (!outcome.ok) throw new Error(`${name} was not imported: ${outcome.message}`);
  return outcome.preview.sets.map((s) => s.id);
}

/** No cell a spreadsheet reads starts with = + - @ tab or CR (and the header is the one Termlight writes). */
function expectNeutralised(csv: string): void {
  const rows = Papa.parse<string[]>(csv.trim()).data;
  expect(rows[0]).toEqual([...CSV_COLUMNS]);
  expect(rows.length).toBeGreaterThan(1);
  for (const cell of rows.flat()) expect(cell, `cell ${JSON.stringify(cell)}`).not.toMatch(FORMULA_START);
}

/** Imports the export into an empty glossary and compares the terms. */
async function expectRoundTrip(csv: string, setIds: string[]): Promise<void> {
  const parsed = parseGlossaryDocument(csv, { name: 'export.csv', origin: 'imported' });
  expect(parsed.problems).toEqual([]);
  const stored = (await db.getAll('terms')).filter((t) => t.sets.some((s) => setIds.includes(s)));
  const narrowed = stored.map((t) => ({ ...t, sets: t.sets.filter((s) => setIds.includes(s)) }));
  expect([...parsed.terms].sort((a, b) => a.id.localeCompare(b.id))).toEqual(narrowed.sort((a, b) => a.id.localeCompare(b.id)));
}

describe('CSV export neutralises formula injection in every cell', () => {
  it('DDE, +, -, @ payloads imported from a CSV come out of the export with an apostrophe in front', async () => {
    const setIds = await importFixture('csv-injection.csv');
    const csv = await service.exportGlossary({ setIds, format: 'csv' });
    expectNeutralised(csv);
    const rows = Papa.parse<string[]>(csv.trim()).data;
    const dde = rows.find((r) => r[0] === "'=cmd|' /C calc'!A0");
    expect(dde).toBeDefined();
    expect(dde!.slice(0, 7)).toEqual([
      "'=cmd|' /C calc'!A0",
      "'=cmd|' /C calc'!A0 is a DDE payload.",
      "'+cmd alias",
      "'=Formula Set",
      'cmd-c-calc-a0',
      "'@SUM",
      '\'=HYPERLINK("http://evil.example","click")',
    ]);
    expect(dde![rows[0].indexOf('set_description')]).toBe("'+1+1");
    await expectRoundTrip(csv, setIds);
  });

  it('formula payloads in every field of Termlight JSON, set title and description included, are neutralised on export', async () => {
    const setIds = await importFixture('csv-injection.json');
    const csv = await service.exportGlossary({ setIds, format: 'csv' });
    expectNeutralised(csv);
    const rows = Papa.parse<string[]>(csv.trim()).data;
    const header = rows[0];
    const dde = Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[header.indexOf('id')] === 'dde-spread')![i]]));
    expect(dde).toMatchObject({
      term: "'=cmd|' /C calc'!A0",
      definition: "'=2+5+cmd|' /C calc'!A0 is a DDE payload.",
      // Each piece after a ; or a line break is neutralised too (spreadsheets set to ';', or ignoring quotes, split there).
      aliases: "'+1+1; '=HYPERLINK(\"http://evil.example\")",
      abbreviations: "'@A1; '-B2",
      body: "'=tab first\n'=cmd|' /C calc'!A0",
      set: '\'=HYPERLINK("http://evil.example","Set")',
      set_description: "'@SUM(A1) -1 +1 =1",
    });
    // A value that already starts with apostrophes gets one more, so reading it back strips exactly one.
    const quoted = rows.find((r) => r[header.indexOf('id')] === 'quoted-spread')!;
    expect([quoted[0], quoted[1]]).toEqual(["''=Quoted Spread", "'''=2 starts with two apostrophes."]);
    await expectRoundTrip(csv, setIds);
  });

  it('cells that start with a tab or a carriage return come in trimmed and go out neutralised', async () => {
    const setIds = await importFixture('csv-injection-tab-cr.csv');
    const terms = (await db.getAll('terms')).filter((t) => t.sets.some((s) => setIds.includes(s)));
    expect(terms.map((t) => [t.term, t.summary]).sort()).toEqual([
      ['=CR Trade', '=1+1 after a carriage return.'],
      ['=Tab Trade', '=1+1 after a tab.'],
    ]);
    const csv = await service.exportGlossary({ setIds, format: 'csv' });
    expectNeutralised(csv);
    await expectRoundTrip(csv, setIds);
  });

  it('an alias holding ";" or "|" (such as "x;=cmd|…") cannot travel in a CSV list cell: the CSV export says so, the JSON export carries it', async () => {
    const setIds = await importFixture('csv-injection-list-separator.json');
    await expect(service.exportGlossary({ setIds, format: 'csv' })).rejects.toThrow(
      'CSV cannot carry "x;=cmd|\' /C calc\'!A0", another name of "Pipe Spread": a list cell is split at ";" and "|" when it is read back. Export as JSON.',
    );
    const json = await service.exportGlossary({ setIds, format: 'json' });
    expect(parseGlossaryDocument(json, { name: 'export.json', origin: 'imported' }).terms[0]).toMatchObject({
      aliases: ["x;=cmd|' /C calc'!A0"],
      abbreviations: ['A|B'],
    });
  });

  it('exporting everything (the seeded glossary and every hostile import) neutralises every cell', async () => {
    for (const name of ['csv-injection.csv', 'csv-injection.json', 'csv-injection-tab-cr.csv', 'xss-everywhere.csv']) await importFixture(name);
    const csv = await service.exportGlossary({ format: 'csv' });
    expectNeutralised(csv);
    const ids = Papa.parse<string[]>(csv.trim()).data.map((r) => r[4]);
    for (const seed of SEED_TERMS) expect(ids).toContain(seed.id);
  });

  it('the JSON export carries the payloads as JSON strings, which nothing runs', async () => {
    const setIds = await importFixture('csv-injection.json');
    const json = await service.exportGlossary({ setIds, format: 'json' });
    const parsed = JSON.parse(json) as { terms: Array<{ term: string }> };
    expect(parsed.terms.map((t) => t.term)).toContain("=cmd|' /C calc'!A0");
    expect(parseGlossaryDocument(json, { name: 'export.json', origin: 'imported' }).problems).toEqual([]);
  });
});

describe('formula payloads come in as literal text through every import path and the feed', () => {
  it('a CSV of DDE, +, -, @ payloads is stored word for word (the export neutralises, not the import)', async () => {
    const trip = await runFixture('csv-injection.csv');
    expect(trip.strict.ok).toBe(true);
    expect(newTerms(trip).map((t) => t.term).sort()).toEqual(["+Plus Trade", "-Minus Trade", "=cmd|' /C calc'!A0", '@At Trade']);
    expect(newTerms(trip).find((t) => t.term === '@At Trade')?.body).toBe('=tab payload');
  });

  it('a Termlight glossary of formula payloads is stored word for word by the import and by the feed', async () => {
    const trip = await runFixture('csv-injection.json');
    expect(trip.strict.ok).toBe(true);
    const dde = newTerms(trip).find((t) => t.id === 'dde-spread');
    expect(dde).toMatchObject({ term: "=cmd|' /C calc'!A0", body: "=tab first\n=cmd|' /C calc'!A0" });
    expect(feedTerms(trip).find((t) => t.id === 'dde-spread')?.term).toBe("=cmd|' /C calc'!A0");
  });

  it('cells that start with a tab or a carriage return are trimmed on the way in', async () => {
    const trip = await runFixture('csv-injection-tab-cr.csv');
    expect(newTerms(trip).map((t) => t.term).sort()).toEqual(['=CR Trade', '=Tab Trade']);
  });

  it('an alias holding ";" and "|" is stored as one alias by the import and by the feed', async () => {
    const trip = await runFixture('csv-injection-list-separator.json');
    expect(newTerms(trip)[0]).toMatchObject({ aliases: ["x;=cmd|' /C calc'!A0"], abbreviations: ['A|B'] });
    expect(feedTerms(trip)[0]).toMatchObject({ aliases: ["x;=cmd|' /C calc'!A0"] });
  });
});
