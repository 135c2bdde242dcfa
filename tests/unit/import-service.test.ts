import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { getAllTerms, getRevision, getTerm, listSets, replaceSets, replaceSetsWith } from '../../utils/db/glossary-store';
import { openGlossaryDb, type GlossaryDb } from '../../utils/db/schema';
import type { Term } from '../../utils/glossary/schema';
import { createImportService, type ImportService } from '../../utils/import/import-service';
import { makeTerm } from '../support/make-term';

const JSONLD_PAGE = join(import.meta.dirname, '..', 'e2e', 'pages', 'jsonld-market-panic-selling.html');
const FIVE = [
  'diversification-failure',
  'liquidity-contagion-dynamics',
  'market-sentiment-contagion',
  'open-interest-collapse',
  'volatility-triggered-pauses',
];

const term = (id: string, name: string, sets: string[], extra: Partial<Term> = {}): Term =>
  makeTerm({ id, term: name, sets, summary: `Bundled words about ${name}.`, ...extra });

let db: GlossaryDb;
let service: ImportService;
let n = 0;
beforeEach(async () => {
  db = await openGlossaryDb(`import-service-${++n}`);
  service = createImportService(db);
  await replaceSets(
    db,
    {
      sets: [
        { id: 'market-panic-selling', title: 'Market Panic Selling and Contagion', description: '', origin: 'bundled' },
        { id: 'perpetual-futures', title: 'Perpetual Futures', description: '', origin: 'bundled' },
      ],
      terms: [
        ...FIVE.map((id) => term(id, id.replace(/-/g, ' '), ['market-panic-selling'])),
        term('funding-rate', 'Funding Rate', ['perpetual-futures'], { related: ['open-interest-collapse'] }),
      ],
    },
    'bundled',
  );
});

const csvRows = (count: number, broken?: number) =>
  [
    'term,definition,aliases,set',
    ...Array.from({ length: count }, (_, i) =>
      i === broken ? `Desk Term ${i},,,Desk Words` : `Desk Term ${i},"Definition number ${i}, in words.",desk alias ${i},Desk Words`,
    ),
  ].join('\n');

describe('committing an import', () => {
  it('imports the seed-style JSON-LD page as its own set of five terms without touching the bundled ones', async () => {
    const revision = await getRevision(db);
    const outcome = await service.importGlossary({ text: readFileSync(JSONLD_PAGE, 'utf8'), name: 'page.html', skipInvalid: false });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.preview.counts.conflicting).toBe(5);
    expect(await getRevision(db)).toBe(revision + 1);
    const sets = await listSets(db);
    expect(sets.find((s) => s.id === 'imported-market-panic-selling')).toMatchObject({
      title: 'Market Panic Selling',
      origin: 'imported',
      termCount: 5,
    });
    expect(sets.find((s) => s.id === 'market-panic-selling')!.termCount).toBe(5);
    const oic = await getTerm(db, 'open-interest-collapse');
    expect(oic!.summary).toBe('Bundled words about open interest collapse.');
    expect(oic!.sets.sort()).toEqual(['imported-market-panic-selling', 'market-panic-selling']);
  });

  it('refuses a file with an invalid row and writes nothing, then imports the rest when told to skip it', async () => {
    const before = { revision: await getRevision(db), terms: await getAllTerms(db) };
    const refused = await service.importGlossary({ text: csvRows(10, 4), name: 'desk.csv', skipInvalid: false });
    expect(refused).toMatchObject({ ok: false, message: 'Nothing was imported: 1 row has a problem. Fix it, or choose to skip invalid rows.' });
    expect(refused.preview!.invalid).toEqual([{ where: 'row 6', message: 'definition must not be empty', term: 'Desk Term 4' }]);
    expect(await getRevision(db)).toBe(before.revision);
    expect(await getAllTerms(db)).toEqual(before.terms);

    const done = await service.importGlossary({ text: csvRows(10, 4), name: 'desk.csv', skipInvalid: true });
    expect(done).toMatchObject({ ok: true, added: 9, skipped: 1 });
    expect((await listSets(db)).find((s) => s.id === 'imported-desk-words')!.termCount).toBe(9);
  });

  it('importing the same file twice gives the same glossary', async () => {
    await service.importGlossary({ text: csvRows(20), name: 'desk.csv', skipInvalid: false });
    const once = await getAllTerms(db);
    const again = await service.importGlossary({ text: csvRows(20), name: 'desk.csv', skipInvalid: false });
    expect(again.ok && again.preview.counts).toMatchObject({ unchanged: 20, new: 0, changed: 0 });
    expect(await getAllTerms(db)).toEqual(once);
  });

  it('previewing writes nothing', async () => {
    const revision = await getRevision(db);
    const preview = await service.previewImport({ text: csvRows(5), name: 'desk.csv' });
    expect(preview.counts.new).toBe(5);
    expect(await getRevision(db)).toBe(revision);
  });

  it('answers a whole-file error with its message', async () => {
    const outcome = await service.importGlossary({ text: 'just words', name: 'x.txt', skipInvalid: true });
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/^Termlight cannot tell what kind of file this is/) });
  });

  it('removes an imported set, but never a bundled one', async () => {
    await service.importGlossary({ text: readFileSync(JSONLD_PAGE, 'utf8'), name: 'page.html', skipInvalid: false });
    expect(await service.deleteSet('market-panic-selling')).toBe(false);
    expect(await service.deleteSet('imported-market-panic-selling')).toBe(true);
    expect((await listSets(db)).map((s) => s.id)).toEqual(['market-panic-selling', 'perpetual-futures']);
    expect((await getTerm(db, 'open-interest-collapse'))!.sets).toEqual(['market-panic-selling']);
  });
});

