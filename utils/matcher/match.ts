/**
 * One pass over a text: at each token, walk the tries as far as the words
 * allow and keep the longest term that ends on a whole word. Matches never
 * overlap; the leftmost-longest one wins ("open interest collapse" over
 * "open interest").
 */
import { PLAIN_PHRASE, type CompiledMatcher } from './compile';
import { markDefinitions, wordsKey, wordsOf } from './definitions';
import { endHyphenOnly, endWaits, NO_END, NO_NODE, PHRASE_END, ROOT, termIndexOf, TrieReader } from './packed-trie';
import { candidateTokens, FirstWordFilter, IN_ABBREVIATIONS, IN_NAMES, gapKey, inflectionBases, isHyphen, isHyphenGap, isWordChar, normalizeToken, readToken, tokenize, tokenStartBefore, type TokenSpan } from './tokens';

export interface TermMatch {
  termId: string;
  /** Offset of the first character, inclusive. */
  start: number;
  /** Offset after the last character. */
  end: number;
  /** Matched as one of the term's abbreviations (case-sensitive), not a name or alias. */
  abbreviation: boolean;
  /** Matched by a form its term lists in `needsContext`: this hit waits for context, the term's other names do not. */
  listed?: true;
  /**
   * An abbreviation the text spells out as something else ("the Paycheck
   * Protection Program (PPP)", `markDefinitions`), or a coin's ticker as a
   * trading pair's base ("ATH/USDT", `namesPairTicker`): not this term here,
   * nor anywhere on its page.
   */
  definedOtherwise?: boolean;
  /**
   * An abbreviation the text spells out as this very term ("the Strategic
   * Petroleum Reserve (SPR)"): the page has said what it means by it, so the
   * term needs no other context there (`markDefinitions`).
   */
  definedAsTerm?: boolean;
}

/** A compiled matcher as a page reads it: its tries, and the filter its first words make. */
interface MatcherReader {
  filter: FirstWordFilter;
  ci: TrieReader;
  cs: TrieReader;
  termIds: readonly string[];
  /** `CompiledMatcher.pairAssets`, if the payload has them. */
  pairAssets: ReadonlySet<string> | undefined;
}

const readers = new WeakMap<CompiledMatcher, MatcherReader>();

/** The reader of `matcher`, made on its first use on a page (each trie's reader, the filter's bit sets). */
function readerOf(matcher: CompiledMatcher): MatcherReader {
  let reader = readers.get(matcher);
  if (!reader) {
    reader = {
      filter: new FirstWordFilter(matcher.firstWords),
      ci: new TrieReader(matcher.ci),
      cs: new TrieReader(matcher.cs),
      termIds: matcher.termIds,
      pairAssets: matcher.pairAssets && new Set(matcher.pairAssets),
    };
    readers.set(matcher, reader);
  }
  return reader;
}

/** The node a match ending on `token` under `parent` ends at, trying plural and possessive bases; `NO_NODE` if none. */
function terminalAt(trie: TrieReader, parent: number, token: string, exact: number): number {
  if (exact !== NO_NODE && trie.end(exact) !== NO_END) return exact;
  if (!trie.hasChildren(parent)) return NO_NODE;
  for (const base of inflectionBases(token)) {
    const node = trie.child(parent, base);
    if (node !== NO_NODE && trie.end(node) !== NO_END) return node;
  }
  return NO_NODE;
}

interface Walk {
  termId: string;
  /** Offset after the last character of the match. */
  end: number;
  /** The form is one its term lists in `needsContext`. */
  listed: boolean;
}

/**
 * The longest term or plain phrase in `trie` that starts with the token at
 * `start`..`end`; with `phrasesOnly`, the longest plain phrase.
 */
