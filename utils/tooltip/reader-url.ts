/**
 * The one link the card offers: the extension's own reader page at a term.
 * Built from the term id only (encoded), never from a URL in glossary data.
 */
import { browser, type PublicPath } from 'wxt/browser';

// The reader entrypoint is built separately; WXT's list of public paths may not know it yet.
const READER_PATH = '/reader.html' as PublicPath;

export function readerUrl(termId: string): string {
  return `${browser.runtime.getURL(READER_PATH)}#/term/${encodeURIComponent(termId)}`;
}
