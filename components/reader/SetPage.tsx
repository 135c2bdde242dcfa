/** One term set: its title, description and count, and its terms A to Z. */
import { useRef } from 'preact/hooks';
import type { Catalog } from '../../utils/reader/catalog';
import { hrefOf } from '../../utils/reader/router';
import { NotFound } from './NotFound';
import { TermList } from './TermList';
import { useListKeys } from './use-list-keys';
import { useTitle } from './use-title';

interface SetPageProps {
  catalog: Catalog;
  setId: string;
}

export function SetPage({ catalog, setId }: SetPageProps) {
  const set = catalog.setById.get(setId);
  useTitle(set?.title ?? 'Set not found');
  const page = useRef<HTMLDivElement>(null);
  useListKeys(page);
  if (!set) return <NotFound what="term set" id={setId} />;
  const terms = catalog.bySet.get(set.id) ?? [];
  return (
    <div class="rd-page rd-set-page" ref={page}>
      <nav class="rd-crumbs" aria-label="Breadcrumb">
        <a href={hrefOf({ kind: 'home' })}>Home</a> <span aria-hidden="true">›</span> Term sets
      </nav>
      <h1 class="rd-title" tabIndex={-1}>
        {set.title}
      </h1>
      {set.description && <p class="rd-lead">{set.description}</p>}
      <p class="rd-meta">
        {terms.length} {terms.length === 1 ? 'term' : 'terms'}
      </p>
      <TermList terms={terms} setId={set.id} label={`Terms in ${set.title}`} />
    </div>
  );
}
