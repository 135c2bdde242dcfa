/**
 * User settings, declared once as versioned `wxt/storage` items. They live in
 * `storage.sync` (small, follows the user across browsers); the glossary
 * itself stays in IndexedDB. Hidden terms, the one list that grows into the
 * hundreds, are kept in items of their own (hidden-terms-storage.ts), read
 * with the rest as one `Settings` and written with it in one call.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { HIDDEN_TERM_ITEM_COUNT, HIDDEN_TERM_KEYS, SYNC_ITEM_QUOTA_BYTES, packHiddenTerms, unpackHiddenTerms, utf8Bytes } from './hidden-terms-storage';
import { SETTINGS_VERSION, migrateSettingsToV2 } from './settings-migrations';
import { createExclusive } from './exclusive';

export { SYNC_ITEM_QUOTA_BYTES } from './hidden-terms-storage';

export type HighlightMode = 'first' | 'all';
/** Site rules: on everywhere except the listed sites, or only on the listed sites. */
export type SiteMode = 'all-but-listed' | 'only-listed';
export type Theme = 'system' | 'light' | 'dark';
/** How a highlight looks: the default dotted underline, a solid one, or a tinted background (easier to spot). */
export type HighlightStyle = 'dotted' | 'solid' | 'tint';

export interface Settings {
  /** Term sets the user turned off (every set is on unless listed). */
  disabledSets: string[];
  /** Terms the user hid from the card ("I know this one"): never highlighted, still in search and the reader. */
  hiddenTerms: string[];
  /** Hostnames where Termlight does nothing (mode `all-but-listed`). */
  disabledSites: string[];
  siteMode: SiteMode;
  /** The only hostnames where Termlight works (mode `only-listed`). */
  enabledSites: string[];
  /** Master switch: no highlighting anywhere. */
  paused: boolean;
  /** Highlight the first occurrence of each term per page, or all of them. */
  highlightMode: HighlightMode;
  highlightStyle: HighlightStyle;
  /** Also highlight terms that are everyday words (call, spread, premium…). */
  includeAmbiguous: boolean;
  /** Hover intent delay before the tooltip opens. */
  hoverDelayMs: number;
  theme: Theme;
  /** Put highlights in the Tab order so the keyboard can reach them. */
  focusableHighlights: boolean;
  /** Show how many terms the page has on the toolbar button (its badge). */
  showTermCount: boolean;
  /** How often feeds are checked for updates, in hours (the alarm's period). */
  feedSyncHours: number;
  /** Highlight colour per set id (CSS colour, e.g. "#0070c9"); sets not listed use the default. */
  setColors: Record<string, string>;
  /**
   * Main-thread work one page scan may use, in milliseconds (advanced: not in
   * the options page). A bigger page is highlighted up to here, the part in
   * view first, and the popup says the page was only partly scanned.
   */
  scanBudgetMs: number;
}

export const DEFAULT_SETTINGS: Settings = {
  disabledSets: [],
  hiddenTerms: [],
  disabledSites: [],
  siteMode: 'all-but-listed',
  enabledSites: [],
  paused: false,
  highlightMode: 'first',
  highlightStyle: 'dotted',
  includeAmbiguous: false,
  hoverDelayMs: 250,
  theme: 'system',
  focusableHighlights: false,
  showTermCount: true,
  feedSyncHours: 12,
  setColors: {},
  scanBudgetMs: 1500,
};

/** The settings of Options › Appearance and behaviour: how Termlight looks and behaves, not what the user listed. */
export const APPEARANCE_FIELDS = [
  'highlightMode',
  'highlightStyle',
  'includeAmbiguous',
  'focusableHighlights',
  'showTermCount',
  'hoverDelayMs',
  'theme',
] as const satisfies readonly (keyof Settings)[];
export type AppearanceSettings = Pick<Settings, (typeof APPEARANCE_FIELDS)[number]>;

/** The default appearance: what "Restore the default appearance" writes (site rules, sets and hidden terms stay). */
export const DEFAULT_APPEARANCE: AppearanceSettings = Object.fromEntries(
  APPEARANCE_FIELDS.map((field) => [field, DEFAULT_SETTINGS[field]]),
) as AppearanceSettings;

