/**
 * A page that spells an abbreviation out tells us what it means there:
 * "loans under the Paycheck Protection Program (PPP)", "DOGE, the Department
 * of Government Efficiency". When the words spelled out are not the
 * glossary term the abbreviation stands for (purchasing power parity,
 * Dogecoin), the hit is marked `definedOtherwise`, and the page leaves that
 * abbreviation plain wherever it appears (`ContextGate`). When they are the
 * term ("the Strategic Petroleum Reserve (SPR)", "a SAFE (or simple
 * agreement for future equity)"), the hit is marked `definedAsTerm`: the
 * page has said what it means, so the term needs no other context there.
 *
 * Strict on purpose: the spelled-out words must give the abbreviation's
 * letters as their initials, in order (with or without the short words
 * "of", "and", "the"...), and must sit right against it: in brackets after
 * it ("(or ...)" too) or before it, after ", the" or ", or", or before
 * " or " ("the Statutory Liquidity Ratio or SLR").
 */
import { readToken, tokenize, tokenStartBefore, type TokenSpan } from './tokens';

/** What this module needs of a match (`TermMatch`). */
interface Hit {
  termId: string;
  start: number;
  end: number;
  abbreviation: boolean;
  definedOtherwise?: boolean;
  definedAsTerm?: boolean;
}

/** Words an acronym may take its letter from or leave out ("Department of Government Efficiency": DOGE or DGE). */
const SHORT_WORDS = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'to', 'a', 'an', 'at', 'by', 'de', 'du', 'des', 'la', 'le']);

/** Most words an abbreviation of n letters is read back from: n, plus four short words it may skip ("Office of the Comptroller of the Currency": OCC). */
const extraWords = (letters: number) => letters + 4;

/** The letters of an abbreviation, upper case, or null when it is no plain acronym ("10-K", "P/E", "Δ", "BTC.D"). */
export function acronymLetters(abbreviation: string): string | null {
  const letters = abbreviation.replace(/s$/, '');
  return /^[A-Za-z]{2,8}$/.test(letters) ? letters.toUpperCase() : null;
}

/**
 * Whether the words' initials spell `letters`, taking or skipping short
 * words. Only a term's own name may start with a short word ("In the
 * Money": ITM, `nameMayStartShort`): on a page, "the Paycheck Protection
 * Program" is read from "Paycheck".
 */
export function initialsSpell(words: readonly string[], letters: string, nameMayStartShort = false): boolean {
  const spells = (i: number, j: number): boolean => {
    if (j === letters.length) return i === words.length;
    if (i === words.length) return false;
    const word = words[i];
    const short = SHORT_WORDS.has(word.toLowerCase());
    if (short && spells(i + 1, j)) return true;
    return word[0].toUpperCase() === letters[j] && spells(i + 1, j + 1);
  };
  return words.length > 0 && (nameMayStartShort || !SHORT_WORDS.has(words[0].toLowerCase())) && spells(0, 0);
}

/** How spelled-out words are compared: lower case, one space between words ("All-Time High" = "all time high"). */
export function wordsKey(words: readonly string[]): string {
  return words.join(' ').toLowerCase();
}

/** The words of `text`, as the tokenizer reads them. */
export function wordsOf(text: string): string[] {
  const { starts, ends } = tokenize(text);
  return starts.map((start, i) => text.slice(start, ends[i]));
}

/** The tokens of text[from, to), as spans. */
function tokensIn(text: string, from: number, to: number): TokenSpan[] {
  const spans: TokenSpan[] = [];
  const span: TokenSpan = { start: 0, end: 0 };
  for (let at = from; readToken(text, at, span) && span.end <= to; at = span.end) spans.push({ ...span });
  return spans;
}

