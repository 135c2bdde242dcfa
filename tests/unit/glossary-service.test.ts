import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createGlossaryService } from '../../utils/background/glossary-service';
import { replaceSets } from '../../utils/db/glossary-store';
import { openGlossaryDb, type GlossaryDb } from '../../utils/db/schema';
import type { Term } from '../../utils/glossary/schema';
import { findTerms } from '../../utils/matcher';
import { TermSearch } from '../../utils/search/term-search';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings';
import { makeTerm } from '../support/make-term';

const term = (id: string, name: string, sets: string[], related: string[] = []): Term => makeTerm({ id, term: name, sets, related });

let db: GlossaryDb;
let settings: Settings;
let n = 0;
beforeEach(async () => {
  db = await openGlossaryDb(`service-${++n}`);
  settings = { ...DEFAULT_SETTINGS };
  await replaceSets(
    db,
    {
      sets: [
        { id: 'perps', title: 'Perpetual Futures', description: '', origin: 'bundled' },
        { id: 'macro', title: 'Macro', description: '', origin: 'bundled' },
      ],
      terms: [
        term('funding-rate', 'Funding Rate', ['perps'], ['mark-price']),
        term('mark-price', 'Mark Price', ['perps']),
        term('inflation', 'Inflation', ['macro'], ['funding-rate', 'gone']),
      ],
    },
    'bundled',
  );
});

describe('the background glossary service', () => {
  it('compiles the matcher once per glossary revision and settings', async () => {
    const service = createGlossaryService(db, async () => settings);
    const first = await service.getMatcher();
    expect(await service.getMatcher()).toBe(first);
    settings = { ...settings, disabledSets: ['macro'] };
    const second = await service.getMatcher();
    expect(second).not.toBe(first);
    expect(findTerms('inflation and the funding rate', second.matcher).map((m) => m.termId)).toEqual(['funding-rate']);
  });

  it('leaves hidden terms out of the matcher, and puts them back when shown again', async () => {
    const service = createGlossaryService(db, async () => settings);
    const text = 'inflation and the funding rate';
    settings = { ...settings, hiddenTerms: ['inflation'] };
    const hidden = await service.getMatcher();
    expect(findTerms(text, hidden.matcher).map((m) => m.termId)).toEqual(['funding-rate']);
    // Still in the glossary: the card, search and the reader find it.
    expect((await service.getTerm('inflation'))?.term).toBe('Inflation');
    settings = { ...settings, hiddenTerms: [] };
    expect(findTerms(text, (await service.getMatcher()).matcher).map((m) => m.termId)).toEqual(['inflation', 'funding-rate']);
  });

  it("tells each term's colour set: the first of its sets that is enabled", async () => {
    await replaceSets(db, {
      sets: [],
      terms: [term('basis', 'Basis', ['macro', 'perps']), term('constructor', 'Constructor', ['perps'])],
    });
    const service = createGlossaryService(db, async () => settings);
    const all = await service.getMatcher();
    expect({ ...all.setOfTerm }).toEqual({ 'funding-rate': 'perps', 'mark-price': 'perps', inflation: 'macro', basis: 'macro', constructor: 'perps' });
    // It travels as JSON: the id "constructor" is an own key there too.
    expect(Object.hasOwn(JSON.parse(JSON.stringify(all.setOfTerm)) as object, 'constructor')).toBe(true);
    settings = { ...settings, disabledSets: ['macro'] };
    const { setOfTerm } = await service.getMatcher();
    expect(setOfTerm.basis).toBe('perps');
    expect(Object.hasOwn(setOfTerm, 'inflation')).toBe(false);
  });

  it('a glossary change gives a new matcher', async () => {
    const service = createGlossaryService(db, async () => settings);
    const first = await service.getMatcher();
    await replaceSets(db, { sets: [], terms: [term('basis', 'Basis', ['perps'])] });
    const second = await service.getMatcher();
    expect(second.key).not.toBe(first.key);
    expect(findTerms('the basis', second.matcher)).toHaveLength(1);
  });

  it('returns a term with its set titles and the related terms that exist', async () => {
    const service = createGlossaryService(db, async () => settings);
    const view = await service.getTerm('inflation');
    expect(view?.setTitles).toEqual(['Macro']);
    expect(view?.relatedTerms).toEqual([{ id: 'funding-rate', term: 'Funding Rate' }]);
    expect(await service.getTerm('nope')).toBeNull();
  });

  it('lists sets with counts and terms A to Z', async () => {
    const service = createGlossaryService(db, async () => settings);
    expect((await service.listSets()).map((s) => [s.title, s.termCount])).toEqual([
      ['Macro', 1],
      ['Perpetual Futures', 2],
    ]);
    expect((await service.listTerms({ setId: 'perps' })).map((t) => t.term)).toEqual(['Funding Rate', 'Mark Price']);
    expect(await service.getStatus()).toMatchObject({ termCount: 3, setCount: 2 });
  });

  it('keeps the search index in IndexedDB, so a worker woken from sleep serves it without rebuilding', async () => {
    const first = await createGlossaryService(db, async () => settings).getSearchIndex();
    expect(await db.get('derived', 'searchIndex')).toEqual(first);
    // Mark the kept copy: a fresh service (a woken worker) must hand out that very copy.
    await db.put('derived', { ...first, termCount: 999 }, 'searchIndex');
    const woken = await createGlossaryService(db, async () => settings).getSearchIndex();
    expect(woken.termCount).toBe(999);
    expect(TermSearch.fromJSON(woken.json).search('funding').hits.map((h) => h.id)).toEqual(['funding-rate']);
  });

  it('an index kept by an older build (another format, same revision) is rebuilt, not served', async () => {
    const first = await createGlossaryService(db, async () => settings).getSearchIndex();
    const revision = first.key.split('/').pop() ?? '';
    // What the build before the `relatedBy` field kept: the bare revision as its key.
    await db.put('derived', { ...first, key: revision, termCount: 999 }, 'searchIndex');
    const woken = await createGlossaryService(db, async () => settings).getSearchIndex();
    expect(woken.termCount).toBe(first.termCount);
    expect(woken.key).toBe(first.key);
  });

  it('after a glossary change the kept search index is not served: the new term is found', async () => {
    await createGlossaryService(db, async () => settings).getSearchIndex();
    await replaceSets(db, { sets: [], terms: [term('basis', 'Basis', ['perps'])] });
    const woken = await createGlossaryService(db, async () => settings).getSearchIndex();
    expect(TermSearch.fromJSON(woken.json).search('basis').hits.map((h) => h.id)).toEqual(['basis']);
    expect((await db.get('derived', 'searchIndex'))?.key).toBe(woken.key);
  });
});
