/**
 * Subscribing to a feed and syncing it: download (conditionally, with
 * limits and retries), validate everything, then swap it in with one
 * transaction. Nothing is written until every file of the sync has been
 * downloaded and checked, so any failure (network, HTTP error, malformed or
 * invalid feed, too large, quota) leaves the previous copy complete and in
 * use, and the error is kept on the feed for the options page.
 *
 * The database and `fetch` are injected: unit tests run this with
 * fake-indexeddb and a fake server, the background with the real ones.
 */
import { commitFeed, getFeed, getFeedByUrl, putFeedStatus, readFeedContent, type FeedWrite } from '../db/feed-store';
import type { GlossaryDb } from '../db/schema';
import type { Term, TermSet } from '../glossary/schema';
import type { ImportSource, ParseResult } from '../import/types';
import { backoffDelays, withRetry } from './backoff';
import { checkFeedContent, fromStored, prefixOf, toStored, type FeedContent } from './feed-content';
import {
  checkTermCount,
  detectFeedDocument,
  parseJson,
  sha256Of,
  validateGlossaryDocument,
  validateManifest,
  validateSetFile,
  type ResolvedManifestSet,
} from './feed-document';
import { FeedError, megabytes, toFeedError } from './feed-error';
import {
  DEFAULT_FEED_LIMITS,
  type FeedFormat,
  type FeedLimits,
  type FeedProgress,
  type FeedRecord,
  type FeedSetRecord,
  type SubscribeResult,
  type SyncOutcome,
} from './feed-record';
import { feedIdFor, hostOf, normalizeFeedUrl } from './feed-url';
import { diffManifest } from './manifest-diff';
import { downloadWithLimits, type Download, type FetchFn } from './fetch-with-limits';

export interface SyncDeps {
  db: GlossaryDb;
  fetch: FetchFn;
  /** Reads schema.org JSON-LD (or an HTML page carrying it); the import pipeline's parser. */
  parseJsonLd: (text: string, source: ImportSource) => ParseResult;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  limits?: Partial<FeedLimits>;
  onProgress?: (event: FeedProgress) => void;
}

interface Run {
  deps: SyncDeps;
  limits: FeedLimits;
  now: number;
  feed: FeedRecord;
  isNew: boolean;
  emit: (event: FeedProgress) => void;
  bytes: number;
}

/** A feed's new state, ready to commit. */
interface Prepared {
  format: FeedFormat;
  title: string;
  /** Everything the feed will hold (checked as a whole). */
  content: FeedContent;
  /** What this sync downloaded, which is all that gets written. */
  written: { sets: TermSet[]; terms: Term[] };
  replace: FeedWrite['replace'];
  setUrls: Map<string, { url: string; version?: string | number; hash?: string }>;
  changedSets: string[];
  removedSets: string[];
}

const PROGRESS_INTERVAL_MS = 100;

async function download(run: Run, url: string, fileIndex: number, fileCount: number, conditional: boolean): Promise<Download> {
  const { deps, limits, feed } = run;
  let lastEmit = 0;
  const result = await withRetry(
    () =>
      downloadWithLimits(deps.fetch, url, {
        etag: conditional ? feed.etag : undefined,
        lastModified: conditional ? feed.lastModified : undefined,
        maxBytes: limits.maxBytes,
        stallTimeoutMs: limits.stallTimeoutMs,
        totalTimeoutMs: limits.totalTimeoutMs,
        onProgress(done, total) {
          const t = Date.now();
          if (t - lastEmit < PROGRESS_INTERVAL_MS && done !== total) return;
          lastEmit = t;
          run.emit({ kind: 'progress', feedId: feed.id, url: feed.url, stage: 'download', file: url, fileIndex, fileCount, done, total });
        },
      }),
    {
      delays: backoffDelays({ tries: limits.tries }),
      isRetryable: (error) => error instanceof FeedError && error.retryable,
      sleep: deps.sleep,
    },
  );
  if (result.status === 'ok') {
    run.bytes += result.bytes.byteLength;
    if (run.bytes > limits.maxBytes) {
      throw new FeedError('too-large', `The feed's files add up to more than ${megabytes(limits.maxBytes)}, the most Termlight accepts per feed. Nothing was changed.`);
    }
  }
  return result;
}

