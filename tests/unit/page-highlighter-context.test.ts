// @vitest-environment happy-dom
/**
 * The page engine with context-needing terms, on a DOM: what the popup's
 * "On this page" list reports (`foundTerms`) must agree with what is
 * highlighted, also when the context arrives in a later scan.
 */
import { describe, expect, it } from 'vitest';
import { readBundledSources } from '../../data/tools/read-sources';
import { compilePagePayload } from '../../utils/background/page-payload';
import { compileBundledGlossary } from '../../utils/glossary/compile-bundled';
import type { Term } from '../../utils/glossary/schema';
import { contextRules } from '../../utils/highlighter/context-gate';
import { PageHighlighter } from '../../utils/highlighter/page-highlighter';
import { compileMatcher } from '../../utils/matcher';
import type { MatcherPayload } from '../../utils/messaging/protocol';
import { makeTerm } from '../support/make-term';

const t = (id: string, term: string, extra: Partial<Term> = {}): Term => makeTerm({ id, term, sets: ['crypto'], ...extra });

const terms = [
  t('dogecoin', 'Dogecoin', { abbreviations: ['DOGE'], needsContext: true }),
  t('bitcoin', 'Bitcoin'),
  t('stablecoin', 'Stablecoin'),
  t('budget-deficit', 'Budget Deficit', { sets: ['macro'] }),
];

/** A highlighter on `body` with a compiled matcher and its context rules. */
function highlighterWith(body: string, mode: 'first' | 'all', { matcher, context }: Pick<MatcherPayload, 'matcher' | 'context'>) {
  document.body.innerHTML = body;
  return new PageHighlighter(document, { matcher, context, mode, focusable: false, workBudgetMs: Infinity });
}

function highlighterFor(body: string, mode: 'first' | 'all', glossary: Term[] = terms) {
  return highlighterWith(body, mode, { matcher: compileMatcher(glossary), context: contextRules(glossary) });
}

let bundledPayload: ReturnType<typeof compilePagePayload> | undefined;

/** A highlighter of every occurrence with the payload the background sends for the bundled glossary, plain phrases and all. */
function bundledPage(body: string) {
  bundledPayload ??= compilePagePayload(compileBundledGlossary(readBundledSources()).terms, { includeAmbiguous: false, disabledSets: new Set() });
  return highlighterWith(body, 'all', bundledPayload);
}

const marked = () => [...document.querySelectorAll<HTMLElement>('mark.termlight')].map((m) => `${m.dataset.termId}:${m.textContent}`);

