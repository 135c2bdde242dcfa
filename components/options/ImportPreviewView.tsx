/**
 * The preview of an import: counts, the sets it creates or replaces, every
 * invalid row with its reason, every conflict with what happens to it, and
 * the new, changed and removed terms. All text comes from the imported file
 * and is rendered as text.
 */
import type { ComponentChildren } from 'preact';
import { FORMAT_LABELS, type ImportPreview, type PreviewRow } from '../../utils/import/types';
import { plural } from './set-labels';

const LIST_LIMIT = 200;

function Rows({ rows, detail }: { rows: PreviewRow[]; detail?: boolean }) {
  return (
    <>
      <table class="preview-table">
        <thead>
          <tr>
            <th scope="col">Where</th>
            <th scope="col">Term</th>
            <th scope="col">Set</th>
            {detail && <th scope="col">What happens</th>}
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, LIST_LIMIT).map((r) => (
            <tr key={`${r.where}|${r.id}`}>
              <td>{r.where}</td>
              <td>{r.term}</td>
              <td>{r.set}</td>
              {detail && <td>{r.detail}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > LIST_LIMIT && <p class="muted">…and {plural(rows.length - LIST_LIMIT, 'more term')}.</p>}
    </>
  );
}

function Part({ title, count, open, children }: { title: string; count: number; open?: boolean; children: ComponentChildren }) {
  if (count === 0) return null;
  return (
    <details class="preview-part" open={open}>
      <summary>
        {title} ({count.toLocaleString('en-US')})
      </summary>
      {children}
    </details>
  );
}

export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const { counts } = preview;
  if (preview.error) {
    return (
      <div class="preview" aria-label="Import preview">
        <p class="error" role="alert">
          {preview.error}
        </p>
        {preview.notes.length > 0 && (
          <ul class="notes">
            {preview.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  const items: Array<[keyof typeof counts, string]> = [
    ['new', 'new'],
    ['changed', 'changed'],
    ['unchanged', 'unchanged'],
    ['conflicting', 'conflicting'],
    ['invalid', 'invalid'],
    ['removed', 'removed'],
  ];
  return (
    <div class="preview" aria-label="Import preview">
      <p>
        {preview.format ? FORMAT_LABELS[preview.format] : 'File'} with {plural(counts.total, 'term')}
        {preview.sets.length > 0 && (
          <>
            {' '}
            for{' '}
            {preview.sets.map((s, i) => (
              <span key={s.id}>
                {i > 0 && ', '}“{s.title}” ({s.replaces ? 'replaces your earlier import, ' : 'new set, '}
                {plural(s.termCount, 'term')})
              </span>
            ))}
          </>
        )}
        .
      </p>
      <ul class="counts" aria-label="What the import would do">
        {items.map(([key, label]) => (
          <li key={key} class={`count count-${key}${counts[key] > 0 ? ' nonzero' : ''}`} data-count={key}>
            <strong>{counts[key].toLocaleString('en-US')}</strong> {label}
          </li>
        ))}
      </ul>

      {preview.invalid.length > 0 && (
        <div class="invalid-rows">
          <h3>Rows that cannot be imported</h3>
          <table class="preview-table" aria-label="Invalid rows">
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col">Term</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {preview.invalid.map((p, i) => (
                <tr key={`${p.where}|${i}`}>
                  <td>{p.where}</td>
                  <td>{p.term ?? ''}</td>
                  <td>{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <Part title="Already in your glossary (kept as they are)" count={preview.conflicting.length} open={preview.conflicting.length <= 20}>
        <table class="preview-table" aria-label="Conflicting terms">
          <thead>
            <tr>
              <th scope="col">Where</th>
              <th scope="col">Term</th>
              <th scope="col">What happens</th>
            </tr>
          </thead>
          <tbody>
            {preview.conflicting.slice(0, LIST_LIMIT).map((c, i) => (
              <tr key={`${c.where}|${i}`}>
                <td>{c.where}</td>
                <td>{c.term}</td>
                <td>{c.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Part>
      <Part title="New terms" count={preview.new.length}>
        <Rows rows={preview.new} />
      </Part>
      <Part title="Changed terms" count={preview.changed.length}>
        <Rows rows={preview.changed} detail />
      </Part>
      <Part title="Terms the import removes" count={preview.removed.length} open>
        <Rows rows={preview.removed} detail />
      </Part>
      {preview.notes.length > 0 && (
        <ul class="notes" aria-label="Notes">
          {preview.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
