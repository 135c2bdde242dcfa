import { expect, test, waitForGlossary } from './fixtures';
import { openHighlighted, setSettings, settledHighlights } from './support';

test.beforeEach(async ({ serviceWorker }) => {
  await waitForGlossary(serviceWorker);
});

test.describe('highlighting on a page', () => {
  test('highlights the first occurrence of each term, longest match first', async ({ context, server }) => {
    const page = await context.newPage();
    await page.goto(server.url('/pages/basics.html'));
    const marks = await settledHighlights(page);
    const ids = marks.map(([id]) => id);
    expect(ids).toContain('open-interest-collapse');
    expect(ids).toContain('funding-rate');
    expect(ids).toContain('short-squeeze');
    // First occurrence only: one mark per term.
    expect(new Set(ids).size).toBe(ids.length);
    const prose = page.locator('#prose mark.termlight').first();
    await expect(prose).toHaveText('open interest collapse');
    // Text in hidden regions neither counts as the first occurrence nor joins a term.
    await expect(page.locator('#hidden-first mark')).toHaveCount(0);
    await expect(page.locator('#after-hidden [aria-hidden] mark')).toHaveCount(0);
    await expect(page.locator('#after-hidden mark.termlight[data-term-id="liquidation-cascade"]')).toHaveText('liquidation cascade');
  });

  test('finds terms across inline tags, possessives and case-sensitive abbreviations', async ({ context, server, serviceWorker }) => {
    await setSettings(serviceWorker, { highlightMode: 'all' });
    const page = await openHighlighted(context, server.url('/pages/basics.html'));
    await expect(page.locator('#split mark.termlight')).toHaveCount(2);
    expect(await page.locator('#split mark.termlight').allTextContents()).toEqual(['open ', 'interest']);
    await expect(page.locator('#possessive mark.termlight[data-term-id="market-maker"]')).toHaveText("market maker's");
    await expect(page.locator('#possessive mark.termlight[data-term-id="open-interest"]')).toHaveText('OI');
    expect(await page.locator('#possessive').innerText()).toContain('OIL prices');
    await expect(page.locator('#possessive mark.termlight')).toHaveCount(2);
    // "short-squeeze" and "short squeeze" are the same term.
    await expect(page.locator('#prose mark[data-term-id="short-squeeze"]')).toHaveCount(2);
  });

  test('leaves inputs, editable regions, code, scripts, SVG and hidden regions alone', async ({ context, server, serviceWorker }) => {
    await setSettings(serviceWorker, { highlightMode: 'all' });
    const page = await openHighlighted(context, server.url('/pages/basics.html'));
    for (const selector of ['#editable', '#pre', '#code', 'svg', 'script', '#hidden']) {
      await expect(page.locator(`${selector} mark`)).toHaveCount(0);
    }
    await expect(page.locator('#field')).toHaveValue('funding rate in a textarea');
    await expect(page.locator('#input')).toHaveValue('funding rate in an input');
    // Ambiguous everyday words are skipped by default.
    await expect(page.locator('#ambiguous mark')).toHaveCount(0);
  });

  test('a highlight keeps the page font and colour and does not move the layout', async ({ context, server }) => {
    const page = await openHighlighted(context, server.url('/pages/basics.html'));
    const mark = page.locator('#prose mark.termlight').first();
    const styles = await mark.evaluate((el) => {
      const m = getComputedStyle(el);
      const p = getComputedStyle(el.parentElement!);
      return {
        same: m.fontFamily === p.fontFamily && m.fontSize === p.fontSize && m.color === p.color && m.fontWeight === p.fontWeight,
        background: m.backgroundColor,
        padding: m.paddingLeft,
      };
    });
    expect(styles.same).toBe(true);
    expect(styles.padding).toBe('0px');
    expect(styles.background).toBe('rgba(0, 0, 0, 0)');
  });

  test('a printed page shows its terms as plain text', async ({ context, server }) => {
    const page = await openHighlighted(context, server.url('/pages/basics.html'));
    const mark = page.locator('#prose mark.termlight').first();
    const underline = () => mark.evaluate((el) => getComputedStyle(el).textDecorationLine);
    expect(await underline()).toBe('underline');
    await page.emulateMedia({ media: 'print' });
    expect(await underline()).toBe('none');
  });

  test('turning Termlight off for the site removes highlights without reload, and on restores them', async ({ context, server, serviceWorker }) => {
    const page = await context.newPage();
    await page.goto(server.url('/pages/basics.html'));
    const before = await settledHighlights(page);
    const textBefore = await page.locator('body').innerText();
    await setSettings(serviceWorker, { disabledSites: ['127.0.0.1'] });
    await expect(page.locator('mark.termlight')).toHaveCount(0);
    expect(await page.locator('body').innerText()).toBe(textBefore);
    await setSettings(serviceWorker, { disabledSites: [] });
    await expect(page.locator('mark.termlight')).toHaveCount(before.length);
  });

  test('in "only on listed sites" mode, a page lights up once its site is listed, without reload', async ({ context, server, serviceWorker }) => {
    await setSettings(serviceWorker, { siteMode: 'only-listed', enabledSites: [] });
    const page = await context.newPage();
    await page.goto(server.url('/pages/basics.html'));
    await page.waitForTimeout(1000);
    await expect(page.locator('mark.termlight')).toHaveCount(0);
    await setSettings(serviceWorker, { enabledSites: ['127.0.0.1'] });
    await expect(page.locator('mark.termlight[data-term-id="funding-rate"]')).toHaveCount(1);
  });
});

