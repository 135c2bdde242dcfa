/**
 * The reader's start page: starred terms, recent look-ups (with Clear
 * history), the term sets with their descriptions and counts, and A to Z.
 */
import { useEffect, useRef } from 'preact/hooks';
import { knownTerms, type Catalog } from '../../utils/reader/catalog';
import { clearHistory, type Lookup } from '../../utils/reader/history';
import { hrefOf, setHref } from '../../utils/reader/router';
import { LetterIndex } from './LetterIndex';
import { TermList } from './TermList';
import { useListKeys } from './use-list-keys';
import { useTitle } from './use-title';

interface HomePageProps {
  catalog: Catalog;
  favourites?: string[];
  history?: Lookup[];
}

export function HomePage({ catalog, favourites, history }: HomePageProps) {
  useTitle('');
  const page = useRef<HTMLDivElement>(null);
  useListKeys(page);
  const starred = knownTerms(catalog, favourites ?? []);
  const recent = knownTerms(catalog, (history ?? []).map((l) => l.termId));

  // Clearing moves the focus off the button that disappears with the list.
  const historyHeading = useRef<HTMLHeadingElement>(null);
  const cleared = useRef(false);
  useEffect(() => {
    if (cleared.current && recent.length === 0) {
      cleared.current = false;
      historyHeading.current?.focus();
    }
  }, [recent.length]);

  return (
    <div class="rd-page rd-home" ref={page}>
      <h1 class="rd-title" tabIndex={-1}>
        The Termlight glossary
      </h1>
      <p class="rd-lead">
        {catalog.terms.length.toLocaleString('en')} trading and markets terms in {catalog.sets.length} sets, kept in your browser and readable
        offline. <a href={hrefOf({ kind: 'welcome' })}>How Termlight works</a>
      </p>

      <section class="rd-section" aria-labelledby="rd-favourites-title">
        <h2 id="rd-favourites-title">Favourites</h2>
        {favourites === undefined ? null : starred.length > 0 ? (
          <TermList terms={starred} label="Favourites" />
        ) : (
          <p class="rd-empty">
            No favourites yet. Star a term on its page (<span aria-hidden="true">☆</span> Star) to keep it here.
          </p>
        )}
      </section>

      <section class="rd-section" aria-labelledby="rd-history-title">
        <div class="rd-section-head">
          <h2 id="rd-history-title" tabIndex={-1} ref={historyHeading}>
            Recently looked up
          </h2>
          {recent.length > 0 && (
            <button
              type="button"
              class="rd-button"
              onClick={() => {
                cleared.current = true;
                void clearHistory();
              }}
            >
              Clear history
            </button>
          )}
        </div>
        {history === undefined ? null : recent.length > 0 ? (
          <TermList terms={recent} label="Recently looked up" compact />
        ) : (
          <p class="rd-empty">Terms you look up appear here.</p>
        )}
      </section>

      <section class="rd-section" aria-labelledby="rd-sets-title">
        <h2 id="rd-sets-title">Term sets</h2>
        <ul class="rd-sets" aria-label="Term sets">
          {catalog.sets.map((set) => (
            <li key={set.id}>
              <a class="rd-set" href={setHref(set.id)} data-set-id={set.id} data-list-item>
                <span class="rd-set-head">
                  <span class="rd-set-title">{set.title}</span>
                  <span class="rd-count">
                    {set.termCount} {set.termCount === 1 ? 'term' : 'terms'}
                  </span>
                </span>
                {set.description && <span class="rd-set-description">{set.description}</span>}
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section class="rd-section" aria-labelledby="rd-az-title">
        <h2 id="rd-az-title">
          <a href={hrefOf({ kind: 'az' })}>A to Z</a>
        </h2>
        <LetterIndex catalog={catalog} />
      </section>
    </div>
  );
}
