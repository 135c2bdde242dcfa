/**
 * How hidden terms are laid out in `storage.sync`. The browser syncs items of
 * at most 8 KB each, and the settings item held them all until it was full at
 * about 400 terms; they now live in HIDDEN_TERM_ITEM_COUNT items of their
 * own, `hiddenTerms0`, `hiddenTerms1`…, filled in order. Pure: the storage
 * calls are in settings.ts.
 */

/**
 * What `storage.sync` holds at most in one item (Chrome's and Firefox's
 * QUOTA_BYTES_PER_ITEM), counted as the key plus its value as JSON. A write
 * over it fails; Termlight checks first so it can say what to trim.
 */
export const SYNC_ITEM_QUOTA_BYTES = 8192;

/**
 * Items for hidden terms: about 4,100 terms of ids as long as the bundled
 * glossary's (15 characters on average), about four times the bundled
 * glossary. With the settings item they stay under the 100 KB the browser
 * syncs for an extension in all (QUOTA_BYTES, 102,400).
 */
export const HIDDEN_TERM_ITEM_COUNT = 10;

/** Storage keys of the hidden-term items, in the order they fill. */
export const HIDDEN_TERM_KEYS = Array.from({ length: HIDDEN_TERM_ITEM_COUNT }, (_, i) => `hiddenTerms${i}`);

const encoder = new TextEncoder();
export const utf8Bytes = (text: string) => encoder.encode(text).length;

/**
 * Splits hidden term ids (sorted, without repeats) over the hidden-term items,
 * each within the per-item quota: one list per item, the unused ones empty.
 * Undefined when they need more items than there are.
 */
export function packHiddenTerms(termIds: readonly string[]): string[][] | undefined {
  const ids = [...new Set(termIds)].sort();
  const lists: string[][] = HIDDEN_TERM_KEYS.map(() => []);
  let item = 0;
  // Bytes of the current item: its key and "[]", then each id as JSON and a comma between.
  let bytes = utf8Bytes(HIDDEN_TERM_KEYS[0]) + 2;
  for (const id of ids) {
    const idBytes = utf8Bytes(JSON.stringify(id));
    const added = lists[item].length === 0 ? idBytes : idBytes + 1;
    if (bytes + added > SYNC_ITEM_QUOTA_BYTES) {
      item++;
      if (item === HIDDEN_TERM_ITEM_COUNT) return undefined;
      bytes = utf8Bytes(HIDDEN_TERM_KEYS[item]) + 2 + idBytes;
      if (bytes > SYNC_ITEM_QUOTA_BYTES) return undefined; // an id no item can hold
    } else {
      bytes += added;
    }
    lists[item].push(id);
  }
  return lists;
}

/** The hidden terms stored across the items (and any an older version kept in the settings item), sorted, without repeats. */
export function unpackHiddenTerms(lists: readonly unknown[]): string[] {
  const ids = new Set<string>();
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const id of list) if (typeof id === 'string') ids.add(id);
  }
  return [...ids].sort();
}
