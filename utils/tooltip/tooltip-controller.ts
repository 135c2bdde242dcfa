/**
 * Wires the page to the definition card: listens for pointer, focus, touch
 * and key events on highlights and on the card, feeds them to the hover
 * intent state machine, and carries out what it decides (render, place,
 * link for assistive tech, move focus). Every listener hangs off one
 * AbortSignal, so invalidating the content script removes them all.
 *
 * Accessibility across the shadow boundary: `aria-describedby` resolves ids
 * in the mark's own tree (the page document), so it cannot point at an
 * element inside our shadow root. It points at the shadow HOST instead,
 * which lives in the page document, carries `role="tooltip"`, and mirrors
 * "Term: summary" into its `aria-label`. A describedby target's aria-label
 * is its text alternative (accname step 2C), so the term is described by
 * exactly the definition, not by the card's button labels; and the label
 * also gives the tooltip role the accessible name axe-core requires
 * (aria-tooltip-name). The role and label are removed while closed, so an
 * empty, hidden host never looks like a nameless tooltip.
 */
import { nextTabbableAfter, tabbablesIn } from './focus';
import { CLOSED, transition, type IntentEffect, type IntentEvent, type IntentState, type IntentTiming, type OpenCause } from './hover-intent';
import { keepTapFromLink, markFrom } from './mark-target';
import { followReference } from './placement';
import type { FirstContact } from './tooltip-module';

export interface TooltipView {
  /** The highlight the card belongs to. */
  anchor: HTMLElement;
  /** The term shown: the anchor's, or a related term opened from the card. */
  termId: string;
  /** Shown as the title until the definition arrives. */
  fallbackTitle: string;
  cause: OpenCause;
}

export interface TooltipControllerOptions {
  doc: Document;
  /** The shadow host (in the page document) and its open shadow root. */
  host: HTMLElement;
  shadow: ShadowRoot;
  /**
   * Puts the host into the document if it is not there (first open, or the
   * page removed it), and where a card for `anchor` shows on top.
   */
  ensureMounted(anchor: HTMLElement): void;
  /** Renders the card for `view`, or nothing; synchronously. */
  render(view: TooltipView | null): void;
  /** The rendered card element, after `render`. */
  card(): HTMLElement | null;
  timing(): IntentTiming;
  /** Starts fetching a term's definition while the hover delay runs, so the card opens complete. */
  prefetch(termId: string): void;
  signal: AbortSignal;
}

export interface TooltipController {
  /** Shows another term (a related one) in the open card, at the same place. */
  selectTerm(termId: string, title: string): void;
  /** Sets the text assistive tech reads as the term's description. */
  describe(text: string): void;
  /** Re-renders the open card (after a settings change). */
  refresh(): void;
  close(): void;
  /** Takes over from the watcher that loaded the card: acts on where the user is now. */
  enter(contact: FirstContact): void;
}

