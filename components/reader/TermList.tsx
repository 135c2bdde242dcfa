/**
 * A list of terms, each a link to its page with its summary under the name.
 * Items take part in the page's j/k navigation (see use-list-keys).
 */
import type { Term } from '../../utils/glossary/schema';
import { termHref } from '../../utils/reader/router';

interface TermListProps {
  terms: readonly Pick<Term, 'id' | 'term' | 'summary' | 'abbreviations'>[];
  /** The set the terms are browsed in: their pages then walk it with next/previous. */
  setId?: string;
  label: string;
  /** Names only, in columns (the whole A to Z). */
  compact?: boolean;
}

export function TermList({ terms, setId, label, compact = false }: TermListProps) {
  return (
    <ul class={compact ? 'rd-list rd-list-compact' : 'rd-list'} aria-label={label}>
      {terms.map((t) => (
        <li key={t.id}>
          <a class="rd-item" href={termHref(t.id, setId)} data-term-id={t.id} data-list-item>
            <span class="rd-item-name">
              {t.term}
              {!compact && t.abbreviations.length > 0 && (
                <span class="rd-item-abbr"> ({t.abbreviations.join(', ')})</span>
              )}
            </span>
            {!compact && <span class="rd-item-summary">{t.summary}</span>}
          </a>
        </li>
      ))}
    </ul>
  );
}
