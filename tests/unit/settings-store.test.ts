import { beforeEach, describe, expect, it } from 'vitest';
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
  settingsItem,
  settingsTooLarge,
  updateSettings,
} from '../../utils/settings';
import { migrateSettingsToV2 } from '../../utils/settings-migrations';

beforeEach(() => {
  fakeBrowser.reset();
});

/** The bytes storage.sync counts for the settings item: its key and its value as JSON. */
const storedBytes = async () => {
  const { settings } = await fakeBrowser.storage.sync.get('settings');
  return new TextEncoder().encode('settings' + JSON.stringify(settings)).length;
};

describe('settings that would not fit in storage.sync', () => {
  it('hiding terms stops with a clear message at the quota, and keeps every term hidden so far', async () => {
    const ids = compileBundledGlossary(readBundledSources()).terms.map((t) => t.id);
    let hidden = 0;
    let refusal: string | null = null;
    for (const id of ids) {
      refusal = await cannotHideTerm(id);
      if (refusal) {
        await expect(setTermHidden(id, true)).rejects.toThrow(refusal);
        break;
      }
      await setTermHidden(id, true);
      hidden++;
    }
    // Hundreds of terms fit; the whole bundled glossary does not.
    expect(hidden).toBeGreaterThan(300);
    expect(hidden).toBeLessThan(ids.length);
    expect(refusal).toMatch(/^Settings not saved: the browser syncs at most 8,192 bytes of settings and these need 8,[12]\d\d bytes\./);
    expect(refusal).toContain('hidden terms (Options › Term sets › Hidden terms)');
    const stored = await getSettings();
    expect(stored.hiddenTerms).toEqual(ids.slice(0, hidden).sort());
    expect(await storedBytes()).toBeLessThanOrEqual(SYNC_ITEM_QUOTA_BYTES);
    // Showing terms again always works, and makes room for more.
    await setTermHidden(ids[0], false);
    await setTermHidden(ids[1], false);
    expect(await cannotHideTerm(ids[hidden])).toBeNull();
  });

  it('names the list that takes the most room', async () => {
    const sites = Array.from({ length: 600 }, (_, i) => `site-number-${i}.example.com`);
    const problem = settingsTooLarge({ ...DEFAULT_SETTINGS, disabledSites: sites });
    expect(problem).toContain('sites where Termlight is off (Options › Site rules)');
    await expect(updateSettings({ disabledSites: sites })).rejects.toThrow(problem!);
    expect((await getSettings()).disabledSites).toEqual([]);
    expect(settingsTooLarge(DEFAULT_SETTINGS)).toBeNull();
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