export function createTooltipController(options: TooltipControllerOptions): TooltipController {
  const { doc, host, shadow, signal } = options;
  let state: IntentState<HTMLElement> = CLOSED;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let view: TooltipView | null = null;
  let stopFollowing: (() => void) | undefined;
  let lastPointer: { x: number; y: number } | undefined;
  /** What the (mouse or pen) pointer is over: a highlight, the card, or neither. */
  let region: HTMLElement | 'card' | null = null;
  let quietFocus = false;
  let description: { termId: string; text: string } | undefined;

  function dispatch(event: IntentEvent<HTMLElement>): void {
    if (signal.aborted) return;
    const result = transition(state, event, options.timing());
    state = result.state;
    for (const effect of result.effects) apply(effect);
  }

  function apply(effect: IntentEffect<HTMLElement>): void {
    switch (effect.type) {
      case 'startTimer':
        clearTimeout(timer);
        timer = setTimeout(() => {
          timer = undefined;
          dispatch({ type: 'timer' });
        }, effect.ms);
        break;
      case 'stopTimer':
        clearTimeout(timer);
        timer = undefined;
        break;
      case 'show':
      case 'move':
        show(effect.target, effect.cause);
        break;
      case 'hide':
        hide(effect.restoreFocus);
        break;
    }
  }

  function show(anchor: HTMLElement, cause: OpenCause): void {
    const previous = view?.anchor;
    view = {
      anchor,
      termId: anchor.dataset.termId ?? '',
      fallbackTitle: (anchor.textContent ?? '').trim(),
      cause,
    };
    options.ensureMounted(anchor);
    // A page may zoom its root element (`html { zoom: 1.25 }`); the host sits under it. Undo that
    // zoom on the host so the card keeps its size and Floating UI's viewport pixels stay true.
    const pageZoom = doc.documentElement.currentCSSZoom || 1;
    host.style.setProperty('--tl-unzoom', String(1 / pageZoom));
    host.setAttribute('role', 'tooltip');
    // The card reports its description when its term loads; moving between two highlights of
    // one term (a term split over inline tags) loads nothing, so keep the one we have.
    host.setAttribute('aria-label', description?.termId === view.termId ? description.text : view.fallbackTitle);
    host.dataset.open = '';
    if (previous && previous !== anchor) linkDescription(previous, false);
    linkDescription(anchor, true);
    options.render(view);
    if (previous === anchor && stopFollowing) return;
    stopFollowing?.();
    stopFollowing = undefined;
    const card = options.card();
    if (!card) return;
    stopFollowing = followReference(anchor, card, {
      pointer: cause === 'pointer' ? lastPointer : undefined,
      onReferenceGone: () => {
        if (view?.anchor === anchor) dispatch({ type: 'targetGone' });
      },
    });
  }

  function hide(restoreFocus: boolean): void {
    const anchor = view?.anchor;
    const active = focused();
    const focusWasOnCardOrTerm = active === host || (anchor !== undefined && active === anchor);
    stopFollowing?.();
    stopFollowing = undefined;
    view = null;
    options.render(null);
    host.removeAttribute('role');
    host.removeAttribute('aria-label');
    delete host.dataset.open;
    if (anchor) linkDescription(anchor, false);
    if (restoreFocus && focusWasOnCardOrTerm && anchor?.isConnected) focusQuietly(anchor);
  }

  /** Focuses a highlight without reopening the card for it. */
  function focusQuietly(anchor: HTMLElement): void {
    // A highlight is focusable only with the setting on; our own element may take focus programmatically.
    if (!anchor.hasAttribute('tabindex')) anchor.tabIndex = -1;
    quietFocus = true;
    try {
      anchor.focus({ preventScroll: true });
    } finally {
      quietFocus = false;
    }
  }

  const inCard = (event: Event) => event.composedPath().includes(host);

  /** The focused element, looking into the page's shadow roots (but not ours: focus there is "in the card"). */
  function focused(): Element | null {
    let el = doc.activeElement;
    while (el && el !== host && el.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el;
  }

  /**
   * Points the highlight at the host for assistive tech. An id reference only
   * works within one tree; a highlight inside a web component's shadow root
   * gets the element reference instead (ARIA element reflection may point
   * out to a shadow-including ancestor tree, such as the document).
   */
  function linkDescription(anchor: HTMLElement, on: boolean): void {
    if (anchor.getRootNode() === doc) {
      if (on) anchor.setAttribute('aria-describedby', host.id);
      else anchor.removeAttribute('aria-describedby');
    } else if ('ariaDescribedByElements' in anchor) {
      (anchor as HTMLElement & { ariaDescribedByElements: Element[] | null }).ariaDescribedByElements = on ? [host] : null;
    }
  }

  function pointerEnterTerm(mark: HTMLElement): void {
    // Get ready while the hover delay runs: the definition and the (hidden) host.
    if (mark.dataset.termId) options.prefetch(mark.dataset.termId);
    options.ensureMounted(mark);
    dispatch({ type: 'pointerEnterTerm', target: mark });
  }

  const listen = { capture: true, signal } as const;

  doc.addEventListener(
    'pointerover',
    (event) => {
      if (event.pointerType === 'touch') return;
      lastPointer = { x: event.clientX, y: event.clientY };
      const next = inCard(event) ? 'card' : markFrom(event, host);
      if (next === region) return;
      region = next;
      if (next === 'card') dispatch({ type: 'pointerEnterCard' });
      else if (next) pointerEnterTerm(next);
      else dispatch({ type: 'pointerLeave' });
    },
    listen,
  );

  doc.addEventListener(
    'pointerout',
    (event) => {
      // Leaving the window: nothing is entered, so pointerover will not tell us.
      if (event.pointerType === 'touch' || event.relatedTarget || region === null) return;
      region = null;
      dispatch({ type: 'pointerLeave' });
    },
    listen,
  );

  doc.addEventListener(
    'pointerdown',
    (event) => {
      if (inCard(event)) return;
      const mark = markFrom(event, host);
      if (mark && event.pointerType === 'touch') {
        const alreadyOpen = state.phase === 'open' && state.target === mark;
        if (!alreadyOpen) keepTapFromLink(doc, mark, signal);
        dispatch({ type: 'tapTerm', target: mark });
        return;
      }
      if (mark) return; // a mouse press on a term: hover already does the right thing
      dispatch({ type: 'pressOutside' });
    },
    listen,
  );

  doc.addEventListener(
    'focusin',
    (event) => {
      if (quietFocus) return;
      if (inCard(event)) {
        if (shadow.activeElement?.matches(':focus-visible')) dispatch({ type: 'focusCard' });
        return;
      }
      const mark = markFrom(event, host);
      // Only keyboard focus opens the card; a click on a focusable highlight is a hover already.
      if (mark && mark.matches(':focus-visible')) dispatch({ type: 'focusTerm', target: mark });
      else if (!(mark && state.phase === 'open' && state.target === mark)) dispatch({ type: 'focusLeave' });
    },
    listen,
  );

  doc.addEventListener(
    'focusout',
    (event) => {
      if (event.relatedTarget) return; // focusin on the new element decides
      setTimeout(() => {
        const active = focused();
        if (active === host || (state.phase === 'open' && active === state.target)) return; // window blur
        dispatch({ type: 'focusLeave' });
      }, 0);
    },
    listen,
  );

  doc.addEventListener(
    'keydown',
    (event) => {
      if (state.phase === 'closed') return;
      if (event.key === 'Escape') {
        // The card is the topmost thing on the page: Escape closes it and nothing else.
        event.preventDefault();
        event.stopPropagation();
        dispatch({ type: 'escape' });
        return;
      }
      if (state.phase !== 'open' || event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return;
      const card = options.card();
      if (!card) return;
      const anchor = state.target;
      const items = tabbablesIn(card);
      // The card sits at the end of the document; Tab from its term goes into it, and out of it back to the page.
      const active = focused();
      if (active === anchor) {
        if (!event.shiftKey && items.length > 0) {
          event.preventDefault();
          items[0].focus();
        }
        return;
      }
      if (active !== host) return;
      const index = items.indexOf(shadow.activeElement as HTMLElement);
      if (event.shiftKey && index <= 0) {
        event.preventDefault();
        focusQuietly(anchor);
      } else if (!event.shiftKey && index === items.length - 1) {
        const next = nextTabbableAfter(anchor);
        if (next) {
          event.preventDefault();
          next.focus();
        }
      }
    },
    listen,
  );

  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    stopFollowing?.();
    if (view) linkDescription(view.anchor, false);
    state = CLOSED;
    view = null;
  });

  return {
    selectTerm(termId, title) {
      if (!view) return;
      const focusInCard = focused() === host;
      view = { ...view, termId, fallbackTitle: title };
      host.setAttribute('aria-label', title);
      options.render(view);
      // The button pressed is gone from the new card: keep focus in the card, at its start.
      if (focusInCard) options.card()?.focus({ preventScroll: true });
    },
    describe(text) {
      if (!view) return;
      description = { termId: view.termId, text };
      host.setAttribute('aria-label', text);
    },
    refresh() {
      if (view) options.render(view);
    },
    close() {
      dispatch({ type: 'escape' });
    },
    enter(contact) {
      const { mark } = contact;
      if (!mark.isConnected) return;
      if (contact.cause === 'pointer') {
        lastPointer = contact.pointer;
        region = mark;
        pointerEnterTerm(mark);
      } else if (contact.cause === 'tap') {
        dispatch({ type: 'tapTerm', target: mark });
      } else if (mark.matches(':focus-visible')) {
        dispatch({ type: 'focusTerm', target: mark });
      }
    },
  };
}
