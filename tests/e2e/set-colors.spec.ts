/**
 * Set colours: a highlight takes the colour the user picked for its term's
 * set (the first of its sets that is on), and follows a change at once,
 * without a reload, under a strict CSP and inside shadow roots too.
 */
import type { Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, waitForGlossary } from './fixtures';
import { openHighlighted, setSettings, settledHighlights } from './support';

const decorationColor = (mark: Locator) => mark.evaluate((el) => getComputedStyle(el).textDecorationColor);
const DEFAULT_UNDERLINE = 'rgba(0, 112, 201, 0.85)';

test.describe('set colours on highlights', () => {
  test.beforeEach(async ({ serviceWorker }) => {
    await waitForGlossary(serviceWorker);
  });

  test("a highlight takes its set's colour, and a new colour without a reload", async ({ context, server, serviceWorker }) => {
    await setSettings(serviceWorker, { setColors: { 'perpetual-futures': '#c0392b' } });
    const page = await openHighlighted(context, server.url('/pages/basics.html'));
    const funding = page.locator('mark.termlight[data-term-id="funding-rate"]').first();
    await expect(funding).toHaveAttribute('data-set-id', 'perpetual-futures');
    await expect.poll(() => decorationColor(funding)).toBe('rgb(192, 57, 43)');
    // Other sets keep the default underline.
    const other = page.locator('mark.termlight:not([data-set-id="perpetual-futures"])').first();
    await expect.poll(() => decorationColor(other)).toBe(DEFAULT_UNDERLINE);
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    await setSettings(serviceWorker, { setColors: { 'perpetual-futures': 'rgb(20, 140, 60)' } });
    await expect.poll(() => decorationColor(funding)).toBe('rgb(20, 140, 60)');
    // The hover tint follows the colour.
    await funding.hover();
    await expect.poll(() => funding.evaluate((el) => getComputedStyle(el).backgroundColor)).toMatch(/^(?:rgba\(20, 140, 60, 0\.12\)|color\(srgb 0\.0784\d* 0\.549\d* 0\.235\d* \/ 0\.12\))$/);

    // A stored value that is not a colour is ignored: the default underline, no injected CSS.
    await setSettings(serviceWorker, { setColors: { 'perpetual-futures': 'red; } body { display: none' } });
    await expect.poll(() => decorationColor(funding)).toBe(DEFAULT_UNDERLINE);
    expect(await page.evaluate(() => getComputedStyle(document.body).display)).toBe('block');

    // Removing the colour goes back to the default.
    await setSettings(serviceWorker, { setColors: { 'perpetual-futures': '#c0392b' } });
    await expect.poll(() => decorationColor(funding)).toBe('rgb(192, 57, 43)');
    await setSettings(serviceWorker, { setColors: {} });
    await expect.poll(() => decorationColor(funding)).toBe(DEFAULT_UNDERLINE);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  test('the highlight style chosen in Options applies to open tabs at once; the tint never reaches print, and layout does not move', async ({ context, server, extensionId }) => {
    const page = await openHighlighted(context, server.url('/pages/basics.html'));
    const funding = page.locator('mark.termlight[data-term-id="funding-rate"]').first();
    const look = () => funding.evaluate((el) => {
      const s = getComputedStyle(el);
      return { line: s.textDecorationLine, style: s.textDecorationStyle, background: s.backgroundColor };
    });
    const box = () => funding.evaluate((el) => JSON.stringify(el.getBoundingClientRect()));
    const before = await box();
    expect(await look()).toEqual({ line: 'underline', style: 'dotted', background: 'rgba(0, 0, 0, 0)' });

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    const style = options.getByLabel('Highlight style');
    await style.selectOption('tint');
    await expect.poll(look).toMatchObject({ line: 'none' });
    expect((await look()).background).not.toBe('rgba(0, 0, 0, 0)');
    expect(await box()).toBe(before);
    await page.emulateMedia({ media: 'print' });
    await expect.poll(look).toMatchObject({ line: 'none', background: 'rgba(0, 0, 0, 0)' });
    await page.emulateMedia({ media: 'screen' });

    await style.selectOption('solid');
    await expect.poll(look).toEqual({ line: 'underline', style: 'solid', background: 'rgba(0, 0, 0, 0)' });
    await style.selectOption('dotted');
    await expect.poll(look).toEqual({ line: 'underline', style: 'dotted', background: 'rgba(0, 0, 0, 0)' });
  });

  test('a term takes the colour of its first set that is on', async ({ context, server, serviceWorker }) => {
    // Trading Halt sits in Market Microstructure first, then in Market Panic Selling.
    server.route('/halt.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><p>A trading halt followed the crash.</p>');
    });
    await setSettings(serviceWorker, { setColors: { 'market-microstructure': '#c0392b', 'market-panic-selling': '#8e44ad' } });
    const page = await context.newPage();
    await page.goto(server.url('/halt.html'));
    const halt = page.locator('mark.termlight[data-term-id="trading-halt"]');
    await expect(halt).toHaveAttribute('data-set-id', 'market-microstructure');
    await expect.poll(() => decorationColor(halt)).toBe('rgb(192, 57, 43)');
    await setSettings(serviceWorker, { disabledSets: ['market-microstructure'] });
    await expect(halt).toHaveAttribute('data-set-id', 'market-panic-selling');
    await expect.poll(() => decorationColor(halt)).toBe('rgb(142, 68, 173)');
  });

  test('colours apply under a strict Content-Security-Policy and inside shadow roots', async ({ context, server, serviceWorker }) => {
    await setSettings(serviceWorker, { setColors: { 'perpetual-futures': '#c0392b', 'margin-liquidation': '#8e44ad' } });
    // The page's own inline style and script taken out, so any CSP report would be about us.
    const html = readFileSync(join(import.meta.dirname, 'pages', 'basics.html'), 'utf8')
      .replace(/<style>[\s\S]*?<\/style>/g, '')
      .replace(/<script>[\s\S]*?<\/script>/g, '');
    server.route('/csp-colors.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-security-policy': "default-src 'none'" }).end(html);
    });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
    await page.goto(server.url('/csp-colors.html'));
    await settledHighlights(page);
    const funding = page.locator('mark.termlight[data-term-id="funding-rate"]').first();
    await expect.poll(() => decorationColor(funding)).toBe('rgb(192, 57, 43)');
    await setSettings(serviceWorker, { setColors: { 'perpetual-futures': '#2e86c1' } });
    await expect.poll(() => decorationColor(funding)).toBe('rgb(46, 134, 193)');
    expect(violations).toEqual([]);

    const hostile = await openHighlighted(context, server.url('/pages/hostile.html'));
    const inside = hostile.locator('#open-host').locator('mark.termlight');
    await expect(inside).toHaveText('short squeeze');
    const setId = await inside.getAttribute('data-set-id');
    await setSettings(serviceWorker, { setColors: { [setId!]: '#8e44ad' } });
    await expect.poll(() => decorationColor(inside)).toBe('rgb(142, 68, 173)');
  });
});
