import { describe, expect, it } from 'vitest';
import type { Term } from '../../utils/glossary/schema';
import { readBundledSources } from '../../data/tools/read-sources';
import { compilePagePayload } from '../../utils/background/page-payload';
import { compileBundledGlossary } from '../../utils/glossary/compile-bundled';
import { surfaceFormsOf } from '../../utils/glossary/surface-forms';
import { compileMatcher, findTerms } from '../../utils/matcher';
import { initialsSpell } from '../../utils/matcher/definitions';
import { candidateTokens, FirstWordFilter, firstWordSlot, IN_ABBREVIATIONS, IN_NAMES, inflectionBases, isWordChar } from '../../utils/matcher/tokens';

const t = (id: string, term: string, extra: Partial<Term> = {}): Term => ({
  id,
  term,
  aliases: [],
  abbreviations: [],
  summary: 'x',
  body: '',
  sets: ['s'],
  related: [],
  ...extra,
});

const terms: Term[] = [
  t('open-interest', 'Open Interest', { abbreviations: ['OI'] }),
  t('open-interest-collapse', 'Open Interest Collapse'),
  t('funding-rate', 'Funding Rate'),
  t('short-squeeze', 'Short Squeeze'),
  t('market-maker', 'Market Maker'),
  t('liquidation', 'Liquidation'),
  t('liquidity', 'Liquidity'),
  t('spread', 'Spread', { ambiguous: true }),
  t('delta', 'Delta', { ambiguous: true, aliases: ['option delta', 'deltas'], abbreviations: ['Δ'] }),
  t('etf', 'Exchange-Traded Fund', { abbreviations: ['ETF'] }),
  t('s-and-p-500', 'S&P 500'),
  t('perp', 'Perpetual Futures', { aliases: ['perp'] }),
  t('dax', 'DAX Index', { aliases: ['Börsen-Index'] }),
  t('401k-plan', '401(k) Plan', { aliases: ['401(k)'] }),
];
const matcher = compileMatcher(terms);

const found = (text: string, m = matcher) => findTerms(text, m).map((h) => [h.termId, text.slice(h.start, h.end)]);

