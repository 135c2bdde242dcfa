/**
 * The two rules every glossary write follows, in one place for every store
 * module: all of it in one transaction that is aborted if anything fails,
 * and the glossary revision bumped inside that same transaction.
 */

interface AbortableTx {
  abort(): void;
  readonly done: Promise<void>;
}

/**
 * Runs `work` in `tx` and waits for the commit. A request that throws does
 * not abort a transaction by itself (the writes before it would commit), so
 * on any failure the transaction is aborted and the old glossary stays whole.
 */
export async function commitOrAbort<T>(tx: AbortableTx, work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    await tx.done;
    return result;
  } catch (error) {
    await abortQuietly(tx);
    throw error;
  }
}

export async function abortQuietly(tx: AbortableTx): Promise<void> {
  try {
    tx.abort();
  } catch {
    // already finished or aborted
  }
  await tx.done.catch(() => undefined);
}

/** Increments `meta.revision` (what caches key on) inside the caller's transaction. */
export async function bumpRevision(meta: {
  get(key: 'revision'): Promise<unknown>;
  put(value: number, key: 'revision'): Promise<unknown>;
}): Promise<number> {
  const revision = (Number(await meta.get('revision')) || 0) + 1;
  await meta.put(revision, 'revision');
  return revision;
}