test.describe('terms whose names other fields use too', () => {
  test('stay plain on a page about something else, and light up once the page turns to their field', async ({ context, server }) => {
    const page = await context.newPage();
    await page.goto(server.url('/pages/context-politics.html'));
    const ids = (await settledHighlights(page)).map(([id]) => id);
    // The page's own subject is highlighted; DOGE (a government department here), EMA and RSI are not.
    expect(ids).toContain('budget-deficit');
    for (const id of ['dogecoin', 'exponential-moving-average', 'relative-strength-index']) expect(ids).not.toContain(id);
    // Spelled out, the central bank is unmistakable; its acronym (here the cricket board) waits for a page about rates.
    await expect(page.locator('#names mark.termlight')).toHaveCount(1);
    await expect(page.locator('#names mark.termlight[data-term-id="european-central-bank"]')).toHaveText('European Central Bank');
    // A story about crypto markets arrives: the earlier "crypto" now reads as the asset class...
    await page.evaluate(() => {
      document.getElementById('later')!.textContent = 'Elsewhere, bitcoin slid and stablecoin supply shrank.';
    });
    await expect(page.locator('#aside mark.termlight[data-term-id="cryptocurrency"]')).toHaveText('crypto');
    await expect(page.locator('#later mark.termlight')).toHaveCount(2);
    // ...but DOGE does not: the page spelled it out as the Department of Government Efficiency.
    await expect(page.locator('#lead mark, #more mark.termlight[data-term-id="dogecoin"]')).toHaveCount(0);
    // The medicine agency and the injury still have no context of their own.
    await expect(page.locator('#health mark')).toHaveCount(0);
  });

  test('an abbreviation the page spells out as something else further down goes plain where it was already highlighted', async ({ context, server }) => {
    const page = await context.newPage();
    await page.goto(server.url('/pages/defined-later.html'));
    const ids = (await settledHighlights(page)).map(([id]) => id);
    // "IPO" is the UK Intellectual Property Office here, though the headline said it before the page did.
    expect(ids).toContain('budget-deficit');
    expect(ids).not.toContain('initial-public-offering');
    await expect(page.locator('#headline')).toHaveText('IPO backlog grows as filings rise');
    expect(await page.locator('#headline').evaluate((h) => h.childNodes.length)).toBe(1);
  });

  test('are highlighted on a page about their field, even where they come before the context', async ({ context, server }) => {
    const page = await openHighlighted(context, server.url('/pages/context-crypto.html'));
    await expect(page.locator('#lead mark.termlight[data-term-id="dogecoin"]')).toHaveText('DOGE');
    await expect(page.locator('#context mark.termlight')).toHaveCount(2);
    // RSI needs technical-analysis context, which this page lacks.
    await expect(page.locator('#chart mark')).toHaveCount(0);
  });

  test('vouch for each other beside one term not in doubt: a staking guide lights its validators, a Kubernetes page does not', async ({ context, server }) => {
    const staking = await openHighlighted(context, server.url('/pages/context-staking.html'));
    for (const id of ['staking', 'validator', 'slashing']) await expect(staking.locator(`mark.termlight[data-term-id="${id}"]`)).toHaveCount(1);
    await expect(staking.locator('#chain mark.termlight[data-term-id="proof-of-stake"]')).toHaveText('proof of stake');
    const ops = await context.newPage();
    await ops.goto(server.url('/pages/context-kubernetes.html'));
    // Its one term not in doubt is of another field: the webhook's words stay plain.
    expect(await settledHighlights(ops)).toEqual([['interest-rate', 'interest rates']]);
  });

  test('count the terms of a whole field when their own set shows too few, and only that field', async ({ context, server }) => {
    const page = await openHighlighted(context, server.url('/pages/context-exchange.html'));
    // Coins, a stablecoin and a DeFi pool, no other funding term: the page is about crypto, so its funding fees are the perpetuals' (lit once the pool, below them, is read).
    await expect(page.locator('#funding mark.termlight[data-term-id="funding-payment"]')).toHaveText('funding fees');
    // A company's results: stock terms say nothing for a chart's support level.
    await expect(page.locator('#results mark.termlight[data-term-id="share-buyback"]')).toHaveText('share buyback');
    await expect(page.locator('#results mark.termlight[data-term-id="support-level"]')).toHaveCount(0);
  });
});

