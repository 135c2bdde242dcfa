/**
 * A feed's content as a whole: checked across all its sets (unique ids and
 * surface forms, related terms and sets that exist) before anything is
 * written, and moved into the feed's own id namespace for storage.
 *
 * Why a namespace: feeds are written by other people and update on their
 * own. A feed term `funding-rate` stored under that id would overwrite the
 * bundled definition, and unsubscribing could not bring it back; two feeds
 * could overwrite each other. Stored as `feed-1a2b3c4d-funding-rate`, a feed
 * owns exactly its records, removing it removes exactly them, and the
 * bundled glossary stays whole underneath. Pure.
 */
import { checkIntegrity } from '../glossary/integrity';
import type { Term, TermSet } from '../glossary/schema';
import { FeedError } from './feed-error';

const MAX_ID = 80;

export interface FeedContent {
  sets: TermSet[];
  terms: Term[];
  /** Where each term came from (parallel to `terms`): a set file, or '' for a one-document feed. */
  termWhere: string[];
}

export const prefixOf = (feedId: string) => `${feedId}-`;

/** `sets/a.json: term "basis"` for a set file; `term "basis" (terms[3])` for a one-document feed, where the index is the document's. */
function termLabel(content: FeedContent, index: number): string {
  const where = content.termWhere[index];
  const id = content.terms[index]?.id;
  return where ? `${where}: term "${id}"` : `term "${id}" (terms[${index}])`;
}

/** Checks the feed as it will be after the sync; throws a FeedError listing every problem. */
export function checkFeedContent(content: FeedContent, feedId: string, maxTerms: number): void {
  if (content.terms.length > maxTerms) {
    throw new FeedError(
      'too-many-terms',
      `The feed holds ${content.terms.length.toLocaleString('en-US')} terms; Termlight accepts at most ${maxTerms.toLocaleString('en-US')} per feed. Nothing was changed.`,
    );
  }
  const details: string[] = [];
  const room = MAX_ID - prefixOf(feedId).length;
  content.sets.forEach((set, i) => {
    if (set.id.length > room) details.push(`sets[${i}].id: "${set.id}" is too long for a feed set (at most ${room} characters)`);
  });
  content.terms.forEach((term, i) => {
    if (term.id.length > room) details.push(`${termLabel(content, i)}: id is too long for a feed term (at most ${room} characters)`);
  });
  for (const problem of checkIntegrity(content.sets, content.terms)) {
    const match = /^terms\[(\d+)\](?:\.(.*))?$/.exec(problem.path);
    if (!match) details.push(`${problem.path}: ${problem.message}`);
    else details.push(`${termLabel(content, Number(match[1]))}${match[2] ? `, field ${match[2]}` : ''}: ${problem.message}`);
  }
  if (details.length) {
    throw new FeedError('invalid', `The feed has ${details.length} problem${details.length === 1 ? '' : 's'} across its sets, so nothing was changed.`, {
      details: details.slice(0, 50).concat(details.length > 50 ? [`… and ${details.length - 50} more`] : []),
    });
  }
}

/** The feed's sets and terms as stored: ids prefixed, origin `feed`, source the feed URL. */
export function toStored(content: Pick<FeedContent, 'sets' | 'terms'>, feedId: string, feedUrl: string): { sets: TermSet[]; terms: Term[] } {
  const p = prefixOf(feedId);
  return {
    sets: content.sets.map((set) => ({ ...set, id: p + set.id, origin: 'feed', source: feedUrl })),
    terms: content.terms.map((term) => ({
      ...term,
      id: p + term.id,
      sets: term.sets.map((s) => p + s),
      related: term.related.map((r) => p + r),
    })),
  };
}

const strip = (p: string, id: string) => (id.startsWith(p) ? id.slice(p.length) : id);

/** Stored records back in the publisher's ids (to check a sync against the sets it does not download). */
export function fromStored(stored: { sets: TermSet[]; terms: Term[] }, feedId: string): { sets: TermSet[]; terms: Term[] } {
  const p = prefixOf(feedId);
  return {
    sets: stored.sets.map((set) => ({ ...set, id: strip(p, set.id) })),
    terms: stored.terms.map((term) => ({
      ...term,
      id: strip(p, term.id),
      sets: term.sets.map((s) => strip(p, s)),
      related: term.related.map((r) => strip(p, r)),
    })),
  };
}
