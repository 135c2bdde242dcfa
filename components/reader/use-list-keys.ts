/**
 * j/k and ArrowDown/ArrowUp move the focus through the items of the page's
 * lists (every element marked `data-list-item` in the container, in document
 * order); Enter opens the focused one, as a link does. From anywhere else on
 * the page, "next" goes to the first item after the focus and "previous" to
 * the last one before it. The focus is real (not an active-descendant), so
 * it is visible and screen readers follow it.
 */
import type { RefObject } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import { readerKeyAction } from '../../utils/reader/keys';

export const LIST_ITEM = 'data-list-item';

export function useListKeys(container: RefObject<HTMLElement>): void {
  // A layout effect: the keys work from the moment the list shows, not a frame later.
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = readerKeyAction(event, { arrows: true });
      if (action !== 'next' && action !== 'previous') return;
      const root = container.current;
      if (!root) return;
      const items = [...root.querySelectorAll<HTMLElement>(`[${LIST_ITEM}]`)];
      if (items.length === 0) return;
      const target = pick(items, document.activeElement, action);
      event.preventDefault();
      if (!target || target === document.activeElement) return;
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'nearest' });
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [container]);
}

function pick(items: HTMLElement[], focused: Element | null, action: 'next' | 'previous'): HTMLElement | undefined {
  const i = focused ? items.indexOf(focused as HTMLElement) : -1;
  if (i >= 0) return items[Math.max(0, Math.min(items.length - 1, i + (action === 'next' ? 1 : -1)))];
  if (!focused || focused === document.body || focused === document.documentElement) {
    return action === 'next' ? items[0] : items.at(-1);
  }
  const follows = (item: HTMLElement) => focused.compareDocumentPosition(item) & Node.DOCUMENT_POSITION_FOLLOWING;
  return action === 'next' ? (items.find(follows) ?? items.at(-1)) : (items.findLast((item) => !follows(item)) ?? items[0]);
}
