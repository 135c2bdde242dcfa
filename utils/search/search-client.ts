/**
 * The page side of search (popup, reader): fetch the background's serialized
 * index once, then query it locally on every keystroke.
 *
 * Why not a `search` message per keystroke: measured in Chromium with the
 * bundled glossary (~700 terms), a message round trip to the service worker
 * costs 1.3 ms at the median but 2.3 ms at p95 and up to 150 ms when the
 * worker is busy or waking, on top of the search itself, and the worker
 * may be asleep between keystrokes. Fetching the index costs one 730 KB
 * message (~20 ms) and ~40 ms to load, once per popup; after that a keystroke
 * is a local search (p95 about 5 ms over 5,000 terms, `npm run bench:search`).
 */
import { sendMessage } from '../messaging/protocol';
import { TermSearch } from './term-search';

export async function loadTermSearch(): Promise<TermSearch> {
  const payload = await sendMessage('getSearchIndex');
  return TermSearch.fromJSON(payload.json);
}
