/**
 * The definition card: term, set titles, summary, up to three related terms,
 * "Read more", Copy and Hide. It renders at once with what it has (the highlighted
 * text as title, a loading line) and fills in when the definition arrives.
 *
 * Glossary text is untrusted (feeds, imports, the user's own sets): every
 * string goes through Preact as a text child or attribute value, never as
 * markup, and the only link is the extension's reader URL built from the id.
 */
import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Theme } from '../../utils/settings';
import type { TermView } from '../../utils/messaging/protocol';

export const MAX_RELATED = 3;
const COPIED_MS = 1600;
/** After Hide, how long the card offers Undo before the term leaves the page (closing the card hides it at once). */
export const HIDE_UNDO_MS = 4000;

export interface TooltipCardProps {
  termId: string;
  fallbackTitle: string;
  theme: Theme;
  dir: 'ltr' | 'rtl';
  loadTerm: (id: string) => Promise<TermView | null>;
  peekTerm: (id: string) => TermView | null | undefined;
  readerUrl: (id: string) => string;
  onOpenReader: (id: string) => void;
  onSelectTerm: (id: string, title: string) => void;
  /** Called with the one-line description assistive tech should read for the term. */
  onDescribe: (text: string) => void;
  copyText: (text: string) => Promise<void>;
  /** Stops highlighting the term on every page (the user knows it). */
  onHideTerm: (id: string) => void;
  /** Why the term cannot be hidden now (settings full), or null: asked before Hide offers Undo. */
  checkHide: (id: string) => Promise<string | null>;
  cardRef: Ref<HTMLDivElement>;
}

type Loaded = { id: string; term: TermView | null | undefined; failed: boolean };

export function copyLine(term: TermView): string {
  return `${term.term}: ${term.summary}`;
}

