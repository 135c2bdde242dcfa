import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readBundledSources } from '../../data/tools/read-sources';
import { compileBundledGlossary } from '../../utils/glossary/compile-bundled';
import {
  DEFAULT_APPEARANCE,
  DEFAULT_SETTINGS,
  hasDefaultAppearance,
  SYNC_ITEM_QUOTA_BYTES,
  cannotHideTerm,
  getSettings,
  setTermHidden,
  setTermsHidden,
  settingsItem,
  settingsTooLarge,
  updateSettings,
  watchSettings,
  type Settings,
} from '../../utils/settings';
import { migrateSettingsToV2 } from '../../utils/settings-migrations';
import { HIDDEN_TERM_ITEM_COUNT, packHiddenTerms, unpackHiddenTerms } from '../../utils/hidden-terms-storage';

beforeEach(() => {
  fakeBrowser.reset();
});

/** The bytes storage.sync counts for an item: its key and its value as JSON. */
const storedBytes = async (key: string) => {
  const { [key]: value } = await fakeBrowser.storage.sync.get(key);
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
};

/** Every key Termlight keeps in storage.sync, with the bytes each takes. */
const syncItems = async () => {
  const all = await fakeBrowser.storage.sync.get(null);
  return Object.keys(all).map((key) => ({ key, bytes: new TextEncoder().encode(key + JSON.stringify(all[key])).length }));
};

describe('hidden terms in storage.sync', () => {
  it('the whole bundled glossary can be hidden, in items within the per-item quota, and shown again', async () => {
    const ids = compileBundledGlossary(readBundledSources()).terms.map((t) => t.id);
    await setTermsHidden(ids, true);
    expect((await getSettings()).hiddenTerms).toEqual([...ids].sort());
    const items = await syncItems();
    for (const { bytes } of items) expect(bytes).toBeLessThanOrEqual(SYNC_ITEM_QUOTA_BYTES);
    // The settings item itself stays small: the terms are in their own items.
    expect(await storedBytes('settings')).toBeLessThan(1000);
    expect(items.reduce((sum, i) => sum + i.bytes, 0)).toBeLessThan(102_400);
    await setTermsHidden(ids.slice(0, 10), false);
    expect((await getSettings()).hiddenTerms).toEqual(ids.slice(10).sort());
  });

  it('hiding stops with a clear message when the items are full, and keeps every term hidden so far', async () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `a-long-synthetic-term-id-${String(i).padStart(4, '0')}`);
    let hidden = 0;
    let refusal: string | null = null;
    for (let batch = 0; batch < ids.length; batch += 250) {
      const next = ids.slice(batch, batch + 250);
      if (settingsTooLarge({ ...DEFAULT_SETTINGS, hiddenTerms: ids.slice(0, batch + 250) })) break;
      await setTermsHidden(next, true);
      hidden = batch + 250;
    }
    // Far more than the ~400 the settings item held; not unlimited.
    expect(hidden).toBeGreaterThan(2000);
    expect(hidden).toBeLessThan(ids.length);
    // One by one up to the last term that fits.
    for (const id of ids.slice(hidden)) {
      refusal = await cannotHideTerm(id);
      if (refusal) {
        await expect(setTermHidden(id, true)).rejects.toThrow(refusal);
        break;
      }
      await setTermHidden(id, true);
      hidden++;
    }
    expect(refusal).toMatch(/^Not saved: the browser syncs at most 10 lists of 8,192 bytes of hidden terms, and [\d,]+ hidden terms need more\. Show a few again \(Options › Term sets › Hidden terms\)/);
    expect((await getSettings()).hiddenTerms).toEqual(ids.slice(0, hidden));
    for (const { bytes } of await syncItems()) expect(bytes).toBeLessThanOrEqual(SYNC_ITEM_QUOTA_BYTES);
    // Showing terms again always works, and makes room for more.
    await setTermHidden(ids[0], false);
    expect(await cannotHideTerm(ids[hidden])).toBeNull();
  });

  it('hidden terms an older version kept in the settings item still count, and the next save moves them to their own items', async () => {
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, hiddenTerms: ['basis', 'max-pain'] }, settings$: { v: 2 } });
    expect((await getSettings()).hiddenTerms).toEqual(['basis', 'max-pain']);
    await setTermHidden('funding-rate', true);
    expect((await getSettings()).hiddenTerms).toEqual(['basis', 'funding-rate', 'max-pain']);
    const { settings, hiddenTerms0 } = await fakeBrowser.storage.sync.get(['settings', 'hiddenTerms0']);
    expect((settings as { hiddenTerms: string[] }).hiddenTerms).toEqual([]);
    expect(hiddenTerms0).toEqual(['basis', 'funding-rate', 'max-pain']);
    // Showing a term again that the old layout held removes it for good.
    await setTermHidden('basis', false);
    expect((await getSettings()).hiddenTerms).toEqual(['funding-rate', 'max-pain']);
  });

  it('a watcher hears of a term hidden elsewhere, with the whole settings, once per save', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    await updateSettings({ theme: 'dark' });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    // Another context writes one hidden-term item only.
    await fakeBrowser.storage.sync.set({ hiddenTerms0: ['basis'] });
    await vi.waitFor(() => expect(seen.at(-1)?.hiddenTerms).toEqual(['basis']));
    expect(seen.at(-1)?.theme).toBe('dark');
    // A save writes eleven items and the version in one go: one call back.
    await setTermHidden('max-pain', true);
    await vi.waitFor(() => expect(seen.at(-1)?.hiddenTerms).toEqual(['basis', 'max-pain']));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen).toHaveLength(3);
    unwatch();
  });
});

