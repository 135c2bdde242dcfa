/** Helpers shared by the end-to-end specs. */
import type { Page, Worker } from '@playwright/test';
import type { Settings } from '../../utils/settings';
import { SETTINGS_VERSION } from '../../utils/settings-migrations';

/**
 * Changes settings the way the options page does: through storage.sync, with
 * the item's version (`settings$`), so that a context starting meanwhile does
 * not take the value for an old one to migrate and write it back over this.
 */
export async function setSettings(serviceWorker: Worker, patch: Partial<Settings>): Promise<void> {
  await serviceWorker.evaluate(
    async ({ p, version }) => {
      const { settings } = await chrome.storage.sync.get('settings');
      await chrome.storage.sync.set({ settings: { ...(settings ?? {}), ...p }, settings$: { v: version } });
    },
    { p: patch, version: SETTINGS_VERSION },
  );
}

/**
 * Stores the current settings with their hidden terms padded so the item is
 * exactly `bytes` long, counted as Termlight and Chrome count it (key + JSON,
 * UTF-8), straight through chrome.storage.sync. Returns the size stored, or
 * the browser's error if it refused.
 */
export async function storeSettingsOfSize(serviceWorker: Worker, bytes: number): Promise<number | string> {
  return serviceWorker.evaluate(
    async ({ target, version }) => {
      const { settings } = (await chrome.storage.sync.get('settings')) as { settings?: object };
      const size = (s: unknown) => new TextEncoder().encode('settings' + JSON.stringify(s)).length;
      const padded = { ...settings, hiddenTerms: ['pad'] };
      padded.hiddenTerms = ['pad'.padEnd(3 + target - size(padded), 'x')];
      try {
        await chrome.storage.sync.set({ settings: padded, settings$: { v: version } });
        return size(padded);
      } catch (error) {
        return String(error);
      }
    },
    { target: bytes, version: SETTINGS_VERSION },
  );
}

/** Waits until the number of highlights stops changing, and returns them as [termId, text]. */
export async function settledHighlights(page: Page, quietMs = 600): Promise<Array<[string, string]>> {
  let last = -1;
  let stableSince = Date.now();
  for (let i = 0; i < 200; i++) {
    const count = await page.locator('mark.termlight').count();
    if (count !== last) {
      last = count;
      stableSince = Date.now();
    } else if (Date.now() - stableSince >= quietMs && count > 0) break;
    await page.waitForTimeout(100);
  }
  return page.$$eval('mark.termlight', (marks) =>
    marks.map((m) => [(m as HTMLElement).dataset.termId ?? '', m.textContent ?? ''] as [string, string]),
  );
}
