/**
 * Loads the glossary's search index once (from the background) and keeps it
 * for local, per-keystroke queries. A failure is a state with a retry, not a
 * silent empty list.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { loadTermSearch } from '../../utils/search/search-client';
import type { TermSearch } from '../../utils/search/term-search';
import { errorMessage } from '../../utils/error-message';

export type TermSearchState =
  | { status: 'loading' }
  | { status: 'ready'; search: TermSearch }
  | { status: 'error'; message: string; retry: () => void };

export function useTermSearch(load: () => Promise<TermSearch> = loadTermSearch): TermSearchState {
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const [state, setState] = useState<TermSearchState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    load().then(
      (search) => live && setState({ status: 'ready', search }),
      (error: unknown) =>
        live && setState({ status: 'error', message: errorMessage(error), retry }),
    );
    return () => {
      live = false;
    };
  }, [attempt, load, retry]);

  return state;
}
