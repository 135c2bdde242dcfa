/**
 * The glossary's revision, mirrored into `storage.local` by the background
 * after every write that other contexts must see (import, my terms, feed sync).
 * Content scripts and extension pages cannot read the background's
 * IndexedDB, but they can watch this item: when it changes, open tabs
 * re-fetch the matcher and highlight again. No tabs permission needed.
 */
import { storage } from 'wxt/utils/storage';

export const glossaryRevisionItem = storage.defineItem<number>('local:glossaryRevision', { fallback: 0 });

export function watchGlossaryRevision(callback: (revision: number) => void): () => void {
  return glossaryRevisionItem.watch((revision) => callback(revision ?? 0));
}
