/**
 * Feed addresses: which URLs can be subscribed, the host permission each
 * needs, and the stable id (and id prefix) of a feed.
 */
import { hashText } from '../glossary/hash';
import { FeedError } from './feed-error';

/** The URL a user typed, normalized (no fragment), or a FeedError saying what is wrong with it. */
export function normalizeFeedUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new FeedError('bad-url', `“${input.trim()}” is not a web address. Enter the full address of the feed, starting with https://.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new FeedError('bad-url', 'A feed address must start with https:// (or http://).');
  }
  if (url.username || url.password) {
    throw new FeedError('bad-url', 'A feed address must not contain a user name or password.');
  }
  url.hash = '';
  return url.href;
}

/** The optional host permission pattern that covers a feed (and its set files): `https://example.com/*`. */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  // Match patterns take no port: the pattern covers every port of the host.
  return `${protocol}//${hostname}/*`;
}

/** `feed-<8 hex>`: stable for a URL, a valid slug, and the prefix of the feed's stored set and term ids. */
export function feedIdFor(url: string, attempt = 0): string {
  return `feed-${hashText(attempt === 0 ? url : `${url}#${attempt}`)}`;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
