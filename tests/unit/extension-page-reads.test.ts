import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createGlossaryService } from '../../utils/background/glossary-service';
import { replaceSets } from '../../utils/db/glossary-store';
import { openGlossaryDb } from '../../utils/db/schema';
import type { Term } from '../../utils/glossary/schema';
import { loadTermView } from '../../utils/glossary/term-view-client';
import { sendMessage } from '../../utils/messaging/protocol';
import { currentRevision, loadCatalog } from '../../utils/reader/catalog-client';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { makeTerm } from '../support/make-term';

// What the background would answer: the popup and reader fall back to it
// only when they cannot read IndexedDB themselves.
vi.mock('../../utils/messaging/protocol', () => ({ sendMessage: vi.fn() }));
const asked = vi.mocked(sendMessage);
beforeEach(() => asked.mockReset());

const term = (id: string, name: string, sets: string[], related: string[] = []): Term => makeTerm({ id, term: name, sets, related });
const sets = [
  { id: 'perps', title: 'Perpetual Futures', description: '', origin: 'bundled' as const },
  { id: 'macro', title: 'Macro', description: '', origin: 'bundled' as const },
];
const terms = [
  term('funding-rate', 'Funding Rate', ['perps'], ['mark-price', 'funding-rate']),
  term('mark-price', 'Mark Price', ['perps']),
  term('inflation', 'Inflation', ['macro', 'perps'], ['funding-rate', 'gone']),
];

let n = 0;
async function glossaryDb() {
  const name = `page-reads-${++n}`;
  const db = await openGlossaryDb(name);
  await replaceSets(db, { sets, terms });
  return { name, db };
}

describe('the popup reads a term’s entry itself', () => {
  it('shows set titles and related terms that exist, without asking the background', async () => {
    const { name, db } = await glossaryDb();
    const view = await loadTermView('inflation', name);
    expect(view?.setTitles).toEqual(['Macro', 'Perpetual Futures']);
    expect(view?.relatedTerms).toEqual([{ id: 'funding-rate', term: 'Funding Rate' }]);
    // The same entry the background gives a content script's card.
    expect(view).toEqual(await createGlossaryService(db, async () => DEFAULT_SETTINGS).getTerm('inflation'));
    expect(asked).not.toHaveBeenCalled();
  });

  it('does not list a term as related to itself', async () => {
    const { name } = await glossaryDb();
    expect((await loadTermView('funding-rate', name))?.relatedTerms).toEqual([{ id: 'mark-price', term: 'Mark Price' }]);
  });

  it('asks the background when the database does not exist yet, or the term is not in it', async () => {
    asked.mockResolvedValue(null);
    expect(await loadTermView('inflation', 'page-reads-none')).toBeNull();
    expect(asked).toHaveBeenLastCalledWith('getTerm', 'inflation');

    const { name } = await glossaryDb();
    expect(await loadTermView('basis', name)).toBeNull();
    expect(asked).toHaveBeenLastCalledWith('getTerm', 'basis');
  });
});

describe('the reader reads the whole glossary itself', () => {
  it('has every set with its term count and every term, at the current revision, without asking the background', async () => {
    const { name, db } = await glossaryDb();
    const catalog = await loadCatalog(name);
    expect(catalog.sets.map((s) => [s.title, s.termCount])).toEqual([
      ['Macro', 1],
      ['Perpetual Futures', 3],
    ]);
    // The counts the background's listSets gives the options page.
    expect(catalog.sets).toEqual(await createGlossaryService(db, async () => DEFAULT_SETTINGS).listSets());
    expect(catalog.terms.map((t) => t.term)).toEqual(['Funding Rate', 'Inflation', 'Mark Price']);
    expect(catalog.revision).toBe(await currentRevision(name));
    expect(asked).not.toHaveBeenCalled();
  });

  it('sees a glossary change: the revision moves and a new read has the new terms', async () => {
    const { name, db } = await glossaryDb();
    const before = await loadCatalog(name);
    await replaceSets(db, { sets: [sets[1]], terms: [term('cpi', 'CPI', ['macro'])] });
    expect(await currentRevision(name)).toBeGreaterThan(before.revision);
    expect((await loadCatalog(name)).bySet.get('macro')?.map((t) => t.term)).toEqual(['CPI']);
  });

  it('asks the background while the database holds no glossary yet (the install’s import not in), and when it does not exist', async () => {
    asked.mockImplementation((async (type: string) => {
      if (type === 'getStatus') return { revision: 4, termCount: 1, setCount: 1 };
      if (type === 'listSets') return [{ ...sets[0], termCount: 1 }];
      return [terms[1]];
    }) as typeof sendMessage);
    const catalog = await loadCatalog('page-reads-missing');
    expect(catalog.revision).toBe(4);
    expect(catalog.terms.map((t) => t.id)).toEqual(['mark-price']);
    expect(await currentRevision('page-reads-missing')).toBe(4);

    (await openGlossaryDb('page-reads-empty')).close(); // made by the background, nothing imported yet
    expect((await loadCatalog('page-reads-empty')).terms.map((t) => t.id)).toEqual(['mark-price']);
  });
});
