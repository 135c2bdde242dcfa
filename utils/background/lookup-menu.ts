/**
 * The page's context menu item "Look up “…” in Termlight": on selected
 * text, it opens the reader in a tab next to the page's, at the term the
 * words name or at a search for them. It reaches what the page leaves plain:
 * everyday words such as "call" or "basis", hidden terms, text in code or
 * in a form, and words the user wants searched.
 */
import { lookupQuery } from '../search/lookup';

export const LOOKUP_MENU_ID = 'termlight-lookup';

/** What this module uses of `contextMenus` (a fake in unit tests). */
export interface MenusApi {
  removeAll(): Promise<void> | void;
  create(properties: { id: string; title: string; contexts: ['selection'] }): unknown;
}

export interface LookupClick {
  menuItemId: string | number;
  selectionText?: string;
}

/**
 * Creates the menu item. Called at every background start, after removing
 * what an earlier start made: Firefox's background page forgets its menus
 * when the browser closes, while Chrome keeps them, and creating an item
 * that exists is an error there.
 */
export async function registerLookupMenu(menus: MenusApi): Promise<void> {
  await menus.removeAll();
  // %s: the browser puts (the start of) the selection in the title.
  menus.create({ id: LOOKUP_MENU_ID, title: 'Look up “%s” in Termlight', contexts: ['selection'] });
}

/** The query a click on the item looks up, or undefined for another menu's click or a selection with no words. */
export function lookupOfClick(click: LookupClick): string | undefined {
  if (click.menuItemId !== LOOKUP_MENU_ID) return undefined;
  const query = lookupQuery(click.selectionText ?? '');
  return query === '' ? undefined : query;
}
