/**
 * The toolbar popup: instant search over the whole glossary, a term's full
 * entry, the terms on the active page (and its JSON-LD glossary, to import),
 * and the site and pause switches.
 *
 * Views: the search view (search box; "On this page" while the box is
 * empty, results as soon as it is not) and the entry view, a stack so
 * related terms can be followed and Escape steps back.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { optionId } from '../search/ResultList';
import { SearchResultsPanel } from '../search/SearchResultsPanel';
import { SearchBox } from '../search/SearchBox';
import { useListNavigation } from '../search/use-list-navigation';
import { useTermSearch } from '../search/use-term-search';
import type { SettingsChange } from '../../utils/settings';
import { useEditableSettings } from '../shared/use-editable-settings';
import type { SearchResults } from '../../utils/search/term-search';
import { revealOnPage } from './active-page';
import { PageGlossaryImport } from './PageGlossaryImport';
import { PageTerms } from './PageTerms';
import { readerUrl } from '../../utils/reader/reader-url';
import { optionsUrl } from '../../utils/options/options-url';
import { openTab } from './open-tab';
import { SiteControls } from './SiteControls';
import { withSite } from './site-switch';
import { TermEntry } from './TermEntry';
import { useActivePage } from './use-active-page';
import { usePageGlossary } from './use-page-glossary';
import './popup.css';

const RESULT_LIMIT = 50;
const LIST_ID = 'tl-results';

export function PopupApp() {
  const searchState = useTermSearch();
  // A switch shows its new position at once; one that could not be saved (settings full) goes back and says why.
  const { settings, update: saveSettings, saveError } = useEditableSettings();
  const { page, inToolbar, refresh, selection } = useActivePage();
  const pageGlossary = usePageGlossary(page.status === 'ready' ? page.tabId : undefined);
  const [query, setQuery] = useState('');
  const [stack, setStack] = useState<string[]>([]);
  const input = useRef<HTMLInputElement>(null);

  const search = searchState.status === 'ready' ? searchState.search : undefined;
  const trimmed = query.trim();
  const results = useMemo<SearchResults | undefined>(
    () => (search && trimmed ? search.search(trimmed, { limit: RESULT_LIMIT }) : undefined),
    [search, trimmed],
  );
  const hits = results?.hits ?? [];
  const openEntry = (id: string) => setStack((s) => [...s, id]);
  const nav = useListNavigation(hits.length, (i) => openEntry(hits[i].id), trimmed);
  const entryId = stack.at(-1);

  // Focus the search box on open and on coming back from an entry.
  useEffect(() => {
    if (!entryId) input.current?.focus();
  }, [entryId]);

  // Opened over selected words: search for them, selected in the box so typing replaces them.
  // Not when the user has typed already (the page answers after a moment).
  // (This runs when the selection arrives, with the query of that render.)
  const selectOnceShown = useRef(false);
  useEffect(() => {
    if (!selection || query !== '') return;
    selectOnceShown.current = true;
    setQuery(selection);
  }, [selection]);
  // Selected in the same task as the box shows the words: selecting a frame later (as before)
  // let a key typed in between land after them, and the late selection then swallowed it.
  useLayoutEffect(() => {
    if (!selectOnceShown.current) return;
    selectOnceShown.current = false;
    if (input.current?.value === query) input.current.select();
  }, [query]);

  useEffect(() => {
    document.documentElement.dataset.theme = settings?.theme ?? 'system';
  }, [settings?.theme]);

  const back = () => setStack((s) => s.slice(0, -1));
  const openReader = (id?: string) => void openTab(readerUrl(id), inToolbar);
  const myTermsUrl = optionsUrl({ section: 'my-terms', name: trimmed });
  const setsUrl = optionsUrl({ section: 'sets' });
  const hostname = page.status === 'ready' ? page.hostname : undefined;

  async function changeSettings(change: SettingsChange): Promise<void> {
    await saveSettings(change);
    refresh();
  }

  // Escape (or Alt+Left) steps back from an entry wherever the focus is,
  // even on the body while the next entry loads.
  useEffect(() => {
    if (!entryId) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' || (event.altKey && event.key === 'ArrowLeft')) {
        event.preventDefault();
        setStack((s) => s.slice(0, -1));
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [entryId]);

  function onSearchKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && query) {
      // Clear first; a second Escape closes the popup as usual.
      event.preventDefault();
      setQuery('');
      return;
    }
    nav.onKeyDown(event);
  }

  return (
    <div class="tl-popup">
      {entryId ? (
        <main class="tl-main">
          <h1 class="tl-sr-only">Termlight</h1>
          <TermEntry
            key={entryId}
            termId={entryId}
            settings={settings}
            onBack={back}
            onOpenTerm={openEntry}
            onOpenReader={openReader}
            onOpenOptions={(url) => void openTab(url, inToolbar)}
          />
        </main>
      ) : (
        <>
          <header class="tl-header">
            <h1 class="tl-sr-only">Termlight</h1>
            <SearchBox
              inputRef={input}
              value={query}
              onInput={setQuery}
              onKeyDown={onSearchKeyDown}
              listId={LIST_ID}
              activeId={hits.length > 0 ? optionId(LIST_ID, nav.active) : undefined}
              expanded={hits.length > 0}
              label="Search the glossary"
              placeholder={search ? `Search ${search.termCount.toLocaleString('en')} terms` : 'Search the glossary'}
            />
          </header>
          {/* The results are options of the combobox, not tab stops: the list itself takes the focus, so the keyboard can scroll it too. */}
          <main class="tl-main" tabIndex={trimmed ? 0 : undefined}>
            {!trimmed ? (
              <>
                <PageTerms
                  // Names come from the search index: wait for it rather than show bare ids.
                  page={searchState.status === 'loading' ? { status: 'loading' } : page}
                  settings={settings}
                  nameOf={(id) => search?.get(id)?.term}
                  onReveal={(id) => page.status === 'ready' && void revealOnPage(page.tabId, id)}
                  onOpen={openEntry}
                  setsHref={setsUrl}
                  onOpenSets={() => void openTab(setsUrl, inToolbar)}
                />
                <PageGlossaryImport {...pageGlossary} />
                <p class="tl-hint">
                  Type to search names, abbreviations and definitions. <kbd>↑</kbd> <kbd>↓</kbd> to move,{' '}
                  <kbd>Enter</kbd> to open.
                </p>
              </>
            ) : searchState.status === 'loading' ? (
              <p class="tl-status tl-pending" role="status">
                Loading the glossary…
              </p>
            ) : searchState.status === 'error' ? (
              <div class="tl-status" role="alert">
                <p>Could not load the glossary: {searchState.message}</p>
                <button type="button" onClick={searchState.retry}>
                  Try again
                </button>
              </div>
            ) : hits.length === 0 ? (
              <div class="tl-status tl-no-results" role="status">
                <p>No term matches “{trimmed}”.</p>
                <p>
                  Check the spelling or try fewer words, or{' '}
                  <a
                    href={readerUrl()}
                    target="_blank"
                    rel="noopener"
                    onClick={(e) => {
                      e.preventDefault();
                      openReader();
                    }}
                  >
                    browse the reader
                  </a>
                  , or{' '}
                  <a
                    href={myTermsUrl}
                    target="_blank"
                    rel="noopener"
                    onClick={(e) => {
                      e.preventDefault();
                      void openTab(myTermsUrl, inToolbar);
                    }}
                  >
                    add it to your own terms
                  </a>
                  .
                </p>
              </div>
            ) : (
              <SearchResultsPanel
                listId={LIST_ID}
                hits={hits}
                more={results?.more ?? false}
                active={nav.active}
                onActivate={nav.setActive}
                onOpen={(hit) => openEntry(hit.id)}
                classes={{ status: 'tl-sr-only', hint: 'tl-hint' }}
              />
            )}
          </main>
        </>
      )}
      <footer class="tl-footer">
        <SiteControls
          settings={settings}
          hostname={hostname}
          onSite={(on) => hostname && void changeSettings((current) => withSite(current, hostname, on))}
          onPause={(paused) => void changeSettings({ paused })}
        />
        {saveError && (
          <p class="tl-save-error" role="alert">
            {saveError}
          </p>
        )}
      </footer>
    </div>
  );
}