/** Marks that end a phrase (a space, hyphen, apostrophe or & does not). */
const PHRASE_BREAK = /[.,;:!?()[\]"“”]/;

/** Where a phrase starts, looking back from `end` no further than `reach`. */
function phraseStartBefore(text: string, end: number, reach: number): number {
  let i = end;
  const stop = Math.max(0, end - reach);
  while (i > stop && !PHRASE_BREAK.test(text[i - 1])) i--;
  return i;
}

/** Where a phrase stops, looking forward from `start` no further than `reach`. */
function phraseEndAfter(text: string, start: number, reach: number): number {
  let i = start;
  const stop = Math.min(text.length, start + reach);
  while (i < stop && !PHRASE_BREAK.test(text[i])) i++;
  return i;
}

/**
 * The fewest of `words` that spell `letters`, taken from the end (the words
 * before an abbreviation) or from the start (the words after it).
 */
function shortestSpelling(text: string, words: readonly TokenSpan[], letters: string, fromEnd: boolean): TokenSpan | undefined {
  for (let k = 1; k <= Math.min(words.length, extraWords(letters.length)); k++) {
    const run = fromEnd ? words.slice(-k) : words.slice(0, k);
    if (initialsSpell(run.map((w) => text.slice(w.start, w.end)), letters)) return { start: run[0].start, end: run[k - 1].end };
  }
  return undefined;
}

/** Where the words before a bracketed abbreviation end ("Paycheck Protection Program (PPP)": after "Program"), or -1 when `hit` is not in brackets. */
function nameEndBeforeBracket(text: string, hit: Hit): number {
  if (text.charCodeAt(hit.start - 1) !== 40 /* ( */ || text.charCodeAt(hit.end) !== 41 /* ) */) return -1;
  return text.charCodeAt(hit.start - 2) === 32 ? hit.start - 2 : hit.start - 1;
}

/**
 * The span of words right before or after the abbreviation at `hit` whose
 * initials spell it, or undefined. Only the closest words are tried: the
 * shortest run that spells the letters wins.
 */
function spelledOutSpan(text: string, hit: Hit, letters: string): TokenSpan | undefined {
  const reach = 24 * extraWords(letters.length);
  const before = text.slice(Math.max(0, hit.start - 4), hit.start);
  const after = text.slice(hit.end, hit.end + 10);
  // "Paycheck Protection Program (PPP)", "Statutory Liquidity Ratio or SLR"
  const bracketed = nameEndBeforeBracket(text, hit);
  const closing = bracketed >= 0 ? bracketed : before === ' or ' ? hit.start - 4 : -1;
  if (closing >= 0) {
    const spelled = shortestSpelling(text, tokensIn(text, phraseStartBefore(text, closing, reach), closing), letters, true);
    if (spelled) return spelled;
  }
  // "PPP (Paycheck Protection Program)", "SAFE (or simple agreement...)", "SLR:(Statutory...", "DOGE, the Department of Government Efficiency"
  const opening = /^:? ?\((?:or |i\.e\.,? )?/.exec(after) ?? /^, (?:the|or) /i.exec(after);
  if (opening) {
    const from = hit.end + opening[0].length;
    return shortestSpelling(text, tokensIn(text, from, phraseEndAfter(text, from, reach)), letters, false);
  }
  return undefined;
}

/**
 * Marks each abbreviation hit in `matches` (found in `text`) that the text
 * spells out: `definedOtherwise` for words other than its own term (words
 * the matcher did not read as that term, and none of the term's own
 * spellings, `spelledOut`, which holds those of everyday-word names the
 * matcher leaves out, such as "out of the money"), `definedAsTerm` for its
 * own. Runs only where an abbreviation sits against a bracket, a colon, a
 * space or a comma.
 */
export function markDefinitions(text: string, matches: Hit[], spelledOut: Record<string, string[]>): void {
  for (const hit of matches) {
    if (!hit.abbreviation) continue;
    const letters = acronymLetters(text.slice(hit.start, hit.end));
    if (!letters) continue;
    const next = text.charCodeAt(hit.end);
    const against = text.charCodeAt(hit.start - 1) === 40 /* ( */ || next === 40 || next === 32 /* space */ || next === 44 /* , */ || next === 58 /* : */;
    if (!against && !text.startsWith(' or ', hit.start - 4)) continue;
    const spelled = spelledOutSpan(text, hit, letters);
    if (!spelled) {
      markTickerName(text, matches, hit, letters);
      continue;
    }
    const agrees =
      matches.some((m) => m !== hit && m.termId === hit.termId && m.start < spelled.end && m.end > spelled.start) ||
      isOwnSpelling(text.slice(spelled.start, spelled.end), Object.hasOwn(spelledOut, hit.termId) ? spelledOut[hit.termId] : []);
    if (agrees) hit.definedAsTerm = true;
    else hit.definedOtherwise = true;
  }
}

/**
 * "Binance will list Aethir (ATH)": a coin's ticker is made of letters of
 * its one-word name, in order and from its first ("Aethir": ATH, "Ethena":
 * ENA), so a capitalised word right before a bracketed abbreviation that
 * spells it that way names what the abbreviation is on this page. A name
 * the glossary knows is left to the glossary: "Bitcoin (BTC)" is its own
 * term, "Ethereum (ETH)" a term beside it. Any other name marks the hit
 * `definedOtherwise` (Aethir's ATH is no all-time high, anywhere on its page).
 */
function markTickerName(text: string, matches: readonly Hit[], hit: Hit, letters: string): void {
  const closing = nameEndBeforeBracket(text, hit);
  if (closing < 0) return;
  const span: TokenSpan = { start: 0, end: 0 };
  const start = tokenStartBefore(text, closing);
  if (!readToken(text, start, span) || span.end !== closing) return;
  const name = text.slice(span.start, span.end);
  if (!spellsTicker(name, letters)) return;
  if (matches.some((m) => m !== hit && m.start < span.end && m.end > span.start)) return;
  hit.definedOtherwise = true;
}

/** Whether capitalised `name` holds `letters` in order, the first of them its own first letter ("Aethir": ATH). */
export function spellsTicker(name: string, letters: string): boolean {
  if (name.length <= letters.length || name[0] !== letters[0] || name[1] === name[1].toUpperCase()) return false;
  const lower = name.toLowerCase();
  let at = 1;
  for (let i = 1; i < letters.length; i++) {
    at = lower.indexOf(letters[i].toLowerCase(), at);
    if (at === -1) return false;
    at++;
  }
  return true;
}

/**
 * Whether `phrase` is one of `own`, or ends with one, with any of its words
 * singular or plural ("Fails to Deliver", "Non-Farm Payroll", "certificates
 * of deposit"). Ends with: a name that starts with a short word cannot spell
 * an acronym alone, so the run that does reaches back past it ("if they're
 * in the money (ITM)" is read from "if").
 */
function isOwnSpelling(phrase: string, own: readonly string[]): boolean {
  if (own.length === 0) return false;
  const key = singularKey(wordsOf(phrase));
  return own.some((spelling) => {
    const ownKey = singularKey(spelling.split(' '));
    return key === ownKey || key.endsWith(` ${ownKey}`);
  });
}

/** Words compared without a plural s ("certificates of deposit" = "certificate of deposit"); words of three letters or fewer as they are. */
function singularKey(words: readonly string[]): string {
  return wordsKey(words.map((word) => (word.length > 3 ? word.replace(/s$/i, '') : word)));
}
