/**
 * Runs tasks one at a time under a name: with Web Locks in the extension's
 * own contexts (the service worker and extension pages share the
 * extension's locks, so a task in the popup waits for one in the options
 * page), else in a queue of this context alone. Not Web Locks in a content
 * script: there they are the page's, and a page holding a lock of the same
 * name would hold Termlight up.
 */
export type Exclusive = <T>(task: () => Promise<T>) => Promise<T>;

/** Whether this code runs in the extension's own origin (chrome-extension:, moz-extension:), not in a page. */
function inExtensionOrigin(): boolean {
  return /^[a-z-]+-extension:$/.test(globalThis.location?.protocol ?? '');
}

export function createExclusive(lockName: string): Exclusive {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const locks = inExtensionOrigin() ? (globalThis.navigator as Navigator | undefined)?.locks : undefined;
    if (locks) return locks.request(lockName, task) as Promise<T>;
    const next = tail.then(task, task);
    tail = next.catch(() => undefined);
    return next;
  };
}