test.describe('plain phrases (names, set phrases)', () => {
  test('keep their words plain: no term inside one or running into one, the terms themselves still lit', async ({ context, server }) => {
    const page = await openHighlighted(context, server.url('/pages/plain-phrases.html'));
    // "Put Wall Street", "Dow Chemical", "Dow Inc." are names and "grade inflation" a set phrase;
    // the options desk's put wall, the index (a bare Dow, beside other indices) and consumer-price inflation are terms.
    await expect(page.locator('#company mark, #campus mark')).toHaveCount(0);
    // In the headline only "Tariffs" lights (a markets word, on a page about markets), not "Put Wall".
    await expect(page.locator('#headline mark')).toHaveText(['Tariffs']);
    await expect(page.locator('#prices mark.termlight[data-term-id="inflation"]')).toHaveText('inflation');
    await expect(page.locator('#desk mark.termlight[data-term-id="put-wall"]')).toHaveText('put wall');
    await expect(page.locator('#close mark.termlight[data-term-id="dow-jones-industrial-average"]')).toHaveText('Dow');
  });
});

test.describe('single-page apps', () => {
  test('a route change is a new page: the new story gets its own context, an in-page link changes nothing', async ({ context, server }) => {
    const page = await openHighlighted(context, server.url('/pages/spa.html'));
    await expect(page.locator('#story mark.termlight[data-term-id="dogecoin"]')).toHaveText('DOGE');

    // An in-page link keeps the page as it is: the same marks, not new ones.
    await page.locator('#notes mark.termlight').evaluate((mark) => ((window as unknown as { kept: Element }).kept = mark));
    await page.click('#to-notes');
    await page.waitForTimeout(1500);
    expect(await page.evaluate(() => (window as unknown as { kept: Element }).kept.isConnected)).toBe(true);

    // The app moves to a politics story: the crypto story's terms no longer vouch for DOGE.
    await page.click('#to-politics');
    await expect(page.locator('#politics mark.termlight[data-term-id="budget-deficit"]')).toHaveText('budget deficit');
    await page.waitForTimeout(1000);
    await expect(page.locator('#politics mark.termlight[data-term-id="dogecoin"]')).toHaveCount(0);
    // The rest of the page is highlighted afresh.
    await expect(page.locator('#notes mark.termlight[data-term-id="funding-rate"]')).toHaveCount(1);
  });
});
