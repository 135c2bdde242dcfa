import { describe, expect, it } from 'vitest';
import { readBundledSources } from '../../data/tools/read-sources';
import { compileBundledGlossary } from '../../utils/glossary/compile-bundled';
import { compileMatcher, findTerms } from '../../utils/matcher';
import { endHyphenOnly, endWaits, newTrieBuilder, NO_END, NO_NODE, nodeAt, packTrie, PHRASE_END, termEnd, termIndexOf, TrieReader } from '../../utils/matcher/packed-trie';
import { PLAIN_PHRASES } from '../../utils/matcher/plain-phrases';

/** A reader of a trie holding `paths` (keys separated by "/"), each ending in the term of its index; sent through JSON like a message. */
function readerOf(paths: string[]): TrieReader {
  const root = newTrieBuilder();
  paths.forEach((path, i) => (nodeAt(root, path.split('/')).end = termEnd(i, false)));
  return new TrieReader(JSON.parse(JSON.stringify(packTrie(root))));
}

/** The term index at the end of `path`, or undefined. */
function lookUp(reader: TrieReader, path: string): number | undefined {
  let node = 0;
  for (const key of path.split('/')) {
    node = reader.child(node, key);
    if (node === NO_NODE) return undefined;
  }
  const end = reader.end(node);
  return end === NO_END ? undefined : termIndexOf(end);
}

describe('packed trie', () => {
  it('finds every path it was built from, and nothing else', () => {
    const paths = ['open/ /interest', 'open/ /interest/ /collapse', 'funding/ /rate', 'oi', 'open'];
    const reader = readerOf(paths);
    paths.forEach((path, i) => expect(lookUp(reader, path)).toBe(i));
    expect(lookUp(reader, 'open/ /market')).toBeUndefined();
    expect(lookUp(reader, 'funding')).toBeUndefined(); // a node on the way, not the end of a form
    expect(lookUp(reader, 'interest')).toBeUndefined(); // a key of the trie, but no child of the root
    expect(reader.hasChildren(reader.child(0, 'oi'))).toBe(false);
  });

  it('finds children of a node with many of them (binary search) as well as of one with few', () => {
    const paths = Array.from({ length: 40 }, (_, i) => `alpha/ /b${i}`);
    const reader = readerOf(paths);
    paths.forEach((path, i) => expect(lookUp(reader, path)).toBe(i));
    expect(lookUp(reader, 'alpha/ /b40')).toBeUndefined();
  });

  it('takes words that are names of object properties as plain words', () => {
    const reader = readerOf(['constructor/ /risk', '__proto__', 'tostring']);
    expect(lookUp(reader, 'constructor/ /risk')).toBe(0);
    expect(lookUp(reader, '__proto__')).toBe(1);
    expect(lookUp(reader, 'tostring')).toBe(2);
    expect(reader.child(0, 'toString')).toBe(NO_NODE);
    expect(reader.child(0, 'hasOwnProperty')).toBe(NO_NODE);
  });

  it('tells plain phrases, terms and waiting forms apart at their ends', () => {
    expect(endWaits(termEnd(7, true))).toBe(true);
    expect(endWaits(termEnd(7, false))).toBe(false);
    expect(termIndexOf(termEnd(7, true))).toBe(7);
    expect(termEnd(0, false)).toBeGreaterThan(PHRASE_END);
    // A hyphen-only form keeps its term and its waiting flag.
    expect(endHyphenOnly(termEnd(7, true, true))).toBe(true);
    expect(endHyphenOnly(termEnd(7, true))).toBe(false);
    expect(termIndexOf(termEnd(7, false, true))).toBe(7);
    expect(endWaits(termEnd(7, true, true))).toBe(true);
  });
});

describe('the bundled glossary matcher as a page receives it', () => {
  const glossary = compileBundledGlossary(readBundledSources());
  const matcher = compileMatcher(glossary.terms, { plainPhrases: PLAIN_PHRASES });
  const sent = JSON.parse(JSON.stringify(matcher)) as typeof matcher;

  it('finds the same terms after a trip through JSON (a message to the tab)', () => {
    const text =
      "Open interest collapsed as funding rates flipped negative; the market maker's spread widened, BTC perps saw a short squeeze, and Wall Street's S&P 500 fell 25bp.";
    const hits = findTerms(text, sent);
    expect(hits.length).toBeGreaterThan(5);
    expect(hits).toEqual(findTerms(text, matcher));
  });

  it('arrives as a few flat arrays and one table of keys, not an object per node', () => {
    for (const trie of [sent.ci, sent.cs]) {
      expect(Object.keys(trie).sort()).toEqual(['edge', 'ends', 'first', 'keys']);
      for (const list of [trie.first, trie.edge, trie.ends]) expect(list.every((n) => Number.isInteger(n))).toBe(true);
      expect(Object.values(trie.keys).every((n) => Number.isInteger(n))).toBe(true);
      expect(trie.first.length).toBe(trie.ends.length + 1);
      expect(trie.edge.length).toBe(trie.ends.length - 1);
    }
  });
});
