/**
 * The backlink index of the catalog in hand. Building it scans every term's
 * text (a tenth of a second or so on the full glossary), so it is built when
 * the browser is idle after the catalog arrives, not while a page renders;
 * until then it is undefined and the term page says it is still looking.
 */
import { useEffect, useState } from 'preact/hooks';
import { backlinkIndexOf, builtBacklinkIndex, type BacklinkIndex } from '../../utils/reader/backlinks';
import type { Catalog } from '../../utils/reader/catalog';

export function useBacklinkIndex(catalog: Catalog | undefined): BacklinkIndex | undefined {
  const [built, setBuilt] = useState<{ catalog: Catalog; index: BacklinkIndex }>();
  useEffect(() => {
    if (!catalog || builtBacklinkIndex(catalog)) return;
    const build = () => setBuilt({ catalog, index: backlinkIndexOf(catalog) });
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(build, { timeout: 300 });
      return () => cancelIdleCallback(id);
    }
    const id = setTimeout(build, 0);
    return () => clearTimeout(id);
  }, [catalog]);
  if (!catalog) return undefined;
  return builtBacklinkIndex(catalog) ?? (built?.catalog === catalog ? built.index : undefined);
}
