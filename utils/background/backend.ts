/**
 * The background's view of the glossary: one IndexedDB connection with the
 * bundled glossary imported, and the services built on it. If the connection
 * is lost (the user cleared site data, or the database was deleted), the next
 * request opens a fresh one and imports the bundled glossary again, so the
 * extension heals without a restart.
 */
import { openGlossaryDb, type GlossaryDb } from '../db/schema';
import { importBundledGlossary } from '../glossary/bundled';
import { createImportService, type ImportService } from '../import/import-service';
import { getSettings } from '../settings';
import { createGlossaryService, type GlossaryService } from './glossary-service';

export interface Backend {
  db: GlossaryDb;
  glossary: GlossaryService;
  imports: ImportService;
}

export interface BackendOptions {
  /** The text of the shipped glossary.json. */
  loadBundledGlossary(): Promise<string>;
  dbName?: string;
  /** Called once the bundled glossary was imported anew (install, update, a lost database): the glossary changed. */
  onBundledImported?(): void;
}

export function createBackend(options: BackendOptions): () => Promise<Backend> {
  let current: Promise<Backend> | undefined;

  async function open(): Promise<Backend> {
    const db = await openGlossaryDb(options.dbName, { onLost: () => (current = undefined) });
    // On install, update, start and after a loss: a no-op unless the bundle changed or the data is gone.
    const result = await importBundledGlossary(db, await options.loadBundledGlossary());
    if (result !== 'unchanged') {
      console.info('Termlight: bundled glossary imported', result);
      options.onBundledImported?.();
    }
    return { db, glossary: createGlossaryService(db, getSettings), imports: createImportService(db) };
  }

  return () => {
    current ??= open().catch((error: unknown) => {
      current = undefined;
      console.error('Termlight: could not open the glossary', error);
      throw error;
    });
    return current;
  };
}
