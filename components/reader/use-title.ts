/** The tab's title for the page shown (history entries and bookmarks are named after it). */
import { useEffect } from 'preact/hooks';

export function useTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Termlight reader` : 'Termlight reader';
  }, [title]);
}
