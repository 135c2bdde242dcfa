/**
 * Odd and hostile pages: strict CSP, quirks mode, web components, right to
 * left, pages that restyle <mark>, define a global Mark or freeze the DOM.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HIDE_UNDO_MS } from '../../components/tooltip/tooltip-card';
import { expect, test, waitForGlossary } from './fixtures';
import { openHighlighted, settledHighlights } from './support';

test.describe('hostile and odd pages', () => {
  test.beforeEach(async ({ serviceWorker }) => {
    await waitForGlossary(serviceWorker);
  });

  test('highlights and shows cards under a strict Content-Security-Policy', async ({ context, server }) => {
    const html = readFileSync(join(import.meta.dirname, 'pages', 'basics.html'), 'utf8');
    server.route('/csp.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': "default-src 'none'" }).end(html);
    });
    const page = await context.newPage();
    await page.goto(server.url('/csp.html'));
    const marks = await settledHighlights(page);
    expect(marks.map(([id]) => id)).toContain('funding-rate');
    // Our style still applies (the browser injects content-script CSS regardless of the page CSP).
    const decoration = await page.locator('mark.termlight').first().evaluate((el) => getComputedStyle(el).textDecorationStyle);
    expect(decoration).toBe('dotted');
    // The card's code, loaded on the first hover from the content script's world, is not the page's to block.
    await page.locator('mark[data-term-id="funding-rate"]').first().hover();
    await expect(page.locator('termlight-tooltip .card .title')).toHaveText('Funding Rate');
  });

  test('a page that holds every Web Lock name Termlight uses cannot hold up Hide (locks in a page are the page’s)', async ({ context, server }) => {
    const page = await openHighlighted(context, server.url('/pages/basics.html'));
    await page.evaluate(() => {
      for (const name of ['termlight-settings', 'termlight-feed-sync']) void navigator.locks.request(name, () => new Promise(() => {}));
    });
    const squeeze = page.locator('mark.termlight[data-term-id="short-squeeze"]');
    await squeeze.first().hover();
    await page.locator('termlight-tooltip .card button.hide').click();
    await expect(squeeze).toHaveCount(0, { timeout: HIDE_UNDO_MS + 5000 });
  });

  test('highlights a quirks-mode page', async ({ context, server }) => {
    const page = await context.newPage();
    await page.goto(server.url('/pages/quirks.html'));
    expect(await page.evaluate(() => document.compatMode)).toBe('BackCompat');
    const marks = await settledHighlights(page);
    expect(marks).toContainEqual(['bid-ask-spread', 'bid-ask spread']);
  });

  test('scans open shadow roots, leaves closed ones alone, and survives a page that restyles mark and freezes the DOM', async ({ context, server }) => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url('/pages/hostile.html'));
    await settledHighlights(page);

    const styled = page.locator('#styled mark.termlight');
    await expect(styled).toHaveText('funding rate');
    const look = await styled.evaluate((el) => {
      const s = getComputedStyle(el);
      const p = getComputedStyle(el.parentElement!);
      return { padding: s.paddingLeft, border: s.borderTopWidth, bg: s.backgroundColor, sameFont: s.fontSize === p.fontSize };
    });
    expect(look).toEqual({ padding: '0px', border: '0px', bg: 'rgba(0, 0, 0, 0)', sameFont: true });

    const inside = page.locator('#open-host').locator('mark.termlight');
    await expect(inside).toHaveText('short squeeze');
    const insideLook = await inside.evaluate((el) => getComputedStyle(el).textDecorationStyle);
    expect(insideLook).toBe('dotted');
    // A closed shadow root is the component's own business.
    const closedText = await page.locator('#closed-host').evaluate((el) => el.shadowRoot === null);
    expect(closedText).toBe(true);

    await expect(page.locator('#rtl mark.termlight')).toHaveText('open interest');
    expect(errors).toEqual([]);
  });
});
