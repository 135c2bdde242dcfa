/**
 * How stored settings change from one version to the next. Pure (no storage
 * import), so the end-to-end tests can write the current version too.
 */
import type { Settings } from './settings';

/** The settings item's version: bump it with a migration below. */
export const SETTINGS_VERSION = 2;

/**
 * The sets that left Macro and Rates (`macro-rates`, now Central Banks and
 * Policy) when it was split in four. Settings v2 gives them what the user had
 * chosen for the old set, so a set that was off stays off, colour and all.
 */
export const SPLIT_FROM_MACRO_RATES = ['bonds-yields', 'economic-data', 'currencies-flows'] as const;

/** v1 to v2. The stored value may be partial (written by an old build or by hand), so every field read may be missing. */
export function migrateSettingsToV2(v1: Settings): Settings {
  const disabledSets = v1.disabledSets ?? [];
  const setColors = { ...v1.setColors };
  const oldColor = setColors['macro-rates'];
  for (const id of SPLIT_FROM_MACRO_RATES) if (oldColor && !setColors[id]) setColors[id] = oldColor;
  return {
    ...v1,
    disabledSets: disabledSets.includes('macro-rates') ? [...new Set([...disabledSets, ...SPLIT_FROM_MACRO_RATES])].sort() : disabledSets,
    setColors,
  };
}