function walk(trie: TrieReader, termIds: readonly string[], text: string, keyText: string, start: number, end: number, phrasesOnly = false): Walk | undefined {
  let best: Walk | undefined;
  let parent = ROOT;
  const span: TokenSpan = { start, end };
  // Whether every gap so far is one hyphen: only then may a form written only with hyphens end here.
  let hyphensOnly = true;
  for (let first = true; ; first = false) {
    if (!first) {
      const previousEnd = span.end;
      if (!readToken(text, previousEnd, span)) break;
      // Read from the key text, whose apostrophes are plain: "owners’ equivalent rent" = "owners' equivalent rent".
      const between = keyText.slice(previousEnd, span.start);
      hyphensOnly &&= isHyphenGap(between);
      const gap = gapKey(between);
      const afterGap = gap === null ? NO_NODE : trie.child(parent, gap);
      if (afterGap === NO_NODE) break;
      parent = afterGap;
    }
    const token = keyText.slice(span.start, span.end);
    const exact = trie.child(parent, token);
    const node = terminalAt(trie, parent, token, exact);
    if (node !== NO_NODE) {
      const ending = trie.end(node);
      if (ending === PHRASE_END) best = { termId: PLAIN_PHRASE, end: span.end, listed: false };
      else if (!phrasesOnly && (hyphensOnly || !endHyphenOnly(ending))) best = { termId: termIds[termIndexOf(ending)], end: span.end, listed: endWaits(ending) };
    }
    if (exact === NO_NODE || !trie.hasChildren(exact)) break;
    parent = exact;
  }
  return best;
}

function startsUpper(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code >= 65 && code <= 90) return true;
  if (code < 128) return false;
  const ch = text[i];
  return ch !== ch.toLowerCase();
}

/**
 * The terms found in `text`, in order. `namedOtherwise`, if given, receives
 * each abbreviation a plain phrase in the text names as something else
 * (`CompiledMatcher.phraseMeanings`): "the Department of Government
 * Efficiency" gives DOGE; and so does a pair symbol written as one word
 * ("ATHUSDT" gives ATH, `noteSymbolTickers`).
 */
export function findTerms(text: string, matcher: CompiledMatcher, namedOtherwise?: string[]): TermMatch[] {
  const matches: TermMatch[] = [];
  const reader = readerOf(matcher);
  const { ci, cs: abbreviations, termIds } = reader;
  const candidates = candidateTokens(text, reader.filter);
  if (candidates.length === 0) return matches;
  // Keys are read from a copy with apostrophes made plain ("maker’s" = "maker's"):
  // the same length, so token offsets hold, and no word needs normalizing on its own.
  const keyText = normalizeToken(text);
  // Lower-case the whole text once; per-token lowering only if lengths differ (rare Unicode).
  let lower = keyText.toLowerCase();
  const perToken = lower.length !== keyText.length;
  if (perToken) lower = keyText;
  let next = 0; // candidates starting before this offset lie inside a match already made
  let hasAbbreviation = false;
  for (let c = 0; c < candidates.length; c += 3) {
    const start = candidates[c];
    const end = candidates[c + 1];
    const tries = candidates[c + 2];
    if (start < next) continue;
    const inNumberCompound = isNumberCompound(text, start);
    let best: Walk | undefined;
    let abbreviation = false;
    if (tries & IN_NAMES) {
      if (!perToken) best = walk(ci, termIds, text, lower, start, end);
      else {
        // Lowering token by token is slow: test the first token before walking.
        const firstKey = keyText.slice(start, end).toLowerCase();
        const exact = ci.child(ROOT, firstKey);
        if (exact !== NO_NODE || terminalAt(ci, ROOT, firstKey, exact) !== NO_NODE) best = walkLowered(ci, termIds, keyText, start);
      }
    }
    if (tries & IN_ABBREVIATIONS) {
      const cs = walk(abbreviations, termIds, text, keyText, start, end);
      if (cs && (!best || cs.end > best.end) && !isRegnalNumber(text, start, end) && !joinedByAmpersand(text, start, cs.end)) {
        best = cs;
        abbreviation = true;
      }
    }
    if (!best || (inNumberCompound && runsPastCompound(text, start, best.end))) continue;
    if (!abbreviation && (text.charCodeAt(best.end) === COLON || text.charCodeAt(best.end + 3) === COLON)) best = listingExchange(ci, termIds, text, start, best.end) ?? best;
    if (best.termId === PLAIN_PHRASE) {
      next = best.end; // "Dow Chemical", "grade inflation": no term inside a plain phrase
      if (namedOtherwise) noteMeaning(matcher, text.slice(start, best.end), namedOtherwise);
      continue;
    }
    if (
      !insideWebAddress(text, start, best.end) &&
      (abbreviation || !negatedByNon(text, start)) &&
      !namesCompany(text, start, best.end) &&
      (abbreviation || !runsIntoName(text, start, best.end)) &&
      !runsIntoPlainPhrase(ci, text, perToken ? undefined : lower, start, best.end)
    ) {
      const end = closingBracketAfter(text, start, best.end);
      const match: TermMatch = best.listed ? { termId: best.termId, start, end, abbreviation, listed: true } : { termId: best.termId, start, end, abbreviation };
      if (abbreviation && namesPairTicker(reader, text, best)) match.definedOtherwise = true;
      matches.push(match);
      next = end;
      hasAbbreviation ||= abbreviation;
    }
  }
  if (hasAbbreviation) markDefinitions(text, matches, matcher.spelledOut);
  if (namedOtherwise) noteSymbolTickers(reader, text, namedOtherwise);
  return withUnitsAgainstNumbers(text, matcher, matches);
}

