/**
 * The glossary catalog for the reader's pages: read once on open, read again
 * when the tab comes back into view and the glossary changed meanwhile (a
 * feed sync, an import). The pages keep showing the old catalog until the
 * new one is in. A failure is a state with a retry.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Catalog } from '../../utils/reader/catalog';
import { currentRevision, loadCatalog } from '../../utils/reader/catalog-client';
import { errorMessage } from '../../utils/error-message';

export type CatalogState =
  | { status: 'loading' }
  | { status: 'ready'; catalog: Catalog }
  | { status: 'error'; message: string; retry: () => void };

export function useCatalog(): CatalogState {
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const [state, setState] = useState<CatalogState>({ status: 'loading' });
  const current = useRef<Catalog>();

  useEffect(() => {
    let live = true;
    const load = () =>
      loadCatalog().then(
        (catalog) => {
          if (!live) return;
          current.current = catalog;
          setState({ status: 'ready', catalog });
        },
        (error: unknown) => {
          // With a catalog in hand, a failed refresh keeps it; without one, say so.
          if (live && !current.current) setState({ status: 'error', message: errorMessage(error), retry });
        },
      );
    void load();

    const onVisible = async () => {
      if (document.visibilityState !== 'visible' || !current.current) return;
      const revision = await currentRevision().catch(() => undefined);
      if (live && revision !== undefined && revision !== current.current.revision) void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      live = false;
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [attempt, retry]);

  return state;
}