/** Relative file name for messages: `sets/volatility.json` rather than the whole URL. */
function fileLabel(url: string, feedUrl: string): string {
  const base = feedUrl.slice(0, feedUrl.lastIndexOf('/') + 1);
  return url.startsWith(base) ? url.slice(base.length) : url;
}

function oneDocument(format: FeedFormat, content: FeedContent, feedUrl: string, fallbackTitle: string): Prepared {
  return {
    format,
    title: content.sets.length === 1 ? content.sets[0].title : fallbackTitle,
    content,
    written: content,
    replace: 'all',
    setUrls: new Map(content.sets.map((s) => [s.id, { url: feedUrl }])),
    changedSets: content.sets.map((s) => s.id),
    removedSets: [],
  };
}

function fromJsonLd(run: Run, text: string): Prepared {
  const { feed } = run;
  const parsed = run.deps.parseJsonLd(text, { name: feed.url, origin: 'feed' });
  if (parsed.error) throw new FeedError(parsed.format ? 'invalid' : 'unsupported', parsed.error);
  if (parsed.format !== 'json-ld') {
    throw new FeedError('unsupported', 'This address serves a file Termlight can import by hand (options page, Import) but not follow as a feed. Feeds are Termlight JSON, a Termlight feed manifest or schema.org JSON-LD.');
  }
  if (parsed.problems.length) {
    const details = parsed.problems.map((p) => `${p.where}${p.term ? ` (“${p.term}”)` : ''}: ${p.message}`);
    throw new FeedError('invalid', `The feed has ${details.length} item${details.length === 1 ? '' : 's'} Termlight cannot read, so nothing was changed.`, {
      details: details.slice(0, 50),
    });
  }
  if (parsed.sets.length === 0 || parsed.terms.length === 0) {
    throw new FeedError('invalid', 'The feed holds no terms Termlight can read. Nothing was changed.');
  }
  checkTermCount(parsed.terms.length, run.limits.maxTerms);
  // The import pipeline names sets `feed-<slug>`; the feed's own namespace replaces that prefix.
  const local = (id: string) => id.replace(/^feed-/, '');
  const content: FeedContent = {
    sets: parsed.sets.map((s) => ({ ...s, id: local(s.id) })),
    terms: parsed.terms.map((t) => ({ ...t, sets: t.sets.map(local) })),
    termWhere: parsed.termWhere,
  };
  return oneDocument('json-ld', content, feed.url, hostOf(feed.url));
}

