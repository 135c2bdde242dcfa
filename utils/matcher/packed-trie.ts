/**
 * The word tries as they travel: the background compiles them once per
 * glossary change and sends them to every page and frame in a message, which
 * the page parses before it can highlight anything. Sent as nested objects
 * keyed by word (12,659 nodes for 1,595 terms), they took Chromium 5 to 9 ms
 * to parse on each page load, since each node's children are an object of its
 * own shape, and left as many objects for the page's garbage collector.
 * Packed, they are three flat arrays of numbers and one object of keys,
 * parsed in under 2 ms, and read as they are: the page builds no table of
 * its own.
 *
 * Nodes are numbered breadth first from the root (0), so the children of a
 * node are consecutive numbers, sorted by their key: the root's child by a
 * key is the key's number plus one, another node's is found by a short scan
 * of its few children (a binary search if it has many).
 */

/** What a match ending at a node is (`PackedTrie.ends`): nothing, a plain phrase, or a term (`termEnd`). */
export const NO_END = 0;
export const PHRASE_END = 1;

/**
 * The `ends` code of the term of index `termIndex`; `waits` for a form its
 * term lists in `needsContext`; `hyphenOnly` for a form found only where the
 * page joins its words with hyphens (`isHyphenatedName` in compile.ts).
 */
export function termEnd(termIndex: number, waits: boolean, hyphenOnly = false): number {
  return 4 + termIndex * 4 + (hyphenOnly ? 2 : 0) + (waits ? 1 : 0);
}

/** The term index of an `ends` code of 4 or more. */
export const termIndexOf = (end: number): number => (end >> 2) - 1;

/** Whether an `ends` code of 4 or more is a form that waits for context. */
export const endWaits = (end: number): boolean => (end & 1) === 1;

/** Whether an `ends` code of 4 or more is a form found only written with hyphens. */
export const endHyphenOnly = (end: number): boolean => (end & 2) === 2;

export interface PackedTrie {
  /**
   * Every key of the trie's edges (tokens and gap keys), with its number:
   * one object, which the page's JSON parser turns into a hash table, so the
   * page builds none. Numbered breadth first, so the root's child by key k is node k + 1.
   */
  keys: Record<string, number>;
  /** One more entry than there are nodes: the children of node n are nodes first[n] to first[n + 1] - 1. */
  first: number[];
  /** For each node but the root (node n at n - 1): the index in `keys` of the edge it hangs from; siblings in increasing order. */
  edge: number[];
  /** For each node: `NO_END`, `PHRASE_END` or a term's `termEnd`. */
  ends: number[];
}

/** A trie being built: children by key. */
export interface TrieBuilder {
  children?: Map<string, TrieBuilder>;
  end: number;
}

export const newTrieBuilder = (): TrieBuilder => ({ end: NO_END });

/** The node at the end of `keys`, made where missing. */
export function nodeAt(root: TrieBuilder, keys: readonly string[]): TrieBuilder {
  let node = root;
  for (const key of keys) {
    node.children ??= new Map();
    let next = node.children.get(key);
    if (!next) {
      next = newTrieBuilder();
      node.children.set(key, next);
    }
    node = next;
  }
  return node;
}

export function packTrie(root: TrieBuilder): PackedTrie {
  const keyIndex = new Map<string, number>();
  const indexOfKey = (key: string) => {
    let index = keyIndex.get(key);
    if (index === undefined) {
      index = keyIndex.size;
      keyIndex.set(key, index);
    }
    return index;
  };
  // No prototype: a key "__proto__" is stored as a key like any other.
  const packed: PackedTrie = { keys: Object.create(null) as Record<string, number>, first: [], edge: [], ends: [] };
  const queue: TrieBuilder[] = [root];
  for (let id = 0; id < queue.length; id++) {
    const node = queue[id];
    packed.first.push(queue.length);
    packed.ends.push(node.end);
    const children = [...(node.children ?? [])].map(([key, next]) => [indexOfKey(key), next] as const).sort((a, b) => a[0] - b[0]);
    for (const [index, next] of children) {
      packed.edge.push(index);
      queue.push(next);
    }
  }
  packed.first.push(queue.length);
  // Written in number order, so the object's keys are the trie's keys as they were met.
  for (const [key, index] of keyIndex) packed.keys[key] = index;
  return packed;
}

/** The root of every trie: node 0, the first numbered. */
export const ROOT = 0;

/** No node: what `child` answers when there is none. */
export const NO_NODE = -1;

/** Children a node may have for a walk along them to beat a binary search. */
const SCAN_CHILDREN = 8;

/**
 * Reads a packed trie. Its number arrays are copied into typed arrays once
 * (a built-in copy, a few microseconds), which the garbage collector never
 * moves. Cheap before the JIT has compiled it, as most of a page's first
 * scan is: the root's child is one hash lookup (most lookups are a page's
 * first words), and any other node has a few children at most.
 */
export class TrieReader {
  private readonly keys: Record<string, number>;
  private readonly first: Int32Array;
  private readonly edge: Int32Array;
  private readonly ends: Int32Array;
  private readonly rootChildren: number;

  constructor(packed: PackedTrie) {
    this.keys = packed.keys;
    this.first = Int32Array.from(packed.first);
    this.edge = Int32Array.from(packed.edge);
    this.ends = Int32Array.from(packed.ends);
    this.rootChildren = packed.first[1] - packed.first[0];
  }

  /** The child of `node` by `key`, or `NO_NODE`. */
  child(node: number, key: string): number {
    // Own keys only: "constructor" is a word, not a key every object has.
    if (!Object.hasOwn(this.keys, key)) return NO_NODE;
    const index = this.keys[key];
    if (node === ROOT) return index < this.rootChildren ? index + 1 : NO_NODE;
    // Node n is at edge[n - 1].
    let lo = this.first[node] - 1;
    let hi = this.first[node + 1] - 2;
    if (hi - lo < SCAN_CHILDREN) {
      for (let at = lo; at <= hi; at++) if (this.edge[at] === index) return at + 1;
      return NO_NODE;
    }
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.edge[mid];
      if (at === index) return mid + 1;
      if (at < index) lo = mid + 1;
      else hi = mid - 1;
    }
    return NO_NODE;
  }

  hasChildren(node: number): boolean {
    return this.first[node + 1] > this.first[node];
  }

  /** What a match ending at `node` is: `NO_END`, `PHRASE_END` or a `termEnd`. */
  end(node: number): number {
    return this.ends[node];
  }
}
