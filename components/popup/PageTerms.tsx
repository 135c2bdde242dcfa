/**
 * "On this page": the terms Termlight found on the active tab, in order of
 * first appearance, with how often each occurs. A click scrolls the page to
 * the term and flashes it; the arrow opens its entry here.
 */
import type { Settings } from '../../utils/settings';
import type { PageTerm } from './active-page';
import { isSiteOn } from './site-switch';
import type { ActivePage } from './use-active-page';

interface PageTermsProps {
  page: ActivePage;
  settings?: Settings;
  nameOf(termId: string): string | undefined;
  onReveal(termId: string): void;
  onOpen(termId: string): void;
  /** The options page at the term sets (where sets turned off are turned back on), and how to open it. */
  setsHref: string;
  onOpenSets(): void;
}

export function PageTerms(props: PageTermsProps) {
  return (
    <section class="tl-page" aria-labelledby="tl-page-title">
      <h2 id="tl-page-title" class="tl-section-title">
        On this page
      </h2>
      <PageTermsBody {...props} />
    </section>
  );
}

function PageTermsBody({ page, settings, nameOf, onReveal, onOpen, setsHref, onOpenSets }: PageTermsProps) {
  if (page.status === 'loading' || !settings) return <p class="tl-status">Looking at this page…</p>;
  if (page.status === 'unavailable') {
    return (
      <p class="tl-status tl-page-unavailable">
        Termlight does not run on this page: browser pages, extension stores and local files are off limits. If
        it is a web page, reloading it starts Termlight.
      </p>
    );
  }
  if (settings.paused) return <p class="tl-status">Termlight is paused everywhere.</p>;
  if (!isSiteOn(settings, page.hostname)) {
    return <p class="tl-status">Termlight is off on {page.hostname}.</p>;
  }
  const partial = page.partial && (
    <p class="tl-status tl-page-partial" role="note">
      This page is very large: Termlight stopped after its time budget, so only the part in view and above is
      highlighted.
    </p>
  );
  if (page.terms.length === 0) {
    const off = settings.disabledSets.length;
    return (
      partial || (
        <p class="tl-status">
          No glossary terms found on this page yet.
          {/* With sets off (say, after "Turn all off"), that may be why: say so, with the way back. */}
          {off > 0 && (
            <>
              {' '}
              {off === 1 ? '1 term set is' : `${off} term sets are`} off.{' '}
              <a
                href={setsHref}
                target="_blank"
                rel="noopener"
                onClick={(e) => {
                  e.preventDefault();
                  onOpenSets();
                }}
              >
                Turn them on in Options
              </a>
            </>
          )}
        </p>
      )
    );
  }
  return (
    <>
      {partial}
      <ol class="tl-page-terms">
        {page.terms.map((t) => (
          <PageTermRow key={t.termId} term={t} name={nameOf(t.termId)} onReveal={onReveal} onOpen={onOpen} />
        ))}
      </ol>
    </>
  );
}

interface PageTermRowProps {
  term: PageTerm;
  name?: string;
  onReveal(termId: string): void;
  onOpen(termId: string): void;
}

function PageTermRow({ term, name, onReveal, onOpen }: PageTermRowProps) {
  const label = name ?? term.termId;
  return (
    <li class="tl-page-term" data-term-id={term.termId}>
      <button type="button" class="tl-page-reveal" title="Show it on the page" onClick={() => onReveal(term.termId)}>
        <span class="tl-page-name">{label}</span>
        <span class="tl-count" aria-label={`${term.count} ${term.count === 1 ? 'time' : 'times'}`}>
          {term.count}
        </span>
      </button>
      <button
        type="button"
        class="tl-page-open"
        aria-label={`Definition of ${label}`}
        title="Definition"
        onClick={() => onOpen(term.termId)}
      >
        <span aria-hidden="true">›</span>
      </button>
    </li>
  );
}
