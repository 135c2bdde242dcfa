/** The route in the URL's hash, followed on every `hashchange` (links, back, forward, typed URLs). */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { parseRoute, type Route } from '../../utils/reader/router';

export function useRoute(): Route {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const onHashChange = () => setHash(location.hash);
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return useMemo(() => parseRoute(hash), [hash]);
}

/** Goes to a route as a link would: a new history entry, so Back returns here. */
export function navigate(href: string): void {
  location.hash = href;
}
