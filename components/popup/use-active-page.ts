/**
 * The active page as the popup shows it: which tab, its hostname, and the
 * terms Termlight found there, refreshed while the popup is open (the page
 * may still be scanning, or the site switch was just flipped).
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { askPageInfo, askPageTerms, findTargetTab, startTermlightIn, type PageTerm } from './active-page';

export type ActivePage =
  | { status: 'loading' }
  /** No tab, or no content script of ours in it. */
  | { status: 'unavailable' }
  | { status: 'ready'; tabId: number; hostname: string; partial: boolean; terms: PageTerm[] };

export interface ActivePageState {
  page: ActivePage;
  /** Whether this is the toolbar popup (it closes itself after opening a tab) rather than a page in a tab. */
  inToolbar: boolean;
  /** Asks the page again now (after a settings change, say). */
  refresh(): void;
  /** The words selected on the page when the popup opened (its first answer), as a query; '' for none. */
  selection: string;
}

const POLL_MS = 700;
/** How long a content script the popup just injected may take to answer before the page counts as unavailable. */
const START_GRACE_MS = 4000;

export function useActivePage(): ActivePageState {
  const [page, setPage] = useState<ActivePage>({ status: 'loading' });
  const [inToolbar, setInToolbar] = useState(true);
  const [selection, setSelection] = useState('');
  const refreshRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let tabId: number | undefined;
    let mayStart = false;
    /** When the popup injected the content script (undefined: not tried yet; 0: tried, refused). */
    let startedAt: number | undefined;
    let selectionRead = false;

    async function poll(): Promise<void> {
      clearTimeout(timer);
      if (tabId === undefined) {
        const found = await findTargetTab();
        if (!live) return;
        setInToolbar(found.inToolbar);
        // A page still loading gets its script from the manifest: start one only in a loaded tab.
        mayStart = found.inToolbar && found.tab?.status === 'complete';
        tabId = found.tab?.id;
        if (tabId === undefined) return setPage({ status: 'unavailable' });
      }
      // The content script may be starting still (or the tab went elsewhere): ask every time.
      const info = await askPageInfo(tabId);
      const terms = info === undefined ? undefined : await askPageTerms(tabId);
      if (!live) return;
      // The selection as the popup opened: later polls must not replace what the user typed since.
      if (info && !selectionRead) {
        selectionRead = true;
        setSelection(info.selection ?? '');
      }
      // No script of ours answers: start one, once, if the toolbar button granted access to the tab.
      if (info === undefined && startedAt === undefined) startedAt = mayStart && (await startTermlightIn(tabId)) ? Date.now() : 0;
      const starting = startedAt !== undefined && startedAt > 0 && Date.now() - startedAt < START_GRACE_MS;
      if (!live) return;
      if (info === undefined || terms === undefined) setPage(starting ? { status: 'loading' } : { status: 'unavailable' });
      else {
        const next = { status: 'ready' as const, tabId, hostname: info.hostname, partial: info.partial, terms };
        setPage((previous) => (samePage(previous, next) ? previous : next));
      }
      // A refresh may overlap a poll in flight: whichever ends last keeps the one timer.
      clearTimeout(timer);
      timer = setTimeout(() => void poll(), POLL_MS);
    }

    refreshRef.current = () => void poll();
    void poll();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);

  const refresh = useCallback(() => refreshRef.current(), []);
  return { page, inToolbar, refresh, selection };
}

function samePage(a: ActivePage, b: Extract<ActivePage, { status: 'ready' }>): boolean {
  return (
    a.status === 'ready' &&
    a.tabId === b.tabId &&
    a.hostname === b.hostname &&
    a.partial === b.partial &&
    a.terms.length === b.terms.length &&
    a.terms.every((t, i) => t.termId === b.terms[i].termId && t.count === b.terms[i].count)
  );
}
