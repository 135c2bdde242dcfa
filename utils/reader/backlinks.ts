/**
 * "Terms that mention this one": for every term, the terms that point at
 * it. Two kinds of pointer:
 *
 * - `related`: the other term lists it among its related terms (curated);
 * - `mention`: the other term's summary or body names it, found by the same
 *   matcher that highlights pages (whole words, plurals, hyphen/space
 *   variants, abbreviations in capitals, longest match first, everyday-word
 *   names such as "call" left out), so a backlink appears exactly where a
 *   highlight would.
 *
 * Pure, and built for a whole glossary at once; `backlinkIndexOf` keeps one
 * index per catalog (one glossary revision), so it is built once.
 */
import type { Term } from '../glossary/schema';
import { compileMatcher, findTerms } from '../matcher';
import { PLAIN_PHRASES } from '../matcher/plain-phrases';
import { compareTermNames, type Catalog } from './catalog';

export type BacklinkKind = 'related' | 'mention';

export interface Backlink {
  id: string;
  term: string;
  via: BacklinkKind;
}

/** Term id → the terms pointing at it: `related` first, then `mention`, each A to Z. */
export type BacklinkIndex = ReadonlyMap<string, readonly Backlink[]>;

export function buildBacklinkIndex(terms: readonly Term[]): BacklinkIndex {
  const byId = new Map(terms.map((t) => [t.id, t]));
  const pointers = new Map<string, Map<string, BacklinkKind>>();
  const add = (target: string, from: string, via: BacklinkKind) => {
    if (target === from || !byId.has(target)) return;
    let sources = pointers.get(target);
    if (!sources) pointers.set(target, (sources = new Map()));
    // A term that lists it as related and also names it counts once, as related.
    if (sources.get(from) !== 'related') sources.set(from, via);
  };

  for (const term of terms) for (const target of term.related) add(target, term.id, 'related');

  const matcher = compileMatcher(terms, { includeAmbiguous: false, plainPhrases: PLAIN_PHRASES });
  for (const term of terms) {
    for (const match of findTerms(`${term.summary}\n\n${term.body}`, matcher)) {
      if (!match.definedOtherwise) add(match.termId, term.id, 'mention');
    }
  }

  const index = new Map<string, Backlink[]>();
  for (const [target, sources] of pointers) {
    const links = [...sources].map(([id, via]) => ({ id, term: byId.get(id)!.term, via }));
    links.sort((a, b) => (a.via === b.via ? compareTermNames(a, b) : a.via === 'related' ? -1 : 1));
    index.set(target, links);
  }
  return index;
}

const cache = new WeakMap<Catalog, BacklinkIndex>();

/** The backlink index of a catalog (one glossary revision): built on first use, then kept. */
export function backlinkIndexOf(catalog: Catalog): BacklinkIndex {
  let index = cache.get(catalog);
  if (!index) cache.set(catalog, (index = buildBacklinkIndex(catalog.terms)));
  return index;
}

/** The index if it is built already (building takes a tenth of a second or so on the full glossary). */
export function builtBacklinkIndex(catalog: Catalog): BacklinkIndex | undefined {
  return cache.get(catalog);
}