export function hasDefaultAppearance(settings: Settings): boolean {
  return APPEARANCE_FIELDS.every((field) => settings[field] === DEFAULT_SETTINGS[field]);
}

export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: { 2: migrateSettingsToV2 },
});

/** The hidden-term items, in the order they fill. */
const hiddenTermItems = HIDDEN_TERM_KEYS.map((key) => storage.defineItem<string[]>(`sync:${key}`, { fallback: [] }));

/** Lists of the settings item that grow with use, and where the user trims each one. */
const GROWING_FIELDS = {
  disabledSites: 'sites where Termlight is off (Options › Site rules)',
  enabledSites: 'sites where Termlight works (Options › Site rules)',
  disabledSets: 'term sets turned off (Options › Term sets)',
  setColors: 'set colours (Options › Term sets)',
} as const satisfies Partial<Record<keyof Settings, string>>;

const bytes = (n: number) => `${n.toLocaleString('en')} bytes`;

/** The settings item as stored: everything but the hidden terms, which have items of their own. */
function storedSettings(settings: Settings): Settings {
  return { ...settings, hiddenTerms: [] };
}

/**
 * Why these settings cannot be saved, or null if they fit: the browser syncs
 * the settings item with at most 8 KB, and the hidden terms in
 * HIDDEN_TERM_ITEM_COUNT items of as much; the message names the list to trim.
 */
export function settingsTooLarge(settings: Settings): string | null {
  if (!packHiddenTerms(settings.hiddenTerms)) {
    return (
      `Not saved: the browser syncs at most ${HIDDEN_TERM_ITEM_COUNT} lists of ${bytes(SYNC_ITEM_QUOTA_BYTES)} of hidden terms, ` +
      `and ${settings.hiddenTerms.length.toLocaleString('en')} hidden terms need more. ` +
      `Show a few again (Options › Term sets › Hidden terms) and try again.`
    );
  }
  const stored = storedSettings(settings);
  const size = utf8Bytes(settingsItem.key.replace(/^sync:/, '') + JSON.stringify(stored));
  if (size <= SYNC_ITEM_QUOTA_BYTES) return null;
  const fields = Object.keys(GROWING_FIELDS) as (keyof typeof GROWING_FIELDS)[];
  const largest = fields.reduce((a, b) => (utf8Bytes(JSON.stringify(stored[b])) > utf8Bytes(JSON.stringify(stored[a])) ? b : a));
  return (
    `Settings not saved: the browser syncs at most ${bytes(SYNC_ITEM_QUOTA_BYTES)} of settings and these need ${bytes(size)}. ` +
    `The ${GROWING_FIELDS[largest]} take the most room; remove a few and try again.`
  );
}

/**
 * Stored settings merged over the defaults, so a field added later always
 * has a value, with the hidden terms from their items (and any an older
 * version kept in the settings item, until the next save moves them).
 */
export async function getSettings(): Promise<Settings> {
  const [stored, hidden] = await Promise.all([settingsItem.getValue(), storage.getItems(hiddenTermItems)]);
  const settings = { ...DEFAULT_SETTINGS, ...stored };
  return { ...settings, hiddenTerms: unpackHiddenTerms([settings.hiddenTerms, ...hidden.map((h) => h.value)]) };
}

/**
 * A change to the settings: the fields to set, or, for a change to a list
 * (a site, a set, a hidden term), a function of the settings as they are
 * when the change is written, so that it adds to or takes from the latest
 * list rather than the one a page showed a moment ago. Such a function must
 * give the same result applied twice ("add this site" keeps one copy): a
 * page shows a change before storage has it, applied over settings that
 * may already hold it (components/shared/use-editable-settings.ts).
 */
export type SettingsChange = Partial<Settings> | ((current: Settings) => Partial<Settings>);

/** The settings with a change applied (pure). */
export function applySettingsChange(current: Settings, change: SettingsChange): Settings {
  return { ...current, ...(typeof change === 'function' ? change(current) : change) };
}

