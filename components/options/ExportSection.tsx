/** Export one set or all of them as Termlight JSON or CSV, saved through a Blob URL. */
import { useState } from 'preact/hooks';
import type { SetSummary } from '../../utils/db/glossary-store';
import { exportFileName } from '../../utils/import/export';
import type { ExportFormat, ExportRequest } from '../../utils/import/types';
import { sendMessage } from '../../utils/messaging/protocol';
import { downloadText } from './download';
import { errorMessage } from '../../utils/error-message';

const ALL = '';

export function ExportSection({ sets }: { sets: SetSummary[] | undefined }) {
  const [setId, setSetId] = useState(ALL);
  const [format, setFormat] = useState<ExportFormat>('json');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    const request: ExportRequest = setId === ALL ? { format } : { format, setIds: [setId] };
    setBusy(true);
    setMessage(null);
    try {
      const text = await sendMessage('exportGlossary', request);
      const fileName = exportFileName(request);
      downloadText(text, fileName, format === 'csv' ? 'text/csv;charset=utf-8' : 'application/json');
      setMessage({ ok: true, text: `Saved ${fileName}.` });
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="options-section" id="export" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <p class="muted">Both formats carry every field, so importing an export gives back the same terms.</p>
      <div class="row">
        <label>
          <span>Set</span>{' '}
          <select value={setId} onChange={(e) => setSetId(e.currentTarget.value)} aria-label="Set to export">
            <option value={ALL}>All sets</option>
            {sets?.filter((s) => s.termCount > 0).map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <fieldset class="inline">
          <legend>Format</legend>
          <label>
            <input type="radio" name="export-format" checked={format === 'json'} onChange={() => setFormat('json')} /> Termlight JSON
          </label>
          <label>
            <input type="radio" name="export-format" checked={format === 'csv'} onChange={() => setFormat('csv')} /> CSV
          </label>
        </fieldset>
        <button type="button" class="primary" disabled={busy} onClick={() => void run()}>
          Download
        </button>
      </div>
      <p class={`status ${message?.ok === false ? 'error' : ''}`} role="status">
        {message?.text}
      </p>
    </section>
  );
}
