/**
 * Signed checkpoints over the log's Merkle tree, and the other side's countersignatures of them. The
 * signed text follows the transparency-log "checkpoint" note (origin, size, root), plus the time.
 */
import { verify, type KeyObject } from 'node:crypto';
import type { Hash } from './merkle';

export interface Checkpoint {
  /** The installation whose log this is. */
  installation: string;
  size: number;
  /** Root of the log's first `size` entries, hex. */
  root: string;
  at: string;
  /** Ed25519 by the log's installation over checkpointText, base64. */
  signature: string;
}

/** A peer's signature over one of our checkpoints: what makes rewriting our own history detectable. */
export interface Countersignature {
  checkpoint: Checkpoint;
  /** The countersigning peer's installation id. */
  by: string;
  at: string;
  /** Ed25519 by the peer over countersignatureText, base64. */
  signature: string;
}

export function checkpointText(c: Pick<Checkpoint, 'installation' | 'size' | 'root' | 'at'>): Buffer {
  return Buffer.from(`hetao-audit checkpoint v1\n${c.installation}\n${c.size}\n${Buffer.from(c.root, 'hex').toString('base64')}\n${c.at}\n`);
}

export function countersignatureText(c: Pick<Countersignature, 'checkpoint' | 'by' | 'at'>): Buffer {
  return Buffer.concat([Buffer.from(`hetao-audit countersignature v1\n${c.by}\n${c.at}\n`), checkpointText(c.checkpoint)]);
}

export function makeCheckpoint(installation: string, size: number, root: Hash, at: string, signWith: (m: Buffer) => Buffer): Checkpoint {
  const unsigned = { installation, size, root: root.toString('hex'), at };
  return { ...unsigned, signature: signWith(checkpointText(unsigned)).toString('base64') };
}

export function makeCountersignature(checkpoint: Checkpoint, by: string, at: string, signWith: (m: Buffer) => Buffer): Countersignature {
  const unsigned = { checkpoint, by, at };
  return { ...unsigned, signature: signWith(countersignatureText(unsigned)).toString('base64') };
}

export function checkpointSigned(c: Checkpoint, key: KeyObject): boolean {
  return verifySafely(checkpointText(c), key, c.signature);
}

export function countersignatureSigned(c: Countersignature, key: KeyObject): boolean {
  return verifySafely(countersignatureText(c), key, c.signature);
}

function verifySafely(message: Buffer, key: KeyObject, signature: string): boolean {
  try {
    return verify(null, message, key, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
