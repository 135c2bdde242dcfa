/**
 * The one message contract between Termlight's contexts. The background
 * answers every message; content scripts, popup, options and reader send.
 * Both sides import this file, so a change to a message is a type error on
 * the side that forgot it.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { SetSummary } from '../db/glossary-store';
import type { Term } from '../glossary/schema';
import type { CompiledMatcher } from '../matcher';

export interface MatcherPayload {
  /** Glossary revision and settings the matcher was compiled for. */
  key: string;
  matcher: CompiledMatcher;
}

/** A term with the titles of its sets, ready to show. */
export interface TermView extends Term {
  setTitles: string[];
  relatedTerms: Array<{ id: string; term: string }>;
}

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
}

export const { sendMessage, onMessage } = defineExtensionMessaging<ProtocolMap>();

/** Messages the popup sends to the content script of one tab. */
export interface PageProtocolMap {
  /** Terms found on the page, in order of first appearance, with counts. */
  getPageTerms(): Array<{ termId: string; count: number }>;
  /** Scroll to the first highlight of a term and flash it. */
  revealTerm(termId: string): boolean;
}

export const pageMessaging = defineExtensionMessaging<PageProtocolMap>();
