/**
 * One term set: its title, description and count, and its terms A to Z. A
 * long set (LETTER_HEADINGS_FROM terms or more) is split under letter
 * headings, with a strip of its letters to jump to one.
 */
import { useRef } from 'preact/hooks';
import type { Term } from '../../utils/glossary/schema';
import { groupByLetter, type Catalog } from '../../utils/reader/catalog';
import { hrefOf, OTHER_LETTER, type Letter } from '../../utils/reader/router';
import { letterLabel } from './LetterIndex';
import { NotFound } from './NotFound';
import { TermList } from './TermList';
import { useListKeys } from './use-list-keys';
import { useTitle } from './use-title';

/** From this many terms a set page gets letter headings: about two screens of names and summaries. */
export const LETTER_HEADINGS_FROM = 40;

interface SetPageProps {
  catalog: Catalog;
  setId: string;
}

export function SetPage({ catalog, setId }: SetPageProps) {
  const set = catalog.setById.get(setId);
  useTitle(set?.title ?? 'Set not found');
  const page = useRef<HTMLDivElement>(null);
  useListKeys(page);
  if (!set) return <NotFound what="term set" id={setId} />;
  const terms = catalog.bySet.get(set.id) ?? [];
  return (
    <div class="rd-page rd-set-page" ref={page}>
      <nav class="rd-crumbs" aria-label="Breadcrumb">
        <a href={hrefOf({ kind: 'home' })}>Home</a> <span aria-hidden="true">›</span> Term sets
      </nav>
      <h1 class="rd-title" tabIndex={-1}>
        {set.title}
      </h1>
      {set.description && <p class="rd-lead">{set.description}</p>}
      <p class="rd-meta">
        {terms.length} {terms.length === 1 ? 'term' : 'terms'}
      </p>
      {terms.length >= LETTER_HEADINGS_FROM ? (
        <TermsByLetter terms={terms} setId={set.id} setTitle={set.title} page={page} />
      ) : (
        <TermList terms={terms} setId={set.id} label={`Terms in ${set.title}`} />
      )}
    </div>
  );
}

interface TermsByLetterProps {
  terms: readonly Term[];
  setId: string;
  setTitle: string;
  page: { current: HTMLElement | null };
}

function TermsByLetter({ terms, setId, setTitle, page }: TermsByLetterProps) {
  const groups = groupByLetter(terms);
  const headingId = (letter: Letter) => `rd-set-letter-${letter === OTHER_LETTER ? 'other' : letter}`;
  // Buttons, not #links: the URL's hash is the reader's route.
  const jump = (letter: Letter) => {
    const heading = page.current?.ownerDocument.getElementById(headingId(letter));
    heading?.focus({ preventScroll: true });
    heading?.scrollIntoView({ block: 'start' });
  };
  return (
    <>
      <nav class="rd-letters" aria-label={`Letters in ${setTitle}`}>
        <ul>
          {groups.map(({ letter, terms: under }) => {
            const label = letterLabel(letter);
            return (
              <li key={letter}>
                <button
                  type="button"
                  class="rd-letter"
                  aria-label={`${label}, ${under.length} ${under.length === 1 ? 'term' : 'terms'}`}
                  onClick={() => jump(letter)}
                >
                  {label}
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
      {groups.map(({ letter, terms: under }) => {
        const label = letterLabel(letter);
        return (
          <section key={letter} class="rd-section rd-az-group" aria-labelledby={headingId(letter)}>
            <h2 id={headingId(letter)} tabIndex={-1}>
              {label}
            </h2>
            <TermList terms={under} setId={setId} label={`Terms in ${setTitle} under ${label}`} />
          </section>
        );
      })}
    </>
  );
}
