/**
 * One term, in full: name, star, why pages may not highlight it (hidden,
 * set off, everyday word, waits for context) with the way to change that,
 * other names, summary, the body in paragraphs, its sets, related terms,
 * the terms that point at it, and previous/next in the list it was opened
 * from (a set, else A to Z), which j and k also follow. Every piece of
 * glossary text is rendered as text.
 * Showing the page records the look-up in the history.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { HighlightSettings } from '../../utils/glossary/highlight-notes';
import type { Backlink, BacklinkIndex } from '../../utils/reader/backlinks';
import { contextList, letterOf, neighboursOf, paragraphsOf, termViewOf, type Catalog } from '../../utils/reader/catalog';
import { recordLookup } from '../../utils/reader/history';
import { readerKeyAction } from '../../utils/reader/keys';
import { hrefOf, letterHref, parseRoute, setHref, termHref } from '../../utils/reader/router';
import { letterLabel } from './LetterIndex';
import { NotFound } from './NotFound';
import { HighlightNotes } from '../shared/HighlightNotes';
import { StarButton } from './StarButton';
import { navigate } from './use-route';
import { useTitle } from './use-title';

interface TermPageProps {
  catalog: Catalog;
  termId: string;
  /** The set the term was opened from, if any. */
  setId?: string;
  favourites?: string[];
  /** What decides whether pages highlight the term (hidden terms, sets off, everyday words); undefined while loading. */
  settings?: HighlightSettings;
  /** Undefined while it is being built. */
  backlinks?: BacklinkIndex;
}

