/**
 * Word tokens, Unicode-aware. A token is a run of letters and digits, with
 * inner apostrophes kept ("maker's", "don't") so possessives stay one token.
 * Everything between two tokens is a gap; gaps of spaces, hyphens and dashes
 * all normalise to one space, so "short-squeeze" = "short squeeze".
 */

// Circled Latin letters (Ⓐ to ⓩ) are symbols to Unicode but letters to an exchange: Binance names its
// stablecoin-margined futures "USDⓈ-M". The underscore joins identifiers, user names and hashtags
// ("u/theta_burns_me", "#funding_rate") into one word, none of them a term.
const WORD_CHAR = /[\p{L}\p{N}\p{M}_\u24B6-\u24E9]/u;
/** For each ASCII code: its lower case if it is a word character (letter, digit, underscore), else 0. */
const ASCII_WORD_LOWER = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9_]/.test(ch)) ASCII_WORD_LOWER[c] = ch.toLowerCase().charCodeAt(0);
}

/**
 * Latin-1 (codes below 256) word characters: the ranges `WORD_CHAR` gives
 * (digits, letters, the underscore, ª µ º, superscript digits and fractions, the accented
 * letters but × and ÷), written out rather than asked of the regular
 * expression. Compiling a Unicode-property expression takes a few
 * milliseconds, and this module is evaluated on every page and frame the
 * content script runs in, paused or not; the expression is now compiled
 * only when a page holds a character past Latin-1. A unit test holds the
 * ranges to the expression.
 */
const LATIN1_WORD = new Uint8Array(256);
for (const [from, to] of [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a], [0xaa, 0xaa], [0xb2, 0xb3], [0xb5, 0xb5], [0xb9, 0xba], [0xbc, 0xbe], [0xc0, 0xd6], [0xd8, 0xf6], [0xf8, 0xff]]) {
  LATIN1_WORD.fill(1, from, to + 1);
}

/**
 * General Punctuation (U+2000 to U+206F: curly quotes, dashes, ellipsis,
 * thin and zero-width spaces) holds no letter, digit or mark. News text is
 * full of these; answering them without a regular expression matters.
 */
const isGeneralPunctuation = (code: number): boolean => code >= 0x2000 && code <= 0x206f;

export function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 256) return LATIN1_WORD[code] === 1;
  if (isGeneralPunctuation(code)) return false;
  if (code >= 0xd800 && code <= 0xdbff) return WORD_CHAR.test(text.slice(i, i + 2));
  return WORD_CHAR.test(text[i]);
}

function isApostrophe(code: number): boolean {
  return code === 39 /* ' */ || code === 0x2019 /* ’ */;
}

/** Token boundaries as two parallel arrays of offsets (start inclusive, end exclusive). */
export interface TokenSpans {
  starts: number[];
  ends: number[];
}

/** Where one token lies: start inclusive, end exclusive. */
export interface TokenSpan {
  start: number;
  end: number;
}

/*
 * Words are hashed as they are read, lower case and with plain apostrophes:
 * h = h * 31 + code per character (plain arithmetic, cheap even before the
 * JIT has compiled the loop), then mixed once per word into a filter slot.
 */
const APOSTROPHE_CODE = 39;
const FILTER_BITS = 18;

function slotOfHash(h: number): number {
  return Math.imul(h, 0x9e3779b1) >>> (32 - FILTER_BITS);
}

function hashCode(code: number): number {
  return code < 128 ? ASCII_WORD_LOWER[code] || code : code === 0x2019 ? APOSTROPHE_CODE : code;
}

/** Hash of `text` from `start` to `end`, as the tokenizer computes it. */
function hashRange(text: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (h * 31 + hashCode(text.charCodeAt(i))) | 0;
  return h;
}

/** The filter slot of a word: where `FirstWordFilter` keeps its bit. */
export function firstWordSlot(word: string): number {
  return slotOfHash(hashRange(word, 0, word.length));
}

/** Which trie a word may start a term in: bits of what `FirstWordFilter.mayHave` answers. */
export const IN_NAMES = 1;
export const IN_ABBREVIATIONS = 2;

/** Filter slots of the first words of each trie, computed by the background with the matcher. */
export interface FirstWordSlots {
  /** Names and aliases (the case-insensitive trie). */
  ci: number[];
  /** Abbreviations (the case-sensitive trie), hashed in lower case like every page word. */
  cs: number[];
}

