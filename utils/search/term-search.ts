/**
 * Instant search over the whole glossary: a MiniSearch index over each
 * term's name, aliases, abbreviations, summary and body, with prefix and
 * typo-tolerant matching, and a ranking people expect from a glossary:
 *
 *   exact name > exact alias or abbreviation > name starts with the query >
 *   every word starts a word of the name > an alias starts with the query >
 *   every word starts a word of an alias > a name matched with a typo > text only
 *
 * so a term's own name outranks another term's alias ("funding": Funding
 * Rate before Annualized Funding Rate, alias "funding APR"). Within a tier
 * the closest name wins (fewest extra words), then the term more others
 * relate to, then the shorter name.
 *
 * MiniSearch finds and scores the candidates; the tier above is decided on
 * the names of each hit and MiniSearch's score only orders hits within a
 * tier. Pure: the background builds and serializes it, the popup (or the
 * reader) loads the JSON once and queries it locally on every keystroke.
 */
import MiniSearch, { type Options, type Query, type SearchOptions, type SearchResult } from 'minisearch';
import type { Term } from '../glossary/schema';
import { normalizeName, processIndexTerm, queryWords, tokenize } from './search-text';

/** One indexed term: what is searched, and (all but the body) what a hit shows. */
export interface SearchDocument {
  id: string;
  term: string;
  aliases: string[];
  abbreviations: string[];
  summary: string;
  body: string;
  setTitles: string[];
  /** How many other terms list this one as related: how central it is, the tie-breaker between equally close names. */
  relatedBy: number;
}

export type StoredTerm = Omit<SearchDocument, 'body' | 'relatedBy'>;

