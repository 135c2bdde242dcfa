/**
 * The results of a search as the popup and the reader show them: a status
 * line for screen readers (how many matched), the listbox, and a hint when
 * the list was cut at its limit. Each page passes its own class names.
 */
import type { SearchHit } from '../../utils/search/term-search';
import { ResultList } from './ResultList';

interface SearchResultsPanelProps {
  listId: string;
  hits: SearchHit[];
  /** More terms matched than are listed. */
  more: boolean;
  active: number;
  onActivate(index: number): void;
  onOpen(hit: SearchHit): void;
  /** Class of the visually hidden status line, and of the "showing the best" hint. */
  classes: { status: string; hint: string };
}

export function SearchResultsPanel({ listId, hits, more, active, onActivate, onOpen, classes }: SearchResultsPanelProps) {
  return (
    <>
      <p class={classes.status} role="status">
        {more ? `More than ${hits.length}` : hits.length} {hits.length === 1 ? 'term' : 'terms'}
      </p>
      <ResultList id={listId} label="Matching terms" hits={hits} active={active} onActivate={onActivate} onOpen={onOpen} />
      {more && <p class={classes.hint}>Showing the best {hits.length}. Type more to narrow them down.</p>}
    </>
  );
}
