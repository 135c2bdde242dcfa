/**
 * Definitions fetched from the background on demand, cached for the life of
 * the page. Concurrent requests for one term share a single message; a
 * failed request is forgotten so the next hover tries again.
 */
import type { TermView } from '../messaging/protocol';

export interface TermCache {
  /** The term, from the cache or the background (null when the glossary has no such term). */
  get(id: string): Promise<TermView | null>;
  /** The term if it has already arrived: undefined while unknown or in flight. */
  peek(id: string): TermView | null | undefined;
  /** Forget everything (the glossary changed: a feed sync or an import). */
  clear(): void;
}

export function createTermCache(fetchTerm: (id: string) => Promise<TermView | null>): TermCache {
  const inFlight = new Map<string, Promise<TermView | null>>();
  const ready = new Map<string, TermView | null>();

  return {
    get(id) {
      if (ready.has(id)) return Promise.resolve(ready.get(id) ?? null);
      let request = inFlight.get(id);
      if (!request) {
        request = fetchTerm(id).then(
          (term) => {
            ready.set(id, term);
            inFlight.delete(id);
            return term;
          },
          (error: unknown) => {
            inFlight.delete(id);
            throw error;
          },
        );
        inFlight.set(id, request);
      }
      return request;
    },
    peek(id) {
      return ready.get(id);
    },
    clear() {
      ready.clear();
      inFlight.clear();
    },
  };
}
