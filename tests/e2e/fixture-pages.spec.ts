/**
 * Real pages nobody here wrote (../shared/fixtures/pages): the right terms
 * light up, nothing lands where it must not, and the text a reader sees is
 * exactly what it was without Termlight.
 */
import { chromium, type Page } from '@playwright/test';
import { chromiumPath, expect, LOCAL_HOSTS_ONLY, requireSharedPages, test, waitForGlossary } from './fixtures';
import { readBundledSources } from '../../data/tools/read-sources';
import { compileBundledGlossary } from '../../utils/glossary/compile-bundled';
import { compileMatcher, findTerms } from '../../utils/matcher';
import { PLAIN_PHRASES } from '../../utils/matcher/plain-phrases';
import { settledHighlights } from './support';

const matcher = compileMatcher(compileBundledGlossary(readBundledSources()).terms, { plainPhrases: PLAIN_PHRASES });

const EXPECTED: Record<string, string[]> = {
  'reuters-fed-rates': ['federal-reserve', 'federal-funds-rate', 'rate-hike', 'inflation', 'dot-plot'],
  'bloomberg-markets': ['s-and-p-500', 'dow-jones-industrial-average', 'basis-point', 'central-bank', 'quantitative-easing'],
  'politico-imf-outlook': ['international-monetary-fund', 'inflation', 'recession', 'federal-reserve', 'monetary-policy'],
  'fool-investing': ['s-and-p-500', 'index-fund', 'exchange-traded-fund', 'dividend', 'market-capitalization'],
  // DOGE needs context (it is also a US government department): a crypto news page gives it.
  'coindesk-bitcoin': ['bitcoin', 'stablecoin', 'tether', 'dogecoin'],
  // Its first "earnings report" is inside the article's address, printed as text: that one stays plain.
  'barrons-home-depot': ['earnings-report', 'pre-market-trading', 'earnings-per-share'],
  // "the Nasdaq Composite traded flat" is the index; "Cisco Systems, Inc. (NASDAQ:CSCO)" in its tags is the exchange.
  '247wallst-djia-slide': ['nasdaq-composite', 'nasdaq-stock-market', 'new-york-stock-exchange'],
};

/** Terms a page's words must not light up there. */
const NOT_EXPECTED: Record<string, string[]> = {
  // Its footer's "Bullish" is CoinDesk's owner, the Bullish group, not the mood.
  'coindesk-bitcoin': ['bullish'],
};

/** Where a highlight must never be, whatever the page. */
const FORBIDDEN = 'script, style, noscript, textarea, input, select, option, code, pre, svg, [contenteditable="true"]';

/** A highlight as the page shows it, with the text on either side of it. */
interface MarkInContext {
  termId: string;
  text: string;
  /** The whitespace-free stretch of text it sits in ("…/home-depot-stock-earnings-report-5157…"). */
  word: string;
  /** The first characters of the text right after it (":CSCO)"). */
  tail: string;
}

/** Every highlight on the page, read in one pass. */
async function marksInContext(page: Page): Promise<MarkInContext[]> {
  return page.$$eval('mark.termlight', (marks) =>
    marks.map((mark) => {
      const text = mark.textContent ?? '';
      const next = mark.nextSibling?.textContent ?? '';
      const before = (mark.previousSibling?.textContent ?? '').match(/\S*$/)?.[0] ?? '';
      const after = next.match(/^\S*/)?.[0] ?? '';
      return { termId: (mark as HTMLElement).dataset.termId ?? '', text, word: before + text + after, tail: next.slice(0, 16) };
    }),
  );
}

async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

test.describe('real fixture pages', () => {
  test.beforeAll(() => requireSharedPages());

  for (const [name, termIds] of Object.entries(EXPECTED)) {
    test(`${name}: highlights the expected terms and leaves the text as it was`, async ({ context, server, serviceWorker }) => {
      await waitForGlossary(serviceWorker);
      const url = server.url(`/shared/${name}.html`);

      // The same page in a browser without Termlight, for the text a reader sees.
      const plain = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', LOCAL_HOSTS_ONLY] });
      const plainPage = await plain.newPage();
      await plainPage.goto(url, { waitUntil: 'load' });
      await plainPage.waitForTimeout(500);
      const expectedText = await visibleText(plainPage);
      await plain.close();

      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load' });
      await settledHighlights(page);
      const marks = await marksInContext(page);
      const found = marks.map((mark) => mark.termId);
      expect(found).toEqual(expect.arrayContaining(termIds));
      for (const termId of NOT_EXPECTED[name] ?? []) expect(found).not.toContain(termId);
      // First occurrence only, by default.
      expect(new Set(found).size).toBe(found.length);
      // Each mark wraps exactly one whole term, the one it is labelled with
      // (a mark shifted by a few characters would read "rate and" or "unds rate").
      // Read with the few characters after it, as the page has them: "NASDAQ" before ":CSCO)" is the exchange.
      for (const { termId, text, tail } of marks) {
        const first = findTerms(text + tail, matcher)[0];
        expect(first && { id: first.termId, start: first.start, end: first.end }, `mark "${text}" before "${tail}"`).toEqual({ id: termId, start: 0, end: text.length });
      }
      expect(await page.locator(`:is(${FORBIDDEN}) mark.termlight`).count()).toBe(0);
      for (const { word } of marks) expect(word, 'a highlight inside a web address').not.toMatch(/:\/\/|^www\./);
      expect(await visibleText(page)).toBe(expectedText);
    });
  }
});
