/**
 * The toolbar button's badge: the number of distinct terms highlighted on the
 * tab's page, following the page as it grows, the setting, the site switch
 * and navigation, per tab.
 */
import { expect, test, waitForGlossary } from './fixtures';
import { badgeOf, setSettings, settledHighlights, tabIds } from './support';


test.describe('the toolbar badge', () => {
  test.beforeEach(async ({ serviceWorker }) => {
    await waitForGlossary(serviceWorker);
  });

  test("counts the page's terms; follows new text, the setting, the site switch and navigation, tab by tab", async ({
    context,
    extensionId,
    server,
    serviceWorker,
  }) => {
    const before = new Set(await tabIds(serviceWorker));
    const page = await context.newPage();
    await page.goto(server.url('/pages/basics.html'));
    const tabId = (await tabIds(serviceWorker)).find((id) => !before.has(id))!;
    const badge = () => badgeOf(serviceWorker, tabId);

    const distinctTerms = async (p = page) => new Set((await settledHighlights(p)).map(([termId]) => termId)).size;
    const first = await distinctTerms();
    expect(first).toBeGreaterThan(3);
    await expect.poll(badge).toBe(String(first));
    // The button's title says it in words: what a screen reader announces.
    expect(await serviceWorker.evaluate((tabId) => chrome.action.getTitle({ tabId }), tabId)).toBe(`Termlight: ${first} terms on this page`);

    // A new paragraph with a new term: one more.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Then they watched max pain.';
      document.body.append(p);
    });
    await expect(page.locator('mark.termlight[data-term-id="max-pain"]')).toHaveCount(1);
    const distinct = await distinctTerms();
    expect(distinct).toBe(first + 1);
    await expect.poll(badge).toBe(String(distinct));

    // A second tab has its own count.
    const other = await context.newPage();
    await other.goto(server.url('/pages/context-crypto.html'));
    const otherId = (await tabIds(serviceWorker)).find((id) => id !== tabId && !before.has(id))!;
    const otherDistinct = await distinctTerms(other);
    await expect.poll(() => badgeOf(serviceWorker, otherId)).toBe(String(otherDistinct));
    await expect.poll(badge).toBe(String(distinct));

    // The setting off (in Options) clears every tab's badge, on brings the counts back, without a reload.
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html#appearance`);
    const showCount = options.getByRole('checkbox', { name: 'Show how many terms a page has on the Termlight button' });
    await expect(showCount).toBeChecked();
    await showCount.uncheck();
    await expect.poll(badge).toBe('');
    expect(await serviceWorker.evaluate((tabId) => chrome.action.getTitle({ tabId }), tabId)).toBe('Termlight');
    await expect.poll(() => badgeOf(serviceWorker, otherId)).toBe('');
    await showCount.check();
    await expect.poll(badge).toBe(String(distinct));
    await options.close();

    // Termlight off for the site: no highlights, no count.
    await setSettings(serviceWorker, { disabledSites: ['127.0.0.1'] });
    await expect(page.locator('mark.termlight')).toHaveCount(0);
    await expect.poll(badge).toBe('');
    await setSettings(serviceWorker, { disabledSites: [] });
    await expect.poll(badge).toBe(String(distinct));

    // A page restored from the back/forward cache keeps its session, while the browser reset the
    // tab's badge when the tab left it: the count comes back (the reset and the restore simulated).
    await serviceWorker.evaluate((tabId) => chrome.action.setBadgeText({ tabId, text: '' }), tabId);
    await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
    await expect.poll(badge).toBe(String(distinct));

    // Another page in the same tab: its own count, not the last page's.
    await page.goto(server.url('/pages/frame-child.html'));
    expect(await distinctTerms()).toBe(2);
    await expect.poll(badge).toBe('2');
  });
});
