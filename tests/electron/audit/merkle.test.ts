import { describe, expect, it } from 'vitest';
import {
  consistencyProof,
  EMPTY_ROOT,
  GrowingTree,
  inclusionProof,
  leafHash,
  rootOf,
  verifyConsistency,
  verifyInclusion,
} from '../../../electron/audit/merkle';

// The reference data of RFC 6962's test suite (as in Certificate Transparency's and Trillian's tests).
const DATA = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map((h) => Buffer.from(h, 'hex'));
const ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
const LEAVES = DATA.map(leafHash);
const hex = (h: Buffer) => h.toString('hex');

describe('the audit Merkle tree (RFC 9162)', () => {
  it('computes the roots every other Certificate Transparency implementation computes', () => {
    expect(hex(EMPTY_ROOT)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    for (let n = 1; n <= 8; n++) expect(hex(rootOf(LEAVES.slice(0, n)))).toBe(ROOTS[n - 1]);
  });

  it('gives the reference inclusion proof for leaf 0 of 8', () => {
    expect(inclusionProof(LEAVES, 0).map(hex)).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
  });

  const many = Array.from({ length: 70 }, (_, i) => leafHash(Buffer.from([i, i * 7 % 256])));

  it('grows to the same root one leaf at a time as it computes from all leaves', () => {
    const tree = new GrowingTree();
    expect(tree.root().equals(EMPTY_ROOT)).toBe(true);
    many.forEach((leaf, i) => {
      tree.append(leaf);
      expect(hex(tree.root()), `size ${i + 1}`).toBe(hex(rootOf(many, 0, i + 1)));
    });
  });

  it('verifies every inclusion proof in every size, and refuses it for another leaf, index or root', () => {
    for (let size = 1; size < many.length; size += 3) {
      const root = rootOf(many, 0, size);
      for (let index = 0; index < size; index++) {
        const proof = inclusionProof(many, index, size);
        expect(verifyInclusion(many[index]!, index, size, proof, root)).toBe(true);
        expect(verifyInclusion(many[(index + 1) % many.length]!, index, size, proof, root)).toBe(false);
        if (size > 1) expect(verifyInclusion(many[index]!, (index + 1) % size, size, proof, root)).toBe(false);
        expect(verifyInclusion(many[index]!, index, size, proof, rootOf(many, 0, size + 1))).toBe(false);
      }
    }
  });

  it('verifies every consistency proof between two sizes, and refuses it against another old tree', () => {
    for (let newSize = 1; newSize <= many.length; newSize++) {
      const newRoot = rootOf(many, 0, newSize);
      for (let oldSize = 1; oldSize <= newSize; oldSize++) {
        const proof = consistencyProof(many, oldSize, newSize);
        const oldRoot = rootOf(many, 0, oldSize);
        expect(verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof), `${oldSize}→${newSize}`).toBe(true);
        const forged = [...many.slice(0, oldSize - 1), leafHash(Buffer.from('forged'))];
        if (oldSize < newSize) expect(verifyConsistency(oldSize, newSize, rootOf(forged), newRoot, proof)).toBe(false);
        if (proof.length > 0) expect(verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof.slice(1))).toBe(false);
      }
    }
  });
});