async function fromManifest(run: Run, json: unknown): Promise<Prepared | 'unchanged'> {
  const { feed, limits } = run;
  const { manifest, sets } = validateManifest(json, feed.url);
  const storedVersions = !run.isNew && feed.format === 'termlight-feed' ? feed.sets : [];
  const diff = diffManifest<ResolvedManifestSet>(storedVersions, sets);
  if (diff.changed.length === 0 && diff.removed.length === 0) return 'unchanged';

  const downloaded: FeedContent = { sets: [], terms: [], termWhere: [] };
  for (const [i, entry] of diff.changed.entries()) {
    const file = fileLabel(entry.url, feed.url);
    const result = await download(run, entry.url, i + 2, diff.changed.length + 1, false);
    if (result.status !== 'ok') throw new FeedError('http', `${hostOf(entry.url)} answered “304 Not Modified” for ${file} without being asked to.`);
    if (entry.hash && (await sha256Of(result.bytes)) !== entry.hash) {
      throw new FeedError(
        'hash-mismatch',
        `The file ${file} does not match the hash the manifest gives for it (the feed may be in the middle of an update). Nothing was changed; Termlight will try again later.`,
      );
    }
    const glossary = validateSetFile(parseJson(result.text), entry, file, limits.maxTerms);
    downloaded.sets.push(...glossary.sets);
    downloaded.terms.push(...glossary.terms);
    downloaded.termWhere.push(...glossary.terms.map(() => file));
    checkTermCount(downloaded.terms.length, limits.maxTerms);
  }

  // The sets not downloaded stay as stored; the check below covers them too.
  const keep = new Set(diff.unchanged.map((s) => s.id));
  const stored = storedVersions.length ? fromStored(await readFeedContent(run.deps.db, feed.id), feed.id) : { sets: [], terms: [] };
  const keptTerms = stored.terms.filter((t) => keep.has(t.sets[0]));
  const fileOf = new Map(sets.map((s) => [s.id, `${fileLabel(s.url, feed.url)} (unchanged)`]));
  const content: FeedContent = {
    sets: [...stored.sets.filter((s) => keep.has(s.id)), ...downloaded.sets],
    terms: [...keptTerms, ...downloaded.terms],
    termWhere: [...keptTerms.map((t) => fileOf.get(t.sets[0]) ?? ''), ...downloaded.termWhere],
  };
  const p = prefixOf(feed.id);
  return {
    format: 'termlight-feed',
    title: manifest.title || (content.sets.length === 1 ? content.sets[0].title : hostOf(feed.url)),
    content,
    written: downloaded,
    // A feed that was one document before is replaced whole.
    replace: storedVersions.length ? { sets: [...diff.changed, ...diff.removed].map((s) => p + s.id) } : 'all',
    setUrls: new Map(sets.map((s) => [s.id, { url: s.url, version: s.version, hash: s.hash }])),
    changedSets: diff.changed.map((s) => s.id),
    removedSets: diff.removed.map((s) => s.id),
  };
}

function setRecords(prepared: Prepared, feedId: string): FeedSetRecord[] {
  const p = prefixOf(feedId);
  return prepared.content.sets.map((set) => {
    const where = prepared.setUrls.get(set.id);
    return {
      id: set.id,
      storedId: p + set.id,
      title: set.title,
      url: where?.url ?? '',
      ...(where?.version !== undefined ? { version: where.version } : {}),
      ...(where?.hash !== undefined ? { hash: where.hash } : {}),
      termCount: prepared.content.terms.filter((t) => t.sets.includes(set.id)).length,
    };
  });
}

async function run(run: Run): Promise<SyncOutcome> {
  const { deps, feed, limits } = run;
  const main = await download(run, feed.url, 1, 1, !run.isNew);
  const confirmed = { ...feed, lastSuccess: run.now, lastError: undefined };
  if (main.status === 'not-modified') {
    // One 304: the glossary is not touched; only the feed's status is noted.
    await putFeedStatus(deps.db, confirmed);
    return { feedId: feed.id, status: 'unchanged', termCount: feed.termCount };
  }

  run.emit({ kind: 'progress', feedId: feed.id, url: feed.url, stage: 'check' });
  const document = detectFeedDocument(main.text);
  let prepared: Prepared | 'unchanged';
  if (document.kind === 'termlight-feed') prepared = await fromManifest(run, document.json);
  else if (document.kind === 'json-ld') prepared = fromJsonLd(run, main.text);
  else {
    const glossary = validateGlossaryDocument(document.json, '', limits.maxTerms);
    prepared = oneDocument('termlight-glossary', { ...glossary, termWhere: glossary.terms.map(() => '') }, feed.url, hostOf(feed.url));
  }
  const validators = { etag: main.etag, lastModified: main.lastModified };
  if (prepared === 'unchanged') {
    // The manifest changed (new ETag) but no set version did: nothing to download or write.
    await putFeedStatus(deps.db, { ...confirmed, ...validators });
    return { feedId: feed.id, status: 'unchanged', termCount: feed.termCount };
  }

  checkFeedContent(prepared.content, feed.id, limits.maxTerms);
  run.emit({ kind: 'progress', feedId: feed.id, url: feed.url, stage: 'save' });
  const next: FeedRecord = {
    ...confirmed,
    ...validators,
    format: prepared.format,
    title: prepared.title,
    lastUpdated: run.now,
    termCount: prepared.content.terms.length,
    sets: setRecords(prepared, feed.id),
  };
  const { revision } = await commitFeed(deps.db, {
    feed: next,
    ...toStored(prepared.written, feed.id, feed.url),
    replace: prepared.replace,
  });
  return { feedId: feed.id, status: 'updated', termCount: next.termCount, changedSets: prepared.changedSets, removedSets: prepared.removedSets, revision };
}