/**
 * Sets of hashes of every word a term can start with (lower case), one per
 * trie. Almost every word on a page starts no term; this answers "certainly
 * not" for them from the hash the tokenizer computes anyway, so they are
 * never sliced out of the text or looked up. A "maybe" is checked exactly,
 * and only in the trie it may be in: most candidate words ("in", "new",
 * "market") start names, few start abbreviations.
 * Built from slots the background computed with the matcher, so a page load
 * hashes no glossary words. Sets, not bit arrays: a page builds a Set from
 * the slot list in one native call (0.05 ms), where a script loop filling a
 * bit array took 0.3 to 2 ms on a freshly loaded page, before the JIT had
 * compiled it; each page and frame builds its filter once.
 */
export class FirstWordFilter {
  private readonly names: Set<number>;
  private readonly abbreviations: Set<number>;

  constructor(slots: FirstWordSlots) {
    this.names = new Set(slots.ci);
    this.abbreviations = new Set(slots.cs);
  }

  /** `IN_NAMES`, `IN_ABBREVIATIONS`, both or neither (0), for the word of hash `h`. */
  mayHave(h: number): number {
    const slot = slotOfHash(h);
    return (this.names.has(slot) ? IN_NAMES : 0) | (this.abbreviations.has(slot) ? IN_ABBREVIATIONS : 0);
  }
}

const LOWER_S = 115;
const LOWER_Y = 121;

/**
 * Whether a token ending in s may be the plural or possessive of a word in
 * the filter ("rates", "ETFs", "maker's", "liquidities"). It tries every base
 * `inflectionBases` can give (one, two or three units shorter, the last with
 * a y) from hashes alone, so no word is sliced; a unit test holds the two to
 * the same rules. Answers like `FirstWordFilter.mayHave`, for any base.
 */
function mayHaveBase(filter: FirstWordFilter, text: string, start: number, end: number): number {
  const len = end - start;
  if (len < 2) return 0;
  // One pass over the word: the hash without its last three units ("-ies"
  // taken off, a y put back), then two ("-es", "'s"), then one ("-s").
  let withY = 0;
  let h2: number;
  if (len > 3) {
    const h3 = hashRange(text, start, end - 3);
    withY = filter.mayHave((h3 * 31 + LOWER_Y) | 0);
    h2 = (h3 * 31 + hashCode(text.charCodeAt(end - 3))) | 0;
  } else {
    h2 = hashRange(text, start, end - 2);
  }
  return filter.mayHave((h2 * 31 + hashCode(text.charCodeAt(end - 2))) | 0) | filter.mayHave(h2) | withY;
}

/**
 * Finds the first token at or after `from` and puts its place in `span`.
 * Returns false when no token is left.
 */
export function readToken(text: string, from: number, span: TokenSpan): boolean {
  const n = text.length;
  let i = from;
  while (i < n && !isWordChar(text, i)) i++;
  if (i >= n) return false;
  span.start = i;
  for (;;) {
    while (i < n && isWordChar(text, i)) i++;
    // Keep an inner apostrophe only when a word character follows it.
    if (i + 1 < n && isApostrophe(text.charCodeAt(i)) && isWordChar(text, i + 1)) i++;
    else break;
  }
  span.end = i;
  return true;
}

/** Every token of `text`, in order. */
export function tokenize(text: string): TokenSpans {
  const starts: number[] = [];
  const ends: number[] = [];
  const span: TokenSpan = { start: 0, end: 0 };
  for (let at = 0; readToken(text, at, span); at = span.end) {
    starts.push(span.start);
    ends.push(span.end);
  }
  return { starts, ends };
}

/**
 * The tokens of `text` that may start a term, as flat triples
 * [start, end, tries, start, end, tries…], `tries` saying which tries to
 * look in (`IN_NAMES`, `IN_ABBREVIATIONS`): those whose lower-case form, or
 * that form without a plural or possessive ending, the filter may hold, and
 * every token with a non-ASCII letter (looked up in both tries, not hashed). The other
 * tokens are read and hashed but never stored: this runs over every word of
 * a page, mostly before the JIT has warmed up, so the loops do as little as
 * they can per character.
 */
