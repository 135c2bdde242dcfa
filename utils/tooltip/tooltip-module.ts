/**
 * The definition card's code is not in the content script. Preact, the card,
 * its controller and Floating UI are half of the content script's code, and
 * every page and frame compiled them at load, though most pages are read
 * without opening a single card. They are built as a file of their own
 * (entrypoints/tooltip-card.ts, `/tooltip-card.js`), loaded on the first
 * hover, keyboard focus or tap on a highlight (utils/content/lazy-tooltip.ts).
 *
 * The file is imported with a dynamic `import()` of its extension URL: it
 * runs in the content script's own isolated world (the page cannot see it,
 * and the page's Content-Security-Policy does not apply) and hands its entry
 * over through that world's global object, since WXT builds it as a classic
 * script that exports nothing. It reaches storage and the background only
 * through the services the content script gives it, so it carries no second
 * copy of the messaging and storage code.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { TermView } from '../messaging/protocol';
import type { Settings } from '../settings';

/** What the card needs from the extension, supplied by the content script (utils/content/tooltip-services.ts). */
export interface TooltipServices {
  getTerm(id: string): Promise<TermView | null>;
  openReader(id: string): Promise<void>;
  /** The reader's address for a term: the card's "Read more" link. */
  readerUrl(id: string): string;
  /** Adds a look-up to the reader's history. */
  recordLookup(id: string): Promise<void>;
  /** Why hiding the term cannot be saved (settings full), or null. */
  cannotHideTerm(id: string): Promise<string | null>;
  setTermHidden(id: string, hidden: boolean): Promise<unknown>;
  watchSettings(callback: (settings: Settings) => void): () => void;
  /** Called after the glossary changed (a feed sync, an import). */
  watchGlossaryRevision(callback: () => void): () => void;
}

/**
 * The interaction that loaded the card, if the user is still there when it
 * has loaded: the card then opens as if it had been on the page all along.
 */
export type FirstContact =
  | { cause: 'pointer'; mark: HTMLElement; pointer: { x: number; y: number } }
  | { cause: 'focus' | 'tap'; mark: HTMLElement };

export interface TooltipModule {
  mountTooltip(ctx: ContentScriptContext, settings: Settings, services: TooltipServices, first: FirstContact | null): Promise<void>;
}

/** A registered symbol: the same key in the content script and in the loaded file, invisible to the page's world. */
const MODULE_KEY = Symbol.for('termlight.tooltip-module');
type ModuleSlot = { [MODULE_KEY]?: TooltipModule };

/** Called by the card's file when it runs. */
export function registerTooltipModule(module: TooltipModule): void {
  (globalThis as ModuleSlot)[MODULE_KEY] = module;
}

/** Loads the card's file (once per frame: the browser keeps imported modules) and returns its entry. */
export async function loadTooltipModule(url: string): Promise<TooltipModule> {
  await import(/* @vite-ignore */ url);
  const module = (globalThis as ModuleSlot)[MODULE_KEY];
  if (!module) throw new Error(`${url} loaded without registering the definition card`);
  return module;
}
