/** The A to Z strip: a link per letter with terms, the current one marked; empty letters are shown, not linked. */
import type { Catalog } from '../../utils/reader/catalog';
import { LETTERS, OTHER_LETTER, letterHref, type Letter } from '../../utils/reader/router';

interface LetterIndexProps {
  catalog: Catalog;
  current?: Letter;
}

export const letterLabel = (letter: Letter) => (letter === OTHER_LETTER ? '0–9' : letter);

export function LetterIndex({ catalog, current }: LetterIndexProps) {
  return (
    <nav class="rd-letters" aria-label="A to Z">
      <ul>
        {LETTERS.map((letter) => {
          const count = catalog.byLetter.get(letter)?.length ?? 0;
          const label = letterLabel(letter);
          return (
            <li key={letter}>
              {count === 0 ? (
                <span class="rd-letter rd-letter-empty" aria-disabled="true" title="No terms">
                  {label}
                </span>
              ) : (
                <a
                  class="rd-letter"
                  href={letterHref(letter)}
                  aria-current={letter === current ? 'page' : undefined}
                  aria-label={`${label}, ${count} ${count === 1 ? 'term' : 'terms'}`}
                >
                  {label}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
