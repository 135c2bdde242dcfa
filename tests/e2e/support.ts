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
