/**
 * Reads and writes of the glossary in IndexedDB. Every write is one
 * transaction, so a failure part-way leaves the previous glossary whole.
 */
import type { Glossary, SetOrigin, Term, TermSet } from '../glossary/schema';
import type { IDBPTransaction } from 'idb';
import { abortQuietly, bumpRevision, commitOrAbort } from './write-transaction';
import type { GlossaryDb, GlossaryDbSchema } from './schema';
import { searchIndexKey } from '../search/search-index';
import { relatedIdsOf, toTermView, type TermView } from '../glossary/term-view';
import type { SearchIndexPayload } from '../search/term-search';

export interface SetSummary extends TermSet {
  termCount: number;
}

/** Every set and term of one revision of the glossary, read together. */
export interface GlossarySnapshot {
  revision: number;
  sets: SetSummary[];
  terms: Term[];
}

export interface ReplaceResult {
  added: number;
  updated: number;
  removed: number;
  revision: number;
}

/**
 * Replaces the sets in `glossary` (and, if `origin` is given, every other set
 * of that origin) with the glossary's content, in one transaction. Terms that
 * also belong to sets not being replaced keep those memberships. Idempotent:
 * writing the same glossary twice gives the same state.
 */
export async function replaceSets(
  db: GlossaryDb,
  glossary: Pick<Glossary, 'sets' | 'terms'>,
  origin?: SetOrigin,
): Promise<ReplaceResult> {
  const tx = db.transaction(['terms', 'sets', 'meta'], 'readwrite');
  return commitOrAbort(tx, () => replaceSetsIn(tx, glossary, origin));
}

/**
 * Reads the whole glossary and writes what `build` makes of it, in ONE
 * transaction, so an import is checked against exactly the glossary it
 * changes and nothing slips in between. `build` must be synchronous (a
 * transaction closes when it waits on anything but IndexedDB) and returns
 * null to write nothing. Writes what `replaceSets` would (same rules, worked
 * out in memory from the read), queueing the requests instead of waiting for
 * each one, so a 1,000-term import is one quick transaction.
 */
export async function replaceSetsWith(
  db: GlossaryDb,
  build: (current: { sets: TermSet[]; terms: Term[] }) => Pick<Glossary, 'sets' | 'terms'> | null,
): Promise<ReplaceResult | null> {
  const tx = db.transaction(['terms', 'sets', 'meta'], 'readwrite');
  try {
    const [currentSets, currentTerms] = await Promise.all([tx.objectStore('sets').getAll(), tx.objectStore('terms').getAll()]);
    const glossary = build({ sets: currentSets, terms: currentTerms });
    if (!glossary) {
      await abortQuietly(tx);
      return null;
    }
    const termStore = tx.objectStore('terms');
    const setStore = tx.objectStore('sets');
    const requests: Array<Promise<unknown>> = [];
    const replaced = new Set(glossary.sets.map((s) => s.id));
    const incoming = new Set(glossary.terms.map((t) => t.id));
    const byId = new Map(currentTerms.map((t) => [t.id, t]));
    let removed = 0;
    for (const old of currentTerms) {
      if (!old.sets.some((s) => replaced.has(s)) || incoming.has(old.id)) continue;
      const kept = old.sets.filter((s) => !replaced.has(s));
      if (kept.length === 0) {
        requests.push(termStore.delete(old.id));
        removed++;
      } else requests.push(termStore.put({ ...old, sets: kept }));
    }
    for (const set of glossary.sets) requests.push(setStore.put(set));
    let added = 0;
    let updated = 0;
    for (const term of glossary.terms) {
      const existing = byId.get(term.id);
      const otherSets = existing ? existing.sets.filter((s) => !replaced.has(s)) : [];
      requests.push(termStore.put({ ...term, sets: [...new Set([...term.sets, ...otherSets])] }));
      if (existing) updated++;
      else added++;
    }
    // One Promise.all over every request, so a failure anywhere is caught here (and aborts the lot).
    const [revision] = await Promise.all([bumpRevision(tx.objectStore('meta')), ...requests]);
    await tx.done;
    return { added, updated, removed, revision };
  } catch (error) {
    await abortQuietly(tx);
    throw error;
  }
}

/** Deletes sets in one transaction: their terms leave them, and a term left in no set is deleted. */
export async function removeSets(db: GlossaryDb, setIds: readonly string[]): Promise<ReplaceResult> {
  const tx = db.transaction(['terms', 'sets', 'meta'], 'readwrite');
  return commitOrAbort(tx, async () => {
    const terms = tx.objectStore('terms');
    const doomed = new Set(setIds);
    const seen = new Set<string>();
    let updated = 0;
    let removed = 0;
    for (const setId of doomed) {
      for (const term of await terms.index('by-set').getAll(setId)) {
        if (seen.has(term.id)) continue;
        seen.add(term.id);
        const kept = term.sets.filter((s) => !doomed.has(s));
        if (kept.length === 0) {
          await terms.delete(term.id);
          removed++;
        } else {
          await terms.put({ ...term, sets: kept });
          updated++;
        }
      }
      await tx.objectStore('sets').delete(setId);
    }
    const revision = await bumpRevision(tx.objectStore('meta'));
    return { added: 0, updated, removed, revision };
  });
}

type GlossaryWriteTx = IDBPTransaction<GlossaryDbSchema, ['terms', 'sets', 'meta'], 'readwrite'>;