describe('the term matcher', () => {
  it('prefers the longest term', () => {
    expect(found('An open interest collapse, then open interest recovered.')).toEqual([
      ['open-interest-collapse', 'open interest collapse'],
      ['open-interest', 'open interest'],
    ]);
  });

  it('takes in the closing bracket of a bracket the term opened, and no other', () => {
    expect(found('Max out your 401(k) this year.')).toEqual([['401k-plan', '401(k)']]);
    expect(found('Two 401(k)s and a 401(k) plan.')).toEqual([
      ['401k-plan', '401(k)'],
      ['401k-plan', '401(k) plan'],
    ]);
    expect(found('(funding rate)')).toEqual([['funding-rate', 'funding rate']]);
    expect(found('a plan (see 401(k))')).toEqual([['401k-plan', '401(k)']]);
  });

  it('matches whole words only', () => {
    expect(found('OIL and BOIL prices; spreadsheets; reliquidation')).toEqual([]);
    expect(found('OI rose while oil fell')).toEqual([['open-interest', 'OI']]);
  });

  it('does not take a Roman numeral after a name for an abbreviation', () => {
    const withIv = compileMatcher([...terms, t('iv', 'Implied Volatility', { abbreviations: ['IV'] })]);
    expect(found('William IV and Phase IV trials', withIv)).toEqual([]);
    // In lower case too after a word that numbers things: a guide's "part IV".
    expect(found('See part IV of this guide; a type IV allergy.', withIv)).toEqual([]);
    expect(found('IV rose; front-month IV is 60%', withIv)).toEqual([
      ['iv', 'IV'],
      ['iv', 'IV'],
    ]);
    // An options screen's columns: after a quote label or an acronym, IV is the volatility.
    expect(found('Mark IV 54.2 | Bid IV 53.1 | OI IV', withIv)).toEqual([
      ['iv', 'IV'],
      ['iv', 'IV'],
      ['open-interest', 'OI'],
      ['iv', 'IV'],
    ]);
    // A sentence's first word is not a name, and letter runs that are no name's number are abbreviations.
    const withDcm = compileMatcher([...terms, t('iv', 'Implied Volatility', { abbreviations: ['IV'] }), t('dcm', 'Designated Contract Market', { abbreviations: ['DCM'] })]);
    expect(found('The IV crush came. The DCM said so. Kalshi DCM status.', withDcm)).toEqual([
      ['iv', 'IV'],
      ['dcm', 'DCM'],
      ['dcm', 'DCM'],
    ]);
  });

  it('starts no term inside a number compound ("30-day trading"), and takes an acronym before a name for no sign of one', () => {
    const more = compileMatcher([
      ...terms,
      t('day-trading', 'Day Trading'),
      t('trading-volume', 'Trading Volume'),
      t('spot-bitcoin-etf', 'Spot Bitcoin ETF'),
      t('core-inflation', 'Core Inflation', { aliases: ['core PCE'] }),
    ]);
    expect(found("Binance's 30-day trading volume rose; a 7-day trading window; day trading is risky.", more)).toEqual([
      ['trading-volume', 'trading volume'],
      ['day-trading', 'day trading'],
    ]);
    // A range of numbers is no compound word: its second number may start a term.
    const crisis = compileMatcher([...terms, t('gfc', 'Global Financial Crisis', { aliases: ['2008 financial crisis'] })]);
    expect(found('after the 2007-2008 financial crisis', crisis)).toEqual([['gfc', '2008 financial crisis']]);
    expect(found('The spot bitcoin ETF IBIT drew inflows before core PCE Friday.', more)).toEqual([
      ['spot-bitcoin-etf', 'spot bitcoin ETF'],
      ['core-inflation', 'core PCE'],
    ]);
  });

  it("matches an everyday name that waits for context (ambiguous and needsContext), and leaves out one that does not", () => {
    const greeks = compileMatcher([
      ...terms,
      t('vega', 'Vega', { ambiguous: true, needsContext: true }),
      t('straddle', 'Straddle', { ambiguous: true }),
    ]);
    expect(found('Long vega through a straddle.', greeks)).toEqual([['vega', 'vega']]);
  });

  it('highlights nothing inside a plain phrase (a name, a set phrase), nor a term that runs into one ("Put Wall Street")', () => {
    const walls = [...terms, t('put-wall', 'Put Wall'), t('dow', 'Dow Jones', { aliases: ['Dow'] }), t('bull-market', 'Bull Market', { aliases: ['bull run'] })];
    const plainPhrases = ['Wall Street', 'Dow Chemical', 'Battle of Bull Run', 'liquidated damages'];
    const withNames = compileMatcher(walls, { plainPhrases });
    const headline = 'Tariffs Put Wall Street On Edge as Dow Chemical slips and the Dow falls; the First Battle of Bull Run; a bull run';
    expect(found(headline, compileMatcher(walls))).toEqual([
      ['put-wall', 'Put Wall'],
      ['dow', 'Dow'],
      ['dow', 'Dow'],
      ['bull-market', 'Bull Run'],
      ['bull-market', 'bull run'],
    ]);
    expect(found(headline, withNames)).toEqual([
      ['dow', 'Dow'],
      ['bull-market', 'bull run'],
    ]);
    // In any case, and with other words on the page: a term that ends before the name is kept.
    expect(found('the put wall street fight; the put wall, Wall Street says; the put wall at 5,000', withNames)).toEqual([
      ['put-wall', 'put wall'],
      ['put-wall', 'put wall'],
    ]);
    // Text whose lower case changes length is lowered word by word: the same answers.
    expect(found('İ: Tariffs Put Wall Street On Edge; a put wall', withNames)).toEqual([['put-wall', 'put wall']]);
    // A set phrase of everyday English, in any case; the term alone still lights up.
    const withLiquidation = compileMatcher([...walls, t('liquidation', 'Liquidation', { aliases: ['liquidated'] })], { plainPhrases });
    expect(found('A Liquidated Damages clause; positions were liquidated.', withLiquidation)).toEqual([['liquidation', 'liquidated']]);
    // A phrase spelled like a term's form leaves the term as it is.
    expect(found('The Dow Jones fell.', compileMatcher(walls, { plainPhrases: ['Dow Jones'] }))).toEqual([['dow', 'Dow Jones']]);
  });

  it('does not take the start of a name for a term written in lower case ("put Wall Street")', () => {
    const withWalls = compileMatcher([...terms, t('put-wall', 'Put Wall'), t('order-book-wall', 'Order Book Wall', { aliases: ['sell wall'] })]);
    expect(found('Tariffs put Wall Street on edge; traders sell Wall Street short.', withWalls)).toEqual([]);
    // The term itself, in any case, and names that do not run on.
    expect(found('The put wall held. A put Wall at 6,500. Put Wall moved; a sell wall.', withWalls)).toEqual([
      ['put-wall', 'put wall'],
      ['put-wall', 'put Wall'],
      ['put-wall', 'Put Wall'],
      ['order-book-wall', 'sell wall'],
    ]);
    // It takes all three signs: a lower-case start, a capitalised last word, a capitalised word after it;
    // and a brand written with a capital inside, or a term inside a hyphenated word, is no such start.
    const withBrands = compileMatcher([...terms, t('cdx', 'Credit Default Swap Index', { aliases: ['iTraxx Europe'] }), t('growth-stock', 'Growth Stock')]);
    expect(found('The iTraxx Europe Index fell. Menu: High-growth Stocks Dividend Stocks', withBrands)).toEqual([
      ['cdx', 'iTraxx Europe'],
      ['growth-stock', 'growth Stocks'],
    ]);
    expect(found('The open interest Collapse deepened; funding rate Data; Funding Rate Turns')).toEqual([
      ['open-interest-collapse', 'open interest Collapse'],
      ['funding-rate', 'funding rate'],
      ['funding-rate', 'Funding Rate'],
    ]);
  });

  it('marks hits of the forms a term lists in needsContext, and only those', () => {
    const dow = compileMatcher([t('dow', 'Dow Jones Industrial Average', { aliases: ['Dow Jones', 'Dow'], abbreviations: ['DJIA'], needsContext: ['Dow', 'DJIA'] })]);
    expect(findTerms("The Dow's drop, the Dow Jones, the DJIA", dow).map((h) => [h.termId, h.listed ?? false])).toEqual([
      ['dow', true],
      ['dow', false],
      ['dow', true],
    ]);
  });

  it('says whether a hit is an abbreviation (context-needing terms gate those alone)', () => {
    expect(findTerms('OI and open interest', matcher).map((h) => h.abbreviation)).toEqual([true, false]);
  });

  it('matches abbreviations case-sensitively and names case-insensitively', () => {
    expect(found('oi and Oi are not OI')).toEqual([['open-interest', 'OI']]);
    expect(found('FUNDING RATE and Funding rate')).toEqual([
      ['funding-rate', 'FUNDING RATE'],
      ['funding-rate', 'Funding rate'],
    ]);
  });

  it('handles plurals and possessives', () => {
    expect(found("funding rates, liquidations, the market maker's and market makers' quotes, two ETFs")).toEqual([
      ['funding-rate', 'funding rates'],
      ['liquidation', 'liquidations'],
      ['market-maker', "market maker's"],
      ['market-maker', 'market makers'],
      ['etf', 'ETFs'],
    ]);
    expect(found('liquidities and the market maker’s book')).toEqual([
      ['liquidity', 'liquidities'],
      ['market-maker', 'market maker’s'],
    ]);
    // -es makes a plural after s, x, z, ch or sh only: "pipes" is no plural of a pip, "PIPEs" are PIPEs.
    const pip = compileMatcher([t('pip', 'Pip'), t('pipe', 'Private Investment in Public Equity', { abbreviations: ['PIPE'] }), t('tax', 'Tax')]);
    expect(found('water pipes, two PIPEs, pips and taxes', pip)).toEqual([
      ['pipe', 'PIPEs'],
      ['pip', 'pips'],
      ['tax', 'taxes'],
    ]);
  });

  it('treats hyphens, spaces, non-breaking spaces and en dashes alike', () => {
    for (const text of ['short squeeze', 'short-squeeze', 'short\u00a0squeeze', 'short\u2013squeeze', 'short \n squeeze']) {
      expect(found(text)).toEqual([['short-squeeze', text]]);
    }
    expect(found('exchange traded fund')).toEqual([['etf', 'exchange traded fund']]);
  });

  it('does not join words across sentence punctuation', () => {
    expect(found('Short. Squeeze')).toEqual([]);
    // A dash that ends a clause: an em dash, or an en dash with a space beside it.
    expect(found('short \u2014 squeeze')).toEqual([]);
    expect(found('short\u2014squeeze')).toEqual([]);
    expect(found('short \u2013 squeeze')).toEqual([]);
    expect(found('open, interest')).toEqual([]);
  });

  it('keeps inner punctuation of a term', () => {
    expect(found('The S&P 500 rose')).toEqual([['s-and-p-500', 'S&P 500']]);
    expect(found('The S P 500 rose')).toEqual([]);
  });

  it('skips ambiguous everyday words unless asked', () => {
    expect(found('the spread widened')).toEqual([]);
    expect(found('the spread widened', compileMatcher(terms, { includeAmbiguous: true }))).toEqual([['spread', 'spread']]);
    // An ambiguous term is still found by what is not everyday English.
    expect(found('Delta flew; deltas; the option delta was 0.4')).toEqual([['delta', 'option delta']]);
  });

  it('is Unicode-aware', () => {
    expect(found('Der Börsen-Index fiel')).toEqual([['dax', 'Börsen-Index']]);
    expect(found('İstanbul funding rate')).toEqual([['funding-rate', 'funding rate']]);
    // The circled letters in Binance's "USDⓈ-M" are part of the word; a circle alone is not.
    expect(isWordChar('Ⓢ', 0)).toBe(true);
    expect(isWordChar('○', 0)).toBe(false);
  });

  it('ignores inherited object keys in the text', () => {
    expect(found('constructor __proto__ toString hasOwnProperty')).toEqual([]);
  });

  it('survives a JSON round trip, as in an extension message', () => {
    const copy = JSON.parse(JSON.stringify(matcher));
    expect(found('perp funding rates', copy)).toEqual([
      ['perp', 'perp'],
      ['funding-rate', 'funding rates'],
    ]);
  });

  it('knows letters, digits and marks from punctuation in every script', () => {
    // Letters, digits, marks, the underscore, and the circled Latin letters exchanges write ("USDⓈ-M").
    const word = /[\p{L}\p{N}\p{M}_\u24B6-\u24E9]/u;
    for (let code = 0; code < 0x3000; code++) {
      const ch = String.fromCharCode(code);
      if (isWordChar(ch, 0) !== word.test(ch)) expect.fail(`U+${code.toString(16)} classified wrongly`);
    }
    expect(isWordChar('\u{1d400}', 0)).toBe(true); // mathematical bold A, outside the BMP
  });

  it('looks up only the words that can start a term', () => {
    const filter = new FirstWordFilter(matcher.firstWords);
    const words = (text: string) => {
      const found = candidateTokens(text, filter);
      return found.filter((_, i) => i % 3 === 0).map((start, i) => text.slice(start, found[3 * i + 1]));
    };
    expect(words('The cat sat on the mat and then went home')).toEqual([]);
    // Capitals, plurals, possessives and curly apostrophes, abbreviations, non-ASCII words.
    expect(words('OPEN doors, Liquidations, the market’s ETFs, Börsen and ÉTÉ')).toEqual(
      expect.arrayContaining(['OPEN', 'Liquidations', 'market’s', 'ETFs', 'Börsen', 'ÉTÉ']),
    );
    expect(words('doors the and')).toEqual([]);
  });

  it('lets through every plural and possessive whose base can start a term', () => {
    for (const token of ['rates', 'ETFs', 'Ls', "maker's", "MAKER'S", 'liquidities', 'boxes', 'gas', 'yes']) {
      for (const base of inflectionBases(token)) {
        const slot = firstWordSlot(base);
        expect(candidateTokens(`the ${token} here`, new FirstWordFilter({ ci: [slot], cs: [] })), `${token} -> ${base}`).toEqual([4, 4 + token.length, IN_NAMES]);
        expect(candidateTokens(`the ${token} here`, new FirstWordFilter({ ci: [], cs: [slot] })), `${token} -> ${base}`).toEqual([4, 4 + token.length, IN_ABBREVIATIONS]);
      }
    }
  });
});

