/**
 * The offline reader (reader.html): the whole glossary as a book. The route
 * lives in the URL's hash (utils/reader/router.ts), so every page is a deep
 * link and back/forward work; the glossary comes from the background once
 * (use-catalog) and every page renders from it without waiting.
 *
 * On each page change the focus goes to the page's heading and the window
 * to the top, except when coming back to a page seen before: then the
 * scroll position and the link that was focused there come back too.
 */
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { BacklinkIndex } from '../../utils/reader/backlinks';
import type { Settings } from '../../utils/settings';
import { hrefOf, termHref, type Route } from '../../utils/reader/router';
import { useTermSearch, type TermSearchState } from '../search/use-term-search';
import { useSettings } from '../shared/use-settings';
import { AzPage } from './AzPage';
import { HomePage } from './HomePage';
import { LookupPage } from './LookupPage';
import { NotFound } from './NotFound';
import { ReaderSearch } from './ReaderSearch';
import { SetPage } from './SetPage';
import { TermPage } from './TermPage';
import { WelcomePage } from './WelcomePage';
import { useBacklinkIndex } from './use-backlinks';
import { useCatalog, type CatalogState } from './use-catalog';
import { navigate, useRoute } from './use-route';
import { useFavourites, useHistory } from './use-stored-list';
import './reader.css';

export function ReaderApp() {
  const route = useRoute();
  const catalog = useCatalog();
  const settings = useSettings();
  const favourites = useFavourites();
  const history = useHistory();
  const main = useRef<HTMLElement>(null);
  const backlinks = useBacklinkIndex(catalog.status === 'ready' ? catalog.catalog : undefined);
  const search = useTermSearch();

  useEffect(() => {
    document.documentElement.dataset.theme = settings?.theme ?? 'system';
  }, [settings?.theme]);

  usePageMemory(hrefOf(route), catalog.status === 'ready', main);

  const focusPage = () => main.current?.querySelector<HTMLElement>('h1')?.focus();

  return (
    <div class="rd-app">
      <header class="rd-header">
        <a class="rd-brand" href={hrefOf({ kind: 'home' })}>
          <span class="rd-brand-mark" aria-hidden="true" />
          Termlight <span class="rd-brand-sub">reader</span>
        </a>
        <ReaderSearch state={search} onOpen={(id) => navigate(termHref(id))} onLeave={focusPage} />
        <nav class="rd-nav" aria-label="Browse">
          <a href={hrefOf({ kind: 'home' })} aria-current={route.kind === 'home' ? 'page' : undefined}>
            Home
          </a>
          <a href={hrefOf({ kind: 'az' })} aria-current={route.kind === 'az' ? 'page' : undefined}>
            A to Z
          </a>
        </nav>
      </header>
      <main class="rd-main" ref={main}>
        <Page
          route={route}
          catalog={catalog}
          favourites={favourites}
          settings={settings}
          history={history}
          backlinks={backlinks}
          search={search}
        />
      </main>
      <footer class="rd-footer">
        <kbd>/</kbd> search · <kbd>j</kbd> <kbd>k</kbd> or <kbd>↓</kbd> <kbd>↑</kbd> move · <kbd>Enter</kbd> open ·{' '}
        <kbd>Esc</kbd> leave search · on a term, <kbd>j</kbd> <kbd>k</kbd> next and previous
      </footer>
    </div>
  );
}

interface PageProps {
  route: Route;
  catalog: CatalogState;
  favourites?: string[];
  /** The user's settings (hidden terms, sets off, everyday words), for a term page's notes. */
  settings?: Settings;
  history?: ReturnType<typeof useHistory>;
  backlinks?: BacklinkIndex;
  search: TermSearchState;
}

function Page({ route, catalog: state, favourites, settings, history, backlinks, search }: PageProps) {
  if (state.status === 'loading') {
    return (
      <p class="rd-status tl-pending" role="status">
        Opening the glossary…
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div class="rd-status" role="alert">
        <h1 class="rd-title" tabIndex={-1}>
          Could not open the glossary
        </h1>
        <p>{state.message}</p>
        <button type="button" class="rd-button" onClick={state.retry}>
          Try again
        </button>
      </div>
    );
  }
  const { catalog } = state;
  switch (route.kind) {
    case 'home':
      return <HomePage catalog={catalog} favourites={favourites} history={history} />;
    case 'set':
      return <SetPage catalog={catalog} setId={route.setId} />;
    case 'az':
      return <AzPage catalog={catalog} letter={route.letter} />;
    case 'term':
      return (
        <TermPage
          catalog={catalog}
          termId={route.termId}
          setId={route.setId}
          favourites={favourites}
          settings={settings}
          backlinks={backlinks}
        />
      );
    case 'search':
      return <LookupPage catalog={catalog} query={route.query} search={search} />;
    case 'welcome':
      return <WelcomePage catalog={catalog} />;
    case 'not-found':
      return <NotFound what="page" />;
  }
}

interface PageMemory {
  scrollY: number;
  /** The link that had the focus when the user left the page. */
  focusedHref?: string;
}

function usePageMemory(href: string, ready: boolean, main: { current: HTMLElement | null }): void {
  const memory = useRef(new Map<string, PageMemory>());
  const shown = useRef<string>();

  // Keep track, as the user goes, of where they are on the page shown: a
  // hashchange comes too late for that (the new page may have rendered already).
  useEffect(() => {
    const entry = () => {
      if (shown.current === undefined) return undefined;
      let saved = memory.current.get(shown.current);
      if (!saved) memory.current.set(shown.current, (saved = { scrollY: 0 }));
      return saved;
    };
    const onScroll = () => {
      const saved = entry();
      if (saved) saved.scrollY = window.scrollY;
    };
    const onFocusIn = (event: FocusEvent) => {
      const saved = entry();
      const target = event.target;
      if (!saved || !(target instanceof Element) || !main.current?.contains(target)) return;
      saved.focusedHref = target instanceof HTMLAnchorElement ? (target.getAttribute('href') ?? undefined) : undefined;
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    document.addEventListener('focusin', onFocusIn);
    return () => {
      window.removeEventListener('scroll', onScroll);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [main]);

  // After it rendered, before it is painted: focus and scroll.
  useLayoutEffect(() => {
    if (!ready || shown.current === href) return;
    shown.current = href;
    const saved = memory.current.get(href);
    const scrollY = saved?.scrollY ?? 0;
    const root = main.current;
    const link = saved?.focusedHref
      ? [...(root?.querySelectorAll<HTMLAnchorElement>('a[href]') ?? [])].find(
          (a) => a.getAttribute('href') === saved.focusedHref,
        )
      : undefined;
    (link ?? root?.querySelector<HTMLElement>('h1'))?.focus({ preventScroll: true });
    window.scrollTo(0, scrollY);
  }, [href, ready, main]);
}
