/**
 * The Merkle tree of RFC 9162 (Certificate Transparency v2, §2.1) over the audit log's entries:
 * leaves hashed as SHA-256(0x00 ‖ entry), interior nodes as SHA-256(0x01 ‖ left ‖ right), the tree
 * split at the largest power of two below its size, so any two installations compute the same root
 * and a checkpoint made today can be shown to extend one signed last month.
 */
import { hash } from 'node:crypto';

export type Hash = Buffer;

// Reused input buffers: Verify hashes two million of them for a million entries, and fresh
// concatenations cost more in garbage collection than the hashing itself.
let leafInput = Buffer.alloc(1024);
const nodeInput = Buffer.alloc(65);
nodeInput[0] = 0x01;

export function leafHash(entry: Uint8Array): Hash {
  if (entry.length + 1 > leafInput.length) leafInput = Buffer.alloc(2 * (entry.length + 1));
  leafInput[0] = 0x00;
  leafInput.set(entry, 1);
  return hash('sha256', leafInput.subarray(0, entry.length + 1), 'buffer');
}

export function nodeHash(left: Hash, right: Hash): Hash {
  nodeInput.set(left, 1);
  nodeInput.set(right, 33);
  return hash('sha256', nodeInput, 'buffer');
}

export const EMPTY_ROOT: Hash = hash('sha256', Buffer.alloc(0), 'buffer');

/** The largest power of two smaller than n (n ≥ 2). */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * Roots of complete subtrees never change once their leaves exist, so proofs over a growing log keep
 * them (keyed by first leaf and size) instead of rehashing the log for each proof.
 */
export type SubtreeCache = Map<string, Hash>;
const CACHED_FROM_SIZE = 64;

/** MTH(D[from:to]) over leaf hashes. */
export function rootOf(leaves: readonly Hash[], from = 0, to = leaves.length, cache?: SubtreeCache): Hash {
  const n = to - from;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return leaves[from]!;
  const key = cache && n >= CACHED_FROM_SIZE && isPowerOfTwo(n) ? `${from}:${n}` : null;
  const cached = key ? cache!.get(key) : undefined;
  if (cached) return cached;
  const k = splitPoint(n);
  const root = nodeHash(rootOf(leaves, from, from + k, cache), rootOf(leaves, from + k, to, cache));
  if (key) cache!.set(key, root);
  return root;
}

/**
 * The tree's root kept as it grows, one leaf at a time, from the roots of its perfect subtrees
 * (largest first): what Verify uses to check every checkpoint in one pass over a million entries.
 */
export class GrowingTree {
  private readonly subtrees: { size: number; hash: Hash }[] = [];
  size = 0;

  append(leaf: Hash): void {
    let node = { size: 1, hash: leaf };
    let top = this.subtrees[this.subtrees.length - 1];
    while (top && top.size === node.size) {
      this.subtrees.pop();
      node = { size: node.size * 2, hash: nodeHash(top.hash, node.hash) };
      top = this.subtrees[this.subtrees.length - 1];
    }
    this.subtrees.push(node);
    this.size++;
  }

  root(): Hash {
    if (this.subtrees.length === 0) return EMPTY_ROOT;
    let root = this.subtrees[this.subtrees.length - 1]!.hash;
    for (let i = this.subtrees.length - 2; i >= 0; i--) root = nodeHash(this.subtrees[i]!.hash, root);
    return root;
  }
}

/** PATH(m, D[from:to]) of RFC 9162 §2.1.3.1: the siblings from leaf m up to the root. */
export function inclusionProof(leaves: readonly Hash[], index: number, size = leaves.length, cache?: SubtreeCache): Hash[] {
  if (index < 0 || index >= size || size > leaves.length) throw new RangeError(`no leaf ${index} in a tree of ${size}`);
  const path = (m: number, from: number, to: number): Hash[] => {
    const n = to - from;
    if (n === 1) return [];
    const k = splitPoint(n);
    return m < k
      ? [...path(m, from, from + k), rootOf(leaves, from + k, to, cache)]
      : [...path(m - k, from + k, to), rootOf(leaves, from, from + k, cache)];
  };
  return path(index, 0, size);
}

/** PROOF(m, D[n]) of RFC 9162 §2.1.4.1: that the tree of size m is a prefix of the tree of size n. */
export function consistencyProof(leaves: readonly Hash[], oldSize: number, newSize = leaves.length, cache?: SubtreeCache): Hash[] {
  if (oldSize < 1 || oldSize > newSize || newSize > leaves.length) throw new RangeError(`no consistency from ${oldSize} to ${newSize}`);
  const subproof = (m: number, from: number, to: number, whole: boolean): Hash[] => {
    const n = to - from;
    if (m === n) return whole ? [] : [rootOf(leaves, from, to, cache)];
    const k = splitPoint(n);
    return m <= k
      ? [...subproof(m, from, from + k, whole), rootOf(leaves, from + k, to, cache)]
      : [...subproof(m - k, from + k, to, false), rootOf(leaves, from, from + k, cache)];
  };
  return subproof(oldSize, 0, newSize, true);
}

/** RFC 9162 §2.1.3.2. */
export function verifyInclusion(leaf: Hash, index: number, size: number, proof: readonly Hash[], root: Hash): boolean {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2. */
export function verifyConsistency(oldSize: number, newSize: number, oldRoot: Hash, newRoot: Hash, proof: readonly Hash[]): boolean {
  if (oldSize < 1 || oldSize > newSize) return false;
  if (oldSize === newSize) return proof.length === 0 && oldRoot.equals(newRoot);
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(oldRoot) && sr.equals(newRoot);
}

function isPowerOfTwo(n: number): boolean {
  return n > 0 && (n & (n - 1)) === 0;
}
