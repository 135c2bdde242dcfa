/**
 * Keyboard movement through a list whose focus stays in a text box (the
 * ARIA combobox pattern): ArrowUp/ArrowDown move the active option, Home/End
 * (with Ctrl, since the text box needs them) jump to the ends, Enter opens
 * the active option.
 */
import { useState } from 'preact/hooks';

export interface ListNavigation {
  active: number;
  setActive(index: number): void;
  onKeyDown(event: KeyboardEvent): void;
}

/**
 * `resetKey` changes (a new query) put the active option back at the top.
 * The choice is stored with the key it was made for, so a new key resets it
 * in the very render that shows the new list: an effect would reset it a
 * frame later, undoing an arrow key pressed right after the last letter.
 */
export function useListNavigation(count: number, onOpen: (index: number) => void, resetKey: unknown): ListNavigation {
  const [choice, setChoice] = useState({ key: resetKey, index: 0 });
  const active = Object.is(choice.key, resetKey) ? choice.index : 0;
  const setActive = (index: number) => setChoice({ key: resetKey, index });
  const current = Math.min(active, Math.max(0, count - 1));

  function onKeyDown(event: KeyboardEvent): void {
    if (count === 0) return;
    let next: number | undefined;
    if (event.key === 'ArrowDown') next = (current + 1) % count;
    else if (event.key === 'ArrowUp') next = (current - 1 + count) % count;
    else if (event.key === 'Home' && event.ctrlKey) next = 0;
    else if (event.key === 'End' && event.ctrlKey) next = count - 1;
    else if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      onOpen(current);
      return;
    }
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
  }

  return { active: current, setActive, onKeyDown };
}