describe('packing hidden terms into items', () => {
  it('sorts, drops repeats, fills the items in order and refuses an id no item can hold', () => {
    const lists = packHiddenTerms(['b', 'a', 'b'])!;
    expect(lists).toHaveLength(HIDDEN_TERM_ITEM_COUNT);
    expect(lists[0]).toEqual(['a', 'b']);
    expect(lists.slice(1).every((l) => l.length === 0)).toBe(true);
    expect(packHiddenTerms(['x'.repeat(SYNC_ITEM_QUOTA_BYTES)])).toBeUndefined();
  });

  it('reads back what it packed, and ignores values that are not lists of ids', () => {
    const ids = Array.from({ length: 1500 }, (_, i) => `term-${i}`);
    expect(unpackHiddenTerms(packHiddenTerms(ids)!)).toEqual([...ids].sort());
    expect(unpackHiddenTerms([null, 'basis', ['basis', 7, 'call'], { 0: 'x' }])).toEqual(['basis', 'call']);
  });
});

describe('settings that would not fit in storage.sync', () => {
  it('names the list that takes the most room', async () => {
    const sites = Array.from({ length: 600 }, (_, i) => `site-number-${i}.example.com`);
    const problem = settingsTooLarge({ ...DEFAULT_SETTINGS, disabledSites: sites });
    expect(problem).toMatch(/^Settings not saved: the browser syncs at most 8,192 bytes of settings and these need [\d,]+ bytes\./);
    expect(problem).toContain('sites where Termlight is off (Options › Site rules)');
    await expect(updateSettings({ disabledSites: sites })).rejects.toThrow(problem!);
    expect((await getSettings()).disabledSites).toEqual([]);
    expect(settingsTooLarge(DEFAULT_SETTINGS)).toBeNull();
  });

  it('hidden terms no longer take room in the settings item', async () => {
    const sites = Array.from({ length: 200 }, (_, i) => `site-number-${i}.example.com`);
    const hidden = compileBundledGlossary(readBundledSources()).terms.map((t) => t.id);
    expect(settingsTooLarge({ ...DEFAULT_SETTINGS, disabledSites: sites, hiddenTerms: hidden })).toBeNull();
  });
});

describe('restoring the default appearance', () => {
  it('puts every appearance setting back and leaves the lists the user made', async () => {
    await updateSettings({ theme: 'dark', highlightStyle: 'tint', hoverDelayMs: 900, showTermCount: false, disabledSites: ['example.com'], hiddenTerms: ['basis'] });
    expect(hasDefaultAppearance(await getSettings())).toBe(false);
    const restored = await updateSettings(DEFAULT_APPEARANCE);
    expect(hasDefaultAppearance(restored)).toBe(true);
    expect(restored).toEqual({ ...DEFAULT_SETTINGS, disabledSites: ['example.com'], hiddenTerms: ['basis'] });
  });
});

describe('settings v2 (Macro and Rates split in four)', () => {
  it('a user who had turned Macro and Rates off, or coloured it, gets the same for the sets split out of it', async () => {
    const v1 = { ...DEFAULT_SETTINGS, disabledSets: ['macro-rates', 'volatility'], setColors: { 'macro-rates': '#c0392b', 'economic-data': '#111111' } };
    await fakeBrowser.storage.sync.set({ settings: v1 });
    await settingsItem.migrate();
    const migrated = await getSettings();
    expect(migrated.disabledSets).toEqual(['bonds-yields', 'currencies-flows', 'economic-data', 'macro-rates', 'volatility']);
    // A colour the user already gave a new set id is kept.
    expect(migrated.setColors).toEqual({ 'macro-rates': '#c0392b', 'bonds-yields': '#c0392b', 'economic-data': '#111111', 'currencies-flows': '#c0392b' });
    expect(migrateSettingsToV2({ ...DEFAULT_SETTINGS, disabledSets: ['volatility'] })).toEqual({ ...DEFAULT_SETTINGS, disabledSets: ['volatility'] });
  });
});

describe('settings changes made at once', () => {
  it('all land: each change is written over the one before it, not over what both read', async () => {
    await Promise.all([updateSettings({ highlightMode: 'all' }), updateSettings({ theme: 'dark' }), updateSettings({ hoverDelayMs: 400 })]);
    expect(await getSettings()).toMatchObject({ highlightMode: 'all', theme: 'dark', hoverDelayMs: 400 });
  });

  it('to a list (hidden terms, sets, sites) add to the list as stored, so two quick switches both count', async () => {
    await Promise.all([
      setTermHidden('basis', true),
      setTermHidden('max-pain', true),
      updateSettings((current) => ({ disabledSets: [...current.disabledSets, 'volatility'] })),
      updateSettings((current) => ({ disabledSets: [...current.disabledSets, 'defi-liquidity'] })),
    ]);
    const settings = await getSettings();
    expect(settings.hiddenTerms).toEqual(['basis', 'max-pain']);
    expect([...settings.disabledSets].sort()).toEqual(['defi-liquidity', 'volatility']);
  });

  it('one that cannot be saved leaves the next to go ahead', async () => {
    const tooMany = Array.from({ length: 5000 }, (_, i) => `a-long-synthetic-site-name-${i}.example.com`);
    const [refused, saved] = await Promise.allSettled([updateSettings({ disabledSites: tooMany }), updateSettings({ theme: 'light' })]);
    expect(refused.status).toBe('rejected');
    expect(saved.status).toBe('fulfilled');
    expect(await getSettings()).toMatchObject({ disabledSites: [], theme: 'light' });
  });
});
