/**
 * A 5 MB generated article: Termlight highlights what it can within its work
 * budget, starting at the top, keeps the page responsive, and the popup says
 * the page was only partly scanned.
 */
import { expect, test, waitForGlossary } from './fixtures';
import { setSettings } from './support';

const SENTENCES = [
  'Traders watched the funding rate as open interest climbed into the close.',
  'A short squeeze lifted the index while the bid-ask spread stayed tight.',
  'Analysts said the yield curve and the dollar index moved in opposite directions.',
  'Volumes were light and several desks reduced risk before the weekend.',
];

function hugeArticle(bytes: number): string {
  const paragraphs: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = `<p>${SENTENCES[i % 4]} ${SENTENCES[(i + 1) % 4]} Paragraph ${i}.</p>`;
    paragraphs.push(p);
    size += p.length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Huge</title></head><body><h1>Market wrap</h1>${paragraphs.join('\n')}</body></html>`;
}

test('a 5 MB page is highlighted within a time budget and the popup says so', async ({ context, server, serviceWorker, extensionId }) => {
  test.slow();
  const html = hugeArticle(5 * 1024 * 1024);
  server.route('/huge.html', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await waitForGlossary(serviceWorker);
  // The default budget (1.5 s of work) covers 5 MB on this machine; a small one makes the stop certain.
  await setSettings(serviceWorker, { scanBudgetMs: 150 });

  const page = await context.newPage();
  await page.goto(server.url('/huge.html'));
  // The top of the page is highlighted.
  await expect(page.locator('p').first().locator('mark.termlight').first()).toBeVisible({ timeout: 20_000 });
  // The page stays responsive while Termlight works: a timer keeps firing on time.
  const worstDelay = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let worst = 0;
        let last = performance.now();
        const timer = setInterval(() => {
          const now = performance.now();
          worst = Math.max(worst, now - last - 20);
          last = now;
        }, 20);
        setTimeout(() => {
          clearInterval(timer);
          resolve(worst);
        }, 2000);
      }),
  );
  expect(worstDelay).toBeLessThan(200);

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByRole('note')).toContainText('stopped after its time budget', { timeout: 20_000 });
  // And it did stop: the end of the page has no highlight.
  await expect(page.locator('p').last().locator('mark.termlight')).toHaveCount(0);
});
