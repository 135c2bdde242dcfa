import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createGlossaryService } from '../../utils/background/glossary-service';
import { replaceSets } from '../../utils/db/glossary-store';
import { openGlossaryDb } from '../../utils/db/schema';
import type { Term } from '../../utils/glossary/schema';
import { TermSearch } from '../../utils/search/term-search';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { makeTerm } from '../support/make-term';

const term = (id: string, name: string, sets: string[]): Term => makeTerm({ id, term: name, sets });

describe('the background search index', () => {
  it('is built once per glossary revision, over every term whatever the settings', async () => {
    const db = await openGlossaryDb('search-service-1');
    await replaceSets(db, {
      sets: [{ id: 'perps', title: 'Perpetual Futures', description: '', origin: 'bundled' }],
      terms: [term('funding-rate', 'Funding Rate', ['perps']), term('mark-price', 'Mark Price', ['perps'])],
    });
    const service = createGlossaryService(db, async () => ({ ...DEFAULT_SETTINGS, disabledSets: ['perps'] }));

    const [first, concurrent] = await Promise.all([service.getSearchIndex(), service.getSearchIndex()]);
    expect(concurrent).toBe(first);
    expect(await service.getSearchIndex()).toBe(first);
    expect(first.termCount).toBe(2);
    expect(TermSearch.fromJSON(first.json).search('funding').hits[0]).toMatchObject({
      id: 'funding-rate',
      setTitles: ['Perpetual Futures'],
    });

    await replaceSets(db, { sets: [], terms: [term('basis', 'Basis', ['perps'])] });
    const second = await service.getSearchIndex();
    expect(second.key).not.toBe(first.key);
    expect(TermSearch.fromJSON(second.json).search('basis').hits.map((h) => h.id)).toEqual(['basis']);
  });
});