/** How a hit matched, best first; the order is the ranking. */
export const MATCH_KINDS = ['name', 'alias', 'prefix', 'words', 'fuzzy', 'text'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

export interface SearchHit extends StoredTerm {
  kind: MatchKind;
  score: number;
}

export interface SearchResults {
  /** The best matches, at most `limit`. */
  hits: SearchHit[];
  /** Whether more terms matched than `hits` holds (typing more narrows them down). */
  more: boolean;
}

/** What the background hands out: the serialized index of one glossary revision. */
export interface SearchIndexPayload {
  /** The glossary revision the index was built from. */
  key: string;
  termCount: number;
  /** `JSON.stringify` of the MiniSearch index; load with {@link TermSearch.fromJSON}. */
  json: string;
}

const NAME_FIELDS = ['term', 'aliases', 'abbreviations'];
const PROSE_FIELDS = ['summary', 'body'];

/** Names weigh most, abbreviations most of all ("OI" is nothing but a name); the body least. */
const FIELD_BOOST = { abbreviations: 7, term: 6, aliases: 5, summary: 1.5, body: 1 };

/** Typos are forgiven in words of four letters or more: one edit up to 7 letters, two from 8. */
const FUZZY_MIN_LENGTH = 4;
const FUZZY_FRACTION = 0.2;
const MAX_FUZZY = 2;

const SEARCH_OPTIONS: SearchOptions = { boost: FIELD_BOOST, maxFuzzy: MAX_FUZZY };

/** The build side and the load side must use the same options, so there is one copy. */
const INDEX_OPTIONS: Options<SearchDocument> = {
  idField: 'id',
  fields: ['term', 'aliases', 'abbreviations', 'summary', 'body'],
  storeFields: ['term', 'aliases', 'abbreviations', 'summary', 'setTitles', 'relatedBy'],
  tokenize,
  processTerm: processIndexTerm,
};

/** A name, alias or abbreviation of a term, normalized, and its words. */
interface NameForm {
  text: string;
  words: string[];
}

interface NameInfo {
  name: NameForm;
  /** Aliases and abbreviations. */
  others: NameForm[];
  all: NameForm[];
}

export class TermSearch {
  private readonly names = new Map<string, NameInfo>();

  private constructor(private readonly index: MiniSearch<SearchDocument>) {}

  static fromDocuments(documents: Iterable<SearchDocument>): TermSearch {
    const index = new MiniSearch<SearchDocument>(INDEX_OPTIONS);
    index.addAll([...documents]);
    return new TermSearch(index);
  }

  static fromJSON(json: string): TermSearch {
    return new TermSearch(MiniSearch.loadJSON<SearchDocument>(json, INDEX_OPTIONS));
  }

  get termCount(): number {
    return this.index.documentCount;
  }

  toJSON(): string {
    return JSON.stringify(this.index);
  }

  /** The stored fields of one term (name, aliases, summary, sets), without searching. */
  get(id: string): StoredTerm | undefined {
    const stored = this.index.getStoredFields(id);
    return stored ? ({ id, ...stored } as StoredTerm) : undefined;
  }

  search(query: string, { limit = 50 } = {}): SearchResults {
    const normalized = normalizeName(query);
    if (!normalized) return { hits: [], more: false };
    const words = queryWords(query);

    // 1. Names only: terms with every word in their name, aliases or
    // abbreviations. Only these can rank above "text", so when they fill
    // the page the summaries and bodies need not be searched at all.
    const byName = this.index
      .search(this.queryFor(words, 'AND', 'names'), SEARCH_OPTIONS)
      .map((result) => ({ result, ...this.rankOf(result, normalized, words) }))
      .sort(byRank);
    if (byName.length >= limit) return { hits: byName.slice(0, limit).map(toHit), more: true };
    // One-letter words are looked up in names only: searching anywhere would find the same.
    if (byName.length > 0 && words.every((w) => w.length === 1)) return { hits: byName.map(toHit), more: false };

    // 2. Anywhere, ranked as text by score. Every word must match somewhere;
    // if no term has them all, any word will do.
    let anywhere = this.index.search(this.queryFor(words, 'AND', 'anywhere'), SEARCH_OPTIONS);
    if (byName.length === 0 && anywhere.length === 0 && words.length > 1) {
      anywhere = this.index.search(this.queryFor(words, 'OR', 'anywhere'), SEARCH_OPTIONS);
    }
    const named = new Set(byName.map(({ result }) => result.id));
    const text = anywhere
      .filter((result) => !named.has(result.id))
      .map((result) => ({ result, rank: TEXT_RANK, order: orderOf('text', false), extraWords: 0, extraChars: 0 }));
    const ranked = [...byName, ...text];
    return { hits: ranked.slice(0, limit).map(toHit), more: ranked.length > limit };
  }

  /**
   * One sub-query per word, prefix and typo-tolerant in names. In summaries
   * and bodies a word must be 3 letters long before it counts as a prefix
   * ("co" would otherwise expand to half the vocabulary and match every
   * term) and 5 before a typo is forgiven; a one-letter word is looked up in
   * names only, and as a prefix only while it is being typed.
   */
  private queryFor(words: string[], combineWith: 'AND' | 'OR', where: 'names' | 'anywhere'): Query {
    return {
      combineWith,
      queries: words.map((word, i): Query => {
        const typing = i === words.length - 1;
        const inNames: Query = {
          queries: [word],
          fields: NAME_FIELDS,
          prefix: word.length > 1 || typing,
          fuzzy: fuzzyDistance(word),
        };
        if (where === 'names' || word.length === 1) return inNames;
        const inProse: Query = {
          queries: [word],
          fields: PROSE_FIELDS,
          prefix: word.length >= 3,
          fuzzy: word.length >= 5 ? fuzzyDistance(word) : false,
        };
        return { combineWith: 'OR', queries: [inNames, inProse] };
      }),
    };
  }

  /** The tier of a hit, and how closely its closest matching name fits the query. */
  private rankOf(result: SearchResult, query: string, words: string[]): Omit<Ranked, 'result'> {
    const names = this.namesOf(result);
    const tier = (kind: MatchKind, matching: NameForm[]): Omit<Ranked, 'result'> => {
      // A match by the term's own name is measured on the name alone: a short alias must not bring it forward.
      const byName = matching.includes(names.name);
      const forms = byName ? [names.name] : matching;
      return {
        rank: MATCH_KINDS.indexOf(kind),
        order: orderOf(kind, byName),
        extraWords: Math.max(0, Math.min(...forms.map((f) => f.words.length)) - words.length),
        extraChars: Math.max(0, Math.min(...forms.map((f) => f.text.length)) - query.length),
      };
    };
    if (names.name.text === query) return tier('name', [names.name]);
    const exactOther = names.others.filter((o) => o.text === query);
    if (exactOther.length > 0) return tier('alias', exactOther);
    const starting = names.all.filter((f) => f.text.startsWith(query));
    if (starting.length > 0) return tier('prefix', starting);
    const wordStarts = (w: string) => (n: string) => n.startsWith(w);
    const byWords = names.all.filter((f) => words.every((w) => f.words.some(wordStarts(w))));
    if (byWords.length > 0) return tier('words', byWords);
    const near = (w: string) => (n: string) => n.startsWith(w) || withinEdits(w, n, fuzzyDistance(w));
    const byTypo = names.all.filter((f) => words.every((w) => f.words.some(near(w))));
    if (byTypo.length > 0) return tier('fuzzy', byTypo);
    return { rank: TEXT_RANK, order: orderOf('text', false), extraWords: 0, extraChars: 0 };
  }

  private namesOf(result: SearchResult): NameInfo {
    const id = String(result.id);
    let info = this.names.get(id);
    if (!info) {
      const form = (text: string): NameForm => {
        const normalized = normalizeName(text);
        return { text: normalized, words: normalized.split(' ') };
      };
      const name = form(result.term as string);
      const others = [...(result.aliases as string[]), ...(result.abbreviations as string[])].map(form);
      info = { name, others, all: [name, ...others] };
      this.names.set(id, info);
    }
    return info;
  }
}

interface Ranked {
  result: SearchResult;
  /** The kind of match, as an index of MATCH_KINDS. */
  rank: number;
  /** Where the hit sorts: its kind, and for prefix and word matches whether by its own name or an alias. */
  order: number;
  /** Words and letters the closest matching name has beyond the query: the closer, the better. */
  extraWords: number;
  extraChars: number;
}

const TEXT_RANK = MATCH_KINDS.indexOf('text');

/** The sort tiers, best first: a prefix or word match by the term's own name comes before any such match by an alias. */
const ORDER = ['name', 'alias', 'prefix:name', 'words:name', 'prefix', 'words', 'fuzzy', 'text'];

function orderOf(kind: MatchKind, byName: boolean): number {
  const named = ORDER.indexOf(`${kind}:name`);
  return byName && named >= 0 ? named : ORDER.indexOf(kind);
}

/**
 * Tier first, then the closest name in words; between names equally close,
 * the more central term ("option": Option Contract before Option Chain),
 * then the shorter name, then MiniSearch's score.
 */
function byRank(a: Ranked, b: Ranked): number {
  return (
    a.order - b.order ||
    a.extraWords - b.extraWords ||
    relatedByOf(b) - relatedByOf(a) ||
    a.extraChars - b.extraChars ||
    b.result.score - a.result.score ||
    String(a.result.term).localeCompare(String(b.result.term))
  );
}

const relatedByOf = ({ result }: Ranked) => Number(result.relatedBy ?? 0);

function toHit({ result, rank }: Ranked): SearchHit {
  return {
    id: String(result.id),
    term: result.term as string,
    aliases: result.aliases as string[],
    abbreviations: result.abbreviations as string[],
    summary: result.summary as string,
    setTitles: result.setTitles as string[],
    kind: MATCH_KINDS[rank],
    score: result.score,
  };
}

/** A glossary term as a search document; `relatedBy` is how many other terms list it as related. */
export function searchDocumentOf(term: Term, setTitles: ReadonlyMap<string, string>, relatedBy = 0): SearchDocument {
  return {
    id: term.id,
    term: term.term,
    aliases: term.aliases,
    abbreviations: term.abbreviations,
    summary: term.summary,
    body: term.body,
    setTitles: term.sets.map((s) => setTitles.get(s) ?? s),
    relatedBy,
  };
}

/** Edits forgiven in a query word. */
function fuzzyDistance(word: string): number {
  return word.length >= FUZZY_MIN_LENGTH ? Math.min(MAX_FUZZY, Math.round(word.length * FUZZY_FRACTION)) : 0;
}

/** Whether `a` becomes `b` in at most `max` insertions, deletions or substitutions. */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > max) return false;
    previous = current;
  }
  return previous[b.length] <= max;
}