describe('export then import', () => {
  for (const format of ['json', 'csv'] as const) {
    it(`round-trips an imported set exactly as ${format.toUpperCase()}`, async () => {
      await service.importGlossary({ text: csvRows(30), name: 'desk.csv', skipInvalid: false });
      await service.importGlossary({ text: readFileSync(JSONLD_PAGE, 'utf8'), name: 'page.html', skipInvalid: false });
      const setIds = ['imported-desk-words', 'imported-market-panic-selling'];
      const exported = await service.exportGlossary({ setIds, format });
      const stored = await getAllTerms(db);
      for (const id of setIds) await service.deleteSet(id);
      const outcome = await service.importGlossary({ text: exported, name: `back.${format}`, skipInvalid: false });
      expect(outcome.ok).toBe(true);
      expect(await service.exportGlossary({ setIds, format })).toBe(exported);
      expect(await getAllTerms(db)).toEqual(stored);
    });
  }
});

describe('my terms', () => {
  const input = { term: 'Desk Fade', aliases: ['fading the desk'], abbreviations: ['DF'], summary: 'Trading against what the desk expects.', body: '', related: ['Funding Rate'] };

  it('adds, edits and deletes a term of your own in the "My terms" set', async () => {
    const saved = await service.saveMyTerm(input);
    expect(saved).toMatchObject({ ok: true, term: { id: 'desk-fade', sets: ['my-terms'], related: ['funding-rate'] } });
    expect((await listSets(db)).find((s) => s.id === 'my-terms')).toMatchObject({ title: 'My terms', origin: 'mine', termCount: 1 });

    const edited = await service.saveMyTerm({ ...input, id: 'desk-fade', term: 'Desk Fading', summary: 'Betting against the desk.' });
    expect(edited).toMatchObject({ ok: true, term: { id: 'desk-fade', term: 'Desk Fading' } });
    expect((await getTerm(db, 'desk-fade'))!.summary).toBe('Betting against the desk.');

    expect(await service.deleteMyTerm('desk-fade')).toBe(true);
    expect(await getTerm(db, 'desk-fade')).toBeUndefined();
    expect(await service.deleteMyTerm('funding-rate')).toBe(false);
  });

  it('explains what to fix, field by field', async () => {
    const result = await service.saveMyTerm({ term: 'Funding Rate', aliases: [], abbreviations: [], summary: '', body: '', related: ['Nothing Like It'] });
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: 'related', message: '"Nothing Like It" is not a term in your glossary.' },
        { field: 'summary', message: 'Write a short definition: it is what the tooltip shows.' },
        { field: 'term', message: '"Funding Rate" is already in the glossary (Perpetual Futures).' },
      ],
    });
    const taken = await service.saveMyTerm({ ...input, term: 'Funding Rate', related: [] });
    expect(taken).toEqual({ ok: false, problems: [{ field: 'term', message: '"Funding Rate" is already in the glossary (Perpetual Futures).' }] });
    const alias = await service.saveMyTerm({ ...input, aliases: ['open interest collapse'], related: [] });
    expect(alias).toEqual({
      ok: false,
      problems: [
        {
          field: 'aliases',
          message: '"open interest collapse" already means "open interest collapse" (Market Panic Selling and Contagion); one word can point to one term only.',
        },
      ],
    });
    const long = await service.saveMyTerm({ ...input, summary: 'x'.repeat(300), related: [] });
    expect(long).toEqual({
      ok: false,
      problems: [{ field: 'summary', message: 'The definition can be at most 240 characters (it has 300); move the rest to the longer explanation.' }],
    });
  });
});

describe('replaceSetsWith, the one-transaction write behind imports', () => {
  it('writes exactly what replaceSets writes, memberships in other sets included', async () => {
    const other = await openGlossaryDb(`import-service-twin-${n}`);
    const seed = {
      sets: [
        { id: 'a', title: 'A', description: '', origin: 'bundled' as const },
        { id: 'imported-x', title: 'X', description: '', origin: 'imported' as const },
      ],
      terms: [term('t1', 'T one', ['a', 'imported-x']), term('t2', 'T two', ['imported-x']), term('t3', 'T three', ['a'])],
    };
    const next = {
      sets: [{ id: 'imported-x', title: 'X again', description: 'd', origin: 'imported' as const }],
      terms: [term('t3', 'T three', ['imported-x']), term('t4', 'T four', ['imported-x'])],
    };
    const fresh = await openGlossaryDb(`import-service-fresh-${n}`);
    await replaceSets(fresh, seed);
    await replaceSets(other, seed);
    const viaReplace = await replaceSets(fresh, next);
    const viaWith = await replaceSetsWith(other, () => next);
    expect(viaWith).toEqual(viaReplace);
    expect(await getAllTerms(other)).toEqual(await getAllTerms(fresh));
    expect(await listSets(other)).toEqual(await listSets(fresh));
  });

  it('writes nothing when the build says no', async () => {
    const revision = await getRevision(db);
    expect(await replaceSetsWith(db, () => null)).toBeNull();
    expect(await getRevision(db)).toBe(revision);
  });
});