export function TooltipCard(props: TooltipCardProps) {
  const { termId, loadTerm, peekTerm, onDescribe } = props;
  const [loaded, setLoaded] = useState<Loaded>(() => ({ id: termId, term: peekTerm(termId), failed: false }));
  const [copy, setCopy] = useState<{ id: string; state: 'idle' | 'copied' | 'failed' }>({ id: termId, state: 'idle' });
  const copyTimer = useRef<ReturnType<typeof setTimeout>>();
  // A Hide waiting out its Undo: the term it hides and the timer that hides it.
  const pendingHide = useRef<{ id: string; timer: ReturnType<typeof setTimeout> } | null>(null);
  const [hiding, setHiding] = useState<string | null>(null);
  const [hideError, setHideError] = useState<{ id: string; message: string } | null>(null);
  const undoButton = useRef<HTMLButtonElement>(null);

  // What to show now: the loaded term for this id, or whatever the cache has (switching terms shows no stale card).
  const current: Loaded = loaded.id === termId ? loaded : { id: termId, term: peekTerm(termId), failed: false };
  const term = current.term;

  useEffect(() => {
    let live = true;
    if (peekTerm(termId) !== undefined) {
      setLoaded({ id: termId, term: peekTerm(termId), failed: false });
      return;
    }
    setLoaded({ id: termId, term: undefined, failed: false });
    loadTerm(termId).then(
      (value) => live && setLoaded({ id: termId, term: value, failed: false }),
      () => live && setLoaded({ id: termId, term: undefined, failed: true }),
    );
    return () => {
      live = false;
    };
  }, [termId, loadTerm, peekTerm]);

  useEffect(() => {
    if (term) onDescribe(copyLine(term));
  }, [term, onDescribe]);

  useEffect(() => () => clearTimeout(copyTimer.current), []);

  const { onHideTerm } = props;
  const commitHide = () => {
    const pending = pendingHide.current;
    if (!pending) return;
    pendingHide.current = null;
    clearTimeout(pending.timer);
    onHideTerm(pending.id);
  };
  // The card closing or moving to another term ends the chance to undo: hide now.
  useEffect(() => commitHide, [termId]);

  // Undo takes the place of Hide: it takes the focus too, so the keyboard does not lose its place.
  useEffect(() => {
    if (hiding === termId) undoButton.current?.focus();
  }, [hiding]);

  async function onHide() {
    const id = termId;
    commitHide();
    const problem = await props.checkHide(id).catch((error: unknown) => String(error));
    if (problem) {
      setHideError({ id, message: problem });
      return;
    }
    setHideError(null);
    pendingHide.current = { id, timer: setTimeout(commitHide, HIDE_UNDO_MS) };
    setHiding(id);
  }

  function onUndoHide() {
    if (pendingHide.current) clearTimeout(pendingHide.current.timer);
    pendingHide.current = null;
    setHiding(null);
  }

  const title = term?.term ?? props.fallbackTitle;
  const copyState = copy.id === termId ? copy.state : 'idle';

  async function onCopy() {
    if (!term) return;
    clearTimeout(copyTimer.current);
    try {
      await props.copyText(copyLine(term));
      setCopy({ id: termId, state: 'copied' });
    } catch {
      setCopy({ id: termId, state: 'failed' });
    }
    copyTimer.current = setTimeout(() => setCopy({ id: termId, state: 'idle' }), COPIED_MS);
  }

  function onReadMore(event: MouseEvent) {
    // Middle and modified clicks too: the page itself may not open extension pages, the background does.
    if (event.type === 'auxclick' && event.button !== 1) return;
    event.preventDefault();
    props.onOpenReader(termId);
  }

  const related = term?.relatedTerms.slice(0, MAX_RELATED) ?? [];

  return (
    <div class="card" ref={props.cardRef} tabIndex={-1} data-theme={props.theme} dir={props.dir} data-term-id={termId}>
      <strong class="title" dir="auto">
        {title}
      </strong>
      {term && term.setTitles.length > 0 && (
        <span class="sets" dir="auto">
          {term.setTitles.join(' · ')}
        </span>
      )}
      {term ? (
        <p class="summary" dir="auto">
          {term.summary}
        </p>
      ) : (
        <p class="status" aria-live="polite">
          {current.failed
            ? 'Could not load the definition. Hover again to retry.'
            : term === null
              ? 'This term is no longer in your glossary.'
              : 'Loading definition…'}
        </p>
      )}
      {related.length > 0 && (
        <div class="related" role="group" aria-label="Related terms">
          <span class="related-label" aria-hidden="true">
            Related
          </span>
          {related.map((r) => (
            <button key={r.id} type="button" class="chip" dir="auto" onClick={() => props.onSelectTerm(r.id, r.term)}>
              {r.term}
            </button>
          ))}
        </div>
      )}
      {term && (
        <div class="footer">
          <a
            class="read-more"
            href={props.readerUrl(termId)}
            target="_blank"
            rel="noopener noreferrer"
            onClick={onReadMore}
            onAuxClick={onReadMore}
          >
            Read more<span class="visually-hidden"> about {term.term}</span>
          </a>
          <button type="button" class="action copy" data-state={copyState} onClick={() => void onCopy()}>
            {copyState === 'copied' ? 'Copied' : copyState === 'failed' ? 'Copy failed' : 'Copy'}
          </button>
          {hiding === termId ? (
            <button type="button" class="action undo" ref={undoButton} onClick={onUndoHide}>
              Undo<span class="visually-hidden"> hiding {term.term}</span>
            </button>
          ) : (
            <button type="button" class="action hide" title="Stop highlighting this term (Options › Term sets shows it again)" onClick={() => void onHide()}>
              Hide<span class="visually-hidden"> {term.term} on every page</span>
            </button>
          )}
        </div>
      )}
      {term && hiding === termId && (
        <p class="hidden-note" role="status">
          {term.term} will not be highlighted on any page.
        </p>
      )}
      {term && hideError?.id === termId && (
        <p class="hide-error" role="alert">
          {hideError.message}
        </p>
      )}
      <span class="visually-hidden" role="status">
        {copyState === 'copied' ? 'Definition copied to the clipboard' : ''}
      </span>
    </div>
  );
}
