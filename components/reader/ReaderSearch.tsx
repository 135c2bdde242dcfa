/**
 * The reader's search: the popup's engine and components (SearchBox,
 * ResultList, useTermSearch, useListNavigation) in the page header, with
 * the results in a panel under the box. "/" from anywhere focuses it;
 * ArrowUp/ArrowDown move, Enter (or a click) opens the term's page;
 * Escape clears the box and leaves it.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { readerKeyAction } from '../../utils/reader/keys';
import type { SearchResults } from '../../utils/search/term-search';
import { optionId } from '../search/ResultList';
import { SearchResultsPanel } from '../search/SearchResultsPanel';
import { SearchBox } from '../search/SearchBox';
import { useListNavigation } from '../search/use-list-navigation';
import type { TermSearchState } from '../search/use-term-search';
import { SearchIndexError } from './SearchIndexError';

const RESULT_LIMIT = 50;
const LIST_ID = 'rd-results';

interface ReaderSearchProps {
  /** The search index, loaded once for the whole reader (the look-up page uses it too). */
  state: TermSearchState;
  onOpen(termId: string): void;
  /** Escape: the focus goes back to the page. */
  onLeave(): void;
}

export function ReaderSearch({ state, onOpen, onLeave }: ReaderSearchProps) {
  const [query, setQuery] = useState('');
  const [focused, setFocused] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const search = state.status === 'ready' ? state.search : undefined;
  const trimmed = query.trim();
  const results = useMemo<SearchResults | undefined>(
    () => (search && trimmed ? search.search(trimmed, { limit: RESULT_LIMIT }) : undefined),
    [search, trimmed],
  );
  const hits = results?.hits ?? [];
  const open = (id: string) => {
    setQuery('');
    onOpen(id);
  };
  const nav = useListNavigation(hits.length, (i) => open(hits[i].id), trimmed);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (readerKeyAction(event) !== 'search') return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  function onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      setQuery('');
      onLeave();
      return;
    }
    nav.onKeyDown(event);
  }

  const panel = focused && trimmed !== '';
  return (
    <div
      class="rd-search"
      role="search"
      onFocusIn={() => setFocused(true)}
      onFocusOut={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setFocused(false);
      }}
    >
      <SearchBox
        inputRef={input}
        value={query}
        onInput={setQuery}
        onKeyDown={onKeyDown}
        listId={LIST_ID}
        activeId={panel && hits.length > 0 ? optionId(LIST_ID, nav.active) : undefined}
        expanded={panel && hits.length > 0}
        label="Search the glossary"
        placeholder={search ? `Search ${search.termCount.toLocaleString('en')} terms` : 'Search the glossary'}
      />
      {!focused && !query && (
        <kbd class="rd-search-key" aria-hidden="true">
          /
        </kbd>
      )}
      {panel && (
        <div class="rd-search-panel">
          {state.status === 'loading' ? (
            <p class="rd-search-status tl-pending" role="status">
              Loading the glossary…
            </p>
          ) : state.status === 'error' ? (
            <SearchIndexError class="rd-search-status" message={state.message} retry={state.retry} />
          ) : hits.length === 0 ? (
            <p class="rd-search-status" role="status">
              No term matches “{trimmed}”. Check the spelling or try fewer words.
            </p>
          ) : (
            <SearchResultsPanel
              listId={LIST_ID}
              hits={hits}
              more={results?.more ?? false}
              active={nav.active}
              onActivate={nav.setActive}
              onOpen={(hit) => open(hit.id)}
              classes={{ status: 'rd-sr-only', hint: 'rd-search-status' }}
            />
          )}
        </div>
      )}
    </div>
  );
}
