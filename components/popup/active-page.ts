/**
 * The web page the popup is about, and what Termlight's content script on it
 * reports. The popup has neither the `tabs` permission nor host permissions,
 * so it learns a tab's id from `tabs.query` and the page's hostname from the
 * content script itself; a page where no content script runs (browser pages,
 * the web store, tabs opened before the extension was installed) answers
 * nothing. Opened from the toolbar, the popup then starts Termlight in that
 * tab (`startTermlightIn`); where it cannot, it says so.
 */
import { browser, type Browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { injectContentScripts } from '../../utils/content/inject-content-script';
import { pageMessaging, type PageGlossary, type PageInfo } from '../../utils/messaging/protocol';

export interface PageTerm {
  termId: string;
  count: number;
}

/**
 * The tab the popup is about.
 *
 * Opened from the toolbar button or the keyboard shortcut, the popup is not a
 * tab: the active tab of the last focused window is the page the user is on.
 * Opened as a page of its own (popup.html in a tab: the end-to-end tests do
 * this, since a test cannot click the toolbar), that query would answer the
 * popup itself, so the popup takes the most recently used other tab in a
 * normal window instead. No test-only switch is needed.
 */
export async function findTargetTab(): Promise<{ tab?: Browser.tabs.Tab; inToolbar: boolean }> {
  const own = await browser.tabs.getCurrent();
  if (!own) {
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    return { tab, inToolbar: true };
  }
  const others = (await browser.tabs.query({ windowType: 'normal' })).filter((t) => t.id !== own.id);
  others.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0) || Number(b.active) - Number(a.active));
  return { tab: others[0], inToolbar: false };
}

/**
 * The content script runs in same-origin frames too; the popup speaks for
 * the page itself, so it asks the top frame only (otherwise whichever frame
 * answers first would win).
 */
const topFrame = (tabId: number) => ({ tabId, frameId: 0 });

/** The page's hostname and scan state, or undefined when no content script of ours answers in that tab. */
export async function askPageInfo(tabId: number): Promise<PageInfo | undefined> {
  try {
    return await pageMessaging.sendMessage('getPageInfo', undefined, topFrame(tabId));
  } catch {
    return undefined;
  }
}

export async function askPageTerms(tabId: number): Promise<PageTerm[] | undefined> {
  try {
    return await pageMessaging.sendMessage('getPageTerms', undefined, topFrame(tabId));
  } catch {
    return undefined;
  }
}

/**
 * The page's JSON-LD blocks (untrusted page text), or undefined when no
 * content script of ours answers. Asked of the top document only: the
 * content script also runs in same-origin frames, whose JSON-LD is not the page's.
 */
export async function askPageGlossary(tabId: number): Promise<PageGlossary | undefined> {
  try {
    return await pageMessaging.sendMessage('getPageGlossary', undefined, topFrame(tabId));
  } catch {
    return undefined;
  }
}

/**
 * Injects the content script into the tab the toolbar popup was opened on
 * (the click granted `activeTab`). False where the browser refuses, and in
 * Firefox, which injects into open tabs by itself.
 */
export function startTermlightIn(tabId: number): Promise<boolean> {
  if (import.meta.env.FIREFOX || !browser.scripting) return Promise.resolve(false);
  return injectContentScripts(
    {
      insertCss: (target, files) => browser.scripting.insertCSS({ target, files }),
      // The manifest's own paths: WXT's list of public paths does not know the built names.
      executeScript: (target, files) => browser.scripting.executeScript({ target, files: files as ScriptPublicPath[] }),
    },
    tabId,
    browser.runtime.getManifest().content_scripts ?? [],
  );
}

export async function revealOnPage(tabId: number, termId: string): Promise<boolean> {
  try {
    return await pageMessaging.sendMessage('revealTerm', termId, topFrame(tabId));
  } catch {
    return false;
  }
}