export function candidateTokens(text: string, filter: FirstWordFilter): number[] {
  const found: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    for (; i < n; i++) {
      const code = text.charCodeAt(i);
      if (code < 128 ? ASCII_WORD_LOWER[code] !== 0 : isWordChar(text, i)) break;
    }
    if (i >= n) break;
    const start = i;
    let h = 0;
    let exotic = false;
    for (;;) {
      for (; i < n; i++) {
        const code = text.charCodeAt(i);
        if (code < 128) {
          const lower = ASCII_WORD_LOWER[code];
          if (lower === 0) break;
          h = (h * 31 + lower) | 0;
        } else if (isWordChar(text, i)) exotic = true;
        else break;
      }
      if (i + 1 < n && isApostrophe(text.charCodeAt(i)) && isWordChar(text, i + 1)) {
        h = (h * 31 + APOSTROPHE_CODE) | 0;
        i++;
      } else break;
    }
    const tries = exotic
      ? IN_NAMES | IN_ABBREVIATIONS
      : filter.mayHave(h) | ((text.charCodeAt(i - 1) | 32) === LOWER_S ? mayHaveBase(filter, text, start, i) : 0);
    if (tries !== 0) found.push(start, i, tries);
  }
  return found;
}

/** Start of the token that ends at `end` (walking back over word characters and inner apostrophes). */
export function tokenStartBefore(text: string, end: number): number {
  let i = end;
  for (;;) {
    while (i > 0 && isWordChar(text, i - 1)) i--;
    if (i >= 2 && isApostrophe(text.charCodeAt(i - 1)) && isWordChar(text, i - 2)) i--;
    else return i;
  }
}

const SEPARATOR_ONLY = /^[\s\u00a0\-\u2010-\u2014]+$/;
/** A dash that ends a clause in prose: an em dash, or an en dash with a space beside it ("forex — pip", "futures – contract"). */
const PROSE_DASH = /\u2014|\s\u2013|\u2013\s/;
const SPACES = /[\s\u00a0]+/g;
const MAX_GAP = 3;

/**
 * The key of the gap between two tokens, or null when the tokens cannot be
 * part of one term (more than one punctuation mark, a long run of spaces).
 * One punctuation mark keeps its place ("S&P", "P/E", "BTC.D", "fear,
 * uncertainty and doubt"): it joins words only where a term has that very
 * mark, so "Short. Squeeze" stays two words. Hyphens and an en dash between
 * words join them as a space would ("short-squeeze", "short–squeeze"); a
 * dash that ends a clause does not ("forex — pip").
 */
export function gapKey(gap: string): string | null {
  if (gap.length === 1) {
    const code = gap.charCodeAt(0);
    if (code === 32 || code === 45 || code === 0xa0 || code === 0x2013) return ' ';
  }
  if (SEPARATOR_ONLY.test(gap)) return gap.length <= MAX_GAP && !PROSE_DASH.test(gap) ? ' ' : null;
  const compact = gap.replace(SPACES, '');
  return compact.length === 1 && gap.length <= MAX_GAP ? compact : null;
}

/** A hyphen: ASCII, Unicode or non-breaking. */
export function isHyphen(code: number): boolean {
  return code === 45 || code === 0x2010 || code === 0x2011;
}

/** Whether `gap` is one hyphen: what joins the words of a form written only with hyphens. */
export function isHyphenGap(gap: string): boolean {
  return gap.length === 1 && isHyphen(gap.charCodeAt(0));
}

/** Normalise apostrophes so "maker’s" and "maker's" are the same token. */
export function normalizeToken(token: string): string {
  return token.includes('\u2019') ? token.replace(/\u2019/g, "'") : token;
}

/**
 * Singular and non-possessive spellings of a token, tried when it ends a term:
 * "rates" → "rate", "liquidities" → "liquidity", "maker's" → "maker", "ETFs" → "ETF".
 * The token's apostrophes must already be plain (`normalizeToken`).
 */
export function inflectionBases(t: string): string[] {
  const out: string[] = [];
  // Only a final s can be a plural or a possessive: most words stop here.
  if (t.charCodeAt(t.length - 1) !== 115 /* s */ && t.charCodeAt(t.length - 1) !== 83 /* S */) return out;
  if (t.endsWith("'s") || t.endsWith("'S")) out.push(t.slice(0, -2));
  // "P&Ls", "COIN-Ms": a capital letter ending an abbreviation takes a plural s too.
  else if (t.length === 2 && t.charCodeAt(0) >= 65 && t.charCodeAt(0) <= 90 && t.endsWith('s')) out.push(t[0]);
  else if (t.endsWith('s') && t.length > 2) {
    out.push(t.slice(0, -1));
    if (t.endsWith('ies') && t.length > 4) out.push(`${t.slice(0, -3)}y`);
    // "taxes", "crashes", "biases": -es after s, x, z, ch, sh only ("pipes" is no plural of "pip").
    else if (t.endsWith('es') && t.length > 3 && /(?:[sxz]|[cs]h)es$/i.test(t)) out.push(t.slice(0, -2));
  }
  return out;
}
