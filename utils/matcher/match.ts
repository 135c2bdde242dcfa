/**
 * One pass over a text: at each token, walk the tries as far as the words
 * allow and keep the longest term that ends on a whole word. Matches never
 * overlap; the leftmost-longest one wins ("open interest collapse" over
 * "open interest").
 */
import { child, type CompiledMatcher, type TrieNode } from './compile';
import { gapKey, inflectionBases, normalizeToken, tokenize } from './tokens';

export interface TermMatch {
  termId: string;
  /** Offset of the first character, inclusive. */
  start: number;
  /** Offset after the last character. */
  end: number;
}

/** The term a match ending on `token` under `parent` names, trying plural and possessive bases. */
function terminalAt(parent: TrieNode, token: string, exact: TrieNode | undefined): string | undefined {
  if (exact?.t !== undefined) return exact.t;
  if (!parent.c) return undefined;
  for (const base of inflectionBases(token)) {
    const t = child(parent, base)?.t;
    if (t !== undefined) return t;
  }
  return undefined;
}

interface Walk {
  termId: string;
  lastToken: number;
}

function walk(
  root: TrieNode,
  text: string,
  keyText: string,
  starts: number[],
  ends: number[],
  first: number,
): Walk | undefined {
  let best: Walk | undefined;
  let parent = root;
  for (let k = first; k < starts.length; k++) {
    if (k > first) {
      const gap = gapKey(text.slice(ends[k - 1], starts[k]));
      const afterGap = gap === null ? undefined : child(parent, gap);
      if (!afterGap) break;
      parent = afterGap;
    }
    const token = normalizeToken(keyText.slice(starts[k], ends[k]));
    const exact = child(parent, token);
    const termId = terminalAt(parent, token, exact);
    if (termId !== undefined) best = { termId, lastToken: k };
    if (!exact?.c) break;
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

export function findTerms(text: string, matcher: CompiledMatcher): TermMatch[] {
  const matches: TermMatch[] = [];
  const { starts, ends } = tokenize(text);
  if (starts.length === 0) return matches;
  // Lower-case the whole text once; per-token lowering only if lengths differ (rare Unicode).
  let lower = text.toLowerCase();
  const perToken = lower.length !== text.length;
  if (perToken) lower = text;
  const ciRoot = matcher.ci;
  const csRoot = matcher.cs;
  const hasCs = csRoot.c !== undefined; // compile only creates children when it inserts a form
  for (let k = 0; k < starts.length; k++) {
    let best: Walk | undefined;
    const firstKey = perToken
      ? text.slice(starts[k], ends[k]).toLowerCase()
      : lower.slice(starts[k], ends[k]);
    // Cheap first-token test before any walking: almost every word fails here.
    if (child(ciRoot, normalizeToken(firstKey)) || hasInflectedRoot(ciRoot, firstKey)) {
      best = perToken ? walkLowered(ciRoot, text, starts, ends, k) : walk(ciRoot, text, lower, starts, ends, k);
    }
    if (hasCs && startsUpper(text, starts[k]) && !isRegnalNumber(text, starts, ends, k)) {
      const cs = walk(csRoot, text, text, starts, ends, k);
      if (cs && (!best || cs.lastToken > best.lastToken)) best = cs;
    }
    if (best) {
      matches.push({ termId: best.termId, start: starts[k], end: ends[best.lastToken] });
      k = best.lastToken;
    }
  }
  return matches;
}

const ROMAN_NUMERAL = /^[IVXLCDM]+$/;

/**
 * "William IV", "Phase II", "Type IV": a Roman numeral after a capitalised
 * word is part of a name, not an abbreviation such as IV (implied volatility).
 */
function isRegnalNumber(text: string, starts: number[], ends: number[], k: number): boolean {
  if (k === 0 || !ROMAN_NUMERAL.test(text.slice(starts[k], ends[k]))) return false;
  if (gapKey(text.slice(ends[k - 1], starts[k])) !== ' ') return false;
  return startsUpper(text, starts[k - 1]);
}

function hasInflectedRoot(root: TrieNode, token: string): boolean {
  const last = token.charCodeAt(token.length - 1);
  if (last !== 115 /* s */) return false;
  return inflectionBases(token).some((base) => child(root, base)?.t !== undefined);
}

/** Fallback for texts whose lower-case form changes length: lower each token on its own. */
function walkLowered(root: TrieNode, text: string, starts: number[], ends: number[], first: number) {
  const tokens = starts.map((s, i) => text.slice(s, ends[i]).toLowerCase());
  let lowered = '';
  const s2: number[] = [];
  const e2: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const gap = i === 0 ? '' : text.slice(ends[i - 1], starts[i]);
    lowered += gap;
    s2.push(lowered.length);
    lowered += tokens[i];
    e2.push(lowered.length);
  }
  return walk(root, lowered, lowered, s2, e2, first);
}
