/**
 * What Termlight keeps about a feed subscription, what a sync answers and
 * what it reports while it runs. Plain JSON throughout: the records live in
 * IndexedDB (`feeds` store) and cross the message boundary to the options page.
 */

/** Why a sync failed, as a code the UI and tests can tell apart. */
export type FeedErrorCode =
  | 'bad-url'
  | 'network'
  | 'timeout'
  | 'http'
  | 'too-large'
  | 'too-many-terms'
  | 'truncated'
  | 'malformed'
  | 'invalid'
  | 'unsupported'
  | 'hash-mismatch'
  | 'quota'
  | 'exists'
  | 'not-found'
  | 'storage';

export interface FeedErrorInfo {
  code: FeedErrorCode;
  /** One or two sentences in plain language: what happened and what to do. */
  message: string;
  /** What exactly was rejected, where: `sets/volatility.json: terms[3].summary: must not be empty`. */
  details?: string[];
  /** When it happened (ms since the epoch). */
  at: number;
}

/** One set of a feed as stored: the publisher's id, the id it is stored under, and its version. */
export interface FeedSetRecord {
  /** The set's id in the feed, as the publisher wrote it. */
  id: string;
  /** The id the set (and the prefix its terms) are stored under: `<feed id>-<id>`. */
  storedId: string;
  title: string;
  /** Set file URL (manifest feeds) or the feed URL (single-document feeds). */
  url: string;
  /** The manifest's `version` or `hash` for this set; a change means "download it again". */
  version?: string | number;
  hash?: string;
  termCount: number;
}

export type FeedFormat = 'termlight-glossary' | 'termlight-feed' | 'json-ld';

export interface FeedRecord {
  /** `feed-<hash of url>`; also the prefix of every set and term id the feed stores. */
  id: string;
  url: string;
  title: string;
  format: FeedFormat;
  /** Validators of the feed document (the manifest, for manifest feeds), sent back as If-None-Match / If-Modified-Since. */
  etag?: string;
  lastModified?: string;
  subscribedAt: number;
  /** Last sync that ended well: the feed was imported or confirmed unchanged (HTTP 304 or same versions). */
  lastSuccess?: number;
  /** Last time the feed's content changed in the glossary. */
  lastUpdated?: number;
  /** The last sync's error; cleared by the next success. */
  lastError?: FeedErrorInfo;
  /** Distinct terms the feed holds. */
  termCount: number;
  sets: FeedSetRecord[];
}

/** A feed as the options page sees it: the record and whether a sync is running now. */
export interface FeedView extends FeedRecord {
  syncing: boolean;
}

export type SyncOutcome =
  | { feedId: string; status: 'updated'; termCount: number; changedSets: string[]; removedSets: string[]; revision: number }
  | { feedId: string; status: 'unchanged'; termCount: number }
  | { feedId: string; status: 'failed'; error: FeedErrorInfo };

export type SubscribeResult = { ok: true; feed: FeedRecord } | { ok: false; error: FeedErrorInfo };

/**
 * What the background reports while a feed syncs, over a runtime Port
 * (`FEED_PROGRESS_PORT`). The UI renders whichever arrives.
 */
export type FeedProgress =
  | {
      kind: 'progress';
      feedId: string;
      url: string;
      stage: 'download';
      /** The file being downloaded (feed URL, or a set file of a manifest). */
      file: string;
      /** 1-based position of that file among the files this sync downloads. */
      fileIndex: number;
      fileCount: number;
      /** Bytes received, and expected when the server said (Content-Length). */
      done: number;
      total: number | null;
    }
  | { kind: 'progress'; feedId: string; url: string; stage: 'check' | 'save' }
  | { kind: 'done'; feedId: string; url: string; status: 'updated' | 'unchanged'; termCount: number }
  | { kind: 'error'; feedId: string; url: string; error: FeedErrorInfo };

export const FEED_PROGRESS_PORT = 'termlight-feed-progress';

export interface FeedLimits {
  /** Largest response accepted, in bytes (per file). */
  maxBytes: number;
  /** Most terms one feed may hold. */
  maxTerms: number;
  /** A server that sends nothing for this long is given up on. */
  stallTimeoutMs: number;
  /** No single download may take longer than this. */
  totalTimeoutMs: number;
  /** Attempts per download (network errors and HTTP 5xx only). */
  tries: number;
}

export const DEFAULT_FEED_LIMITS: FeedLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxTerms: 50_000,
  stallTimeoutMs: 30_000,
  totalTimeoutMs: 120_000,
  tries: 3,
};
