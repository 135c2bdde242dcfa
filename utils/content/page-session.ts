/**
 * Termlight's life on one page: fetch the compiled matcher from the
 * background, highlight, follow page changes, and follow settings (site
 * switch, sets, hidden terms, highlight mode, set colours) without a reload. Everything it
 * starts is stopped when the content script is invalidated (extension
 * update/reload).
 */
import { PageHighlighter, type FoundTerm } from '../highlighter/page-highlighter';
import { MutationWatcher } from '../highlighter/mutation-watcher';
import { SetColorSheet } from '../highlighter/set-colors';
import { watchGlossaryRevision } from '../glossary/revision-signal';
import { pageMessaging, sendMessage } from '../messaging/protocol';
import { getSettings, isSiteEnabled, watchSettings, type Settings } from '../settings';
import { selectionQuery } from '../search/lookup';
import { selectedTextInView } from './selection-in-view';
import { readPageGlossary } from './page-glossary';
import { announceFrameHighlights, firstFrameHighlight, FRAME_HIGHLIGHTS_CHANGED, frameHighlightCounts } from './frame-terms';

export interface PageSessionContext {
  onInvalidated(callback: () => void): void;
  /** Calls back when the page moves to another address without loading (a single-page app's route change). */
  onNavigate?(callback: (next: URL, previous: URL) => void): void;
}

/**
 * After a single-page app changes route, how long to wait before reading
 * the page afresh: the app may render the new view before or after it
 * changes the address, and fetching it takes a moment.
 */
export const ROUTE_SETTLE_MS = 600;

/** Whether two addresses name the same document (only the #fragment differs: an in-page link). */
export function sameDocument(a: URL, b: URL): boolean {
  return a.origin === b.origin && a.pathname === b.pathname && a.search === b.search;
}

export interface PageSessionOptions {
  /** The highlight stylesheet, for the shadow roots of web components (the document gets it from the manifest). */
  shadowCss?: string;
  /**
   * Called once, when the first highlight is written: what only highlights
   * need (the card's watcher) can start then, so a page with no terms, or
   * where Termlight is off, never pays for it.
   */
  onFirstHighlight?: () => void;
}

/** Settings whose change needs a new matcher or a fresh pass over the page. */
function scanKey(s: Settings): string {
  return JSON.stringify([s.disabledSets, s.hiddenTerms, s.includeAmbiguous, s.highlightMode, s.focusableHighlights, s.scanBudgetMs]);
}