const COLON = 58;

/**
 * ": AAPL)", ":BRK.B," after an exchange's name, maybe with its tier ("GS:",
 * Nasdaq's Global Select Market): a listing tag, "(NASDAQ: AAPL)", closed by
 * a bracket or a list's comma.
 */
const LISTING_TAG = /^(?: ?(?:GS|GM|CM))?: ?[A-Z][A-Z0-9]{0,5}(?:[.-][A-Z0-9]{1,3})?(?=\s*[),;])/;

/**
 * "Apple (Nasdaq: AAPL)": a name written before a listing tag names the
 * exchange, though the name alone may be an index's ("the Nasdaq fell 2%").
 * An exchange that shares its bare name so lists "<name> exchange" among its
 * aliases: that form's hit, if the tag follows and the form exists; otherwise
 * the name stays what it is.
 */
function listingExchange(names: TrieReader, termIds: readonly string[], text: string, start: number, end: number): Walk | undefined {
  if (!LISTING_TAG.test(text.slice(end, end + 16))) return undefined;
  const word = text.slice(start, end).toLowerCase();
  const form = `${word} exchange`;
  // A name of several words has no single first key here: it finds nothing, as it should.
  const hit = word.length === end - start ? walk(names, termIds, form, form, 0, word.length) : undefined;
  return hit && hit.end === form.length ? { ...hit, end } : undefined;
}

/**
 * Quote assets an exchange's symbol for a pair ends with, written as one
 * word ("ATHUSDT"). Stablecoins only, unlike `PAIR_QUOTE`: a coin glued to
 * BTC or ETH is often a name of its own (WBTC, stETH), not a pair.
 */
const SYMBOL_QUOTES = ['USDT', 'USDC'];

/**
 * "the ATHUSDT perpetual contract": a pair written as one word, as
 * exchanges name their contracts, names its base as a coin's ticker. Adds
 * to `out` each base that is a glossary abbreviation of no asset term, as
 * `namesPairTicker` reads "ATH/USDT": the page means the coin by it. Costs
 * one `indexOf` per quote asset.
 */