describe('abbreviations a text spells out', () => {
  const glossary = [
    ...terms,
    t('ppp', 'Purchasing Power Parity', { abbreviations: ['PPP'] }),
    t('otm', 'Out of the Money', { abbreviations: ['OTM'], ambiguous: true }),
    t('dao', 'Decentralized Autonomous Organization', { abbreviations: ['DAO'] }),
    t('itm', 'In the Money', { abbreviations: ['ITM'], ambiguous: true }),
    t('cd', 'Certificate of Deposit', { abbreviations: ['CD'] }),
    t('occ', 'Options Clearing Corporation', { abbreviations: ['OCC'] }),
  ];
  const m = compileMatcher(glossary);
  const flagged = (text: string) => findTerms(text, m).filter((h) => h.definedOtherwise).map((h) => text.slice(h.start, h.end));

  it('marks an abbreviation the text spells out as other words, before or after it', () => {
    expect(flagged('Loans under the Paycheck Protection Program (PPP) rose; PPP fraud too.')).toEqual(['PPP']);
    expect(flagged('A DAO (Data Access Object) wraps the queries.')).toEqual(['DAO']);
    expect(flagged('The PPP, or Paycheck Protection Program, ended.')).toEqual(['PPP']);
    expect(flagged('The Paycheck Protection Program or PPP ended.')).toEqual(['PPP']);
    expect(flagged('- PPP:(Paycheck Protection Program (2020))')).toEqual(['PPP']);
    // Four short words skipped among seven.
    expect(flagged('The Office of the Comptroller of the Currency (OCC) fined the bank.')).toEqual(['OCC']);
  });

  it('marks an abbreviation the text spells out as its own term, so the page needs no other context for it', () => {
    const defined = (text: string) => findTerms(text, m).filter((h) => h.definedAsTerm).map((h) => text.slice(h.start, h.end));
    expect(defined('The purchasing power parity (PPP) rate; later PPP alone.')).toEqual(['PPP']);
    expect(defined('A DAO (or decentralized autonomous organization) votes.')).toEqual(['DAO']);
    expect(defined('Options out of the money or OTM expire worthless.')).toEqual(['OTM']);
    expect(defined('PPP rose, the PPP (for a start) and Paycheck Protection Program (PPP).')).toEqual([]);
  });

  it("reads its own term in the words right before it, though the run that spells it reaches further back, and in any word's plural", () => {
    const defined = (text: string) => findTerms(text, m).filter((h) => h.definedAsTerm).map((h) => text.slice(h.start, h.end));
    // "in the money" starts with a short word, so the run that spells ITM starts at "If".
    expect(defined("If they're in the money (ITM), they are exercised.")).toEqual(['ITM']);
    expect(defined('I bonds are like certificates of deposit (CDs) at banks.')).toEqual(['CDs']);
    expect(flagged("If they're in the money (ITM), they are exercised; ITM calls too.")).toEqual([]);
    // Other words before the bracket are still other words.
    expect(flagged('The Integrated Technical Manual (ITM) and the Compact Disc (CD) specs.')).toEqual(['ITM', 'CD']);
  });

  it('leaves it alone spelled out as its own term, as an everyday-word name of it, or not spelled out', () => {
    expect(flagged('The purchasing power parity (PPP) rate; a Decentralized Autonomous Organizations (DAO) vote.')).toEqual([]);
    expect(flagged('Options out of the money (OTM) expired; OTM calls.')).toEqual([]);
    expect(flagged('PPP (for a start) looks cheap; the PPP, the old one, and (PPP) alone.')).toEqual([]);
  });

  it("reads a coin's one-word name before its bracketed ticker as what the abbreviation is on the page", () => {
    const coins = compileMatcher([...glossary, t('all-time-high', 'All-Time High', { abbreviations: ['ATH'] }), t('ether', 'Ether', { abbreviations: ['ETH'] }), t('ethereum', 'Ethereum')]);
    const otherwise = (text: string) => findTerms(text, coins).filter((h) => h.definedOtherwise).map((h) => text.slice(h.start, h.end));
    expect(otherwise('Binance will list Aethir (ATH) on Monday.')).toEqual(['ATH']);
    expect(otherwise('Daoify(DAO) launches; flights to Athens (ATH).')).toEqual(['DAO', 'ATH']);
    // A name the glossary knows is its own term or one beside it; a name without the letters in order, or lower case, says nothing.
    expect(otherwise('Ethereum (ETH) and Ether (ETH) rose; a new high (ATH); Tahiti (ATH); AETHIR (ATH).')).toEqual([]);
  });

  it('reads initials in order, taking or skipping short words', () => {
    expect(initialsSpell(['Department', 'of', 'Government', 'Efficiency'], 'DOGE')).toBe(true);
    expect(initialsSpell(['Department', 'of', 'Government', 'Efficiency'], 'DGE')).toBe(true);
    expect(initialsSpell(['the', 'Paycheck', 'Protection', 'Program'], 'PPP')).toBe(false);
    expect(initialsSpell(['Paycheck', 'Protection', 'Program', 'loans'], 'PPP')).toBe(false);
  });
});

