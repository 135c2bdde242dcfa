/**
 * The full entry of one term: name, other names, sets, summary, body,
 * related terms (each opens its own entry), why pages may not highlight it
 * (hidden, set off, everyday word, waits for context), and a link to the reader. All
 * glossary text is rendered as text nodes.
 */
import type { RefObject } from 'preact';
import type { HighlightSettings } from '../../utils/glossary/highlight-notes';
import { useEffect, useRef, useState } from 'preact/hooks';
import { loadTermView } from '../../utils/glossary/term-view-client';
import type { TermView } from '../../utils/messaging/protocol';
import { recordLookup } from '../../utils/reader/history';
import { readerUrl } from '../../utils/reader/reader-url';
import { HighlightNotes } from '../shared/HighlightNotes';

type EntryState =
  | { status: 'loading' }
  | { status: 'ready'; term: TermView }
  | { status: 'missing' }
  | { status: 'error'; message: string };

interface TermEntryProps {
  termId: string;
  /** What decides whether pages highlight the term (hidden terms, sets off, everyday words); undefined while loading. */
  settings: HighlightSettings | undefined;
  onBack(): void;
  onOpenTerm(id: string): void;
  onOpenReader(id: string): void;
  onOpenOptions(url: string): void;
}

export function TermEntry({ termId, settings, onBack, onOpenTerm, onOpenReader, onOpenOptions }: TermEntryProps) {
  const [state, setState] = useState<EntryState>({ status: 'loading' });
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    loadTermView(termId).then(
      (term) => {
        if (term) void recordLookup(term.id).catch(() => undefined);
        if (live) setState(term ? { status: 'ready', term } : { status: 'missing' });
      },
      (error: unknown) => live && setState({ status: 'error', message: String(error) }),
    );
    return () => {
      live = false;
    };
  }, [termId]);

  // The entry takes the focus, so Escape (back) and Tab (related terms) work from the keyboard.
  useEffect(() => {
    if (state.status !== 'loading') heading.current?.focus();
  }, [state]);

  return (
    <article class="tl-entry" aria-labelledby="tl-entry-title" aria-busy={state.status === 'loading'}>
      <div class="tl-entry-nav">
        <button type="button" class="tl-back" onClick={onBack}>
          <span aria-hidden="true">←</span> Back
        </button>
        <kbd class="tl-key-hint" aria-hidden="true">Esc</kbd>
      </div>
      {state.status === 'loading' && <p class="tl-status tl-pending">Loading the entry…</p>}
      {state.status === 'missing' && (
        <h2 id="tl-entry-title" class="tl-status" tabIndex={-1} ref={heading}>
          This term is no longer in the glossary.
        </h2>
      )}
      {state.status === 'error' && (
        <h2 id="tl-entry-title" class="tl-status" tabIndex={-1} ref={heading}>
          Could not load this entry: {state.message}
        </h2>
      )}
      {state.status === 'ready' && (
        <EntryBody
          term={state.term}
          settings={settings}
          heading={heading}
          onOpenTerm={onOpenTerm}
          onOpenReader={onOpenReader}
          onOpenOptions={onOpenOptions}
        />
      )}
    </article>
  );
}

interface EntryBodyProps {
  term: TermView;
  settings: HighlightSettings | undefined;
  heading: RefObject<HTMLHeadingElement>;
  onOpenTerm(id: string): void;
  onOpenReader(id: string): void;
  onOpenOptions(url: string): void;
}

function EntryBody({ term, settings, heading, onOpenTerm, onOpenReader, onOpenOptions }: EntryBodyProps) {
  const otherNames = [...term.abbreviations, ...term.aliases];
  const paragraphs = term.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return (
    <>
      <h2 id="tl-entry-title" class="tl-entry-title" tabIndex={-1} ref={heading}>
        {term.term}
      </h2>
      {otherNames.length > 0 && <p class="tl-entry-forms">Also: {otherNames.join(' · ')}</p>}
      <p class="tl-entry-sets">{term.setTitles.join(' · ')}</p>
      <HighlightNotes term={term} settings={settings} noteClass="tl-highlight-note" buttonClass="tl-chip" onOpenOptions={onOpenOptions} />
      <p class="tl-entry-summary">{term.summary}</p>
      {paragraphs.map((p, i) => (
        <p key={i} class="tl-entry-body">
          {p}
        </p>
      ))}
      {term.relatedTerms.length > 0 && (
        <section class="tl-related" aria-labelledby="tl-related-title">
          <h3 id="tl-related-title">Related</h3>
          <ul>
            {term.relatedTerms.map((r) => (
              <li key={r.id}>
                <button type="button" class="tl-chip" data-term-id={r.id} onClick={() => onOpenTerm(r.id)}>
                  {r.term}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      <a
        class="tl-reader-link"
        href={readerUrl(term.id)}
        target="_blank"
        rel="noopener"
        onClick={(e) => {
          e.preventDefault();
          onOpenReader(term.id);
        }}
      >
        Open in reader <span aria-hidden="true">↗</span>
      </a>
    </>
  );
}
