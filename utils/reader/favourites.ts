/**
 * Starred terms, most recently starred first, kept locally (`storage.local`,
 * key `favourites`) as a list of term ids.
 */
import { storage } from 'wxt/utils/storage';

/** Enough for any real use; keeps a runaway loop from filling storage. */
export const FAVOURITES_LIMIT = 1000;

export const favouritesItem = storage.defineItem<string[]>('local:favourites', {
  fallback: [],
  version: 1,
});

/** The list with a term starred (on top) or unstarred (pure). */
export function withFavourite(favourites: readonly string[], termId: string, starred: boolean): string[] {
  const rest = favourites.filter((id) => id !== termId);
  return starred ? [termId, ...rest].slice(0, FAVOURITES_LIMIT) : rest;
}

export function cleanFavourites(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((id): id is string => typeof id === 'string' && id !== ''))];
}

export async function getFavourites(): Promise<string[]> {
  return cleanFavourites(await favouritesItem.getValue());
}

let writes: Promise<unknown> = Promise.resolve();

/** Stars or unstars a term; returns the new list. */
export function setFavourite(termId: string, starred: boolean): Promise<string[]> {
  const write = async () => {
    const next = withFavourite(await getFavourites(), termId, starred);
    await favouritesItem.setValue(next);
    return next;
  };
  const result = writes.then(write, write);
  writes = result.catch(() => undefined);
  return result;
}

export function watchFavourites(callback: (favourites: string[]) => void): () => void {
  return favouritesItem.watch((value) => callback(cleanFavourites(value)));
}