async function replaceSetsIn(
  tx: GlossaryWriteTx,
  glossary: Pick<Glossary, 'sets' | 'terms'>,
  origin?: SetOrigin,
): Promise<ReplaceResult> {
  const terms = tx.objectStore('terms');
  const sets = tx.objectStore('sets');

  const replaced = new Set(glossary.sets.map((s) => s.id));
  if (origin) {
    for (const set of await sets.getAll()) if (set.origin === origin) replaced.add(set.id);
  }

  // Old terms of the replaced sets: drop the membership, delete if none is left.
  const oldTerms = new Map<string, Term>();
  for (const setId of replaced) {
    for (const term of await terms.index('by-set').getAll(setId)) oldTerms.set(term.id, term);
  }
  const incoming = new Map(glossary.terms.map((t) => [t.id, t]));
  let removed = 0;
  for (const old of oldTerms.values()) {
    const kept = old.sets.filter((s) => !replaced.has(s));
    if (incoming.has(old.id)) continue;
    if (kept.length === 0) {
      await terms.delete(old.id);
      removed++;
    } else await terms.put({ ...old, sets: kept });
  }
  for (const setId of replaced) if (!glossary.sets.some((s) => s.id === setId)) await sets.delete(setId);

  let added = 0;
  let updated = 0;
  for (const set of glossary.sets) await sets.put(set);
  for (const term of glossary.terms) {
    const existing = oldTerms.get(term.id) ?? (await terms.get(term.id));
    const otherSets = existing ? existing.sets.filter((s) => !replaced.has(s)) : [];
    await terms.put({ ...term, sets: [...new Set([...term.sets, ...otherSets])] });
    if (existing) updated++;
    else added++;
  }
  const revision = await bumpRevision(tx.objectStore('meta'));
  await tx.done;
  return { added, updated, removed, revision };
}


export async function getRevision(db: GlossaryDb): Promise<number> {
  return revisionOf(await db.get('meta', 'revision'));
}

/** The stored revision as a number: 0 before the first write. */
function revisionOf(stored: unknown): number {
  return Number(stored) || 0;
}

/** The search index kept in IndexedDB, if it was built from this revision of the glossary by this build (else none: it is stale or missing). */
export async function getKeptSearchIndex(db: GlossaryDb, revision: number): Promise<SearchIndexPayload | undefined> {
  return keptFor(await db.get('derived', 'searchIndex'), revision);
}

function keptFor(kept: SearchIndexPayload | undefined, revision: number): SearchIndexPayload | undefined {
  return kept?.key === searchIndexKey(revision) ? kept : undefined;
}

/** The kept search index if it is the current glossary's: the revision and the index read in one transaction, so never a mismatch. */
export async function getCurrentKeptSearchIndex(db: GlossaryDb): Promise<SearchIndexPayload | undefined> {
  const tx = db.transaction(['meta', 'derived']);
  const [revision, kept] = await Promise.all([tx.objectStore('meta').get('revision'), tx.objectStore('derived').get('searchIndex')]);
  await tx.done;
  return keptFor(kept, revisionOf(revision));
}

export async function getMeta(db: GlossaryDb, key: 'bundledHash'): Promise<string | undefined> {
  const value = await db.get('meta', key);
  return typeof value === 'string' ? value : undefined;
}

export async function setMeta(db: GlossaryDb, key: 'bundledHash', value: string): Promise<void> {
  await db.put('meta', value, key);
}

export function getTerm(db: GlossaryDb, id: string): Promise<Term | undefined> {
  return db.get('terms', id);
}

/**
 * One term ready to show, read in one transaction so its set titles and
 * related terms are those of the same revision. A related id whose term was
 * removed, or the term itself, is left out.
 */
export async function getTermView(db: GlossaryDb, id: string): Promise<TermView | undefined> {
  const tx = db.transaction(['terms', 'sets']);
  const terms = tx.objectStore('terms');
  const term = await terms.get(id);
  const [sets, related] = term
    ? await Promise.all([
        Promise.all(term.sets.map((s) => tx.objectStore('sets').get(s))),
        Promise.all(relatedIdsOf(term).map((r) => terms.get(r))),
      ])
    : [[], []];
  await tx.done;
  return term && toTermView(term, sets, related);
}

/** The whole glossary in one transaction: no feed sync or import can land between its parts. */
export async function readGlossarySnapshot(db: GlossaryDb): Promise<GlossarySnapshot> {
  const tx = db.transaction(['meta', 'sets', 'terms']);
  const [revision, sets, terms] = await Promise.all([
    tx.objectStore('meta').get('revision'),
    tx.objectStore('sets').getAll(),
    tx.objectStore('terms').getAll(),
  ]);
  await tx.done;
  const counts = new Map<string, number>();
  for (const term of terms) for (const set of term.sets) counts.set(set, (counts.get(set) ?? 0) + 1);
  return {
    revision: revisionOf(revision),
    sets: sets.map((set) => ({ ...set, termCount: counts.get(set.id) ?? 0 })),
    terms,
  };
}

export function getAllTerms(db: GlossaryDb): Promise<Term[]> {
  return db.getAll('terms');
}

export function getTermsInSet(db: GlossaryDb, setId: string): Promise<Term[]> {
  return db.getAllFromIndex('terms', 'by-set', setId);
}

export async function listSets(db: GlossaryDb): Promise<SetSummary[]> {
  const tx = db.transaction(['sets', 'terms']);
  const sets = await tx.objectStore('sets').getAll();
  const index = tx.objectStore('terms').index('by-set');
  const summaries = await Promise.all(
    sets.map(async (set) => ({ ...set, termCount: await index.count(set.id) })),
  );
  await tx.done;
  return summaries.sort((a, b) => a.title.localeCompare(b.title));
}
