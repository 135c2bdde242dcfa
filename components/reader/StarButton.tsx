/** Star (favourite) a term: a toggle button whose state is `aria-pressed`, saved at once. */
import { setFavourite } from '../../utils/reader/favourites';

interface StarButtonProps {
  termId: string;
  starred: boolean;
}

export function StarButton({ termId, starred }: StarButtonProps) {
  return (
    <button
      type="button"
      class="rd-star"
      aria-pressed={starred}
      title={starred ? 'Remove from favourites' : 'Add to favourites'}
      onClick={() => void setFavourite(termId, !starred)}
    >
      <span class="rd-star-icon" aria-hidden="true">
        {starred ? '★' : '☆'}
      </span>{' '}
      Star
    </button>
  );
}
