/**
 * Reads and writes of feed subscriptions. A feed's sets and terms are stored
 * under its id prefix (`feed-1a2b3c4d-…`, see utils/feeds/feed-content.ts),
 * so it owns exactly those records.
 *
 * Every change to the glossary is one transaction over terms, sets, meta
 * and feeds: the new content, the feed's record (validators, per-set
 * versions, counts) and the revision bump commit together or not at all. A
 * request that fails aborts it, and a worker killed before the commit leaves
 * nothing behind: the previous copy stays complete and in use.
 */
import type { Term, TermSet } from '../glossary/schema';
import type { FeedRecord } from '../feeds/feed-record';
import type { GlossaryDb } from './schema';
import { bumpRevision, commitOrAbort } from './write-transaction';

type Stores = ['terms', 'sets', 'meta', 'feeds'];
const STORES: Stores = ['terms', 'sets', 'meta', 'feeds'];

/** Every key that starts with `prefix` (ids are lowercase slugs, so `\uffff` sorts after all of them). */
const prefixRange = (prefix: string) => IDBKeyRange.bound(prefix, `${prefix}\uffff`);
const prefixOf = (feedId: string) => `${feedId}-`;

export function getFeed(db: GlossaryDb, id: string): Promise<FeedRecord | undefined> {
  return db.get('feeds', id);
}

export function getFeedByUrl(db: GlossaryDb, url: string): Promise<FeedRecord | undefined> {
  return db.getFromIndex('feeds', 'by-url', url);
}

export async function listFeeds(db: GlossaryDb): Promise<FeedRecord[]> {
  const feeds = await db.getAll('feeds');
  return feeds.sort((a, b) => a.title.localeCompare(b.title) || a.url.localeCompare(b.url));
}

/** Stores a feed's status (last success, last error) without touching the glossary or its revision. */
export async function putFeedStatus(db: GlossaryDb, feed: FeedRecord): Promise<void> {
  const tx = db.transaction('feeds', 'readwrite');
  // Only if the feed is still there: an unsubscribe may have won the race.
  if (await tx.store.get(feed.id)) await tx.store.put(feed);
  await tx.done;
}

/** The sets and terms a feed holds now, as stored. */
export async function readFeedContent(db: GlossaryDb, feedId: string): Promise<{ sets: TermSet[]; terms: Term[] }> {
  const tx = db.transaction(['sets', 'terms']);
  const range = prefixRange(prefixOf(feedId));
  const [sets, terms] = await Promise.all([tx.objectStore('sets').getAll(range), tx.objectStore('terms').getAll(range)]);
  await tx.done;
  return { sets, terms };
}

export interface FeedWrite {
  /** The feed's record after this sync. */
  feed: FeedRecord;
  /** Sets and terms downloaded this time, in stored form. */
  sets: TermSet[];
  terms: Term[];
  /**
   * `all`: the feed's whole content is `sets` and `terms`; whatever else it
   * stored goes. A list of stored set ids: only those sets (the ones
   * downloaded, and the ones the manifest dropped) lose their old terms;
   * the feed's other sets stay as they are.
   */
  replace: 'all' | { sets: string[] };
}

export interface FeedWriteResult {
  revision: number;
}


/**
 * Sets outside the feed that a feed term was added to (by an import that
 * linked it, say): a sync or an unsubscribe keeps those memberships, as
 * `replaceSets` does, and a term is deleted only when no set is left.
 */
const foreignSets = (term: Term, prefix: string) => term.sets.filter((s) => !s.startsWith(prefix));

/** Swaps in a feed's new content and record, in one transaction. */
export async function commitFeed(db: GlossaryDb, write: FeedWrite): Promise<FeedWriteResult> {
  const tx = db.transaction(STORES, 'readwrite');
  return commitOrAbort(tx, async () => {
    const terms = tx.objectStore('terms');
    const sets = tx.objectStore('sets');
    const prefix = prefixOf(write.feed.id);
    const range = prefixRange(prefix);
    const incomingTerms = new Set(write.terms.map((t) => t.id));
    const incomingSets = new Set(write.sets.map((s) => s.id));

    // The stored terms this write replaces: all of the feed's, or those of the files it downloaded.
    const old = new Map<string, Term>();
    if (write.replace === 'all') {
      for (const term of await terms.getAll(range)) old.set(term.id, term);
      for (const id of await sets.getAllKeys(range)) if (!incomingSets.has(id)) await sets.delete(id);
    } else {
      for (const setId of write.replace.sets) {
        // A term belongs to the file of its first set (see validateSetFile).
        for (const term of await terms.index('by-set').getAll(setId)) if (term.sets[0] === setId) old.set(term.id, term);
        if (!incomingSets.has(setId)) await sets.delete(setId);
      }
    }
    for (const term of old.values()) {
      if (incomingTerms.has(term.id)) continue;
      const kept = foreignSets(term, prefix);
      if (kept.length) await terms.put({ ...term, sets: kept });
      else await terms.delete(term.id);
    }
    for (const set of write.sets) await sets.put(set);
    for (const term of write.terms) {
      const linked = old.has(term.id) ? foreignSets(old.get(term.id)!, prefix) : [];
      await terms.put(linked.length ? { ...term, sets: [...term.sets, ...linked] } : term);
    }

    await tx.objectStore('feeds').put(write.feed);
    return { revision: await bumpRevision(tx.objectStore('meta')) };
  });
}

/** Unsubscribes: the feed's record, sets and terms go in one transaction. */
export async function removeFeed(db: GlossaryDb, feedId: string): Promise<{ removedTerms: number; revision: number } | null> {
  const tx = db.transaction(STORES, 'readwrite');
  return commitOrAbort(tx, async () => {
    const feeds = tx.objectStore('feeds');
    if (!(await feeds.get(feedId))) return null;
    const prefix = prefixOf(feedId);
    const range = prefixRange(prefix);
    const terms = tx.objectStore('terms');
    let removedTerms = 0;
    for (const term of await terms.getAll(range)) {
      const kept = foreignSets(term, prefix);
      if (kept.length) await terms.put({ ...term, sets: kept });
      else {
        await terms.delete(term.id);
        removedTerms++;
      }
    }
    await tx.objectStore('sets').delete(range);
    await feeds.delete(feedId);
    const revision = await bumpRevision(tx.objectStore('meta'));
    return { removedTerms, revision };
  });
}
