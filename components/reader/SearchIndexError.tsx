/** The search index could not be loaded: why, and a way to try again (the header's search and the look-up page). */
interface SearchIndexErrorProps {
  message: string;
  retry(): void;
  class?: string;
}

export function SearchIndexError({ message, retry, class: className }: SearchIndexErrorProps) {
  return (
    <div class={className} role="alert">
      <p>Could not load the search index: {message}</p>
      <button type="button" class="rd-button" onClick={retry}>
        Try again
      </button>
    </div>
  );
}
