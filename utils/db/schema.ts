/**
 * The one place that knows the IndexedDB schema: store names, indexes, the
 * version number and the numbered upgrade steps. Everything else opens the
 * database through `openGlossaryDb`.
 *
 * The background service worker owns it: it creates and upgrades it and is
 * the only writer. Content scripts run in the page's origin and cannot see
 * the extension's IndexedDB; the popup, options and reader ask the
 * background through messages, except for one read (the kept search index,
 * utils/search/search-client.ts), made through `openExistingGlossaryDb`,
 * which never creates or upgrades the database.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Term, TermSet } from '../glossary/schema';
import type { FeedRecord } from '../feeds/feed-record';
import type { SearchIndexPayload } from '../search/term-search';

export const DB_NAME = 'termlight';
export const DB_VERSION = 3;

/** What the background derives from the glossary and keeps across service-worker restarts. */
export interface DerivedRecords {
  /** The serialized search index, with the revision it was built from in `key`. */
  searchIndex: SearchIndexPayload;
}

export interface MetaRecords {
  /** Bumped on every write to terms or sets; caches (matcher, search index) key on it. */
  revision: number;
  /** Hash of the bundled glossary last imported, so an update re-imports only on change. */
  bundledHash: string;
}

export interface GlossaryDbSchema extends DBSchema {
  terms: {
    key: string;
    value: Term;
    indexes: { 'by-set': string };
  };
  sets: {
    key: string;
    value: TermSet;
  };
  meta: {
    key: keyof MetaRecords;
    value: MetaRecords[keyof MetaRecords];
  };
  /** Feed subscriptions: URL, HTTP validators, per-set versions, last success and error (utils/db/feed-store.ts). */
  feeds: {
    key: string;
    value: FeedRecord;
    indexes: { 'by-url': string };
  };
  /**
   * Caches rebuilt from terms and sets whenever the revision moves on, kept
   * so a service worker woken from sleep need not rebuild them. Losing them
   * loses nothing.
   */
  derived: {
    key: keyof DerivedRecords;
    value: DerivedRecords[keyof DerivedRecords];
  };
}

export type GlossaryDb = IDBPDatabase<GlossaryDbSchema>;

/** Upgrade steps, one per version. Never edit a step once released: add the next one. */
const UPGRADES: Array<(db: GlossaryDb) => void> = [
  // v1: terms (with a multi-entry index on their sets), sets, meta.
  (db) => {
    const terms = db.createObjectStore('terms', { keyPath: 'id' });
    terms.createIndex('by-set', 'sets', { multiEntry: true });
    db.createObjectStore('sets', { keyPath: 'id' });
    db.createObjectStore('meta');
  },
  // v2: feed subscriptions, one record per feed URL.
  (db) => {
    const feeds = db.createObjectStore('feeds', { keyPath: 'id' });
    feeds.createIndex('by-url', 'url', { unique: true });
  },
  // v3: derived data (the serialized search index), so a woken worker need not rebuild it.
  (db) => {
    db.createObjectStore('derived');
  },
];

export interface OpenOptions {
  /**
   * The connection is gone: the browser closed it (the user cleared site
   * data) or another open wants to delete or upgrade the database. The
   * caller should drop it and open again.
   */
  onLost?: () => void;
}

export function openGlossaryDb(name = DB_NAME, options: OpenOptions = {}): Promise<GlossaryDb> {
  let db: GlossaryDb | undefined;
  const opened = openDB<GlossaryDbSchema>(name, DB_VERSION, {
    upgrade(upgrading, oldVersion) {
      for (let v = oldVersion; v < DB_VERSION; v++) UPGRADES[v](upgrading);
    },
    blocking() {
      // Let the deletion or upgrade go ahead instead of blocking it.
      db?.close();
      options.onLost?.();
    },
    terminated() {
      options.onLost?.();
    },
  });
  return opened.then((value) => (db = value));
}

/**
 * Opens the database as it is, for a read from an extension page, or fails:
 * it never creates it (an empty database made before the background's first
 * open would have version 1 and no stores, and the background would then
 * skip creating them) and never upgrades it (that is the background's job).
 * Close it straight after the read, so it never holds up an upgrade.
 */
export function openExistingGlossaryDb(name = DB_NAME): Promise<GlossaryDb> {
  return openDB<GlossaryDbSchema>(name, undefined, {
    upgrade(_db, _oldVersion, _newVersion, transaction) {
      // Only reached when the database does not exist yet. The open then
      // fails with the abort; the transaction's own promise need not.
      transaction.done.catch(() => undefined);
      transaction.abort();
    },
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
    },
  });
}
