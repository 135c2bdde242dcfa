import { describe, expect, it } from 'vitest';
import {
  CLOSED,
  transition,
  type IntentEffect,
  type IntentEvent,
  type IntentState,
  type IntentTiming,
} from '../../utils/tooltip/hover-intent';

const TIMING: IntentTiming = { openDelayMs: 250, graceMs: 300, swapDelayMs: 100 };
type Term = 'a' | 'b' | 'c';

/** Runs events from `state`, collecting every effect in order. */
function run(events: IntentEvent<Term>[], state: IntentState<Term> = CLOSED, timing = TIMING) {
  const effects: IntentEffect<Term>[] = [];
  for (const event of events) {
    const result = transition(state, event, timing);
    state = result.state;
    effects.push(...result.effects);
  }
  return { state, effects, kinds: effects.map((e) => e.type) };
}

const enter = (target: Term): IntentEvent<Term> => ({ type: 'pointerEnterTerm', target });
const focus = (target: Term): IntentEvent<Term> => ({ type: 'focusTerm', target });
const tap = (target: Term): IntentEvent<Term> => ({ type: 'tapTerm', target });
const timer: IntentEvent<Term> = { type: 'timer' };
const leave: IntentEvent<Term> = { type: 'pointerLeave' };
const enterCard: IntentEvent<Term> = { type: 'pointerEnterCard' };

describe('tooltip hover intent', () => {
  it('opens only after the hover delay', () => {
    const waiting = run([enter('a')]);
    expect(waiting.state).toEqual({ phase: 'pending', target: 'a' });
    expect(waiting.effects).toEqual([{ type: 'startTimer', ms: 250 }]);
    const opened = run([timer], waiting.state);
    expect(opened.effects).toEqual([{ type: 'show', target: 'a', cause: 'pointer' }]);
    expect(opened.state).toMatchObject({ phase: 'open', target: 'a', pointer: 'term' });
  });

  it('does not open when the pointer passes over a term without stopping', () => {
    const result = run([enter('a'), leave, timer]);
    expect(result.state).toBe(CLOSED);
    expect(result.kinds).not.toContain('show');
  });

  it('restarts the delay when the pointer moves to another term before opening', () => {
    const result = run([enter('a'), enter('b'), timer]);
    expect(result.effects.at(-1)).toEqual({ type: 'show', target: 'b', cause: 'pointer' });
  });

  it('opens at once with a zero delay', () => {
    const result = run([enter('a')], CLOSED, { ...TIMING, openDelayMs: 0 });
    expect(result.effects).toContainEqual({ type: 'show', target: 'a', cause: 'pointer' });
  });

  it('stays open while the pointer travels from the term into the card', () => {
    const result = run([enter('a'), timer, leave, enterCard, timer]);
    expect(result.state).toMatchObject({ phase: 'open', target: 'a', pointer: 'card' });
    expect(result.kinds).not.toContain('hide');
    // Leaving started the grace period; reaching the card stopped it.
    expect(result.effects.slice(-2)).toEqual([{ type: 'startTimer', ms: 300 }, { type: 'stopTimer' }]);
  });

  it('closes after the grace period when the pointer leaves both term and card', () => {
    const result = run([enter('a'), timer, enterCard, leave, timer]);
    expect(result.state).toBe(CLOSED);
    expect(result.effects.at(-1)).toEqual({ type: 'hide', restoreFocus: false });
  });

  it('moves the card to an adjacent term in place, without closing it', () => {
    const result = run([enter('a'), timer, enter('b'), timer]);
    expect(result.kinds).not.toContain('hide');
    expect(result.effects.at(-1)).toEqual({ type: 'move', target: 'b', cause: 'pointer' });
    expect(result.state).toMatchObject({ phase: 'open', target: 'b', pointer: 'term' });
  });

  it('does not move the card when the pointer crosses another term on its way into the card', () => {
    const result = run([enter('a'), timer, leave, enter('b'), enterCard, timer]);
    expect(result.kinds).not.toContain('move');
    expect(result.kinds).not.toContain('hide');
    expect(result.state).toMatchObject({ target: 'a', pointer: 'card' });
  });

  it('returning to the open term cancels the grace period', () => {
    const result = run([enter('a'), timer, leave, enter('a'), timer]);
    expect(result.state).toMatchObject({ phase: 'open', target: 'a' });
    expect(result.kinds).not.toContain('hide');
  });

  it('opens immediately on keyboard focus and closes when focus moves away', () => {
    const opened = run([focus('a')]);
    expect(opened.effects).toContainEqual({ type: 'show', target: 'a', cause: 'focus' });
    const closed = run([{ type: 'focusLeave' }], opened.state);
    expect(closed.state).toBe(CLOSED);
    expect(closed.effects.at(-1)).toEqual({ type: 'hide', restoreFocus: false });
  });

  it('keeps a keyboard-opened card while focus moves into it, whatever the pointer does', () => {
    const result = run([focus('a'), { type: 'focusCard' }, enter('c'), leave, timer]);
    expect(result.state).toMatchObject({ phase: 'open', target: 'a', focus: true });
    expect(result.kinds).not.toContain('hide');
  });

  it('moving focus to another term moves the card there at once', () => {
    const result = run([focus('a'), focus('b')]);
    expect(result.effects.at(-1)).toEqual({ type: 'move', target: 'b', cause: 'focus' });
  });

  it('closes on Escape and asks for focus to return to the term', () => {
    const result = run([focus('a'), { type: 'focusCard' }, { type: 'escape' }]);
    expect(result.state).toBe(CLOSED);
    expect(result.effects.at(-1)).toEqual({ type: 'hide', restoreFocus: true });
  });

  it('Escape during the hover delay cancels the opening', () => {
    const result = run([enter('a'), { type: 'escape' }, timer]);
    expect(result.state).toBe(CLOSED);
    expect(result.kinds).not.toContain('show');
  });

  it('a tap opens and pins the card until a press outside', () => {
    const opened = run([tap('a'), leave, timer]);
    expect(opened.state).toMatchObject({ phase: 'open', target: 'a', pinned: true });
    const closed = run([{ type: 'pressOutside' }], opened.state);
    expect(closed.state).toBe(CLOSED);
    expect(closed.kinds).toContain('hide');
  });

  it('a tap on another term moves the pinned card', () => {
    const result = run([tap('a'), tap('b')]);
    expect(result.effects.at(-1)).toEqual({ type: 'move', target: 'b', cause: 'tap' });
  });

  it('closes when the term scrolls far away', () => {
    const result = run([focus('a'), { type: 'targetGone' }]);
    expect(result.state).toBe(CLOSED);
    expect(result.kinds).toContain('hide');
  });

  it('ignores card and focus events while closed', () => {
    for (const event of [enterCard, leave, timer, { type: 'focusLeave' }, { type: 'escape' }] as IntentEvent<Term>[]) {
      expect(run([event])).toEqual({ state: CLOSED, effects: [], kinds: [] });
    }
  });
});
