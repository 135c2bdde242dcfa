/**
 * Frames: a same-origin iframe (or the frames of a frameset) is highlighted like the page around it; a
 * cross-origin one (an ad, an embed) is left alone.
 */
import { expect, test, waitForGlossary } from './fixtures';
import { openHighlighted } from './support';

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

test('highlights the frames of an old-style frameset page', async ({ context, server, serviceWorker }) => {
  await waitForGlossary(serviceWorker);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url('/pages/frameset.html'));
  const left = page.frameLocator('frame[name="left"]');
  const right = page.frameLocator('frame[name="right"]');
  await expect(left.locator('#child mark.termlight').first()).toHaveText('short squeeze');
  await expect(right.locator('mark.termlight')).toHaveText('bid-ask spread');
  expect(errors).toEqual([]);
});
