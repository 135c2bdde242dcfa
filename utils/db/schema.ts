/**
 * The one place that knows the IndexedDB schema: store names, indexes, the
 * version number and the numbered upgrade steps. Everything else opens the
 * database through `openGlossaryDb`.
 *
 * The background service worker owns it: it creates and upgrades it and is
 * the only writer. Content scripts run in the page's origin and cannot see
 * the extension's IndexedDB. The extension's pages share its origin: the
 * popup and reader read it themselves through `readExistingGlossaryDb`
 * (which never creates or upgrades it), so opening them does not wake a
 * sleeping service worker; every write, and every read the options page
 * makes, goes through the background's messages.
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
 * A read from an extension page: opens the database as it is, reads, and
 * closes it straight after, so it never holds up an upgrade. Fails if the
 * database does not exist yet: it never creates it (an empty database made
 * before the background's first open would have version 1 and no stores,
 * and the background would then skip creating them) and never upgrades it
 * (that is the background's job). A database of an older version fails the
 * read if it lacks a store the read needs; callers then ask the background.
 */
export async function readExistingGlossaryDb<T>(read: (db: GlossaryDb) => Promise<T>, name = DB_NAME): Promise<T> {
  const db = await openExistingGlossaryDb(name);
  try {
    return await read(db);
  } finally {
    db.close();
  }
}

function openExistingGlossaryDb(name: string): Promise<GlossaryDb> {
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
