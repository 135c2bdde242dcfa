import { expect, test, waitForGlossary } from './fixtures';
import { readStores } from './support';

test('imports the bundled glossary into IndexedDB on install', async ({ serviceWorker }) => {
  const count = await waitForGlossary(serviceWorker);
  expect(count).toBeGreaterThanOrEqual(10);
  const [term, sets] = await readStores(serviceWorker, [
    { store: 'terms', op: 'get', key: 'open-interest-collapse' },
    { store: 'sets', op: 'getAll' },
  ]);
  expect(term).toMatchObject({ id: 'open-interest-collapse', term: 'Open Interest Collapse' });
  expect((term as { summary: string }).summary.length).toBeGreaterThan(20);
  expect((sets as unknown[]).length).toBeGreaterThanOrEqual(1);
});
