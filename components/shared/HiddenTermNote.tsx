/**
 * "You hid this term" with the way back, where a hidden term is read in full
 * (the reader's term page, the popup's entry): the card's Hide is one click,
 * so undoing it should be one click wherever the term turns up.
 */
import { setTermHidden } from '../../utils/settings';

interface HiddenTermNoteProps {
  termId: string;
  /** Each page's own classes for the note and its button. */
  noteClass: string;
  buttonClass: string;
}

export function HiddenTermNote({ termId, noteClass, buttonClass }: HiddenTermNoteProps) {
  return (
    <p class={noteClass}>
      You hid this term: pages do not highlight it.{' '}
      <button type="button" class={buttonClass} onClick={() => void setTermHidden(termId, false)}>
        Highlight it again
      </button>
    </p>
  );
}
