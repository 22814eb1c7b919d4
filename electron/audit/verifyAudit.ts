import type { KeyObject } from 'node:crypto';
import type { AuditEntry } from '../../shared/audit/entry';
import type { AuditVerification } from '../../shared/audit/verification';
import type { StoreFs } from '../store/storeFs';
import { forEachLine } from './auditFiles';
import { handedOverKey, type Handover } from './auditIdentity';
import { checkpointSigned, countersignatureSigned, type Checkpoint, type Countersignature } from './checkpoint';
import { GrowingTree, leafHash } from './merkle';

/** The `prev` of the first entry. */
export const GENESIS = '0'.repeat(64);

/** What a line must start with to follow the entry before: fixed order, so checking needs no JSON parse. */
export function entryPrefix(prev: string, seq: number): string {
  return `{"prev":"${prev}","seq":${seq},`;
}

/** One stored line: the chain's fields first, in a fixed order, so Verify reads them without parsing. */
export function entryLine(prev: string, seq: number, rest: Omit<AuditEntry, 'prev' | 'seq'>): string {
  return `${entryPrefix(prev, seq)}${JSON.stringify(rest).slice(1)}`;
}

export interface VerifyInput {
  fs: StoreFs;
  logFile: string;
  checkpoints: readonly Checkpoint[];
  countersignatures: readonly Countersignature[];
  /** The installation whose log it is, and its public key. */
  owner: { installationId: string; publicKey: KeyObject };
  /** Public keys of the peers whose countersignatures count. */
  peerKey: (installationId: string) => KeyObject | null;
  /** Checkpoints the verifier holds already (a peer's own record of ours): trusted, whatever the log's folder says. */
  anchors?: readonly Checkpoint[];
  /** The owner's handover from the key that signed the log's beginning, when there was one. */
  handover?: Handover | null;
}

/**
 * Checks the chain, every checkpoint and every countersignature in one pass over the log, and names
 * the first entry that fails. Signed checkpoints of the owner alone prove little against the owner,
 * who holds the key; countersigned ones and anchors are what bind it.
 */
export async function verifyAudit(input: VerifyInput): Promise<AuditVerification> {
  const { owner } = input;
  const result = (failure: AuditVerification['failure'], entries: number): AuditVerification => ({
    ok: failure === null,
    entries,
    checkpoints: input.checkpoints.length,
    countersignedEntries: bound.size,
    countersignedBy: [...bound.by],
    failure,
  });
  const bound = { size: 0, by: new Set<string>() };
  // Roots the log must match at each size; `bound` ones (countersigned, or held by the verifier) are
  // beyond the owner's reach, so a failure is placed after the last of those that held.
  const targets = new Map<number, { root: string; bound: boolean }[]>();
  const target = (c: Checkpoint, bound: boolean) => targets.set(c.size, [...(targets.get(c.size) ?? []), { root: c.root, bound }]);

  const { handover } = input;
  const formerKey = handover ? handedOverKey(handover, owner) : null;
  if (handover && !formerKey) return result({ reason: 'badSignature', entry: null, checkpointSize: handover.size }, 0);
  // Checkpoints up to the handover may be signed by the key it handed over from.
  const signedByOwner = (c: Checkpoint) =>
    c.installation === owner.installationId
      ? checkpointSigned(c, owner.publicKey)
      : !!handover && !!formerKey && c.installation === handover.from.installation && c.size <= handover.size && checkpointSigned(c, formerKey);
  if (handover) targets.set(handover.size, [{ root: handover.root, bound: false }]);
  for (const c of input.checkpoints) {
    if (!signedByOwner(c)) return result({ reason: 'badSignature', entry: null, checkpointSize: c.size }, 0);
    target(c, false);
  }
  for (const c of input.countersignatures) {
    const key = input.peerKey(c.by);
    if (!key || !countersignatureSigned(c, key)) return result({ reason: 'badCountersignature', entry: null, checkpointSize: c.checkpoint.size }, 0);
    if (!signedByOwner(c.checkpoint)) {
      return result({ reason: 'badSignature', entry: null, checkpointSize: c.checkpoint.size }, 0);
    }
    target(c.checkpoint, true);
    if (c.checkpoint.size >= bound.size) bound.size = c.checkpoint.size;
    bound.by.add(c.by);
  }
  for (const c of input.anchors ?? []) {
    target(c, true);
    if (c.size > bound.size) bound.size = c.size;
  }

  const tree = new GrowingTree();
  let prev = GENESIS;
  let lastBound = 0;
  let failure: AuditVerification['failure'] = null;
  await forEachLine(input.fs, input.logFile, (line) => {
    if (failure) return;
    const seq = tree.size;
    const prefix = entryPrefix(prev, seq);
    if (line.length < prefix.length || line.toString('latin1', 0, prefix.length) !== prefix) {
      failure = { reason: 'chainBroken', entry: seq, checkpointSize: null };
      return;
    }
    const leaf = leafHash(line);
    tree.append(leaf);
    prev = leaf.toString('hex');
    const expected = targets.get(tree.size);
    if (!expected) return;
    const root = tree.root().toString('hex');
    if (expected.some((t) => t.root !== root)) failure = { reason: 'checkpointMismatch', entry: lastBound, checkpointSize: tree.size };
    else if (expected.some((t) => t.bound)) lastBound = tree.size;
  });
  if (failure) return result(failure, tree.size);
  const furthest = Math.max(0, ...targets.keys());
  if (furthest > tree.size) return result({ reason: 'truncated', entry: tree.size, checkpointSize: furthest }, tree.size);
  return result(null, tree.size);
}
