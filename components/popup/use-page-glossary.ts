/**
 * Whether the active page carries a glossary Termlight can import (schema.org
 * JSON-LD), what importing it would do, and the import itself. The page hands
 * over its JSON-LD as text; the background parses and previews it like any
 * imported file, and writes nothing until the user presses Import.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ImportRequest } from '../../utils/import/import-service';
import type { ImportPreview } from '../../utils/import/types';
import { sendMessage } from '../../utils/messaging/protocol';
import { askPageGlossary } from './active-page';
import { importedMessage, offeredTerms, pageGlossaryDocument } from './page-glossary';
import { errorMessage } from '../../utils/error-message';

export type PageGlossaryState =
  /** Still looking, or the page has no glossary to offer. */
  | { status: 'none' }
  | { status: 'offer' | 'importing'; request: ImportRequest; preview: ImportPreview; truncated: boolean }
  | { status: 'imported'; message: string }
  | { status: 'failed'; message: string };

export interface PageGlossaryImport {
  state: PageGlossaryState;
  /** Imports what the preview showed (invalid items, which the preview counted, are left out). */
  importNow(): void;
}

/** `tabId`: the active page's tab while a content script of ours answers there (undefined meanwhile). */
export function usePageGlossary(tabId: number | undefined): PageGlossaryImport {
  const [state, setState] = useState<PageGlossaryState>({ status: 'none' });
  // The page may stop answering for a moment (it rescans after an import): keep to the last tab seen.
  const [target, setTarget] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (tabId !== undefined) setTarget(tabId);
  }, [tabId]);

  useEffect(() => {
    if (target === undefined) return;
    let live = true;
    setState({ status: 'none' });
    void (async () => {
      const page = await askPageGlossary(target);
      if (!live || !page || page.blocks.length === 0) return;
      const request: ImportRequest = { text: pageGlossaryDocument(page.blocks), name: page.url || 'This page' };
      try {
        const preview = await sendMessage('previewImport', request);
        if (live && offeredTerms(preview) > 0) setState({ status: 'offer', request, preview, truncated: page.truncated });
      } catch {
        // No preview, no offer: the rest of the popup works as before.
      }
    })();
    return () => {
      live = false;
    };
  }, [target]);

  const importNow = useCallback(() => {
    if (state.status !== 'offer') return;
    setState({ ...state, status: 'importing' });
    sendMessage('importGlossary', { ...state.request, skipInvalid: true })
      .then((outcome) =>
        setState(outcome.ok ? { status: 'imported', message: importedMessage(outcome) } : { status: 'failed', message: outcome.message }),
      )
      .catch((error: unknown) => setState({ status: 'failed', message: `The import failed: ${errorMessage(error)}` }));
  }, [state]);

  return { state, importNow };
}
