import { expect, test, waitForGlossary } from './fixtures';

test('imports the bundled glossary into IndexedDB on install', async ({ serviceWorker }) => {
  const count = await waitForGlossary(serviceWorker);
  expect(count).toBeGreaterThanOrEqual(10);
  const stored = await serviceWorker.evaluate(
    () =>
      new Promise<{ term: unknown; sets: unknown[] }>((resolve, reject) => {
        const open = indexedDB.open('termlight');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['terms', 'sets']);
          const term = tx.objectStore('terms').get('open-interest-collapse');
          const sets = tx.objectStore('sets').getAll();
          tx.oncomplete = () => resolve({ term: term.result, sets: sets.result });
        };
      }),
  );
  expect(stored.term).toMatchObject({ id: 'open-interest-collapse', term: 'Open Interest Collapse' });
  expect((stored.term as { summary: string }).summary.length).toBeGreaterThan(20);
  expect(stored.sets.length).toBeGreaterThanOrEqual(1);
});

export function readRevision(): Promise<number> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('termlight');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('meta').objectStore('meta').get('revision');
      req.onsuccess = () => resolve(Number(req.result));
    };
  });
}
