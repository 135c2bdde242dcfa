/**
 * Starred terms, most recently starred first, kept locally (`storage.local`,
 * key `favourites`) as a list of term ids.
 */
import { storage } from 'wxt/utils/storage';
import { createExclusive } from '../exclusive';

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

// Writes run one after another, so two quick stars never drop each other.
const oneWriteAtATime = createExclusive('termlight-favourites');

/** Stars or unstars a term; returns the new list. */
export function setFavourite(termId: string, starred: boolean): Promise<string[]> {
  return oneWriteAtATime(async () => {
    const next = withFavourite(await getFavourites(), termId, starred);
    await favouritesItem.setValue(next);
    return next;
  });
}

export function watchFavourites(callback: (favourites: string[]) => void): () => void {
  return favouritesItem.watch((value) => callback(cleanFavourites(value)));
}
