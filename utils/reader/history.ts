/**
 * The terms the user looked up recently, newest first, kept locally
 * (`storage.local`, key `history`) and capped at {@link HISTORY_LIMIT}.
 *
 * The reader records every term page it shows; the tooltip and the popup can
 * record through the same call:
 *
 *   import { recordLookup } from '../reader/history'; // from utils/tooltip/, say
 *   await recordLookup(termId);
 *
 * Looking a term up again moves it to the top rather than listing it twice.
 */
import { storage } from 'wxt/utils/storage';
import { createExclusive } from '../exclusive';

export const HISTORY_LIMIT = 50;

export interface Lookup {
  termId: string;
  /** When, in milliseconds since the epoch. */
  at: number;
}

export const historyItem = storage.defineItem<Lookup[]>('local:history', {
  fallback: [],
  version: 1,
});

/** The history with one more lookup on top (pure). */
export function withLookup(history: readonly Lookup[], termId: string, at: number, limit = HISTORY_LIMIT): Lookup[] {
  return [{ termId, at }, ...history.filter((l) => l.termId !== termId)].slice(0, limit);
}

/** Entries as stored, minus anything malformed (storage is shared with older and future versions). */
export function cleanHistory(value: unknown): Lookup[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (l): l is Lookup =>
      typeof l === 'object' && l !== null && typeof l.termId === 'string' && l.termId !== '' && Number.isFinite(l.at),
  );
}

export async function getHistory(): Promise<Lookup[]> {
  return cleanHistory(await historyItem.getValue());
}

// Writes run one after another, so two quick lookups never drop each other.
const oneWriteAtATime = createExclusive('termlight-history');

/** Records that the user looked a term up (opened its page, its tooltip, a search result). */
export function recordLookup(termId: string, at = Date.now()): Promise<void> {
  return oneWriteAtATime(async () => historyItem.setValue(withLookup(await getHistory(), termId, at)));
}

export function clearHistory(): Promise<void> {
  return oneWriteAtATime(() => historyItem.setValue([]));
}

export function watchHistory(callback: (history: Lookup[]) => void): () => void {
  return historyItem.watch((value) => callback(cleanHistory(value)));
}