function noteSymbolTickers(reader: MatcherReader, text: string, out: string[]): void {
  if (!reader.pairAssets) return;
  for (const quote of SYMBOL_QUOTES) {
    for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + quote.length)) {
      const end = at + quote.length;
      if (end < text.length && isWordChar(text, end)) continue;
      let start = at;
      while (start > 0 && isUpperOrDigit(text.charCodeAt(start - 1))) start--;
      if (start === at || (start > 0 && isWordChar(text, start - 1))) continue;
      const base = text.slice(start, at);
      const hit = walk(reader.cs, reader.termIds, base, base, 0, base.length);
      if (hit && hit.end === base.length && !reader.pairAssets.has(hit.termId)) out.push(base);
    }
  }
}

function isUpperOrDigit(code: number): boolean {
  return (code >= 65 && code <= 90) || isDigit(code);
}

/** Adds to `out` the abbreviation the plain phrase `phrase` (as written, maybe plural or possessive) names, if any. */
function noteMeaning(matcher: CompiledMatcher, phrase: string, out: string[]): void {
  const meanings = matcher.phraseMeanings;
  if (!meanings) return; // a payload compiled before phrases had meanings
  const key = wordsKey(wordsOf(phrase.replace(/['’]s?$/, '')));
  // The matcher reads a phrase's plural as the phrase ("Paycheck Protection Programs"): so does this.
  for (const singular of [key, key.replace(/s$/, ''), key.replace(/es$/, '')]) {
    if (Object.hasOwn(meanings, singular)) {
      out.push(meanings[singular]);
      return;
    }
  }
}

/**
 * Adds to `matches` the units written against a number ("25bp", "+28bp",
 * "SOFR+128bp", "1.8bp"), each with its number: one word to the tokenizer,
 * so the tries never see the unit. A text without a unit's letters costs
 * one `indexOf` per unit.
 */
function withUnitsAgainstNumbers(text: string, matcher: CompiledMatcher, matches: TermMatch[]): TermMatch[] {
  let found: TermMatch[] | undefined;
  const { units } = matcher;
  for (const stem of unitStemsOf(matcher)) {
    for (let at = text.indexOf(stem); at !== -1; at = text.indexOf(stem, at + stem.length)) {
      if (at === 0 || !isDigit(text.charCodeAt(at - 1))) continue;
      const unit = longestUnitAt(units, text, at);
      const end = at + unit.length;
      if (end < text.length && isWordChar(text, end)) continue;
      let start = at - 1;
      while (start > 0 && (isDigit(text.charCodeAt(start - 1)) || (isDecimalMark(text.charCodeAt(start - 1)) && start > 1 && isDigit(text.charCodeAt(start - 2))))) start--;
      if (start > 0 && isWordChar(text, start - 1)) continue; // "B2bp", "x25bp": part of another word
      if (insideWebAddress(text, start, end)) continue; // "mni.com/125bp-hike"
      // Still an abbreviation: "160bp" is also a DNA fragment's base pairs, so it waits for context like "bps".
      (found ??= []).push({ termId: units[unit], start, end, abbreviation: true });
    }
  }
  if (!found) return matches;
  return [...matches, ...found].sort((a, b) => a.start - b.start);
}

const unitStems = new WeakMap<CompiledMatcher, string[]>();

/** The units no other unit starts ("bp", not "bps"): "bps" is found where "bp" is, so one search each. */
function unitStemsOf(matcher: CompiledMatcher): string[] {
  let stems = unitStems.get(matcher);
  if (!stems) {
    const all = Object.keys(matcher.units);
    stems = all.filter((unit) => !all.some((other) => other !== unit && unit.startsWith(other)));
    unitStems.set(matcher, stems);
  }
  return stems;
}

/** The longest unit written at `at` (one is known to be there). */
function longestUnitAt(units: Record<string, string>, text: string, at: number): string {
  let longest = '';
  for (const unit in units) if (unit.length > longest.length && text.startsWith(unit, at)) longest = unit;
  return longest;
}

/** What a trading pair quotes its base in, after a slash or a hyphen ("ATH/USDT", "ATH-PERP"). */
const PAIR_QUOTE = /^[/-](?:USDT|USDC|USD|FDUSD|BUSD|TUSD|USDE|DAI|BTC|ETH|BNB|SOL|EUR|GBP|JPY|KRW|TRY|BRL|PERP)(?![\p{L}\p{N}])/u;

/**
 * "the ATH/USDT and KOL/USDT pairs": an abbreviation that is a trading
 * pair's base names a coin, so one whose term is no asset (all-time high,
 * key opinion leader) is that coin's ticker, there and on the rest of its
 * page (the hit is marked `definedOtherwise`). Costs one comparison unless
 * a slash or a hyphen follows the abbreviation.
 */
function namesPairTicker(reader: MatcherReader, text: string, hit: Walk): boolean {
  const next = text.charCodeAt(hit.end);
  if (next !== 47 /* / */ && next !== 45 /* - */) return false;
  return reader.pairAssets !== undefined && !reader.pairAssets.has(hit.termId) && PAIR_QUOTE.test(text.slice(hit.end, hit.end + 7));
}

/**
 * "Tariffs Put Wall Street On Edge": whether a plain phrase starts at one of
 * the match's later words and goes on past its end, so the match runs into
 * a name ("Wall Street") rather than being a term ("Put Wall"). Words are
 * looked up in `lower` (the text in lower case), or lowered one by one when
 * it is undefined. Runs only on a match, so costs a page almost nothing.
 */
function runsIntoPlainPhrase(trie: TrieReader, text: string, lower: string | undefined, start: number, end: number): boolean {
  const span: TokenSpan = { start, end: start };
  readToken(text, start, span);
  while (readToken(text, span.end, span) && span.start < end) {
    const phrase = lower === undefined ? walkLowered(trie, [], text, span.start, true) : walk(trie, [], text, lower, span.start, span.end, true);
    if (phrase && phrase.end > end) return true;
  }
  return false;
}

/**
 * The end of a match, taking in the closing bracket of a bracket it opened:
 * tokens end at a word's last letter, so "401(k)" alone would be matched, and
 * highlighted, as "401(k".
 */
function closingBracketAfter(text: string, start: number, end: number): number {
  const next = text.charCodeAt(end);
  if (next !== 41 /* ) */ && next !== 93 /* ] */) return end;
  const open = next === 41 ? '(' : '[';
  const close = next === 41 ? ')' : ']';
  let depth = 0;
  for (let i = start; i < end; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close) depth--;
  }
  return depth > 0 ? end + 1 : end;
}

/** Longest stretch read on either side of a hit when looking for the web address it may sit in. */
const ADDRESS_REACH = 512;
/**
 * A scheme, "www.", a domain followed by a path, a domain with one of the
 * common endings and nothing after it ("Crypto.com", "dydx.exchange": names
 * of exchanges and apps that pages write bare), or an e-mail address.
 */
const WEB_ADDRESS =
  /^[("'“‘<[]*(?:[a-z][a-z\d+.-]*:\/\/|www\.|[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\/|[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|io|co|ai|app|xyz|finance|exchange|trade|fi|gov|edu|info)(?![\w-])|[^@\s]+@[\w-]+\.[a-z]{2,})/i;

/**
 * "https://www.barrons.com/articles/home-depot-stock-earnings-report-5157",
 * "support@exchange.com": a term inside a web or e-mail address that a page
 * shows as text is part of a name, not the term, and a highlight would cut
 * the address in two.
 */
function insideWebAddress(text: string, start: number, end: number): boolean {
  let from = start;
  const stop = Math.max(0, start - ADDRESS_REACH);
  while (from > stop && !isSpace(text.charCodeAt(from - 1))) from--;
  let to = end;
  const limit = Math.min(text.length, end + ADDRESS_REACH);
  while (to < limit && !isSpace(text.charCodeAt(to))) to++;
  // A word standing alone is never an address: the common case costs two comparisons.
  if (from === start && to === end) return false;
  return WEB_ADDRESS.test(text.slice(from, to));
}

/**
 * A legal form after a name ("Alpaca Crypto LLC", "Robinhood Crypto, LLC",
 * "Crypto AG"), optionally after a comma. Only forms that are no word of
 * their own: "SA" and "SE" are also places, "LP" a liquidity provider.
 */
const COMPANY_FORM = /^,?[ \u00a0](?:Co\.|Company\b|LLC|L\.L\.C\.|Inc\b|Incorporated|Ltd\b|Limited|Corp\b|Corporation|GmbH|AG|plc|PLC|LLP|L\.P\.|N\.V\.|S\.A\.|Pte|Pty)(?![\p{L}\p{N}])/u;

/**
 * "the non-institutional investor quota", "non-investment grade": a term
 * written right after "non-" is negated into something else, often its
 * opposite. Terms that start with the prefix themselves ("non-farm
 * payrolls", "non-performing loan") begin at "non" and are not affected,
 * nor are abbreviations: "non-OPEC producers" are still defined by OPEC.
 */
function negatedByNon(text: string, start: number): boolean {
  if (start < 4 || !isHyphen(text.charCodeAt(start - 1))) return false;
  const prefix = text.slice(start - 4, start - 1);
  return (prefix === 'non' || prefix === 'Non' || prefix === 'NON') && (start === 4 || !isWordChar(text, start - 5));
}

/**
 * "offered through Alpaca Crypto LLC": a capitalised match that a company's
 * legal form follows ends the company's name, so it is that name, not the
 * term. Costs one comparison unless a capital starts the match.
 */
function namesCompany(text: string, start: number, end: number): boolean {
  return startsUpper(text, start) && COMPANY_FORM.test(text.slice(end, end + 16));
}

/**
 * "Tariffs put Wall Street on edge", "sell Wall Street short": a term written
 * in lower case ("put wall", "sell wall") whose last word alone is capitalised
 * and runs on into another capitalised word has met the start of a name, not
 * the term. Not a sign: capitals before the last word ("iTraxx Europe Index"),
 * a start inside a hyphenated word ("High-growth Stocks" in a menu) or a last
 * word in capitals ("spot bitcoin ETF IBIT": acronyms are capitalised
 * anyway); headlines in title case are for plain phrases (Wall Street).
 */
function runsIntoName(text: string, start: number, end: number): boolean {
  const lastStart = tokenStartBefore(text, end);
  if (lastStart === start || !startsUpper(text, lastStart) || isAllCaps(text, lastStart, end)) return false;
  const head = text.slice(start, lastStart);
  if (head !== head.toLowerCase() || isHyphen(text.charCodeAt(start - 1))) return false;
  let next = end;
  while (next < text.length && isSpace(text.charCodeAt(next))) next++;
  return next > end && next < text.length && isWordChar(text, next) && startsUpper(text, next);
}

/** An acronym ("ETF", "PCE") is capitalised anyway: "spot bitcoin ETF IBIT" does not start a name. */
function isAllCaps(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  return word === word.toUpperCase();
}

/**
 * "30-day trading volume", "a 7-day trading window": a word joined by a
 * hyphen to a number before it is part of that measure ("30-day"), so no
 * term that runs on past the compound starts there ("day trading",
 * `runsPastCompound`); one that ends inside it may ("a 75-basis-point
 * hike"). A number after the hyphen is a range ("the 2007-2008 financial
 * crisis") and may start one.
 */
function isNumberCompound(text: string, start: number): boolean {
  if (start < 2 || !isHyphen(text.charCodeAt(start - 1)) || isDigit(text.charCodeAt(start))) return false;
  return isDigit(text.charCodeAt(start - 2));
}

/** Whether text[start, end) holds anything but letters, digits and hyphens (a space): it reaches past the hyphenated compound it starts in. */
function runsPastCompound(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isWordChar(text, i) && !isHyphen(text.charCodeAt(i))) return true;
  return false;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A point or comma inside a number ("1.8", "1,000"). */
function isDecimalMark(code: number): boolean {
  return code === 46 || code === 44;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160 || code === 0x2028 || code === 0x2029;
}

/**
 * The numbers names carry (kings, phases, types, sequels): I to XXXIX. Longer
 * letter runs such as DCM, CVD or MDD are abbreviations, not numerals.
 */
const NAME_NUMERAL = /^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$/;

/** Capitalised words that start a sentence rather than a name: "The IV", "In IV terms". */
const SENTENCE_STARTERS = new Set(['the', 'a', 'an', 'its', 'their', 'this', 'that', 'these', 'those', 'in', 'on', 'at', 'for', 'with', 'and', 'but', 'as', 'by', 'from']);

/** Words that number what follows in any case ("part IV", "in phase II"): a numeral, not an abbreviation. */
const NUMBERED_THINGS = new Set(['part', 'chapter', 'section', 'phase', 'article', 'title', 'volume', 'vol', 'book', 'act', 'stage', 'step', 'type', 'class', 'grade', 'tier', 'level', 'appendix', 'annex', 'schedule', 'round', 'season', 'episode']);

/** Words an options screen puts before IV ("Mark IV", "Bid IV"): a quote, not a name. */
const IV_QUOTES = new Set(['mark', 'bid', 'ask', 'mid', 'last', 'call', 'put', 'implied', 'avg', 'front', 'back']);

/**
 * "CD&A" (a proxy's pay discussion), "AT&T": an abbreviation joined to a
 * letter by an ampersand is part of a longer code, not the term. Codes that
 * are terms themselves ("M&A", "P&L", "S&P 500") are matched whole before this.
 */
function joinedByAmpersand(text: string, start: number, end: number): boolean {
  return (end + 1 < text.length && text.charCodeAt(end) === 38 && isWordChar(text, end + 1)) || (start >= 2 && text.charCodeAt(start - 1) === 38 && isWordChar(text, start - 2));
}

/**
 * "William IV", "Phase II", "Type IV": a Roman numeral after a capitalised
 * word is part of a name, not an abbreviation such as IV (implied volatility),
 * and so is one after a word that numbers things in any case ("part IV").
 * Not after an acronym ("ATM IV", "OI IV") or an options screen's quote
 * label ("Mark IV", "Bid IV").
 */
function isRegnalNumber(text: string, start: number, end: number): boolean {
  if (!NAME_NUMERAL.test(text.slice(start, end))) return false;
  let previousEnd = start;
  while (previousEnd > 0 && !isWordChar(text, previousEnd - 1)) previousEnd--;
  if (previousEnd === 0) return false; // the first word of the text
  if (gapKey(text.slice(previousEnd, start)) !== ' ') return false;
  const previousStart = tokenStartBefore(text, previousEnd);
  const previous = text.slice(previousStart, previousEnd).toLowerCase();
  if (NUMBERED_THINGS.has(previous)) return true;
  return startsUpper(text, previousStart) && !isAllCaps(text, previousStart, previousEnd) && !SENTENCE_STARTERS.has(previous) && !IV_QUOTES.has(previous);
}

/** Fallback for texts whose lower-case form changes length: lower each token on its own. */
function walkLowered(trie: TrieReader, termIds: readonly string[], text: string, start: number, phrasesOnly = false): Walk | undefined {
  const { starts, ends } = tokenize(text);
  let lowered = '';
  let firstStart = -1;
  let firstEnd = -1;
  const originalEnd = new Map<number, number>();
  for (let i = 0; i < starts.length; i++) {
    if (i > 0) lowered += text.slice(ends[i - 1], starts[i]);
    if (starts[i] === start) firstStart = lowered.length;
    lowered += text.slice(starts[i], ends[i]).toLowerCase();
    if (starts[i] === start) firstEnd = lowered.length;
    originalEnd.set(lowered.length, ends[i]);
  }
  const found = walk(trie, termIds, lowered, lowered, firstStart, firstEnd, phrasesOnly);
  return found && { ...found, end: originalEnd.get(found.end)! };
}