describe('the bundled glossary', () => {
  const glossary = compileBundledGlossary(readBundledSources());
  const bundled = compileMatcher(glossary.terms, { includeAmbiguous: true });

  it('finds every surface form of every term, as written, in capitals and as a plural or possessive', () => {
    const missed: string[] = [];
    // A plural another term lists as its own abbreviation is that term's: "NICs" are National Insurance contributions, not new issue concessions.
    const listed = new Set(glossary.terms.flatMap((term) => term.abbreviations));
    for (const term of glossary.terms) {
      for (const form of surfaceFormsOf(term)) {
        const plural = /[A-Z]$/.test(form.text) && !listed.has(`${form.text}s`) ? [`${form.text}s`] : []; // ETFs, P&Ls, 0DTEs
        const variants = form.caseSensitive ? [form.text, ...plural] : [form.text, form.text.toUpperCase(), `${form.text}’s`];
        for (const variant of variants) {
          const text = `Today the ${variant} moved.`;
          const hit = findTerms(text, bundled).find((m) => m.start === 'Today the '.length);
          if (hit?.termId !== term.id) missed.push(variant);
        }
      }
    }
    expect(missed).toEqual([]);
  });

  it("reads no coin's name before a bundled abbreviation of its own (\"Solana (SOL)\", \"Chainlink (LINK)\") as another thing", () => {
    const otherwise: string[] = [];
    for (const term of glossary.terms) {
      for (const abbreviation of term.abbreviations) {
        for (const name of [term.term, ...term.aliases].filter((n) => /^[A-Z][a-z]+$/.test(n))) {
          const text = `Buy ${name} (${abbreviation}) now.`;
          if (findTerms(text, bundled).some((h) => h.definedOtherwise)) otherwise.push(text);
        }
      }
    }
    expect(otherwise).toEqual([]);
  });

  it("reads a trading pair's base as a coin's ticker unless its term is one of the payload's assets", () => {
    const { matcher: payload } = compilePagePayload(glossary.terms, { includeAmbiguous: false, disabledSets: new Set() });
    const hits = (text: string) => findTerms(text, payload).filter((h) => !h.definedOtherwise).map((h) => text.slice(h.start, h.end));
    expect(hits('The ATH/USDT, KOL/USDT and NFP-PERP pairs open.')).toEqual(['USDT', 'USDT']);
    // The page has said what it means by them: a ticker, here and on the rest of the page (ContextGate).
    const tickers = (text: string) => findTerms(text, payload).filter((h) => h.definedOtherwise).map((h) => text.slice(h.start, h.end));
    expect(tickers('The ATH/USDT, KOL/USDT and NFP-PERP pairs open.')).toEqual(['ATH', 'KOL', 'NFP']);
    expect(hits('BTC/USDT, ETH-PERP, XAU/USD, LINK/USDC; CPI/PPI and APY/APR.')).toEqual(['BTC', 'USDT', 'ETH', 'XAU', 'LINK', 'USDC', 'CPI', 'PPI', 'APY', 'APR']);
    // An exchange's one-word symbol for the pair says the same, to the caller that asks.
    const symbols = (text: string) => {
      const out: string[] = [];
      findTerms(text, payload, out);
      return out;
    };
    expect(symbols('Trade the ATHUSDT and KOLUSDC perpetual contracts.')).toEqual(['ATH', 'KOL']);
    expect(symbols('BTCUSDT, ETHUSDC, XATHUSDT, ATHUSDTX and USDT itself.')).toEqual([]);
    // Outside a pair, the same abbreviations are the terms.
    expect(findTerms('A new ATH; a KOL campaign.', payload).map((h) => h.termId)).toEqual(['all-time-high', 'key-opinion-leader']);
  });

  it("finds Binance's name for its stablecoin-margined futures, circled letter and all", () => {
    const hits = findTerms('Trade USDⓈ-M Futures or COIN-M Futures', bundled);
    expect(hits.map((h) => h.termId)).toEqual(['linear-contract', 'inverse-contract']);
  });

  it('finds basis points written against a number, as rates desks write them, as an abbreviation (base pairs are bp too)', () => {
    const hits = (text: string) => findTerms(text, bundled).map((h) => [h.termId, text.slice(h.start, h.end), h.abbreviation]);
    expect(hits('Yields rose 25bp; the deal priced at +128bp and tailed by 1.8bp.')).toEqual([
      ['basis-point', '25bp', true],
      ['basis-point', '128bp', true],
      ['basis-point', '1.8bp', true],
    ]);
    expect(hits('up 10 bps')).toEqual([['basis-point', 'bps', true]]);
    // Inside another word, or the oil company, it is not the unit.
    expect(hits('B2bp and x25bp; BP shares')).toEqual([]);
  });

  it('reads a word joined by underscores (a user name, a hashtag) as one word, no term', () => {
    expect(findTerms('u/theta_burns_me says #funding_rate', bundled)).toEqual([]);
  });

  it('reads glossary words in everyday news the way a reader means them', () => {
    const everyday = compileMatcher(glossary.terms);
    const ids = (text: string) => findTerms(text, everyday).map((m) => m.termId);
    // The creator's name is its own term, not the unit named after it.
    expect(ids('A book on Satoshi Nakamoto’s greatest creation.')).toEqual(['satoshi-nakamoto']);
    expect(ids('Ten dollars buys about 10,000 satoshis.')).toEqual(['satoshi']);
    // A term may end inside a number's hyphenated compound, not run on past it ("30-day trading").
    expect(ids('The Fed made a 75-basis-point increase.')).toEqual(['federal-reserve', 'basis-point']);
    expect(ids('It has a 30-day trading window.')).toEqual([]);
    // Curly or straight, an apostrophe between words is the same.
    expect(ids('Shelter and owners’ equivalent rent rose.')).toEqual(['shelter-inflation']);
    // A unit against a number inside a web address printed as text is part of the address.
    expect(ids('Read https://www.mni.com/125bp-hike-eyed for more.')).toEqual([]);
    // An abbreviation joined to a letter by an ampersand is part of a longer code; a code that is a term is matched whole.
    expect(ids('The proxy’s CD&A explains executive pay; AT&T rose.')).toEqual([]);
    expect(ids('A one-year CD pays more than M&A advice costs.')).toEqual(['certificate-of-deposit', 'mergers-and-acquisitions']);
    // Everyday phrases that share words with terms stay plain.
    // "in the money" is the everyday phrase; the money supply is a term of its own.
    expect(ids('Growth in the money supply slowed.')).toEqual(['money-supply']);
    expect(ids('Call the customer support line; check the expiry date on the passport.')).toEqual([]);
    expect(ids('The option finished in the money.')).toEqual([]);
    expect(ids('The option finished ITM.')).toEqual(['in-the-money']);
    // Written with hyphens, the everyday phrase is the options term; a longer term through the same words still wins.
    expect(ids('The in-the-money calls and deep-in-the-money puts expired; at-the-money volatility rose.')).toEqual([
      'in-the-money',
      'in-the-money',
      'at-the-money-volatility',
    ]);
    expect(ids('The odds were in the-money, or in - the - money.')).toEqual([]);
    // A currency index named "Spot Index" is not a perp's index price (Bloomberg fixture).
    expect(ids('The Bloomberg Dollar Spot Index was little changed.')).toEqual([]);
    // Public finance and development economics use these words in their own sense (NYT, Salon, Quartz fixtures)...
    expect(ids('States cut spending as tax revenue falls; tourism is a source of revenue.')).toEqual([]);
    expect(ids('Policymakers encourage the diversification of the economy.')).toEqual([]);
    // Crypto news says it with the verb as often as the noun.
    expect(ids('Over $1 billion of leveraged longs were liquidated overnight.')).toEqual(['long-position', 'liquidation']);
    // A cash-and-carry is a wholesaler in British news; the trade keeps its full names.
    expect(ids('The cash and carry chain reported higher sales.')).toEqual([]);
    expect(ids('Funds ran a cash-and-carry trade on bitcoin, a basis trade by another name.')).toEqual(['cash-and-carry-trade', 'bitcoin', 'cash-and-carry-trade']);
    // ...while the trading phrases still name the terms.
    expect(ids('Top-line growth beat forecasts; portfolio diversification failed.')).toEqual(['revenue', 'diversification']);
  });
});

