/**
 * One pass over a text: at each token, walk the tries as far as the words
 * allow and keep the longest term that ends on a whole word. Matches never
 * overlap; the leftmost-longest one wins ("open interest collapse" over
 * "open interest").
 */
import type { CompiledMatcher, TrieNode } from './compile';
import { FirstWordFilter, gapKey, inflectionBases, normalizeToken, tokenize } from './tokens';

export interface TermMatch {
  termId: string;
  /** Offset of the first character, inclusive. */
  start: number;
  /** Offset after the last character. */
  end: number;
}

/**
 * The trie as matching reads it: children in Maps. The compiled matcher
 * arrives as plain JSON objects; looking a freshly sliced word up in an
 * object with hundreds of keys makes V8 internalize the string first, about
 * 180 ns a word, while a Map hashes it in place. A node's Map is built the
 * first time one of its children is looked up, so a page load converts the
 * few nodes its text reaches, not the whole trie.
 */
class MatchNode {
  readonly t: string | undefined;
  readonly hasChildren: boolean;
  private children: Map<string, MatchNode> | undefined;

  constructor(private readonly source: TrieNode) {
    this.t = source.t;
    this.hasChildren = source.c !== undefined;
  }

  child(key: string): MatchNode | undefined {
    if (!this.hasChildren) return undefined;
    if (!this.children) {
      this.children = new Map();
      // Own keys only: "constructor" in page text is a word, not a child.
      const c = this.source.c!;
      for (const k of Object.keys(c)) this.children.set(k, new MatchNode(c[k]));
    }
    return this.children.get(key);
  }
}

interface MatcherState {
  ci: MatchNode;
  cs: MatchNode;
  /** Every word a term can start with: the tokens of a page worth looking up. */
  firstWords: FirstWordFilter;
}

const matcherStates = new WeakMap<CompiledMatcher, MatcherState>();

function stateOf(matcher: CompiledMatcher): MatcherState {
  let state = matcherStates.get(matcher);
  if (!state) {
    state = { ci: new MatchNode(matcher.ci), cs: new MatchNode(matcher.cs), firstWords: new FirstWordFilter(matcher.firstWords) };
    matcherStates.set(matcher, state);
  }
  return state;
}

function child(node: MatchNode, key: string): MatchNode | undefined {
  return node.child(key);
}

/** The term a match ending on `token` under `parent` names, trying plural and possessive bases. */
function terminalAt(parent: MatchNode, token: string, exact: MatchNode | undefined): string | undefined {
  if (exact?.t !== undefined) return exact.t;
  if (!parent.hasChildren) return undefined;
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
  root: MatchNode,
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
    const token = keyText.slice(starts[k], ends[k]);
    const exact = child(parent, token);
    const termId = terminalAt(parent, token, exact);
    if (termId !== undefined) best = { termId, lastToken: k };
    if (!exact?.hasChildren) break;
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
  const { ci: ciRoot, cs: csRoot, firstWords } = stateOf(matcher);
  const { starts, ends, candidates } = tokenize(text, firstWords);
  if (candidates.length === 0) return matches;
  // Keys are read from a copy with apostrophes made plain ("maker’s" = "maker's"):
  // the same length, so token offsets hold, and no word needs normalizing on its own.
  const keyText = normalizeToken(text);
  // Lower-case the whole text once; per-token lowering only if lengths differ (rare Unicode).
  let lower = keyText.toLowerCase();
  const perToken = lower.length !== keyText.length;
  if (perToken) lower = keyText;
  const hasCs = csRoot.hasChildren; // compile only creates children when it inserts a form
  let next = 0; // the first token not yet inside a match
  for (const k of candidates) {
    if (k < next) continue;
    let best: Walk | undefined;
    const firstKey = perToken
      ? keyText.slice(starts[k], ends[k]).toLowerCase()
      : lower.slice(starts[k], ends[k]);
    // Cheap first-token test before any walking: almost every word fails here.
    if (child(ciRoot, firstKey) || hasInflectedRoot(ciRoot, firstKey)) {
      best = perToken ? walkLowered(ciRoot, keyText, starts, ends, k) : walk(ciRoot, text, lower, starts, ends, k);
    }
    if (hasCs) {
      const cs = walk(csRoot, text, keyText, starts, ends, k);
      if (cs && (!best || cs.lastToken > best.lastToken) && !isRegnalNumber(text, starts, ends, k)) best = cs;
    }
    if (best) {
      matches.push({ termId: best.termId, start: starts[k], end: ends[best.lastToken] });
      next = best.lastToken + 1;
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

function hasInflectedRoot(root: MatchNode, token: string): boolean {
  return inflectionBases(token).some((base) => child(root, base)?.t !== undefined);
}

/** Fallback for texts whose lower-case form changes length: lower each token on its own. */
function walkLowered(root: MatchNode, text: string, starts: number[], ends: number[], first: number) {
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