describe('context-needing terms on a page', () => {
  it('are neither highlighted nor listed until the page shows their field, then both, with every occurrence counted once', async () => {
    const highlighter = highlighterFor('<p id="a">DOGE said the budget deficit grew.</p><p id="b">DOGE again.</p><p id="later"></p>', 'all');
    await highlighter.scan();
    expect(marked()).toEqual(['budget-deficit:budget deficit']);
    expect(highlighter.foundTerms().map((f) => f.termId)).toEqual(['budget-deficit']);

    // The page turns to crypto: the next scan (of the new text only) releases both earlier DOGEs.
    const later = document.getElementById('later')!;
    later.textContent = 'Bitcoin fell; stablecoin supply shrank; DOGE slid.';
    await highlighter.scan(later);
    expect(marked().filter((m) => m.startsWith('dogecoin'))).toHaveLength(3);
    expect(highlighter.foundTerms().find((f) => f.termId === 'dogecoin')?.count).toBe(3);
    expect(document.body.textContent).toBe('DOGE said the budget deficit grew.DOGE again.Bitcoin fell; stablecoin supply shrank; DOGE slid.');
  });

  it('in first-occurrence mode, get one highlight, on the first occurrence, even when the context comes later in the same paragraph', async () => {
    const highlighter = highlighterFor('<p>DOGE rose, DOGE fell, then bitcoin and a stablecoin moved.</p>', 'first');
    await highlighter.scan();
    expect(marked()).toEqual(['dogecoin:DOGE', 'bitcoin:bitcoin', 'stablecoin:stablecoin']);
    // The mark is on the first DOGE: no text before it in the paragraph.
    let before = '';
    for (let n = document.querySelector('mark')!.previousSibling; n; n = n.previousSibling) before += n.textContent;
    expect(before).toBe('');
    expect(highlighter.foundTerms().find((f) => f.termId === 'dogecoin')?.count).toBe(2);
  });

  it('flagged with a list of forms: only those wait, the other names light up anywhere and vouch for them', async () => {
    const glossary = [
      t('dow', 'Dow Jones Industrial Average', { aliases: ['Dow Jones', 'Dow'], sets: ['stocks'], needsContext: ['Dow'] }),
      t('nasdaq', 'Nasdaq Composite', { sets: ['stocks'] }),
      t('s-and-p-500', 'S&P 500', { sets: ['stocks'] }),
    ];
    const highlighter = highlighterFor('<p>Council member Dow Alvarez voted no.</p><p>The Dow Jones rose.</p><p id="later"></p>', 'all', glossary);
    await highlighter.scan();
    expect(marked()).toEqual(['dow:Dow Jones']);
    // A markets story arrives: its Dow is the index (the councillor's name, read before, is released too: one page, one meaning).
    const later = document.getElementById('later')!;
    later.textContent = 'The Dow, the Nasdaq Composite and the S&P 500 closed higher.';
    await highlighter.scan(later);
    expect(marked()).toEqual(['dow:Dow', 'dow:Dow Jones', 'dow:Dow', 'nasdaq:Nasdaq Composite', 's-and-p-500:S&P 500']);
  });

  it('with the bundled glossary: everyday news stays plain, trading news is highlighted', async () => {
    const bundled = compileBundledGlossary(readBundledSources()).terms;
    const everyday = [
      'DOGE, the cost-cutting department, sent staff another email.',
      'Schedule slippage pushed the bridge opening to spring.',
      'The EMA approved the vaccine; typists often suffer from RSI.',
      'The ADL condemned the remarks, and the LP signed on to the fund.',
      'Brent Council approved the plan, Brent Ford scored twice, and a doctor explained Cushing syndrome.',
      'The TTF font would not load, and SPR stock rose on a Boeing order.',
      'Tina Fey had FOMO about the concert; the Bear Trap holes ate his lead; a credit limit up to $5,000; Goldilocks met three bears.',
      'The CPI(M) held a march, the IOC picked a host city, and an ATM swallowed her card.',
      'The nurse checked the IV line; a CME sent auroras south; the CDS briefed the defence minister.',
      'The kicker missed the PAT, the cafe dropped EPS foam cups, and the TA graded the essays.',
      'Our energy tariff rises in April; the phone tariff includes roaming.',
      'The second half brought a change of character to the match.',
      'Customer LTV rose at the startup as churn fell.',
      'Police said the perp fled on foot; the city held a gun buyback on Saturday.',
      'Her hard work paid dividends, and the blue-chip recruit signed with the Tigers.',
      'Theta waves rose as she slept, and the Rho kinase study was published.',
      'The National Student Clearinghouse released enrollment data after a prisoner swap agreement was signed.',
      'The virtual currency in the game costs real money, and the card network fee went up.',
      'We stayed at a cosy BnB by the lake.',
      'Volatility, in chemistry, is how readily a substance evaporates: acetone has high volatility.',
      'The lab kept its diethyl ether away from heat, and the radio signal faded into the ether.',
      'The club will sell off two players in January to balance its books.',
      'The coach moved him up the depth chart after the injury.',
      'Cosmic inflation stretched the early universe, and inflation also explains why space looks flat.',
      'Gingival recession exposed the root, so the dentist advised a softer brush.',
      'USS LST-325 landed troops at Normandy, and the LST still sails today.',
      'We met at the Golden Cross, a pub by the cathedral, to hear Iron Butterfly songs.',
      'Tournament chips have only notional value; VPIN is a pin voltage, and the maximum supply voltage is 5 V.',
    ];
    await highlighterFor(everyday.map((p) => `<p>${p}</p>`).join(''), 'all', bundled).scan();
    expect(marked()).toEqual([]);

    const trading = [
      'Market orders in a thin order book suffer slippage, so the bid-ask spread widened.',
      'DOGE and other memecoins lagged bitcoin; traders watched the RSI turn overbought and the moving average crossover.',
      'Brent slid as OPEC kept output steady, WTI followed, and stocks at Cushing rose while the crack spread narrowed.',
      'FOMO buyers chased the memecoin, diamond hands held, and the degen traders who bought the top got rekt.',
      'Ether options worth $2 billion expire on Friday as the stablecoin supply grows.',
      'Inflation cooled and recession fears faded as the central bank held rates.',
    ];
    await highlighterFor(trading.map((p) => `<p>${p}</p>`).join(''), 'first', bundled).scan();
    const ids = marked().map((m) => m.split(':')[0]);
    expect(ids).toEqual(expect.arrayContaining(['slippage', 'dogecoin', 'relative-strength-index', 'brent-crude', 'cushing-hub', 'fear-of-missing-out', 'degen', 'rekt', 'ether', 'inflation', 'recession']));
  });

  it('with the bundled glossary: a short market story gives its acronyms and everyday-sounding terms their context', async () => {
    const bundled = compileBundledGlossary(readBundledSources()).terms;
    // CPI and bps take their context from the Fed story around them (they also sit in Central Banks and Policy).
    await highlighterFor('<p>US CPI rose 0.3% in October, so traders trimmed bets on a Fed rate cut and two-year yields rose 8 bps.</p>', 'first', bundled).scan();
    expect(marked().map((m) => m.split(':')[0])).toEqual(expect.arrayContaining(['consumer-price-index', 'basis-point']));
    // IV takes its context from the options terms around it (it also sits in Options and the Greeks).
    await highlighterFor('<p>Options traders bid up IV on call options at the 200 strike price before earnings, as the put-call ratio fell.</p>', 'first', bundled).scan();
    expect(marked().map((m) => m.split(':')[0])).toEqual(expect.arrayContaining(['implied-volatility', 'strike-price']));
    // "Volatility" waits for any two other terms: a one-line market story, no other volatility term in it.
    await highlighterFor('<p>Stocks fell as volatility jumped: the S&P 500 slid 2% and the Nasdaq lost 3% in a broad sell-off.</p>', 'first', bundled).scan();
    expect(marked().map((m) => m.split(':')[0])).toEqual(expect.arrayContaining(['volatility', 's-and-p-500', 'sell-off']));
    // A bare "tariffs" waits for a story about trade: here the trade war and the trade deficit.
    await highlighterFor('<p>New tariffs widened the trade war, and the trade deficit narrowed as imports fell.</p>', 'first', bundled).scan();
    expect(marked().map((m) => m.split(':')[0])).toEqual(expect.arrayContaining(['tariff', 'trade-war']));
  });

  it('with the bundled glossary: the Treasury basis trade is not the crypto cash-and-carry, and chart, swap and mortgage jargon find their context', async () => {
    const bundled = compileBundledGlossary(readBundledSources()).terms;
    await highlighterFor(
      '<p>Hedge funds unwound the Treasury basis trade as repo rates jumped, OIS pricing moved, and the loan resets off three-month Term SOFR.</p>',
      'first',
      bundled,
    ).scan();
    const rates = marked().map((m) => m.split(':')[0]);
    expect(rates).toEqual(expect.arrayContaining(['treasury-basis-trade', 'overnight-index-swap', 'term-sofr']));
    expect(rates).not.toContain('cash-and-carry-trade');
    await highlighterFor(
      '<p>After a bullish break of structure, the first close below the last higher low was a change of character, and the order block below held.</p>',
      'first',
      bundled,
    ).scan();
    expect(marked().map((m) => m.split(':')[0])).toEqual(expect.arrayContaining(['break-of-structure', 'change-of-character', 'order-block']));
    // LTV (also "lifetime value" in business news) takes its context from a mortgage story.
    await highlighterFor('<p>To refinance a fixed-rate mortgage you need a good credit score, and at an 80% LTV there is no mortgage insurance to pay.</p>', 'first', bundled).scan();
    expect(marked().map((m) => m.split(':')[0])).toEqual(expect.arrayContaining(['loan-to-value-ratio', 'fixed-rate-mortgage', 'credit-score']));
    // "perp" (also a perpetrator) waits for a perp market around it; "perpetual futures" needs none.
    await highlighterFor('<p>Read how the funding rate works before you trade perpetual futures.</p>', 'first', bundled).scan();
    expect(marked().map((m) => m.split(':')[0])).toEqual(['funding-rate', 'perpetual-futures']);
    await highlighterFor('<p>Perps traders watched the mark price as the funding rate turned negative on the BTC perp.</p>', 'all', bundled).scan();
    expect(marked().filter((m) => m.startsWith('perpetual-futures:'))).toEqual(['perpetual-futures:Perps', 'perpetual-futures:perp']);
  });

  it('flagged for their abbreviations only: the spelled-out name lights up on any page, the abbreviation still waits', async () => {
    const bundled = compileBundledGlossary(readBundledSources()).terms;
    const politics = [
      'The European Central Bank kept its rates, the minister said; ECB officials would not comment.',
      'In sport, the ECB named a new England captain, and Dogecoin fans cheered a DOGE job cut.',
    ];
    const highlighter = highlighterFor(politics.map((p) => `<p>${p}</p>`).join(''), 'all', bundled);
    await highlighter.scan();
    expect(marked()).toEqual(['european-central-bank:European Central Bank', 'dogecoin:Dogecoin']);
    expect(highlighter.foundTerms().map((f) => [f.termId, f.count])).toEqual(
      expect.arrayContaining([
        ['european-central-bank', 1],
        ['dogecoin', 1],
      ]),
    );
  });

  it('an abbreviation the page spells out as something else stays plain there, wherever it appears, context or not', async () => {
    const highlighter = highlighterFor(
      '<h1>DOGE cuts reach the weather service</h1><p>Staff cuts ordered by DOGE, the Department of Government Efficiency, hit regional offices.</p>' +
        '<p>In markets, bitcoin slid and stablecoin supply shrank; DOGE officials declined to comment.</p>',
      'all',
    );
    await highlighter.scan();
    expect(marked()).toEqual(['bitcoin:bitcoin', 'stablecoin:stablecoin']);
    expect(highlighter.foundTerms().map((f) => f.termId)).toEqual(['bitcoin', 'stablecoin']);
  });

  it('an abbreviation highlighted before the page spells it out as something else is taken back, in both modes', async () => {
    const glossary = [t('liquid-staking', 'Liquid Staking', { abbreviations: ['LST'] }), t('bitcoin', 'Bitcoin')];
    const body =
      '<h1>LST tables for observers</h1><p>Bitcoin miners do not care; the LST changes by four minutes a day, and an LST’s error is small.</p>' +
      '<p>Local Sidereal Time (LST) is the hour angle of the vernal equinox.</p><p>Convert LST to clock time.</p>';
    for (const mode of ['first', 'all'] as const) {
      const highlighter = highlighterFor(body, mode, glossary);
      await highlighter.scan();
      expect(marked()).toEqual(['bitcoin:Bitcoin']);
      expect(highlighter.foundTerms()).toEqual([{ termId: 'bitcoin', count: 1 }]);
      // The text is back as it was, each paragraph one text node again where it was split.
      expect(document.querySelector('h1')!.childNodes).toHaveLength(1);
      expect(document.body.textContent).toContain('LST tables for observers');
    }
    // Spelled out first, it is never highlighted (no mark made, none taken back).
    const before = highlighterFor('<p>Local Sidereal Time (LST) matters.</p><p>LST again, and bitcoin.</p>', 'all', glossary);
    await before.scan();
    expect(marked()).toEqual(['bitcoin:bitcoin']);
  });

  it('an abbreviation the page spells out as its own term lights up everywhere on it, before and after, without other context', async () => {
    const glossary = [t('safe', 'Simple Agreement for Future Equity', { abbreviations: ['SAFE'], needsContext: 'abbreviations', sets: ['deals'] }), t('bitcoin', 'Bitcoin')];
    const body = '<h1>How a SAFE converts</h1><p>A SAFE (or simple agreement for future equity) turns into shares later.</p><p>Most SAFEs are post-money.</p>';
    const highlighter = highlighterFor(body, 'all', glossary);
    await highlighter.scan();
    expect(marked()).toEqual(['safe:SAFE', 'safe:SAFE', 'safe:simple agreement for future equity', 'safe:SAFEs']);
    // Not spelled out, the same abbreviation still waits for its field.
    await highlighterFor('<h1>How a SAFE converts</h1><p>Most SAFEs are post-money.</p>', 'all', glossary).scan();
    expect(marked()).toEqual([]);
  });

  it('with the bundled glossary: a page that names the Department of Government Efficiency anywhere means it by DOGE, before and after', async () => {
    const crypto = '<p>Bitcoin and ether fell as stablecoin supply shrank and memecoins slid.</p><p>DOGE said it would cut staff.</p>';
    await bundledPage(crypto).scan();
    expect(marked()).toContain('dogecoin:DOGE');
    const named = bundledPage(`${crypto}<p>The Department of Government Efficiency was set up in January; DOGE denied it.</p>`);
    await named.scan();
    expect(marked().filter((m) => m.startsWith('dogecoin'))).toEqual([]);
    expect(marked()).toEqual(expect.arrayContaining(['bitcoin:Bitcoin', 'stablecoin:stablecoin']));
    expect(named.foundTerms().map((f) => f.termId)).not.toContain('dogecoin');
  });

  it("with the bundled glossary: a listing page's trading pairs and coin names make their tickers plain everywhere on it", async () => {
    const news = '<p>Bitcoin hit a new ATH as stablecoin supply grew and funding rates on perpetual futures rose.</p>';
    await bundledPage(news).scan();
    expect(marked()).toContain('all-time-high:ATH');
    // The pair comes after the earlier ATH: that one goes plain again.
    await bundledPage(`${news}<p>The official launch of ATH trading opens the ATH/USDT perpetual contract.</p>`).scan();
    expect(marked().filter((m) => m.startsWith('all-time-high'))).toEqual([]);
    expect(marked()).toEqual(expect.arrayContaining(['bitcoin:Bitcoin', 'tether:USDT']));
    await bundledPage(`<p>Binance will list Aethir (ATH) today.</p>${news}`).scan();
    expect(marked().filter((m) => m.startsWith('all-time-high'))).toEqual([]);
    await bundledPage(`${news}<p>Trade the ATHUSDT perpetual contract from today.</p>`).scan();
    expect(marked().filter((m) => m.startsWith('all-time-high'))).toEqual([]);
    // A coin's own ticker in a pair is the coin.
    await bundledPage('<p>The BTC/USDT perpetual contract and its funding rate.</p>').scan();
    expect(marked()).toContain('bitcoin:BTC');
    // A name written in the singular still spells out its own term.
    await bundledPage('<p>Markets await the Non-Farm Payroll (NFP) report; NFP rose by 150,000 jobs.</p>').scan();
    expect(marked().filter((m) => m.endsWith(':NFP'))).toHaveLength(2);
  });

  it('with the bundled glossary: spelled-out abbreviations decide what a page means by them', async () => {
    const bundled = compileBundledGlossary(readBundledSources()).terms;
    const page = (body: string) => highlighterFor(body, 'first', bundled);
    // The page means the loan programme by PPP, so the exchange-rate words do not make it purchasing power parity.
    const ppp = page('<p>He took loans under the Paycheck Protection Program (PPP) in 2020.</p><p>The exchange rate and the trade deficit weighed on the peso. PPP fraud cases rose.</p>');
    await ppp.scan();
    expect(marked().filter((m) => m.startsWith('purchasing-power-parity'))).toEqual([]);
    // A phrase can give a name as written another meaning: CoinDesk's owner, not the mood; the mood still lights.
    const markets = '<p>Bitcoin rose as the S&amp;P 500 rallied.</p>';
    await bundledPage(`${markets}<p>CoinDesk is part of the Bullish group.</p><p>Bullish was incubated by Block.one.</p>`).scan();
    expect(marked().filter((m) => m.startsWith('bullish'))).toEqual([]);
    await bundledPage(`${markets}<p>CoinDesk is part of the Bullish group.</p><p>Traders turned bullish on bitcoin.</p>`).scan();
    expect(marked().filter((m) => m.startsWith('bullish'))).toEqual(['bullish:bullish']);
    // Spelled out as the term itself, the abbreviation agrees with the glossary: the term lights up, even one that waits for
    // context ("out of the money" on a page with no other options term), first where the page names it.
    const own = page('<p>The Federal Reserve (Fed) met as traders watched options out of the money (OTM) and the personal consumption expenditures (PCE) price index.</p><p>Inflation and the consumer price index rose; the jobless rate held.</p>');
    await own.scan();
    expect(marked()).toEqual(expect.arrayContaining(['federal-reserve:Federal Reserve', 'out-of-the-money:out of the money', 'pce-price-index:PCE']));
  });
});
