/**
 * Import from a file or pasted text. The background parses and checks the
 * document and answers with a preview; nothing is written until the user
 * presses Import (or, when some rows are invalid, chooses to skip them).
 */
import { useRef, useState } from 'preact/hooks';
import { MAX_IMPORT_BYTES, tooLargeMessage } from '../../utils/import/limits';
import type { ImportOutcome, ImportPreview } from '../../utils/import/types';
import { sendMessage } from '../../utils/messaging/protocol';
import { ImportPreviewView } from './ImportPreviewView';
import { plural } from './set-labels';
import { errorMessage } from '../../utils/error-message';

interface Props {
  onGlossaryChanged(): void;
}

interface Source {
  text: string;
  name: string;
}

const PASTE_NAME = 'Pasted terms';

function outcomeMessage(outcome: Extract<ImportOutcome, { ok: true }>): string {
  const { counts, sets } = outcome.preview;
  const where = sets.map((s) => `“${s.title}”`).join(', ');
  const parts = [
    `${counts.new.toLocaleString('en-US')} new`,
    `${counts.changed.toLocaleString('en-US')} changed`,
    `${counts.unchanged.toLocaleString('en-US')} unchanged`,
    `${counts.conflicting.toLocaleString('en-US')} already known and linked`,
  ];
  if (counts.removed) parts.push(`${counts.removed.toLocaleString('en-US')} removed`);
  const skipped = outcome.skipped ? ` ${plural(outcome.skipped, 'invalid row was', 'invalid rows were')} skipped.` : '';
  return `Imported into ${where}: ${parts.join(', ')}.${skipped}`;
}

export function ImportSection({ onGlossaryChanged }: Props) {
  const [source, setSource] = useState<Source | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [pasted, setPasted] = useState('');
  const [pasteName, setPasteName] = useState(PASTE_NAME);
  const fileInput = useRef<HTMLInputElement>(null);

  const runPreview = async (next: Source) => {
    setSource(next);
    setPreview(null);
    setResult(null);
    setBusy(true);
    try {
      setPreview(await sendMessage('previewImport', next));
    } catch (error) {
      setResult({ ok: false, message: `The preview failed: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setSource(null);
      setPreview(null);
      setResult({ ok: false, message: tooLargeMessage(file.size) });
      return;
    }
    await runPreview({ text: await file.text(), name: file.name });
  };

  const commit = async (skipInvalid: boolean) => {
    if (!source) return;
    setBusy(true);
    try {
      const outcome = await sendMessage('importGlossary', { ...source, skipInvalid });
      if (outcome.ok) {
        setResult({ ok: true, message: outcomeMessage(outcome) });
        setPreview(null);
        setSource(null);
        setPasted('');
        if (fileInput.current) fileInput.current.value = '';
        onGlossaryChanged();
      } else {
        setResult({ ok: false, message: outcome.message });
        if (outcome.preview) setPreview(outcome.preview);
      }
    } catch (error) {
      setResult({ ok: false, message: `The import failed and nothing was written: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  };

  const invalid = preview?.counts.invalid ?? 0;
  const importable = preview && !preview.error ? preview.sets.length > 0 : false;

  return (
    <section class="options-section" id="import" aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
      <p class="muted">
        Termlight JSON, CSV with a header row (<code>term,definition,aliases,set</code>), or a web page with a schema.org
        JSON-LD glossary. Imported sets sit beside the bundled ones; terms Termlight already knows keep their definitions.
      </p>
      <div class="import-sources">
        <label class="field">
          <span>From a file</span>
          <input
            ref={fileInput}
            type="file"
            accept=".json,.jsonld,.csv,.tsv,.txt,.html,.htm,application/json,text/csv,text/html,text/plain"
            onChange={(e) => void onFile(e.currentTarget.files?.[0])}
            disabled={busy}
          />
        </label>
        <div class="field paste">
          <label for="import-paste">Or paste text</label>
          <textarea
            id="import-paste"
            rows={5}
            value={pasted}
            placeholder={'term,definition,aliases,set\nFunding Rate,"The periodic payment between longs and shorts.",,My desk'}
            onInput={(e) => setPasted(e.currentTarget.value)}
          />
          <div class="row">
            <label>
              <span>Name for rows without a set</span>{' '}
              <input type="text" value={pasteName} onInput={(e) => setPasteName(e.currentTarget.value)} />
            </label>
            <button
              type="button"
              disabled={busy || !pasted.trim()}
              onClick={() => void runPreview({ text: pasted, name: pasteName.trim() || PASTE_NAME })}
            >
              Preview
            </button>
          </div>
        </div>
      </div>

      {busy && !preview && <p aria-busy="true">Reading {source?.name ?? 'the file'}…</p>}
      {preview && <ImportPreviewView preview={preview} />}
      {preview && importable && (
        <div class="import-actions">
          <button type="button" class="primary" disabled={busy || invalid > 0} onClick={() => void commit(false)}>
            Import
          </button>
          {invalid > 0 && (
            <>
              <button type="button" disabled={busy} onClick={() => void commit(true)}>
                Skip invalid rows and import
              </button>
              <span class="muted">
                {plural(invalid, 'row has a problem', 'rows have problems')}: fix the file, or skip{' '}
                {invalid === 1 ? 'it' : 'them'} and import the rest.
              </span>
            </>
          )}
        </div>
      )}
      <p class={`status ${result?.ok === false ? 'error' : ''}`} role="status">
        {result?.message}
      </p>
    </section>
  );
}
