/**
 * When the definition card opens, moves and closes: a small pure state
 * machine. The tooltip controller tells it what happened (the pointer entered
 * a term, focus left, the timer fired…) and carries out the effects it
 * returns. No DOM and no real timers, so unit tests drive it with plain values.
 *
 * - Hover: a term opens after `openDelayMs` of hover intent; leaving before
 *   that cancels. Once open, leaving both term and card starts a grace period
 *   (`graceMs`) so the pointer can travel into the card.
 * - Adjacent terms: while open, hovering another term moves the card to it
 *   in place after `swapDelayMs` (no close and reopen, so no flicker); reaching
 *   the card first cancels the move, so crossing a term on the way is harmless.
 * - Keyboard: focus on a term opens at once; the card stays while focus is on
 *   the term or in the card, and closes when focus goes elsewhere.
 * - Touch: a tap opens and pins the card until a press outside or Escape.
 *
 * There is one timer; `startTimer` replaces whatever was pending, and the
 * state says what its firing means.
 */

export interface IntentTiming {
  openDelayMs: number;
  graceMs: number;
  swapDelayMs: number;
}

export const DEFAULT_TIMING: IntentTiming = { openDelayMs: 250, graceMs: 300, swapDelayMs: 100 };

export type OpenCause = 'pointer' | 'focus' | 'tap';

export type IntentState<T> =
  | { phase: 'closed' }
  | { phase: 'pending'; target: T }
  | {
      phase: 'open';
      target: T;
      /** Where the pointer is: on the target term, in the card, or elsewhere. */
      pointer: 'term' | 'card' | 'none';
      /** Keyboard focus is on the target term or inside the card. */
      focus: boolean;
      /** Opened by a tap: stays until a press outside or Escape. */
      pinned: boolean;
      /** Another term under the pointer, waiting for the swap delay. */
      next?: T;
    };

export type IntentEvent<T> =
  | { type: 'pointerEnterTerm'; target: T }
  | { type: 'pointerEnterCard' }
  /** The pointer is now over neither a term nor the card (or left the window). */
  | { type: 'pointerLeave' }
  | { type: 'focusTerm'; target: T }
  | { type: 'focusCard' }
  /** Keyboard focus is now on neither the target term nor the card. */
  | { type: 'focusLeave' }
  | { type: 'tapTerm'; target: T }
  | { type: 'pressOutside' }
  | { type: 'escape' }
  /** The term scrolled far out of view or left the document. */
  | { type: 'targetGone' }
  | { type: 'timer' };

export type IntentEffect<T> =
  | { type: 'startTimer'; ms: number }
  | { type: 'stopTimer' }
  | { type: 'show'; target: T; cause: OpenCause }
  | { type: 'move'; target: T; cause: OpenCause }
  | { type: 'hide'; restoreFocus: boolean };

export interface Transition<T> {
  state: IntentState<T>;
  effects: IntentEffect<T>[];
}

export const CLOSED: IntentState<never> = { phase: 'closed' };

const STOP = { type: 'stopTimer' } as const;

function openOn<T>(target: T, cause: OpenCause, pointerOnTarget: boolean): IntentState<T> {
  return { phase: 'open', target, pointer: pointerOnTarget ? 'term' : 'none', focus: cause === 'focus', pinned: cause === 'tap' };
}

function closeNow<T>(restoreFocus = false): Transition<T> {
  return { state: CLOSED, effects: [STOP, { type: 'hide', restoreFocus }] };
}

export function transition<T>(state: IntentState<T>, event: IntentEvent<T>, timing: IntentTiming): Transition<T> {
  const same = (effects: IntentEffect<T>[] = []): Transition<T> => ({ state, effects });

  if (state.phase === 'closed') {
    switch (event.type) {
      case 'pointerEnterTerm':
        if (timing.openDelayMs <= 0) {
          return { state: openOn(event.target, 'pointer', true), effects: [STOP, { type: 'show', target: event.target, cause: 'pointer' }] };
        }
        return { state: { phase: 'pending', target: event.target }, effects: [{ type: 'startTimer', ms: timing.openDelayMs }] };
      case 'focusTerm':
      case 'tapTerm': {
        const cause = event.type === 'focusTerm' ? 'focus' : 'tap';
        return { state: openOn(event.target, cause, false), effects: [STOP, { type: 'show', target: event.target, cause }] };
      }
      default:
        return same();
    }
  }

  if (state.phase === 'pending') {
    switch (event.type) {
      case 'pointerEnterTerm':
        if (event.target === state.target) return same();
        return { state: { phase: 'pending', target: event.target }, effects: [{ type: 'startTimer', ms: timing.openDelayMs }] };
      case 'timer':
        return { state: openOn(state.target, 'pointer', true), effects: [{ type: 'show', target: state.target, cause: 'pointer' }] };
      case 'focusTerm':
      case 'tapTerm': {
        const cause = event.type === 'focusTerm' ? 'focus' : 'tap';
        const next = openOn(event.target, cause, event.target === state.target);
        return { state: next, effects: [STOP, { type: 'show', target: event.target, cause }] };
      }
      case 'pointerEnterCard':
      case 'pointerLeave':
      case 'pressOutside':
      case 'escape':
      case 'targetGone':
        return { state: CLOSED, effects: [STOP] };
      default:
        return same();
    }
  }

  // Open.
  switch (event.type) {
    case 'pointerEnterTerm': {
      if (event.target === state.target) return { state: { ...state, pointer: 'term', next: undefined }, effects: [STOP] };
      if (timing.swapDelayMs <= 0) {
        return {
          state: { ...openOn(event.target, 'pointer', true) },
          effects: [STOP, { type: 'move', target: event.target, cause: 'pointer' }],
        };
      }
      return { state: { ...state, pointer: 'none', next: event.target }, effects: [{ type: 'startTimer', ms: timing.swapDelayMs }] };
    }
    case 'pointerEnterCard':
      return { state: { ...state, pointer: 'card', next: undefined }, effects: [STOP] };
    case 'pointerLeave': {
      const next = { ...state, pointer: 'none' as const, next: undefined };
      if (state.focus || state.pinned) return { state: next, effects: [STOP] };
      return { state: next, effects: [{ type: 'startTimer', ms: timing.graceMs }] };
    }
    case 'timer':
      if (state.next !== undefined) {
        return { state: openOn(state.next, 'pointer', true), effects: [{ type: 'move', target: state.next, cause: 'pointer' }] };
      }
      if (state.pointer === 'none' && !state.focus && !state.pinned) return closeNow();
      return same();
    case 'focusTerm':
      if (event.target === state.target) return { state: { ...state, focus: true }, effects: [STOP] };
      return { state: openOn(event.target, 'focus', false), effects: [STOP, { type: 'move', target: event.target, cause: 'focus' }] };
    case 'focusCard':
      return { state: { ...state, focus: true, next: undefined }, effects: [STOP] };
    case 'focusLeave':
      if (!state.focus) return same();
      if (state.pointer === 'none' && state.next === undefined && !state.pinned) return closeNow();
      return { state: { ...state, focus: false }, effects: [] };
    case 'tapTerm':
      if (event.target === state.target) return { state: { ...state, pinned: true }, effects: [STOP] };
      return { state: openOn(event.target, 'tap', false), effects: [STOP, { type: 'move', target: event.target, cause: 'tap' }] };
    case 'pressOutside':
    case 'targetGone':
      return closeNow();
    case 'escape':
      return closeNow(true);
  }
}
