/**
 * The one message contract between Termlight's contexts. The background
 * answers every message; content scripts, popup, options and reader send.
 * Both sides import this file, so a change to a message is a type error on
 * the side that forgot it.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { SetSummary } from '../db/glossary-store';
import type { TermView } from '../glossary/term-view';
import type { Term } from '../glossary/schema';
import type { FeedView, SubscribeResult, SyncOutcome } from '../feeds/feed-record';
import type { ContextRules } from '../highlighter/context-gate';
import type { CompiledMatcher } from '../matcher';
import type { ImportRequest, SaveMyTermResult } from '../import/import-service';
import type { MyTermInput } from '../import/my-terms';
import type { ExportRequest, ImportOutcome, ImportPreview } from '../import/types';
import type { SearchIndexPayload } from '../search/term-search';

export interface MatcherPayload {
  /** Glossary revision and settings the matcher was compiled for. */
  key: string;
  matcher: CompiledMatcher;
  /** The set each term is highlighted as (the first of its sets that is enabled), for its colour. */
  setOfTerm: Record<string, string>;
  /** Terms highlighted only on pages about their field, and the terms that show it (none when no term needs it). */
  context?: ContextRules;
}

export type { TermView };

export interface GlossaryStatus {
  revision: number;
  termCount: number;
  setCount: number;
}

export interface ProtocolMap {
  /** The compiled matcher for the enabled sets, cached by the background per glossary revision. */
  getMatcher(): MatcherPayload;
  getTerm(id: string): TermView | null;
  listSets(): SetSummary[];
  listTerms(query: { setId?: string }): Term[];
  getStatus(): GlossaryStatus;
  /**
   * Opens the reader page at a term in a new tab. Content scripts ask the
   * background: a page cannot navigate to an extension page that is not web accessible.
   */
  openReader(termId: string): void;
  /** The number of distinct terms highlighted in the sender's tab (its top document), for the toolbar badge; 0 clears it. */
  setPageTermCount(count: number): void;
  /** The serialized search index of the whole glossary, built once per glossary revision. */
  getSearchIndex(): SearchIndexPayload;
  /** What importing a document would do (new, changed, conflicting, invalid terms), without writing. */
  previewImport(request: ImportRequest): ImportPreview;
  /** Parses, checks and writes a document in one transaction; refuses invalid rows unless `skipInvalid`. */
  importGlossary(request: ImportRequest & { skipInvalid: boolean }): ImportOutcome;
  /** Termlight JSON or CSV text of some sets, or of all when `setIds` is absent. */
  exportGlossary(request: ExportRequest): string;
  /** Adds or edits one of the user's own terms (set `my-terms`). */
  saveMyTerm(term: MyTermInput): SaveMyTermResult;
  deleteMyTerm(id: string): boolean;
  /** Removes an imported set (bundled and feed sets are turned off instead); false if not allowed. */
  deleteSet(id: string): boolean;
  /** Feed subscriptions with their status (progress comes over the `FEED_PROGRESS_PORT` Port). */
  listFeeds(): FeedView[];
  /** Downloads and checks the feed at a URL, and stores it only if all of it is valid. Ask for the host permission first. */
  subscribeFeed(url: string): SubscribeResult;
  /** "Sync now": one feed, or all feeds when no id is given. */
  syncFeeds(feedId?: string): SyncOutcome[];
  /** Removes a feed and its sets and terms in one transaction; false if it was not subscribed. */
  unsubscribeFeed(feedId: string): boolean;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/** Messages the popup sends to the content script of one tab. */
export interface PageInfo {
  hostname: string;
  /** The page was too big to scan within the work budget: only part of it is highlighted. */
  partial: boolean;
  /** The words selected on the page, as a query (`selectionQuery`): the popup searches for them. '' for none. */
  selection: string;
}

/** The JSON-LD a page carries: the text of each `<script type="application/ld+json">`, untrusted. */
export interface PageGlossary {
  /** The page's address without query or fragment: the imported set's source. */
  url: string;
  blocks: string[];
  /** Some blocks were left out: together they passed the size cap. */
  truncated: boolean;
}

export interface PageProtocolMap {
  /** Terms found on the page, in order of first appearance, with counts. */
  getPageTerms(): Array<{ termId: string; count: number }>;
  /** Scroll to the first highlight of a term and flash it. */
  revealTerm(termId: string): boolean;
  /** The page's hostname (for the popup's site switch: without the tabs permission it cannot read the tab's URL). */
  getPageInfo(): PageInfo;
  /** The page's schema.org JSON-LD, as written, for "Import this page's glossary". */
  getPageGlossary(): PageGlossary;
}

export const pageMessaging = defineExtensionMessaging<PageProtocolMap>();
