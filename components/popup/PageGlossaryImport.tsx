/**
 * "Import this page's glossary (N terms)": shown when the active page carries
 * a schema.org JSON-LD glossary. A first click shows what the import would do
 * (new terms, conflicts with terms already known, invalid items); Import
 * writes it, and the result replaces the offer. Every name and message comes
 * from the page or the pipeline and is rendered as text.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ImportPreview } from '../../utils/import/types';
import { offeredTerms, setTitles } from './page-glossary';
import type { PageGlossaryImport as PageGlossaryImportState } from './use-page-glossary';

const INVALID_SHOWN = 3;

function terms(n: number): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? 'term' : 'terms'}`;
}

function Counts({ preview }: { preview: ImportPreview }) {
  const { counts } = preview;
  const rows: Array<[string, number, string]> = [
    ['new', counts.new, 'new'],
    ['changed', counts.changed, 'changed'],
    ['unchanged', counts.unchanged, 'unchanged'],
    ['conflicting', counts.conflicting, counts.conflicting === 1 ? 'conflict: already known, kept as it is' : 'conflicts: already known, kept as they are'],
    ['invalid', counts.invalid, 'invalid, left out'],
    ['removed', counts.removed, 'removed from the set imported before'],
  ];
  const always = new Set(['new', 'conflicting', 'invalid']);
  return (
    <ul class="tl-import-counts">
      {rows
        .filter(([kind, n]) => n > 0 || always.has(kind))
        .map(([kind, n, label]) => (
          <li key={kind} data-count={kind}>
            <span class="tl-import-count">{n.toLocaleString('en-US')}</span> {label}
          </li>
        ))}
    </ul>
  );
}

export function PageGlossaryImport({ state, importNow }: PageGlossaryImportState) {
  const [open, setOpen] = useState(false);
  const importButton = useRef<HTMLButtonElement>(null);
  // The offer button goes away on click: the keyboard lands on Import.
  useEffect(() => {
    if (open) importButton.current?.focus();
  }, [open]);
  if (state.status === 'none') return null;
  if (state.status === 'imported' || state.status === 'failed') {
    return (
      <section class="tl-page-glossary" aria-label="This page's glossary">
        <p class={state.status === 'failed' ? 'tl-import-result tl-import-failed' : 'tl-import-result'} role={state.status === 'failed' ? 'alert' : 'status'}>
          {state.message}
        </p>
      </section>
    );
  }
  const { preview, truncated } = state;
  const n = offeredTerms(preview);
  const busy = state.status === 'importing';
  if (!open) {
    return (
      <section class="tl-page-glossary" aria-label="This page's glossary">
        <button type="button" class="tl-page-glossary-offer" onClick={() => setOpen(true)}>
          Import this page's glossary ({terms(n)})
        </button>
      </section>
    );
  }
  const invalid = preview.invalid.slice(0, INVALID_SHOWN);
  return (
    <section class="tl-page-glossary" aria-label="This page's glossary">
      <p class="tl-import-summary">
        This page's glossary: {terms(n)} for {setTitles(preview)}.
      </p>
      <Counts preview={preview} />
      {invalid.length > 0 && (
        <ul class="tl-import-problems">
          {invalid.map((p, i) => (
            <li key={i}>
              {p.term ? `${p.term} (${p.where})` : p.where}: {p.message}
            </li>
          ))}
          {preview.invalid.length > INVALID_SHOWN && <li>…and {preview.invalid.length - INVALID_SHOWN} more.</li>}
        </ul>
      )}
      {truncated && (
        <p class="tl-hint">Some of this page's JSON-LD is too large to read; only the rest is offered.</p>
      )}
      <div class="tl-import-actions">
        <button ref={importButton} type="button" class="tl-import-go" disabled={busy} aria-busy={busy} onClick={importNow}>
          {busy ? 'Importing…' : 'Import'}
        </button>
        <button type="button" class="tl-import-cancel" disabled={busy} onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </section>
  );
}
