/** A to Z: every term by name (#/az), or the terms under one letter with their summaries (#/az/<letter>). */
import { useRef } from 'preact/hooks';
import type { Catalog } from '../../utils/reader/catalog';
import { LETTERS, hrefOf, type Letter } from '../../utils/reader/router';
import { LetterIndex, letterLabel } from './LetterIndex';
import { TermList } from './TermList';
import { useListKeys } from './use-list-keys';
import { useTitle } from './use-title';

interface AzPageProps {
  catalog: Catalog;
  letter?: Letter;
}

export function AzPage({ catalog, letter }: AzPageProps) {
  useTitle(letter ? `A to Z: ${letterLabel(letter)}` : 'A to Z');
  const page = useRef<HTMLDivElement>(null);
  useListKeys(page);
  return (
    <div class="rd-page rd-az" ref={page}>
      <nav class="rd-crumbs" aria-label="Breadcrumb">
        <a href={hrefOf({ kind: 'home' })}>Home</a> <span aria-hidden="true">›</span>{' '}
        {letter ? <a href={hrefOf({ kind: 'az' })}>A to Z</a> : 'A to Z'}
      </nav>
      <h1 class="rd-title" tabIndex={-1}>
        {letter ? `A to Z: ${letterLabel(letter)}` : 'A to Z'}
      </h1>
      <LetterIndex catalog={catalog} current={letter} />
      {letter ? (
        <LetterTerms catalog={catalog} letter={letter} />
      ) : (
        LETTERS.map((l) => {
          const terms = catalog.byLetter.get(l) ?? [];
          if (terms.length === 0) return null;
          return (
            <section key={l} class="rd-section rd-az-group" aria-labelledby={`rd-az-${l}`}>
              <h2 id={`rd-az-${l}`}>
                <a href={hrefOf({ kind: 'az', letter: l })}>{letterLabel(l)}</a>
              </h2>
              <TermList terms={terms} label={`Terms under ${letterLabel(l)}`} compact />
            </section>
          );
        })
      )}
    </div>
  );
}

function LetterTerms({ catalog, letter }: { catalog: Catalog; letter: Letter }) {
  const terms = catalog.byLetter.get(letter) ?? [];
  if (terms.length === 0) return <p class="rd-empty">No terms under {letterLabel(letter)}.</p>;
  return (
    <>
      <p class="rd-meta">
        {terms.length} {terms.length === 1 ? 'term' : 'terms'}
      </p>
      <TermList terms={terms} label={`Terms under ${letterLabel(letter)}`} />
    </>
  );
}