export async function startPageSession(
  ctx: PageSessionContext,
  options: PageSessionOptions = {},
  doc: Document = document,
): Promise<void> {
  const hostname = doc.location.hostname;
  let settings = await getSettings();
  let highlighter: PageHighlighter | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let generation = 0;
  let firstHighlight = options.onFirstHighlight;
  // One stylesheet for the set colours, for the whole session: a colour change rewrites it, the marks stay.
  const colors = new SetColorSheet(doc);
  colors.update(settings.setColors, settings.highlightStyle);

  // The toolbar badge and the popup speak for the whole page: the top
  // document's session counts its own terms and those of its same-origin
  // frames, whose sessions tell it when their highlights change.
  const reportsCount = doc.defaultView !== null && doc.defaultView === doc.defaultView.top;
  function pageTerms(): FoundTerm[] {
    if (!highlighter) return [];
    const terms = highlighter.foundTerms();
    const inFrames = frameHighlightCounts(doc);
    if (inFrames.size === 0) return terms;
    for (const term of terms) {
      term.count += inFrames.get(term.termId) ?? 0;
      inFrames.delete(term.termId);
    }
    return [...terms, ...[...inFrames].map(([termId, count]) => ({ termId, count }))];
  }
  let reportedCount: number | undefined;
  function reportTermCount(): void {
    if (!reportsCount) {
      announceFrameHighlights(doc.defaultView);
      return;
    }
    const count = settings.showTermCount ? pageTerms().length : 0;
    if (count === reportedCount) return;
    reportedCount = count;
    // The badge is a hint: a background that is restarting just misses one count.
    sendMessage('setPageTermCount', count).catch(() => undefined);
  }
  // A page restored from the back/forward cache keeps this session, but the
  // browser reset the tab's badge when the tab left it: say the count again.
  const onPageShow = (event: PageTransitionEvent) => {
    if (!event.persisted) return;
    reportedCount = undefined;
    reportTermCount();
  };
  doc.defaultView?.addEventListener('pageshow', onPageShow);
  const onFrameHighlights = () => reportTermCount();
  if (reportsCount) doc.defaultView?.addEventListener(FRAME_HIGHLIGHTS_CHANGED, onFrameHighlights);

  const watcher = new MutationWatcher(doc.body, {
    onChanged: (roots) => {
      const current = highlighter;
      if (!current) return;
      queue = queue.then(async () => {
        for (const root of roots) if (root.isConnected && highlighter === current) await current.scan(root);
        reportTermCount();
      });
    },
  });

  async function start(): Promise<void> {
    const myGeneration = ++generation;
    const { matcher, setOfTerm, context } = await sendMessage('getMatcher');
    if (myGeneration !== generation) return; // stopped or restarted meanwhile
    colors.adoptInto(doc);
    const next = new PageHighlighter(doc, {
      matcher,
      setOfTerm,
      context,
      colors,
      mode: settings.highlightMode,
      focusable: settings.focusableHighlights,
      shadowCss: options.shadowCss,
      workBudgetMs: settings.scanBudgetMs,
      onWrite: (created) => {
        if (created.length > 0) {
          // A page may replace document.adoptedStyleSheets wholesale: put the colours back with new marks.
          colors.adoptInto(doc);
          firstHighlight?.();
          firstHighlight = undefined;
        }
        for (const mark of created) watcher.track(mark);
        watcher.ignoreOwnChanges();
      },
    });
    highlighter = next;
    watcher.start();
    queue = queue.then(() => next.scan());
    await queue;
    if (highlighter === next) reportTermCount();
  }

  function stop(): void {
    generation++;
    watcher.stop();
    highlighter?.clear();
    highlighter = undefined;
    reportTermCount();
  }

  const unwatch = watchSettings((next) => {
    const previous = settings;
    settings = next;
    // Colours and the highlight style apply to the marks where they are: no new scan.
    colors.update(next.setColors, next.highlightStyle);
    const wasOn = isSiteEnabled(previous, hostname);
    const isOn = isSiteEnabled(next, hostname);
    if (!isOn) stop();
    else if (!wasOn || scanKey(previous) !== scanKey(next)) {
      stop();
      void start();
    }
    reportTermCount(); // the badge setting itself may have changed
  });

  // The glossary changed (a feed synced or was removed): new matcher, fresh pass.
  const unwatchGlossary = watchGlossaryRevision(() => {
    if (!isSiteEnabled(settings, hostname)) return;
    stop();
    void start();
  });

  const removeTermsListener = pageMessaging.onMessage('getPageTerms', () => pageTerms());
  const removeInfoListener = pageMessaging.onMessage('getPageInfo', () => ({
    hostname,
    partial: highlighter?.budgetExceeded ?? false,
    selection: selectionQuery(selectedTextInView(doc)),
  }));
  const removeGlossaryListener = pageMessaging.onMessage('getPageGlossary', () => readPageGlossary(doc));
  const removeRevealListener = pageMessaging.onMessage('revealTerm', ({ data: termId }) => {
    if (!highlighter) return false;
    const mark = highlighter.marks().find((m) => m.dataset.termId === termId) ?? firstFrameHighlight(doc, termId);
    if (!mark) return false;
    mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
    mark.animate?.([{ outlineColor: 'transparent' }, { outline: '3px solid #f5b400' }, { outlineColor: 'transparent' }], {
      duration: 1200,
    });
    return true;
  });

  // A route change in a single-page app is a new page to the reader: its
  // terms, counts and context start afresh once the new view has settled.
  let routeTimer: ReturnType<typeof setTimeout> | undefined;
  ctx.onNavigate?.((next, previous) => {
    if (sameDocument(next, previous) || !isSiteEnabled(settings, hostname)) return;
    stop();
    clearTimeout(routeTimer);
    routeTimer = setTimeout(() => {
      if (isSiteEnabled(settings, hostname) && !highlighter) void start();
    }, ROUTE_SETTLE_MS);
  });

  ctx.onInvalidated(() => {
    clearTimeout(routeTimer);
    doc.defaultView?.removeEventListener('pageshow', onPageShow);
    doc.defaultView?.removeEventListener(FRAME_HIGHLIGHTS_CHANGED, onFrameHighlights);
    // The page first: once the extension is gone, its APIs throw, so the
    // listener removals come after and may fail quietly.
    stop();
    colors.dispose();
    for (const dispose of [
      unwatch,
      unwatchGlossary,
      removeTermsListener,
      removeRevealListener,
      removeInfoListener,
      removeGlossaryListener,
    ]) {
      try {
        dispose();
      } catch {
        // "Extension context invalidated": nothing left to remove.
      }
    }
  });

  if (isSiteEnabled(settings, hostname)) await start();
  else reportTermCount(); // clear a count the tab's previous page left
}
