import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { createGlossaryService } from '../../utils/background/glossary-service';
import { replaceSets } from '../../utils/db/glossary-store';
import { openGlossaryDb } from '../../utils/db/schema';
import type { Term } from '../../utils/glossary/schema';
import { readKeptSearchIndex } from '../../utils/search/search-client';
import { TermSearch } from '../../utils/search/term-search';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { makeTerm } from '../support/make-term';

const term = (id: string, name: string): Term => makeTerm({ id, term: name, sets: ['perps'] });
const perps = { id: 'perps', title: 'Perpetual Futures', description: '', origin: 'bundled' as const };

describe('the popup and reader read the search index the background kept', () => {
  it('is the current glossary’s index, straight from IndexedDB', async () => {
    const db = await openGlossaryDb('kept-1');
    await replaceSets(db, { sets: [perps], terms: [term('funding-rate', 'Funding Rate')] });
    const served = await createGlossaryService(db, async () => DEFAULT_SETTINGS).getSearchIndex();

    const kept = await readKeptSearchIndex('kept-1');
    expect(kept).toEqual(served);
    expect(TermSearch.fromJSON(kept?.json ?? '').search('funding').hits.map((h) => h.id)).toEqual(['funding-rate']);
  });

  it('is none once the glossary has changed and the background has not indexed it yet, so the background is asked', async () => {
    const db = await openGlossaryDb('kept-2');
    await replaceSets(db, { sets: [perps], terms: [term('funding-rate', 'Funding Rate')] });
    await createGlossaryService(db, async () => DEFAULT_SETTINGS).getSearchIndex();
    await replaceSets(db, { sets: [], terms: [term('basis', 'Basis')] });

    expect(await readKeptSearchIndex('kept-2')).toBeUndefined();
  });

  it('never creates the database: read before the background’s first start, it fails and the background still creates its stores', async () => {
    await expect(readKeptSearchIndex('kept-3')).rejects.toThrow();
    const db = await openGlossaryDb('kept-3');
    expect([...db.objectStoreNames].sort()).toEqual(['derived', 'feeds', 'meta', 'sets', 'terms']);
  });

  it('finds none in a database the background has not upgraded yet (an update), and does not hold the upgrade up', async () => {
    const old = await openDB('kept-5', 2, {
      upgrade(db) {
        for (const store of ['terms', 'sets', 'meta', 'feeds']) db.createObjectStore(store);
      },
    });
    old.close();
    await expect(readKeptSearchIndex('kept-5')).rejects.toThrow(); // no `derived` store: the page asks the background
    const upgraded = await openGlossaryDb('kept-5');
    expect(upgraded.objectStoreNames.contains('derived')).toBe(true);
  });

  it('does not hold up the background’s connection: the background can write while and after a page reads', async () => {
    const db = await openGlossaryDb('kept-4');
    await replaceSets(db, { sets: [perps], terms: [term('funding-rate', 'Funding Rate')] });
    await createGlossaryService(db, async () => DEFAULT_SETTINGS).getSearchIndex();
    const [kept] = await Promise.all([readKeptSearchIndex('kept-4'), replaceSets(db, { sets: [], terms: [term('basis', 'Basis')] })]);
    // Either the index of the revision it read, or none: never a mismatch.
    if (kept) expect(TermSearch.fromJSON(kept.json).search('funding').hits.map((h) => h.id)).toEqual(['funding-rate']);
    expect(await readKeptSearchIndex('kept-4')).toBeUndefined();
  });
});
