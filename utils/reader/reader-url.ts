/**
 * The address of the reader page, from any context (tooltip, popup,
 * background). Built from the term id only, through the reader's own router,
 * never from a URL found in glossary data.
 */
import { browser, type PublicPath } from 'wxt/browser';
import { hrefOf, type Route } from './router';

const READER_PATH = '/reader.html' as PublicPath;

/** The reader at `route`, or at its home page. */
function readerAt(route?: Route): string {
  const base = browser.runtime.getURL(READER_PATH);
  return route === undefined ? base : `${base}${hrefOf(route)}`;
}

/** The reader at one term, or at its home page. */
export function readerUrl(termId?: string): string {
  return readerAt(termId === undefined ? undefined : { kind: 'term', termId });
}

/** The reader looking `query` up: the term it names, or the terms that match it. */
export function readerSearchUrl(query: string): string {
  return readerAt({ kind: 'search', query });
}

/** The reader's welcome page: what Termlight does and where its controls are (opened on install). */
export function readerWelcomeUrl(): string {
  return readerAt({ kind: 'welcome' });
}
