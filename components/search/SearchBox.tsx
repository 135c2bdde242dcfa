/** The search field: an ARIA combobox that owns a result list (see ResultList). */
import type { Ref } from 'preact';
import './search.css';

interface SearchBoxProps {
  value: string;
  onInput(value: string): void;
  onKeyDown(event: KeyboardEvent): void;
  /** Id of the result list, and of its active option (if the list is shown). */
  listId: string;
  activeId?: string;
  expanded: boolean;
  placeholder: string;
  label: string;
  inputRef?: Ref<HTMLInputElement>;
}

export function SearchBox(props: SearchBoxProps) {
  return (
    <div class="tl-searchbox">
      <svg class="tl-searchbox-icon" viewBox="0 0 20 20" aria-hidden="true">
        <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="M13 13l4.5 4.5" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
      </svg>
      <input
        ref={props.inputRef}
        type="search"
        role="combobox"
        aria-label={props.label}
        aria-autocomplete="list"
        aria-controls={props.listId}
        aria-expanded={props.expanded}
        aria-activedescendant={props.expanded ? props.activeId : undefined}
        autoComplete="off"
        spellcheck={false}
        placeholder={props.placeholder}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
        onKeyDown={props.onKeyDown}
      />
    </div>
  );
}
