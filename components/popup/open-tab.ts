/** Opening other extension pages from the popup. */
import { browser } from 'wxt/browser';

/** Opens a tab; the toolbar popup then closes, as popups do after sending the user elsewhere. */
export async function openTab(url: string, closePopup: boolean): Promise<void> {
  await browser.tabs.create({ url });
  if (closePopup) window.close();
}
