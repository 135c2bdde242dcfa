/**
 * Follows the section the user is reading (utils/options/current-section.ts)
 * as the page scrolls or resizes, at most once a frame. A section the user
 * jumped to (a table-of-contents link, a link into the page) stays marked
 * until the user scrolls by hand: near the bottom of the page a jump cannot
 * bring a short section to the top, and the position alone would name
 * another.
 */
import { useEffect, useState } from 'preact/hooks';
import { currentSectionIndex } from '../../utils/options/current-section';

/** Keys that scroll the page. */
const SCROLL_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

export function useCurrentSection<Id extends string>(ids: readonly Id[], ready: boolean, jumpedTo?: Id): Id | undefined {
  const [current, setCurrent] = useState<Id | undefined>();

  useEffect(() => {
    if (!ready) return;
    let pinned = jumpedTo;
    let frame = 0;
    const measure = () => {
      frame = 0;
      if (pinned) return setCurrent(pinned);
      const tops = ids.map((id) => document.getElementById(id)?.getBoundingClientRect().top ?? Infinity);
      const root = document.documentElement;
      const atBottom = window.scrollY + window.innerHeight >= root.scrollHeight - 2;
      setCurrent(ids[currentSectionIndex(tops, window.innerHeight, atBottom)]);
    };
    const schedule = () => {
      frame ||= requestAnimationFrame(measure);
    };
    const jumped = () => {
      const id = ids.find((section) => `#${section}` === location.hash);
      pinned = id;
      schedule();
    };
    const scrolledByHand = (event: Event) => {
      if (event instanceof KeyboardEvent && !SCROLL_KEYS.has(event.key)) return;
      if (event instanceof KeyboardEvent && event.target instanceof HTMLElement && event.target.closest('input, textarea, select, button')) return;
      pinned = undefined;
      schedule();
    };
    measure();
    const controller = new AbortController();
    const passive = { passive: true, signal: controller.signal } as const;
    window.addEventListener('scroll', schedule, passive);
    window.addEventListener('resize', schedule, passive);
    window.addEventListener('hashchange', jumped, passive);
    for (const type of ['wheel', 'touchmove', 'keydown']) window.addEventListener(type, scrolledByHand, passive);
    return () => {
      cancelAnimationFrame(frame);
      controller.abort();
    };
  }, [ids, ready, jumpedTo]);

  return current;
}
