/**
 * Search hits as an ARIA listbox: name (with abbreviations), sets and
 * summary, all rendered as text. The focus stays in the search box; the
 * active option is scrolled into view.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { SearchHit } from '../../utils/search/term-search';
import './search.css';

interface ResultListProps {
  id: string;
  hits: SearchHit[];
  active: number;
  onActivate(index: number): void;
  onOpen(hit: SearchHit): void;
  label: string;
}

export const optionId = (listId: string, index: number) => `${listId}-${index}`;

export function ResultList({ id, hits, active, onActivate, onOpen, label }: ResultListProps) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    list.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [active, hits]);

  return (
    <ul class="tl-results" role="listbox" id={id} aria-label={label} ref={list}>
      {hits.map((hit, i) => (
        <li
          key={hit.id}
          id={optionId(id, i)}
          role="option"
          aria-selected={i === active}
          class="tl-result"
          data-term-id={hit.id}
          // Keep the focus (and the caret) in the search box.
          onMouseDown={(e) => e.preventDefault()}
          onMouseMove={() => i !== active && onActivate(i)}
          onClick={() => onOpen(hit)}
        >
          <span class="tl-result-head">
            <span class="tl-result-name">{hit.term}</span>
            {hit.abbreviations.length > 0 && <span class="tl-result-abbr">{hit.abbreviations.join(', ')}</span>}
            <span class="tl-result-sets">{hit.setTitles.join(' · ')}</span>
          </span>
          <span class="tl-result-summary">{hit.summary}</span>
        </li>
      ))}
    </ul>
  );
}
