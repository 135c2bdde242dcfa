/**
 * The reader's one read of the glossary: every set and term, through the
 * background's message contract (the reader never opens IndexedDB itself).
 * A glossary change between the calls (a feed sync, an import) is caught by
 * reading the revision before and after, and read again.
 */
import { sendMessage } from '../messaging/protocol';
import { buildCatalog, type Catalog } from './catalog';

const ATTEMPTS = 3;

export async function loadCatalog(): Promise<Catalog> {
  let revision = await currentRevision();
  for (let attempt = 1; ; attempt++) {
    const [sets, terms] = await Promise.all([sendMessage('listSets'), sendMessage('listTerms', {})]);
    const after = await currentRevision();
    if (after === revision || attempt === ATTEMPTS) return buildCatalog(after, sets, terms);
    revision = after;
  }
}

/** The glossary revision now (cheap): the reader compares it with its catalog's to know when to read again. */
export async function currentRevision(): Promise<number> {
  return (await sendMessage('getStatus')).revision;
}
