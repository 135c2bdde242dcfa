/**
 * "Import this page's glossary" in the popup: a page that carries schema.org
 * JSON-LD glossary data (here shaped like the seed: a CollectionPage of
 * Articles) gets a button with its term count; Import writes the set. The
 * popup is opened as a page after the web page, so it takes that page's tab
 * (see popup.spec.ts).
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { expect, test, waitForGlossary } from './fixtures';
import { openHighlighted, readStores } from './support';

async function openPopup(context: BrowserContext, extensionId: string): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('heading', { name: 'On this page' })).toBeVisible();
  return popup;
}

/** A set as stored in IndexedDB, with the ids of its terms. */
async function storedSet(serviceWorker: Worker, setId: string) {
  const [stored, ids] = await readStores(serviceWorker, [
    { store: 'sets', op: 'get', key: setId },
    { store: 'terms', index: 'by-set', op: 'getAllKeys', key: setId },
  ]);
  const set = stored as { title: string; origin: string; source?: string } | undefined;
  return set ? { title: set.title, origin: set.origin, source: set.source, terms: (ids as string[]).sort() } : null;
}

const FIVE = [
  'diversification-failure',
  'liquidity-contagion-dynamics',
  'market-sentiment-contagion',
  'open-interest-collapse',
  'volatility-triggered-pauses',
];

test.describe("the popup imports the page's glossary", () => {
  test.beforeEach(async ({ serviceWorker }) => {
    await waitForGlossary(serviceWorker);
  });

  test('a page with a JSON-LD glossary offers it with its term count, and Import creates the set', async ({
    context,
    extensionId,
    server,
    serviceWorker,
  }) => {
    const page = await context.newPage();
    await page.goto(server.url('/pages/jsonld-market-panic-selling.html'));
    const popup = await openPopup(context, extensionId);

    const offer = popup.getByRole('button', { name: "Import this page's glossary (5 terms)" });
    await expect(offer).toBeVisible();
    expect(await storedSet(serviceWorker, 'imported-market-panic-selling')).toBeNull();
    await offer.click();

    // What the import would do: the bundled glossary already has these five terms.
    const section = popup.getByRole('region', { name: "This page's glossary" });
    await expect(section.locator('.tl-import-summary')).toHaveText("This page's glossary: 5 terms for “Market Panic Selling”.");
    await expect(section.locator('[data-count="new"] .tl-import-count')).toHaveText('0');
    await expect(section.locator('[data-count="conflicting"] .tl-import-count')).toHaveText('5');
    await expect(section.locator('[data-count="invalid"] .tl-import-count')).toHaveText('0');
    expect(await storedSet(serviceWorker, 'imported-market-panic-selling')).toBeNull();

    await section.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(section.getByRole('status')).toHaveText(
      'Imported into “Market Panic Selling”: 0 new, 0 changed, 0 unchanged, 5 already known and linked.',
    );
    expect(await storedSet(serviceWorker, 'imported-market-panic-selling')).toEqual({
      title: 'Market Panic Selling',
      origin: 'imported',
      source: server.url('/pages/jsonld-market-panic-selling.html'),
      terms: FIVE,
    });
  });

  test('a page with terms the glossary lacks imports them as new; a second look offers them as unchanged', async ({
    context,
    extensionId,
    server,
    serviceWorker,
  }) => {
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'DefinedTermSet',
      name: 'Desk Slang',
      hasDefinedTerm: [
        { '@type': 'DefinedTerm', name: 'Cable Rally', description: 'A sharp rise in the pound against the dollar, in desk talk.' },
        { '@type': 'DefinedTerm', name: 'Dead Cat Bounce Fade', description: 'Selling into a brief recovery after a steep fall, expecting the fall to resume.' },
        // A script end tag in a value stays text: it cannot end the block in the document the popup builds.
        { '@type': 'DefinedTerm', name: 'Tag Soup', description: 'A term whose description mentions </script> and <b>tags</b>, as text.' },
        { '@type': 'DefinedTerm', name: 'No Definition' },
      ],
    };
    server.route('/desk-slang.html', (_req, res) => {
      const json = JSON.stringify(ld).replace(/<\//g, '<\\/');
      res.writeHead(200, { 'content-type': 'text/html' }).end(
        `<!doctype html><title>Desk slang</title><script type="application/ld+json">${json}</script><p>The cable rally and the funding rate.</p>`,
      );
    });
    const page = await openHighlighted(context, server.url('/desk-slang.html'));
    let popup = await openPopup(context, extensionId);
    await popup.getByRole('button', { name: "Import this page's glossary (3 terms)" }).click();
    const section = popup.getByRole('region', { name: "This page's glossary" });
    await expect(section.locator('[data-count="new"] .tl-import-count')).toHaveText('3');
    await expect(section.locator('[data-count="invalid"] .tl-import-count')).toHaveText('1');
    await expect(section.locator('.tl-import-problems')).toContainText('No Definition');
    await section.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(section.getByRole('status')).toContainText('Imported into “Desk Slang”: 3 new');
    await expect(section.getByRole('status')).toContainText('1 invalid item was left out.');
    expect((await storedSet(serviceWorker, 'imported-desk-slang'))?.terms).toEqual(['cable-rally', 'dead-cat-bounce-fade', 'tag-soup']);
    // The page picks up the new terms without a reload.
    await expect(page.locator('mark.termlight[data-term-id="cable-rally"]')).toHaveCount(1);

    await popup.close();
    await page.bringToFront();
    popup = await openPopup(context, extensionId);
    await popup.getByRole('button', { name: "Import this page's glossary (3 terms)" }).click();
    await expect(popup.locator('[data-count="unchanged"] .tl-import-count')).toHaveText('3');
    await expect(popup.locator('[data-count="new"] .tl-import-count')).toHaveText('0');
  });

  test('a page without a glossary offers nothing, even when a frame in it has one', async ({ context, extensionId, server }) => {
    server.route('/framed-glossary.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end(
        '<!doctype html><p>The funding rate rose.</p><iframe src="/pages/jsonld-market-panic-selling.html"></iframe>',
      );
    });
    for (const path of ['/pages/basics.html', '/framed-glossary.html']) {
      const page = await openHighlighted(context, server.url(path));
      const popup = await openPopup(context, extensionId);
      await expect(popup.locator('.tl-page-term').first()).toBeVisible();
      // Give the page's answer and the preview time to arrive, then check nothing is offered.
      await popup.waitForTimeout(1000);
      await expect(popup.getByRole('button', { name: /Import this page's glossary/ })).toHaveCount(0);
      await popup.close();
      await page.close();
    }
  });
});
