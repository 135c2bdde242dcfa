/**
 * The reader's routes, kept in the URL's hash so every page is a deep link
 * (`reader.html#/term/open-interest-collapse`) and the browser's back and
 * forward buttons work without a history API of our own:
 *
 *   #/                     home: favourites, history, sets, A to Z
 *   #/set/<setId>          one term set
 *   #/az, #/az/<letter>    the A to Z index (letter A–Z, or 0-9 for the rest)
 *   #/term/<termId>        one term; `?set=<setId>` when opened from a set, so
 *                          next/previous walk that set rather than A to Z
 *   #/search?q=<words>     look words up (the page's "Look up in Termlight"
 *                          menu): the term they name, or the terms that match
 *   #/welcome              how Termlight works (opened once, on install)
 *
 * Pure: parse and format only. Ids are percent-encoded in the hash and
 * decoded here; anything that does not parse is a `not-found` route, never
 * an exception.
 */

/** A–Z buckets: the 26 letters, and `#` for names that start with a digit or a symbol. */
export type Letter = string;
export const OTHER_LETTER: Letter = '#';
export const LETTERS: readonly Letter[] = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', OTHER_LETTER];

/** How the `#` bucket is written in a URL (a bare `#` would start a new fragment). */
const OTHER_SEGMENT = '0-9';

export type Route =
  | { kind: 'home' }
  | { kind: 'set'; setId: string }
  | { kind: 'az'; letter?: Letter }
  | { kind: 'term'; termId: string; setId?: string }
  | { kind: 'search'; query: string }
  | { kind: 'welcome' }
  | { kind: 'not-found'; path: string };

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart, queryPart = ''] = splitOnce(raw, '?');
  const path = pathPart.replace(/^\/+/, '').replace(/\/+$/, '');
  const notFound: Route = { kind: 'not-found', path: raw };
  let segments: string[];
  let query: URLSearchParams;
  try {
    segments = path === '' ? [] : path.split('/').map((s) => decodeURIComponent(s));
    query = new URLSearchParams(queryPart);
  } catch {
    return notFound;
  }
  if (segments.some((s) => s === '')) return notFound;

  const [head, id, ...rest] = segments;
  if (rest.length > 0) return notFound;
  switch (head) {
    case undefined:
      return { kind: 'home' };
    case 'set':
      return id === undefined ? notFound : { kind: 'set', setId: id };
    case 'az': {
      if (id === undefined) return { kind: 'az' };
      const letter = letterFromSegment(id);
      return letter === undefined ? notFound : { kind: 'az', letter };
    }
    case 'term': {
      if (id === undefined) return notFound;
      const setId = query.get('set');
      return setId ? { kind: 'term', termId: id, setId } : { kind: 'term', termId: id };
    }
    case 'search':
      return id === undefined ? { kind: 'search', query: query.get('q') ?? '' } : notFound;
    case 'welcome':
      return id === undefined ? { kind: 'welcome' } : notFound;
    default:
      return notFound;
  }
}

/** The hash (with its leading `#`) that opens a route. */
export function hrefOf(route: Route): string {
  switch (route.kind) {
    case 'home':
      return '#/';
    case 'set':
      return `#/set/${encodeURIComponent(route.setId)}`;
    case 'az':
      return route.letter === undefined ? '#/az' : `#/az/${letterSegment(route.letter)}`;
    case 'term': {
      const base = `#/term/${encodeURIComponent(route.termId)}`;
      return route.setId ? `${base}?set=${encodeURIComponent(route.setId)}` : base;
    }
    case 'search':
      return `#/search?q=${encodeURIComponent(route.query)}`;
    case 'welcome':
      return '#/welcome';
    case 'not-found':
      return `#${route.path}`;
  }
}

/** Shorthands for the links the reader renders most. */
export const termHref = (termId: string, setId?: string) => hrefOf({ kind: 'term', termId, setId });
export const setHref = (setId: string) => hrefOf({ kind: 'set', setId });
export const letterHref = (letter: Letter) => hrefOf({ kind: 'az', letter });

function letterFromSegment(segment: string): Letter | undefined {
  if (segment === OTHER_SEGMENT) return OTHER_LETTER;
  return /^[a-z]$/i.test(segment) ? segment.toUpperCase() : undefined;
}

function letterSegment(letter: Letter): string {
  return letter === OTHER_LETTER ? OTHER_SEGMENT : letter;
}

function splitOnce(text: string, separator: string): [string, string?] {
  const i = text.indexOf(separator);
  return i < 0 ? [text] : [text.slice(0, i), text.slice(i + 1)];
}
