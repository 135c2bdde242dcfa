/**
 * The popup's read of one term's entry: straight from IndexedDB (the
 * extension's origin), so opening an entry does not wake a sleeping service
 * worker (55 to 90 ms of "Loading the entry…" after idle, against a few ms
 * read). The background is asked only when the read fails (no database
 * yet, one not upgraded yet) or does not find the term (a glossary the
 * background has not finished importing), since it may know better.
 */
import { getTermView } from '../db/glossary-store';
import type { TermView } from './term-view';
import { DB_NAME, readExistingGlossaryDb } from '../db/schema';
import { sendMessage } from '../messaging/protocol';

export async function loadTermView(termId: string, dbName = DB_NAME): Promise<TermView | null> {
  const read = await readExistingGlossaryDb((db) => getTermView(db, termId), dbName).catch(() => undefined);
  return read ?? (await sendMessage('getTerm', termId));
}