describe('terms inside addresses', () => {
  it('leaves a term inside a web or e-mail address shown as text alone', () => {
    expect(found('Source: https://www.example.com/markets/funding-rate-explained-2024')).toEqual([]);
    expect(found('(www.example.com/open-interest) and example.io/liquidation-data')).toEqual([]);
    expect(found('Write to liquidation@example.com for help')).toEqual([]);
    // Exchanges and apps named by their bare domain.
    expect(found('Listed on Bybit, Crypto.com, and liquidation.exchange.')).toEqual([]);
  });

  it('leaves a capitalised term that ends a company name alone', () => {
    expect(found('Services are offered through Liquidity LLC and Market Maker, Inc., both brokers.')).toEqual([]);
    expect(found('Funding Rate AG and Open Interest Ltd filed.')).toEqual([]);
    expect(found('Saudi Liquidity Co. and the Market Maker Company rose.')).toEqual([]);
    // Lower case, or no legal form right after: the term.
    expect(found('The market maker LLC agreement; Liquidity Incentives; Liquidity, inclusive.')).toEqual([
      ['market-maker', 'market maker'],
      ['liquidity', 'Liquidity'],
      ['liquidity', 'Liquidity'],
    ]);
  });

  it('finds an ambiguous name written with hyphens only as written so, when the term lists that spelling', () => {
    const hyphens = compileMatcher([
      t('itm', 'In the Money', { ambiguous: true, aliases: ['in-the-money'] }),
      t('itm-vol', 'In-the-Money Volatility'),
      t('supply', 'Money Supply'),
    ]);
    expect(found('The in-the-money calls; in‑the‑money (a non-breaking hyphen); In-The-Money Options.', hyphens)).toEqual([
      ['itm', 'in-the-money'],
      ['itm', 'in‑the‑money'],
      ['itm', 'In-The-Money'],
    ]);
    expect(found('Growth in the money supply; in the-money; in-the money; in-the-money volatility.', hyphens)).toEqual([
      ['supply', 'money supply'],
      ['itm-vol', 'in-the-money volatility'],
    ]);
    // With everyday names included, the spaced name is found too.
    expect(found('It finished in the money.', compileMatcher([t('itm', 'In the Money', { ambiguous: true, aliases: ['in-the-money'] })], { includeAmbiguous: true }))).toEqual([
      ['itm', 'in the money'],
    ]);
  });

  it('leaves a term negated by "non-" alone, while a term that starts with it is itself', () => {
    const negated = compileMatcher([t('ii', 'Institutional Investor'), t('nfp', 'Non-Farm Payrolls'), t('ig', 'Investment Grade'), t('opec', 'Organization of the Petroleum Exporting Countries', { abbreviations: ['OPEC'] })]);
    expect(found('The non-institutional investor quota; NON-investment grade debt; non-farm payrolls rose; non-OPEC supply.', negated)).toEqual([
      ['nfp', 'non-farm payrolls'],
      ['opec', 'OPEC'],
    ]);
    expect(found('An institutional investor, a canon-investment grade pun.', negated)).toEqual([
      ['ii', 'institutional investor'],
      ['ig', 'investment grade'],
    ]);
  });

  it('reads a name before a listing tag as the exchange that lists "<name> exchange", and leaves it alone elsewhere', () => {
    const listings = compileMatcher([
      t('composite', 'Nasdaq Composite', { aliases: ['Nasdaq'] }),
      t('nasdaq-market', 'Nasdaq Stock Market', { aliases: ['Nasdaq exchange'] }),
      t('nyse', 'New York Stock Exchange', { abbreviations: ['NYSE'] }),
      t('inflation', 'Inflation'),
    ]);
    expect(found('Cisco (NASDAQ:CSCO) and Apple (Nasdaq: AAPL, LSE: APC) rose; Berkshire (NYSE: BRK.B) fell; Banner (NASDAQ GS:BANF).', listings)).toEqual([
      ['nasdaq-market', 'NASDAQ'],
      ['nasdaq-market', 'Nasdaq'],
      ['nyse', 'NYSE'],
      ['nasdaq-market', 'NASDAQ'],
    ]);
    // No tag after it: the index, as market news means it.
    expect(found('The Nasdaq fell 2%. NASDAQ: the index fell. Nasdaq: AAPL led the gains', listings)).toEqual([
      ['composite', 'Nasdaq'],
      ['composite', 'NASDAQ'],
      ['composite', 'Nasdaq'],
    ]);
    // A name with no "<name> exchange" form stays itself before a colon and capitals.
    expect(found('Inflation: CPI, PPI and wages', listings)).toEqual([['inflation', 'Inflation']]);
  });

  it('still finds the term next to an address, and in slashed or dotted text that is not one', () => {
    expect(found('Funding rate: see https://example.com/faq')).toEqual([['funding-rate', 'Funding rate']]);
    // A known ending must end the word: no domain here.
    expect(found('the liquidity.co-op, a liquidation.comedy')).toEqual([
      ['liquidity', 'liquidity'],
      ['liquidation', 'liquidation'],
    ]);
    expect(found('OI/volume ratio; liquidation/liquidity. Liquidation.')).toEqual([
      ['open-interest', 'OI'],
      ['liquidation', 'liquidation'],
      ['liquidity', 'liquidity'],
      ['liquidation', 'Liquidation'],
    ]);
  });
});