export function TermPage({ catalog, termId, setId, favourites, settings, backlinks }: TermPageProps) {
  const term = termViewOf(catalog, termId);
  useTitle(term?.term ?? 'Term not found');
  const context = contextList(catalog, termId, setId);
  const { previous, next } = neighboursOf(context.terms, termId);
  const contextSet = context.setId === undefined ? undefined : catalog.setById.get(context.setId);

  useEffect(() => {
    if (term) void recordLookup(term.id);
  }, [term?.id]);

  // j and k: the next and previous term of the list this one was opened from.
  // Worked out from the URL at the time of the key, so keys pressed faster
  // than the page renders still step one term each. A layout effect, so the
  // keys work from the moment the page shows (an effect runs a frame later,
  // and a key pressed in between was lost on a busy machine).
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = readerKeyAction(event);
      if (action !== 'next' && action !== 'previous') return;
      const now = parseRoute(location.hash);
      if (now.kind !== 'term') return;
      const list = contextList(catalog, now.termId, now.setId);
      const to = neighboursOf(list.terms, now.termId)[action];
      if (!to) return;
      event.preventDefault();
      navigate(termHref(to.id, list.setId));
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [catalog]);

  if (!term) return <NotFound what="term" id={termId} />;
  const letter = letterOf(term.term);
  const linkTo = (id: string) => termHref(id, context.setId);

  return (
    <article class="rd-page rd-term" aria-labelledby="rd-term-title" data-term-id={term.id}>
      <nav class="rd-crumbs" aria-label="Breadcrumb">
        <a href={hrefOf({ kind: 'home' })}>Home</a> <span aria-hidden="true">›</span>{' '}
        {contextSet ? (
          <a href={setHref(contextSet.id)}>{contextSet.title}</a>
        ) : (
          <>
            <a href={hrefOf({ kind: 'az' })}>A to Z</a> <span aria-hidden="true">›</span>{' '}
            <a href={letterHref(letter)}>{letterLabel(letter)}</a>
          </>
        )}
      </nav>

      <header class="rd-term-head">
        <h1 id="rd-term-title" class="rd-title" tabIndex={-1}>
          {term.term}
        </h1>
        <StarButton termId={term.id} starred={favourites?.includes(term.id) ?? false} />
      </header>
      <HighlightNotes term={term} settings={settings} noteClass="rd-highlight-note" buttonClass="rd-button" />

      {(term.abbreviations.length > 0 || term.aliases.length > 0) && (
        <dl class="rd-forms">
          {term.abbreviations.length > 0 && (
            <div>
              <dt>{term.abbreviations.length === 1 ? 'Abbreviation' : 'Abbreviations'}</dt>
              <dd>{term.abbreviations.join(', ')}</dd>
            </div>
          )}
          {term.aliases.length > 0 && (
            <div>
              <dt>Also called</dt>
              <dd>{term.aliases.join(', ')}</dd>
            </div>
          )}
        </dl>
      )}

      <div class="rd-prose">
        <p class="rd-summary">{term.summary}</p>
        {paragraphsOf(term.body).map((paragraph, i) => (
          <p key={i}>{paragraph}</p>
        ))}
      </div>

      <section class="rd-links rd-in-sets" aria-labelledby="rd-sets-of-title">
        <h2 id="rd-sets-of-title">{term.sets.length === 1 ? 'In the set' : 'In the sets'}</h2>
        <ul class="rd-chips">
          {term.sets.map((id, i) => (
            <li key={id}>
              <a class="rd-chip" href={setHref(id)}>
                {term.setTitles[i]}
              </a>
            </li>
          ))}
        </ul>
      </section>

      {term.relatedTerms.length > 0 && (
        <section class="rd-links rd-related" aria-labelledby="rd-related-title">
          <h2 id="rd-related-title">Related terms</h2>
          <ul class="rd-chips">
            {term.relatedTerms.map((r) => (
              <li key={r.id}>
                <a class="rd-chip" href={linkTo(r.id)} data-term-id={r.id}>
                  {r.term}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}

      <Backlinks key={term.id} backlinks={backlinks?.get(term.id) ?? (backlinks ? [] : undefined)} linkTo={linkTo} />

      <nav class="rd-pager" aria-label={contextSet ? `Terms in ${contextSet.title}` : 'Terms A to Z'}>
        {previous ? (
          <a class="rd-pager-link rd-previous" href={linkTo(previous.id)} rel="prev">
            <span class="rd-pager-label">
              <kbd aria-hidden="true">k</kbd> Previous
            </span>
            <span class="rd-pager-name">{previous.term}</span>
          </a>
        ) : (
          <span />
        )}
        {next && (
          <a class="rd-pager-link rd-next" href={linkTo(next.id)} rel="next">
            <span class="rd-pager-label">
              Next <kbd aria-hidden="true">j</kbd>
            </span>
            <span class="rd-pager-name">{next.term}</span>
          </a>
        )}
      </nav>
    </article>
  );
}

interface BacklinksProps {
  /** Undefined while the index is being built. */
  backlinks?: readonly Backlink[];
  linkTo(id: string): string;
}

/** Mentions shown before "Show all" (a common word such as "Bitcoin" is named by a hundred terms). */
const MENTIONS_SHOWN = 24;

function Backlinks({ backlinks, linkTo }: BacklinksProps) {
  const [expanded, setExpanded] = useState(false);
  const section = useRef<HTMLElement>(null);
  // "Show all" goes away when pressed: the focus moves on to the first term it revealed.
  useEffect(() => {
    if (expanded) section.current?.querySelectorAll<HTMLElement>('.rd-mentions a')[MENTIONS_SHOWN]?.focus();
  }, [expanded]);
  if (!backlinks) {
    return (
      <section class="rd-links rd-backlinks" aria-labelledby="rd-backlinks-title" aria-busy="true">
        <h2 id="rd-backlinks-title">Terms that mention this one</h2>
        <p class="rd-empty">Looking through the glossary…</p>
      </section>
    );
  }
  const related = backlinks.filter((b) => b.via === 'related');
  const mentions = backlinks.filter((b) => b.via === 'mention');
  const folded = !expanded && mentions.length > MENTIONS_SHOWN + 4;
  const chips = (links: Backlink[], label: string, extraClass = '') => (
    <ul class={`rd-chips ${extraClass}`} aria-label={label}>
      {links.map((b) => (
        <li key={b.id}>
          <a class="rd-chip" href={linkTo(b.id)} data-term-id={b.id}>
            {b.term}
          </a>
        </li>
      ))}
    </ul>
  );
  return (
    <section class="rd-links rd-backlinks" aria-labelledby="rd-backlinks-title" ref={section}>
      <h2 id="rd-backlinks-title">Terms that mention this one</h2>
      {backlinks.length === 0 && <p class="rd-empty">No other term mentions this one yet.</p>}
      {related.length > 0 && chips(related, 'Terms that list it as related')}
      {mentions.length > 0 && (
        <>
          {related.length > 0 && <p class="rd-links-note">Also named in the text of:</p>}
          {chips(folded ? mentions.slice(0, MENTIONS_SHOWN) : mentions, 'Terms that name it in their text', 'rd-mentions')}
          {folded && (
            <button type="button" class="rd-button rd-more" onClick={() => setExpanded(true)}>
              Show all {mentions.length}
            </button>
          )}
        </>
      )}
    </section>
  );
}
