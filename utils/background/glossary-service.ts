/**
 * What the background answers: each method backs one message of the
 * protocol. Kept apart from the entrypoint so unit tests can call it with a
 * fake IndexedDB and plain settings.
 */
import { getAllTerms, getKeptSearchIndex, getRevision, getTermView, getTermsInSet, listSets } from '../db/glossary-store';
import type { GlossaryDb } from '../db/schema';
import type { Term } from '../glossary/schema';
import type { GlossaryStatus, MatcherPayload, TermView } from '../messaging/protocol';
import { buildSearchIndex } from '../search/search-index';
import type { SearchIndexPayload } from '../search/term-search';
import type { Settings } from '../settings';
import { compilePagePayload } from './page-payload';

export interface GlossaryService {
  getMatcher(): Promise<MatcherPayload>;
  getTerm(id: string): Promise<TermView | null>;
  listSets: () => ReturnType<typeof listSets>;
  listTerms(query: { setId?: string }): Promise<Term[]>;
  getStatus(): Promise<GlossaryStatus>;
  getSearchIndex(): Promise<SearchIndexPayload>;
}

export function createGlossaryService(
  db: GlossaryDb,
  readSettings: () => Promise<Settings>,
): GlossaryService {
  // One compiled matcher per (glossary revision, enabled sets, hidden terms, ambiguity): built
  // once, then handed to every tab that asks.
  let cached: MatcherPayload | undefined;
  // One search index per glossary revision (every term, whatever the settings),
  // kept as a promise so popups opened while it builds share the one build.
  let searchIndex: { revision: number; payload: Promise<SearchIndexPayload> } | undefined;

  return {
    async getMatcher() {
      const [revision, settings] = await Promise.all([getRevision(db), readSettings()]);
      const key = JSON.stringify([revision, settings.includeAmbiguous, [...settings.disabledSets].sort(), [...settings.hiddenTerms].sort()]);
      if (cached?.key === key) return cached;
      const disabled = new Set(settings.disabledSets);
      const hidden = new Set(settings.hiddenTerms);
      const terms = (await getAllTerms(db)).filter((t) => !hidden.has(t.id) && t.sets.some((s) => !disabled.has(s)));
      cached = { key, ...compilePagePayload(terms, { includeAmbiguous: settings.includeAmbiguous, disabledSets: disabled }) };
      return cached;
    },

    getTerm: async (id) => (await getTermView(db, id)) ?? null,

    listSets: () => listSets(db),

    async listTerms({ setId }) {
      const terms = setId ? await getTermsInSet(db, setId) : await getAllTerms(db);
      return terms.sort((a, b) => a.term.localeCompare(b.term));
    },

    async getStatus() {
      const tx = db.transaction(['terms', 'sets']);
      const [termCount, setCount] = await Promise.all([
        tx.objectStore('terms').count(),
        tx.objectStore('sets').count(),
      ]);
      return { revision: await getRevision(db), termCount, setCount };
    },

    async getSearchIndex() {
      const revision = await getRevision(db);
      if (searchIndex?.revision !== revision) {
        const payload = storedSearchIndex(db, revision);
        searchIndex = { revision, payload };
        payload.catch(() => {
          if (searchIndex?.payload === payload) searchIndex = undefined;
        });
      }
      return searchIndex.payload;
    },
  };
}

/**
 * The search index of this revision: the one kept in IndexedDB when it is
 * current (a worker woken from sleep loads it instead of spending a quarter
 * of a second rebuilding it), else built now and kept for next time.
 */
async function storedSearchIndex(db: GlossaryDb, revision: number): Promise<SearchIndexPayload> {
  const kept = await getKeptSearchIndex(db, revision).catch(() => undefined);
  if (kept) return kept;
  const [terms, sets] = await Promise.all([getAllTerms(db), db.getAll('sets')]);
  const built = buildSearchIndex(revision, terms, sets);
  // Only a cache: if it cannot be written, the next worker builds it again.
  await db.put('derived', built, 'searchIndex').catch(() => undefined);
  return built;
}
