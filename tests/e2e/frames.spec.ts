/**
 * Frames: a same-origin iframe (or the frames of a frameset) is highlighted like the page around it; a
 * cross-origin one (an ad, an embed) is left alone.
 */
import { expect, test, waitForGlossary } from './fixtures';
import { badgeOf, openHighlighted, tabIds } from './support';

test('highlights same-origin iframes and leaves cross-origin ones alone', async ({ context, server, serviceWorker }) => {
  await waitForGlossary(serviceWorker);
  const page = await openHighlighted(context, server.url('/pages/frames.html'));
  await expect(page.locator('#top mark.termlight')).toHaveText('funding rate');

  const same = page.frameLocator('#same');
  await expect(same.locator('#child mark.termlight').first()).toBeVisible();
  expect(await same.locator('#child mark.termlight').allTextContents()).toEqual(['short squeeze', 'open interest collapse']);

  const cross = page.frameLocator('#cross');
  await expect(cross.locator('#child')).toContainText('short squeeze');
  await page.waitForTimeout(1000);
  await expect(cross.locator('mark.termlight')).toHaveCount(0);
});

test('the badge and the popup count the terms of same-origin frames with the page', async ({ context, extensionId, server, serviceWorker }) => {
  await waitForGlossary(serviceWorker);
  const before = new Set(await tabIds(serviceWorker));
  const page = await openHighlighted(context, server.url('/pages/frames.html'));
  const tabId = (await tabIds(serviceWorker)).find((id) => !before.has(id))!;
  await expect(page.frameLocator('#same').locator('#child mark.termlight')).toHaveCount(2);
  // funding rate in the page, short squeeze and open interest collapse in its frame; the other origin's frame is not the page's.
  await expect.poll(() => badgeOf(serviceWorker, tabId)).toBe('3');

  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const rows = popup.locator('.tl-page-term');
  await expect
    .poll(() => rows.evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.termId)))
    .toEqual(['funding-rate', 'short-squeeze', 'open-interest-collapse']);
  // Show on the page: the frame's highlight is found and flashed too.
  const framed = page.frameLocator('#same').locator('mark.termlight[data-term-id="short-squeeze"]');
  await popup.locator('.tl-page-term[data-term-id="short-squeeze"] .tl-page-reveal').click();
  await expect.poll(() => framed.evaluate((mark) => mark.getAnimations().length)).toBeGreaterThan(0);

  // The frame's text changes and its highlights go: the count follows.
  await page.frameLocator('#same').locator('#child').evaluate((el) => (el.textContent = 'Nothing to see here.'));
  await expect.poll(() => badgeOf(serviceWorker, tabId)).toBe('1');
});

test('highlights the frames of an old-style frameset page, and the badge counts them', async ({ context, server, serviceWorker }) => {
  await waitForGlossary(serviceWorker);
  const before = new Set(await tabIds(serviceWorker));
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url('/pages/frameset.html'));
  const left = page.frameLocator('frame[name="left"]');
  const right = page.frameLocator('frame[name="right"]');
  await expect(left.locator('#child mark.termlight').first()).toHaveText('short squeeze');
  await expect(right.locator('mark.termlight')).toHaveText('bid-ask spread');
  // A frameset page's text is all in its frames: short squeeze, open interest collapse, bid-ask spread.
  const tabId = (await tabIds(serviceWorker)).find((id) => !before.has(id))!;
  await expect.poll(() => badgeOf(serviceWorker, tabId)).toBe('3');
  expect(errors).toEqual([]);
});
