/** Links from the popup to the reader page (another entrypoint), and opening them. */
import { browser, type PublicPath } from 'wxt/browser';

// The reader entrypoint is built by its own work; WXT's list of public paths may not know it.
const READER_PATH = '/reader.html' as PublicPath;

/** The reader at one term, or at its start page. */
export function readerUrl(termId?: string): string {
  const base = browser.runtime.getURL(READER_PATH);
  return termId ? `${base}#/term/${encodeURIComponent(termId)}` : base;
}

/** Opens a tab; the toolbar popup then closes, as popups do after sending the user elsewhere. */
export async function openTab(url: string, closePopup: boolean): Promise<void> {
  await browser.tabs.create({ url });
  if (closePopup) window.close();
}
