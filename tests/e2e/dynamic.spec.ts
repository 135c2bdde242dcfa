/**
 * Pages that change after load: text a feed adds is highlighted soon after
 * it arrives, even when it comes in pages of many stories; a line the page
 * rewrites many times a second is left alone until it calms down.
 */
import { expect, test, waitForGlossary } from './fixtures';
import { openHighlighted, setSettings } from './support';

test.describe('dynamic pages', () => {
  test.beforeEach(async ({ serviceWorker }) => {
    await waitForGlossary(serviceWorker);
    await setSettings(serviceWorker, { highlightMode: 'all' });
  });

  test('stories a feed appends in pages are highlighted as they arrive', async ({ context, server }) => {
    const page = await openHighlighted(context, server.url('/pages/live-feed.html'));
    const stories = page.locator('#feed article');
    const highlighted = page.locator('#feed article mark.termlight[data-term-id="open-interest"]');
    // Three pages of twelve stories, 400 ms apart, like a reader scrolling down a feed.
    for (let round = 1; round <= 3; round++) {
      await page.evaluate(() => (window as unknown as { appendStories(n: number): void }).appendStories(12));
      await expect(stories).toHaveCount(12 * round);
      await page.waitForTimeout(400);
    }
    // Twelve nodes in one append are one change, not twelve: the feed is not
    // taken for a ticker, so the last page lights up without waiting for a
    // hot region's two-second cool-down.
    await expect(highlighted).toHaveCount(36, { timeout: 1500 });
    await expect(highlighted.first()).toHaveText('open interest');
  });

  test('a line rewritten 20 times a second is left alone, and highlighted once it stops', async ({ context, server }) => {
    const page = await openHighlighted(context, server.url('/pages/live-feed.html'));
    await expect(page.locator('#intro mark.termlight[data-term-id="funding-rate"]')).toHaveText('funding rate');
    // While the ticker runs, its text holds no highlight (sampled for 1.5 s).
    for (let i = 0; i < 15; i++) {
      await expect(page.locator('#ticker mark')).toHaveCount(0, { timeout: 50 });
      await page.waitForTimeout(100);
    }
    await page.evaluate(() => (window as unknown as { stopTicker(): void }).stopTicker());
    // Quiet for a few seconds: the line is scanned again and its term lights up.
    await expect(page.locator('#ticker mark.termlight[data-term-id="mark-price"]')).toHaveText('Mark price', { timeout: 6000 });
    expect(await page.locator('#ticker').innerText()).toMatch(/^Mark price \d+\.\d$/);
  });
});
