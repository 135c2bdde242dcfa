/** A link to something the glossary does not (or no longer) hold. The id is shown as text. */
import { hrefOf } from '../../utils/reader/router';
import { useTitle } from './use-title';

interface NotFoundProps {
  what: string;
  id?: string;
}

export function NotFound({ what, id }: NotFoundProps) {
  useTitle('Not found');
  return (
    <div class="rd-page rd-not-found">
      <h1 class="rd-title" tabIndex={-1}>
        Not in the glossary
      </h1>
      <p class="rd-lead">
        {id ? (
          <>
            There is no {what} “{id}” in the glossary. It may have been renamed or removed with a feed.
          </>
        ) : (
          <>This page of the reader does not exist.</>
        )}
      </p>
      <p>
        <a href={hrefOf({ kind: 'home' })}>Go to the start page</a> or search above.
      </p>
    </div>
  );
}