function startRun(deps: SyncDeps, feed: FeedRecord, isNew: boolean): Run {
  return {
    deps,
    limits: { ...DEFAULT_FEED_LIMITS, ...deps.limits },
    now: (deps.now ?? Date.now)(),
    feed,
    isNew,
    emit: (event) => deps.onProgress?.(event),
    bytes: 0,
  };
}

function reportDone(r: Run, outcome: SyncOutcome): void {
  if (outcome.status === 'failed') r.emit({ kind: 'error', feedId: r.feed.id, url: r.feed.url, error: outcome.error });
  else r.emit({ kind: 'done', feedId: r.feed.id, url: r.feed.url, status: outcome.status, termCount: outcome.termCount });
}

/**
 * Subscribes to the feed at `url`: downloads and checks it in full, and only
 * then stores the feed and its sets (in one transaction). On failure nothing
 * is stored and the error says why.
 */
export async function subscribeToFeed(deps: SyncDeps, url: string): Promise<SubscribeResult> {
  const at = (deps.now ?? Date.now)();
  let normalized: string;
  try {
    normalized = normalizeFeedUrl(url);
  } catch (error) {
    return { ok: false, error: toFeedError(error).toInfo(at) };
  }
  if (await getFeedByUrl(deps.db, normalized)) {
    return { ok: false, error: { code: 'exists', message: 'You already subscribe to this feed.', at } };
  }
  let id = feedIdFor(normalized);
  for (let attempt = 1; await getFeed(deps.db, id); attempt++) id = feedIdFor(normalized, attempt);
  const draft: FeedRecord = { id, url: normalized, title: hostOf(normalized), format: 'termlight-glossary', subscribedAt: at, termCount: 0, sets: [] };
  const r = startRun(deps, draft, true);
  let outcome: SyncOutcome;
  try {
    outcome = await run(r);
  } catch (error) {
    outcome = { feedId: id, status: 'failed', error: toFeedError(error).toInfo(r.now) };
  }
  reportDone(r, outcome);
  if (outcome.status === 'failed') return { ok: false, error: outcome.error };
  const feed = await getFeed(deps.db, id);
  return feed ? { ok: true, feed } : { ok: false, error: { code: 'storage', message: 'The feed was not saved.', at } };
}

/** Syncs one feed. A failure is stored on the feed (last error) and returned; the glossary keeps the previous copy. */
export async function syncFeed(deps: SyncDeps, feedId: string): Promise<SyncOutcome> {
  const feed = await getFeed(deps.db, feedId);
  const at = (deps.now ?? Date.now)();
  if (!feed) return { feedId, status: 'failed', error: { code: 'not-found', message: 'This feed is no longer subscribed.', at } };
  const r = startRun(deps, feed, false);
  let outcome: SyncOutcome;
  try {
    outcome = await run(r);
  } catch (error) {
    const info = toFeedError(error).toInfo(r.now);
    outcome = { feedId, status: 'failed', error: info };
    await putFeedStatus(deps.db, { ...feed, lastError: info }).catch(() => undefined);
  }
  reportDone(r, outcome);
  return outcome;
}
