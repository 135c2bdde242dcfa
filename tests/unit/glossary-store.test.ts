import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getAllTerms, getRevision, getTerm, listSets, replaceSets } from '../../utils/db/glossary-store';
import { openGlossaryDb, type GlossaryDb } from '../../utils/db/schema';
import { importBundledGlossary } from '../../utils/glossary/bundled';
import type { Glossary, Term } from '../../utils/glossary/schema';
import { makeTerm } from '../support/make-term';

const term = (id: string, sets: string[], summary = `About ${id}.`): Term => makeTerm({ id, sets, summary });

const bundled = (terms: Term[]): Glossary => ({
  format: 'termlight-glossary',
  version: 1,
  sets: [
    { id: 'a', title: 'Set A', description: '', origin: 'bundled' },
    { id: 'b', title: 'Set B', description: '', origin: 'bundled' },
  ],
  terms,
});

let db: GlossaryDb;
let name = 0;
beforeEach(async () => {
  db = await openGlossaryDb(`test-${++name}`);
});
afterEach(() => db.close());

describe('the glossary store', () => {
  it('imports the bundled glossary once and skips an unchanged copy', async () => {
    const text = JSON.stringify(bundled([term('basis', ['a']), term('contango', ['a', 'b'])]));
    const first = await importBundledGlossary(db, text);
    expect(first).toMatchObject({ added: 2, removed: 0 });
    expect(await importBundledGlossary(db, text)).toBe('unchanged');
    expect(await getRevision(db)).toBe(1);
    const sets = await listSets(db);
    expect(sets.map((s) => [s.id, s.termCount])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
  });

  it('an updated bundle replaces changed terms and removes dropped ones', async () => {
    await importBundledGlossary(db, JSON.stringify(bundled([term('basis', ['a']), term('contango', ['a'])])));
    const result = await importBundledGlossary(db, JSON.stringify(bundled([term('basis', ['a'], 'New text.')])));
    expect(result).toMatchObject({ added: 0, updated: 1, removed: 1 });
    expect((await getTerm(db, 'basis'))?.summary).toBe('New text.');
    expect(await getTerm(db, 'contango')).toBeUndefined();
  });

  it('replacing a set keeps the memberships a term has in other sets', async () => {
    await replaceSets(db, bundled([term('basis', ['a'])]), 'bundled');
    await replaceSets(db, {
      sets: [{ id: 'mine', title: 'My terms', description: '', origin: 'mine' }],
      terms: [term('basis', ['a', 'mine'])],
    });
    await replaceSets(db, bundled([term('basis', ['a'], 'Updated.')]), 'bundled');
    expect((await getTerm(db, 'basis'))?.sets.sort()).toEqual(['a', 'mine']);
  });

  it('is idempotent: the same write twice gives the same terms', async () => {
    const glossary = bundled([term('basis', ['a']), term('contango', ['b'])]);
    await replaceSets(db, glossary, 'bundled');
    const once = await getAllTerms(db);
    await replaceSets(db, glossary, 'bundled');
    expect(await getAllTerms(db)).toEqual(once);
  });

  it('a failed write leaves the previous glossary whole', async () => {
    await replaceSets(db, bundled([term('basis', ['a']), term('contango', ['a'])]), 'bundled');
    // A term without a key path value makes put() throw inside the transaction.
    const broken = bundled([term('basis', ['a'], 'Changed.'), { ...term('x', ['a']), id: undefined as unknown as string }]);
    await expect(replaceSets(db, broken, 'bundled')).rejects.toThrow();
    expect((await getTerm(db, 'basis'))?.summary).toBe('About basis.');
    expect(await getTerm(db, 'contango')).toBeDefined();
    expect(await getRevision(db)).toBe(1);
  });

  it('rejects an invalid bundled glossary with the path of the bad field', async () => {
    const bad = bundled([{ ...term('basis', ['a']), summary: '' }]);
    await expect(importBundledGlossary(db, JSON.stringify(bad))).rejects.toThrow('terms[0].summary: must not be empty');
    expect(await getAllTerms(db)).toEqual([]);
  });
});

describe('schema upgrades', () => {
  it('a database from the previous release (v2) opens as v3 with every term, set and feed kept', async () => {
    const { openDB } = await import('idb');
    // v2 exactly as released: terms (by-set), sets, meta, feeds (by-url).
    const old = await openDB('upgrade-from-v2', 2, {
      upgrade(v2) {
        v2.createObjectStore('terms', { keyPath: 'id' }).createIndex('by-set', 'sets', { multiEntry: true });
        v2.createObjectStore('sets', { keyPath: 'id' });
        v2.createObjectStore('meta');
        v2.createObjectStore('feeds', { keyPath: 'id' }).createIndex('by-url', 'url', { unique: true });
      },
    });
    await old.put('terms', term('funding-rate', ['a']));
    await old.put('sets', { id: 'a', title: 'Set A', description: '', origin: 'bundled' });
    await old.put('meta', 7, 'revision');
    await old.put('feeds', { id: 'f1', url: 'https://feeds.example/g.json' });
    old.close();

    const upgraded = await openGlossaryDb('upgrade-from-v2');
    expect(upgraded.version).toBe(3);
    expect((await getAllTerms(upgraded)).map((t) => t.id)).toEqual(['funding-rate']);
    expect(await getRevision(upgraded)).toBe(7);
    expect(await upgraded.count('feeds')).toBe(1);
    expect(await upgraded.get('derived', 'searchIndex')).toBeUndefined();
    upgraded.close();
  });
});
