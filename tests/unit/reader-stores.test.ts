import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  FAVOURITES_LIMIT,
  cleanFavourites,
  getFavourites,
  setFavourite,
  watchFavourites,
  withFavourite,
} from '../../utils/reader/favourites';
import {
  HISTORY_LIMIT,
  cleanHistory,
  clearHistory,
  getHistory,
  recordLookup,
  watchHistory,
  withLookup,
} from '../../utils/reader/history';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('history of looked-up terms', () => {
  it('puts the newest lookup on top and a repeated one is moved, not listed twice', () => {
    let history = withLookup([], 'a', 1);
    history = withLookup(history, 'b', 2);
    history = withLookup(history, 'a', 3);
    expect(history).toEqual([
      { termId: 'a', at: 3 },
      { termId: 'b', at: 2 },
    ]);
  });

  it(`keeps the last ${HISTORY_LIMIT} terms`, async () => {
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) await recordLookup(`term-${i}`, i);
    const history = await getHistory();
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history[0]).toEqual({ termId: `term-${HISTORY_LIMIT + 4}`, at: HISTORY_LIMIT + 4 });
    expect(history.at(-1)?.termId).toBe('term-5');
  });

  it('is stored in storage.local under "history", where the tooltip and popup can add to it', async () => {
    await recordLookup('funding-rate', 10);
    expect(await fakeBrowser.storage.local.get('history')).toEqual({ history: [{ termId: 'funding-rate', at: 10 }] });
  });

  it('records lookups made in quick succession without losing one', async () => {
    await Promise.all(['a', 'b', 'c', 'd'].map((id, i) => recordLookup(id, i)));
    expect((await getHistory()).map((l) => l.termId)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('clears, and tells watchers', async () => {
    const seen: number[] = [];
    const unwatch = watchHistory((h) => seen.push(h.length));
    await recordLookup('a', 1);
    await clearHistory();
    await new Promise((r) => setTimeout(r, 0));
    unwatch();
    expect(await getHistory()).toEqual([]);
    expect(seen).toEqual([1, 0]);
  });

  it('ignores malformed stored entries', async () => {
    expect(cleanHistory('nope')).toEqual([]);
    expect(cleanHistory([{ termId: 'a', at: 1 }, { termId: 2 }, null, { termId: '', at: 1 }, { termId: 'b', at: 'x' }])).toEqual([
      { termId: 'a', at: 1 },
    ]);
    await fakeBrowser.storage.local.set({ history: { broken: true } });
    expect(await getHistory()).toEqual([]);
    await recordLookup('a', 1);
    expect(await getHistory()).toEqual([{ termId: 'a', at: 1 }]);
  });
});

describe('favourites (starred terms)', () => {
  it('stars on top, unstars, never twice', () => {
    expect(withFavourite(['a', 'b'], 'c', true)).toEqual(['c', 'a', 'b']);
    expect(withFavourite(['a', 'b'], 'b', true)).toEqual(['b', 'a']);
    expect(withFavourite(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(withFavourite(['a'], 'x', false)).toEqual(['a']);
    expect(withFavourite(Array.from({ length: FAVOURITES_LIMIT }, (_, i) => `t${i}`), 'new', true)).toHaveLength(
      FAVOURITES_LIMIT,
    );
  });

  it('is stored in storage.local under "favourites" and watched', async () => {
    const seen: string[][] = [];
    const unwatch = watchFavourites((f) => seen.push(f));
    await setFavourite('max-pain', true);
    await setFavourite('basis', true);
    await setFavourite('max-pain', false);
    await new Promise((r) => setTimeout(r, 0));
    unwatch();
    expect(await getFavourites()).toEqual(['basis']);
    expect(await fakeBrowser.storage.local.get('favourites')).toEqual({ favourites: ['basis'] });
    expect(seen.at(-1)).toEqual(['basis']);
  });

  it('ignores malformed stored values', () => {
    expect(cleanFavourites(undefined)).toEqual([]);
    expect(cleanFavourites(['a', 3, '', 'a', 'b'])).toEqual(['a', 'b']);
  });
});
