/**
 * Where a term is read in full (the reader's term page, the popup's entry),
 * why pages may not highlight it, with the way to change that: "You hid
 * this term" with its undo, "its set is off", "an everyday word", "waits for
 * a page about its subject". Without it, a reader who looks up Basis cannot
 * tell why no page ever highlights "basis".
 */
import type { ComponentChildren } from 'preact';
import { highlightNotesOf, type HighlightNote, type HighlightSettings } from '../../utils/glossary/highlight-notes';
import type { Term } from '../../utils/glossary/schema';
import type { OptionsSection } from '../../utils/options/options-link';
import { optionsUrl } from '../../utils/options/options-url';
import { setTermHidden } from '../../utils/settings';

interface HighlightNotesProps {
  term: Pick<Term, 'id' | 'term' | 'aliases' | 'abbreviations' | 'sets' | 'ambiguous' | 'needsContext'> & { setTitles: string[] };
  /** Undefined while the settings load: no note yet. */
  settings: HighlightSettings | undefined;
  /** Each page's own classes for a note and its button. */
  noteClass: string;
  buttonClass: string;
  /** Opens an options page link; without it, a link opens as links do (the popup opens a tab and closes). */
  onOpenOptions?: (url: string) => void;
}

/** How many forms a note names before it says how many more there are. */
const MAX_FORMS_NAMED = 4;

/**
 * “a”; “a” or “b”; “a”, “b” or “c”; past four, “a”, “b”, “c”, “d” or 3 other
 * forms. A fifth form is named too: “1 other form” would take its room and say less.
 */
export function quotedList(forms: readonly string[]): string {
  const named = forms.length === MAX_FORMS_NAMED + 1 ? forms.length : MAX_FORMS_NAMED;
  const quoted = forms.slice(0, named).map((f) => `“${f}”`);
  const more = forms.length - quoted.length;
  if (more > 0) quoted.push(`${more} other ${more === 1 ? 'form' : 'forms'}`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`;
}

export function HighlightNotes({ term, settings, noteClass, buttonClass, onOpenOptions }: HighlightNotesProps) {
  if (!settings) return null;
  const optionsLink = (section: OptionsSection, label: string) => {
    const url = optionsUrl({ section });
    const open = onOpenOptions;
    return (
      <a
        href={url}
        onClick={
          open &&
          ((event) => {
            event.preventDefault();
            open(url);
          })
        }
      >
        {label}
      </a>
    );
  };
  const sets = term.setTitles.join(' or ');
  const text = (note: HighlightNote): ComponentChildren => {
    switch (note.kind) {
      case 'hidden':
        return (
          <>
            You hid this term: pages do not highlight it.{' '}
            <button type="button" class={buttonClass} onClick={() => void setTermHidden(term.id, false)}>
              Highlight it again
            </button>
          </>
        );
      case 'sets-off':
        return (
          <>
            {term.sets.length === 1 ? 'Its set is' : 'Its sets are'} switched off, so pages do not highlight it.{' '}
            {optionsLink('sets', 'Term sets')}
          </>
        );
      case 'everyday':
        return (
          <>
            “{term.term}” is also an everyday word, so pages{' '}
            {note.anyway.length > 0 ? `highlight this term only where it is written ${quotedList(note.anyway)}.` : 'do not highlight it.'}{' '}
            {optionsLink('appearance', 'Highlight everyday words too')}
          </>
        );
      case 'context':
        return note.waiting === 'all'
          ? `Other fields use this name too, so pages highlight it only when they are about its subject: when they also show two other terms of ${sets} (or four of related sets).`
          : `Other fields use ${quotedList(note.waiting)} too, so pages highlight ${note.waiting.length === 1 ? 'it' : 'them'} only when they also show two other terms of ${sets} (or four of related sets)` +
              (note.anyway.length > 0 ? `; ${quotedList(note.anyway)} on any page.` : '.');
      case 'markets':
        return 'Other fields use this word too, so pages highlight it only when they are about markets: when they also show two other terms of any set.';
    }
  };
  return (
    <>
      {highlightNotesOf(term, settings).map((note) => (
        <p key={note.kind} class={noteClass} data-note={note.kind}>
          {text(note)}
        </p>
      ))}
    </>
  );
}
