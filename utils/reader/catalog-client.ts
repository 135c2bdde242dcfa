/**
 * The reader's one read of the glossary: every set and term. Read straight
 * from IndexedDB in one transaction (the reader shares the extension's
 * origin), so opening the reader does not wake a sleeping service worker
 * and a feed sync or import cannot land between the sets and the terms.
 * Only when that read fails (no database yet, one not upgraded yet) or
 * finds no glossary yet is the background asked; a glossary change between
 * those calls is caught by reading the revision before and after, and read
 * again.
 */
import { getRevision, readGlossarySnapshot } from '../db/glossary-store';
import { DB_NAME, readExistingGlossaryDb } from '../db/schema';
import { sendMessage } from '../messaging/protocol';
import { buildCatalog, type Catalog } from './catalog';

const ATTEMPTS = 3;

export async function loadCatalog(dbName = DB_NAME): Promise<Catalog> {
  const snapshot = await readExistingGlossaryDb(readGlossarySnapshot, dbName).catch(() => undefined);
  // Revision 0: the background has made the database but not yet imported
  // the bundled glossary (the welcome page opens at install, during that
  // import); the background answers once the import is in.
  if (snapshot && snapshot.revision > 0) return buildCatalog(snapshot.revision, snapshot.sets, snapshot.terms);
  let revision = await askRevision();
  for (let attempt = 1; ; attempt++) {
    const [sets, terms] = await Promise.all([sendMessage('listSets'), sendMessage('listTerms', {})]);
    const after = await askRevision();
    if (after === revision || attempt === ATTEMPTS) return buildCatalog(after, sets, terms);
    revision = after;
  }
}

/** The glossary revision now (cheap): the reader compares it with its catalog's to know when to read again. */
export async function currentRevision(dbName = DB_NAME): Promise<number> {
  return (await readExistingGlossaryDb(getRevision, dbName).catch(() => undefined)) ?? (await askRevision());
}

async function askRevision(): Promise<number> {
  return (await sendMessage('getStatus')).revision;
}
