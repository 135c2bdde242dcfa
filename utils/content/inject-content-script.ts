/**
 * Starting Termlight in a tab that has no content script of ours: one that
 * was open before the extension was installed, or whose script an update
 * orphaned. Chrome runs a manifest's content scripts only in pages loaded
 * afterwards, and the content script's match patterns do not count as host
 * access for `scripting`. The toolbar button does: opening the popup (or its
 * keyboard shortcut) grants `activeTab` for that tab, so the popup injects
 * the declared scripts there. Firefox injects into open tabs by itself.
 *
 * A copy injected where another still runs does not double the highlights:
 * WXT's content script context stops the older copy of the same script when
 * a newer one starts (an orphaned copy has removed its own by then: it
 * notices within a second of the update).
 */

/** One `content_scripts` entry of the manifest, as far as injection goes. */
export interface DeclaredContentScript {
  js?: string[];
  css?: string[];
  all_frames?: boolean;
}

export interface InjectionTarget {
  tabId: number;
  allFrames: boolean;
}

/** What `browser.scripting` provides, narrowed so tests can pass fakes. */
export interface ScriptingApi {
  insertCss(target: InjectionTarget, files: string[]): Promise<unknown>;
  executeScript(target: InjectionTarget, files: string[]): Promise<unknown>;
}

/**
 * Injects every declared content script into the tab, its styles first so no
 * highlight shows unstyled. Resolves to false, without throwing, where the
 * browser refuses (its own pages, the web store, no `activeTab` grant).
 */
export async function injectContentScripts(api: ScriptingApi, tabId: number, scripts: readonly DeclaredContentScript[]): Promise<boolean> {
  const declared = scripts.filter((s) => s.js?.length);
  if (declared.length === 0) return false;
  try {
    for (const script of declared) {
      const target = { tabId, allFrames: script.all_frames === true };
      if (script.css?.length) await api.insertCss(target, script.css);
      await api.executeScript(target, script.js!);
    }
    return true;
  } catch {
    return false;
  }
}
