/**
 * The reader's keyboard shortcuts, decided apart from the DOM so they can be
 * tested: j/k (and, in lists, ArrowDown/ArrowUp) move to the next or
 * previous term, "/" jumps to the search box. A key typed into a text field,
 * or pressed with Ctrl, Alt or Cmd, is never a shortcut.
 */

export type ReaderKeyAction = 'next' | 'previous' | 'search';

/** The parts of a KeyboardEvent the decision needs. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  isComposing?: boolean;
  defaultPrevented?: boolean;
  target: EventTarget | null;
}

const TEXT_INPUT_TYPES = new Set(['', 'text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time']);

/** Whether keys pressed here are typing: text inputs, text areas, selects, editable regions. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; type?: string; isContentEditable?: boolean } | null;
  if (!el || typeof el.tagName !== 'string') return false;
  if (el.isContentEditable) return true;
  const tag = el.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && TEXT_INPUT_TYPES.has((el.type ?? '').toLowerCase());
}

/**
 * What a key press asks the reader to do, if anything. `arrows`: whether
 * ArrowDown/ArrowUp move too (in lists; on a term page they scroll).
 */
export function readerKeyAction(event: KeyPress, { arrows = false } = {}): ReaderKeyAction | undefined {
  if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.altKey || event.metaKey) return undefined;
  if (isTypingTarget(event.target)) return undefined;
  switch (event.key) {
    case 'j':
      return 'next';
    case 'k':
      return 'previous';
    case 'ArrowDown':
      return arrows ? 'next' : undefined;
    case 'ArrowUp':
      return arrows ? 'previous' : undefined;
    case '/':
      return 'search';
    default:
      return undefined;
  }
}