/**
 * Settings changes run one at a time: each reads the settings, applies its
 * change and writes them back, so two changes at once (a radio button and a
 * select in quick succession, the popup and the options page) would each
 * write over the other's.
 */
const oneSettingsChangeAtATime = createExclusive('termlight-settings');

/**
 * Saves a change to the settings; rejects, saving nothing, with a message for
 * the user if they would not fit. The settings item, its version and every
 * hidden-term item are written in one call, so no context reads half a change.
 */
export function updateSettings(change: SettingsChange): Promise<Settings> {
  return oneSettingsChangeAtATime(() => writeSettingsChange(change));
}

async function writeSettingsChange(change: SettingsChange): Promise<Settings> {
  const next = applySettingsChange(await getSettings(), change);
  next.hiddenTerms = unpackHiddenTerms([next.hiddenTerms]);
  const problem = settingsTooLarge(next);
  if (problem) throw new Error(problem);
  const lists = packHiddenTerms(next.hiddenTerms)!;
  await storage.setItems([
    { item: settingsItem, value: storedSettings(next) },
    // The version, as settingsItem.setValue writes it on a first save: written raw, the item would otherwise be migrated again.
    { key: `${settingsItem.key}$`, value: { v: SETTINGS_VERSION } },
    ...hiddenTermItems.map((item, i) => ({ item, value: lists[i] })),
  ]);
  return next;
}

function withTermsHidden(settings: Settings, termIds: readonly string[], hidden: boolean): Pick<Settings, 'hiddenTerms'> {
  const others = settings.hiddenTerms.filter((id) => !termIds.includes(id));
  return { hiddenTerms: hidden ? [...others, ...termIds].sort() : others };
}

/** Hides a term from every page, or shows it again. */
export async function setTermHidden(termId: string, hidden: boolean): Promise<Settings> {
  return setTermsHidden([termId], hidden);
}

/** Hides terms from every page, or shows them again; other hidden terms (say, hidden in another tab meanwhile) stay as they are. */
export async function setTermsHidden(termIds: readonly string[], hidden: boolean): Promise<Settings> {
  return updateSettings((current) => withTermsHidden(current, termIds, hidden));
}

/** Why hiding this term could not be saved now, or null if it can (the card asks before it offers Undo). */
export async function cannotHideTerm(termId: string): Promise<string | null> {
  const settings = await getSettings();
  return settingsTooLarge({ ...settings, ...withTermsHidden(settings, [termId], true) });
}

/** The `storage.sync` keys the settings are read from. */
const SETTINGS_KEYS = new Set([settingsItem, ...hiddenTermItems].map((item) => item.key.replace(/^sync:/, '')));

/**
 * Calls back with the whole settings after any change to them. One listener
 * for all their items: a save writes several at once in one change event,
 * which is read back once, and only the last read is passed on.
 */
export function watchSettings(callback: (settings: Settings) => void): () => void {
  let latest = 0;
  const onChanged = (changes: Record<string, unknown>) => {
    if (!Object.keys(changes).some((key) => SETTINGS_KEYS.has(key))) return;
    const read = ++latest;
    getSettings().then(
      (settings) => {
        if (read === latest) callback(settings);
      },
      () => undefined, // the extension is going away (reloaded or updated)
    );
  };
  // storage.sync's own event, not storage.onChanged: in the background, a
  // listener for every area would wake the sleeping worker whenever a page
  // writes to storage.local (reader history, favourites).
  browser.storage.sync.onChanged.addListener(onChanged);
  return () => browser.storage.sync.onChanged.removeListener(onChanged);
}

/** Whether Termlight should run on a page with this hostname. */
export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  if (settings.paused) return false;
  if (settings.siteMode === 'only-listed') return siteListCovers(settings.enabledSites, hostname);
  return !siteListCovers(settings.disabledSites, hostname);
}

/** Whether a list of site rules covers a hostname: "www." does not count, a domain covers its subdomains. */
export function siteListCovers(sites: readonly string[], hostname: string): boolean {
  const host = hostname.replace(/^www\./, '');
  return sites.some((site) => host === site || host.endsWith(`.${site}`));
}
