/**
 * Word tokens, Unicode-aware. A token is a run of letters and digits, with
 * inner apostrophes kept ("maker's", "don't") so possessives stay one token.
 * Everything between two tokens is a gap; gaps of spaces, hyphens and dashes
 * all normalise to one space, so "short-squeeze" = "short squeeze".
 */

const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;

export function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128) return ASCII_WORD[code] === 1;
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

export function tokenize(text: string): TokenSpans {
  const starts: number[] = [];
  const ends: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(text, i)) i++;
    if (i >= n) break;
    const start = i;
    for (;;) {
      while (i < n && isWordChar(text, i)) i++;
      // Keep an inner apostrophe only when a word character follows it.
      if (i + 1 < n && isApostrophe(text.charCodeAt(i)) && isWordChar(text, i + 1)) i++;
      else break;
    }
    starts.push(start);
    ends.push(i);
  }
  return { starts, ends };
}

const SEPARATOR_ONLY = /^[\s\u00a0\-\u2010-\u2014]+$/;
const SPACES = /[\s\u00a0]+/g;
const MAX_GAP = 3;

/**
 * The key of the gap between two tokens, or null when the tokens cannot be
 * part of one term (a sentence break, a long run of punctuation).
 */
export function gapKey(gap: string): string | null {
  if (gap.length === 1) {
    const code = gap.charCodeAt(0);
    if (code === 32 || code === 45 || code === 0xa0 || code === 0x2013) return ' ';
  }
  if (SEPARATOR_ONLY.test(gap)) return gap.length <= MAX_GAP ? ' ' : null;
  const compact = gap.replace(SPACES, '');
  if (compact.length > 1 || /[.,;:!?()[\]{}"“”]/.test(compact)) return null;
  return compact;
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
  else if (t.endsWith('s') && t.length > 2) {
    out.push(t.slice(0, -1));
    if (t.endsWith('ies') && t.length > 4) out.push(`${t.slice(0, -3)}y`);
    else if (t.endsWith('es') && t.length > 3) out.push(t.slice(0, -2));
  }
  return out;
}
