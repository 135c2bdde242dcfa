/**
 * Until the card's code has loaded, this small watcher stands in for the
 * card's controller: it notices the first hover, keyboard focus or tap on a
 * highlight (which starts the load) and keeps track of whether the user is
 * still on it, so that once loaded the card opens as if it had been on the
 * page all along, and not for a term the pointer has left meanwhile.
 */
import type { FirstContact } from './tooltip-module';
import { keepTapFromLink, markFrom } from './mark-target';

export interface FirstContactWatch {
  /** Where the user is now: the highlight hovered, focused or tapped, or null. */
  current(): FirstContact | null;
  /** Stops watching (the card's controller takes over). */
  stop(): void;
}

export function watchFirstContact(doc: Document, onFirstContact: () => void): FirstContactWatch {
  let contact: FirstContact | null = null;
  let reported = false;
  const lifetime = new AbortController();
  const listen = { capture: true, signal: lifetime.signal } as const;

  const enter = (next: FirstContact) => {
    contact = next;
    if (reported) return;
    reported = true;
    onFirstContact();
  };
  const leave = (cause: FirstContact['cause']) => {
    if (contact?.cause === cause) contact = null;
  };

  doc.addEventListener(
    'pointerover',
    (event) => {
      if (event.pointerType === 'touch') return;
      const mark = markFrom(event);
      if (mark) enter({ cause: 'pointer', mark, pointer: { x: event.clientX, y: event.clientY } });
      else leave('pointer');
    },
    listen,
  );
  doc.addEventListener(
    'pointerout',
    (event) => {
      // Leaving the window: nothing is entered, so no pointerover tells us.
      if (event.pointerType !== 'touch' && !event.relatedTarget) leave('pointer');
    },
    listen,
  );
  doc.addEventListener(
    'focusin',
    (event) => {
      const mark = markFrom(event);
      // Only keyboard focus opens the card; a click on a focusable highlight is a hover already.
      if (mark?.matches(':focus-visible')) enter({ cause: 'focus', mark });
      else leave('focus');
    },
    listen,
  );
  doc.addEventListener(
    'focusout',
    (event) => {
      if (!event.relatedTarget) leave('focus'); // focus left the page; else focusin on the new element decides
    },
    listen,
  );
  doc.addEventListener(
    'pointerdown',
    (event) => {
      const mark = markFrom(event);
      if (event.pointerType !== 'touch' || !mark) return;
      enter({ cause: 'tap', mark });
      // The click follows the tap at once, before the card can have loaded: keep it from a link here.
      keepTapFromLink(doc, mark);
    },
    listen,
  );

  return {
    current: () => contact,
    stop: () => lifetime.abort(),
  };
}
