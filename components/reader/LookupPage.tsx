/**
 * #/search?q=…: what "Look up “…” in Termlight" opens. Words that name a
 * term (its name, an alias or an abbreviation, also in the plural) go
 * straight to the term's page, replacing this one in the tab's history so
 * Back does not bounce here; anything else lists the terms that match, or
 * offers to add the words as the user's own term.
 */
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Term } from '../../utils/glossary/schema';
import { optionsUrl } from '../../utils/options/options-url';
import type { Catalog } from '../../utils/reader/catalog';
import { lookupQuery, termNamedBy } from '../../utils/search/lookup';
import { hrefOf, termHref } from '../../utils/reader/router';
import type { TermSearchState } from '../search/use-term-search';
import { SearchIndexError } from './SearchIndexError';
import { TermList } from './TermList';
import { useListKeys } from './use-list-keys';
import { useTitle } from './use-title';

const RESULT_LIMIT = 50;

interface LookupPageProps {
  catalog: Catalog;
  query: string;
  search: TermSearchState;
}

export function LookupPage({ catalog, query: raw, search: state }: LookupPageProps) {
  const query = lookupQuery(raw);
  useTitle(query ? `Look up “${query}”` : 'Look up');
  const page = useRef<HTMLDivElement>(null);
  useListKeys(page);
  const search = state.status === 'ready' ? state.search : undefined;
  const found = useMemo(() => {
    if (!search || !query) return undefined;
    const named = termNamedBy(search, query);
    const hits = named ? [] : search.search(query, { limit: RESULT_LIMIT }).hits;
    const terms = hits.map((hit) => catalog.termById.get(hit.id)).filter((t): t is Term => t !== undefined);
    return { named, terms };
  }, [search, query, catalog]);
  const named = found?.named;

  useEffect(() => {
    if (named) location.replace(termHref(named));
  }, [named]);

  let body;
  if (!query) {
    body = <p class="rd-lead">Select some words on a page, then choose “Look up in Termlight” from the right-click menu.</p>;
  } else if (state.status === 'error') {
    body = <SearchIndexError message={state.message} retry={state.retry} />;
  } else if (!found || named) {
    body = (
      <p class="rd-status" role="status">
        Looking up “{query}”…
      </p>
    );
  } else if (found.terms.length === 0) {
    body = (
      <>
        <p class="rd-lead">No term in the glossary matches “{query}”.</p>
        <p>
          <a href={optionsUrl({ section: 'my-terms', name: query })}>
            Add “{query}” to your own terms
          </a>{' '}
          or <a href={hrefOf({ kind: 'az' })}>browse A to Z</a>.
        </p>
      </>
    );
  } else {
    body = (
      <>
        <p class="rd-lead">
          No term is named “{query}”; {found.terms.length === 1 ? 'this term matches' : 'these terms match'}:
        </p>
        <TermList terms={found.terms} label={`Terms matching ${query}`} />
      </>
    );
  }

  return (
    <div class="rd-page rd-lookup-page" ref={page}>
      <nav class="rd-crumbs" aria-label="Breadcrumb">
        <a href={hrefOf({ kind: 'home' })}>Home</a> <span aria-hidden="true">›</span> Look up
      </nav>
      <h1 class="rd-title" tabIndex={-1}>
        {query ? `Look up “${query}”` : 'Look up'}
      </h1>
      {body}
    </div>
  );
}
