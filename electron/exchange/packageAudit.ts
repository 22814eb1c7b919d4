import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../shared/ipc/errors';
import { identityFromKeys, type AuditIdentity } from '../audit/auditIdentity';
import type { AuditTrail, CheckpointParcel } from '../audit/auditTrail';
import type { Countersignature } from '../audit/checkpoint';
import type { ExchangeState } from './exchangeState';
import { privateKeyOf, publicKeyOf } from './keys';

/*
 * The audit trail travels with the exchange (issue 18): each package carries, per recipient, a
 * checkpoint of the sender's log with its consistency proofs, and the sender's countersignature over
 * the newest checkpoint that recipient sent before. Both are signed parts of the package, so they are
 * checked with everything else before anything is written.
 */

/** The exchange identity signs the log: its id, its Ed25519 key, its officer. */
export function auditIdentityOf(state: ExchangeState): AuditIdentity {
  const { identity } = state.data;
  return identityFromKeys(identity.id, privateKeyOf(identity.signing.privateKey), () => state.data.identity.officerContactId);
}

/** The enrolled peers' signing keys, retired ones included: what they countersigned before still counts. */
export function peerAuditKeys(state: ExchangeState): (installationId: string) => KeyObject | null {
  return (installationId) => {
    const peer = state.data.peers.find((p) => p.id === installationId);
    return peer ? publicKeyOf(peer.signingKey) : null;
  };
}

const checkpointsPart = (peerId: string) => `audit/checkpoints/${peerId}`;
const countersignaturePart = (peerId: string) => `audit/countersignature/${peerId}`;
export const isAuditPart = (name: string) => name.startsWith('audit/');

const Hex = z.string().regex(/^[0-9a-f]{64}$/);
const CheckpointShape = z.object({ installation: z.string(), size: z.number().int().nonnegative(), root: Hex, at: z.string(), signature: z.string() });
const ParcelShape = z.object({
  checkpoint: CheckpointShape,
  consistency: z.array(z.object({ fromSize: z.number().int().positive(), proof: z.array(Hex) })).max(100_000),
});
const CountersignatureShape = z.object({ checkpoint: CheckpointShape, by: z.string(), at: z.string(), signature: z.string() });

/** The audit parts of a package for these peers. */
export async function auditPartsFor(trail: AuditTrail, peerIds: readonly string[]): Promise<Array<[string, Buffer]>> {
  const parts: Array<[string, Buffer]> = [];
  for (const peerId of peerIds) {
    parts.push([checkpointsPart(peerId), Buffer.from(JSON.stringify(await trail.checkpointsForPeer(peerId)), 'utf8')]);
    const countersignature = await trail.countersignatureForPeer(peerId);
    if (countersignature) parts.push([countersignaturePart(peerId), Buffer.from(JSON.stringify(countersignature), 'utf8')]);
  }
  return parts;
}

/** This installation's audit parts of an opened package, parsed; exchange.tampered if one is malformed. */
export function parseAuditParts(parts: ReadonlyMap<string, Buffer>, me: string): { parcel: CheckpointParcel | null; countersignature: Countersignature | null } {
  const read = <T>(name: string, shape: z.ZodType<T>): T | null => {
    const bytes = parts.get(name);
    if (!bytes) return null;
    try {
      return shape.parse(JSON.parse(bytes.toString('utf8')));
    } catch {
      throw new AppError('exchange.tampered');
    }
  };
  return {
    parcel: read(checkpointsPart(me), ParcelShape),
    countersignature: read(countersignaturePart(me), CountersignatureShape),
  };
}

/**
 * Takes a sender's audit parts: its checkpoint is checked against what it showed before and kept
 * (our countersignature goes back in our next package to it); its countersignature of ours is kept.
 * A checkpoint that does not extend the sender's earlier ones is recorded in our log by the trail.
 * A package that brings nothing new (opened before, or overtaken by a later one from the same
 * sender) has its older checkpoint left aside: packages may arrive in any order, and a rollback
 * still fails at the sender's next package that brings anything, or when its log is checked.
 */
export async function receiveAuditParts(
  trail: AuditTrail,
  senderId: string,
  senderKey: KeyObject,
  received: { parcel: CheckpointParcel | null; countersignature: Countersignature | null },
  bringsNothingNew: boolean,
): Promise<void> {
  const { parcel, countersignature } = received;
  if (parcel && parcel.checkpoint.installation === senderId) {
    const newestHeld = Math.max(0, ...(await trail.peerCheckpoints(senderId)).map((c) => c.size));
    if (!(bringsNothingNew && parcel.checkpoint.size < newestHeld)) await trail.receivePeerCheckpoints(parcel, senderKey);
  }
  if (countersignature) await trail.receiveCountersignatures(senderId, senderKey, [countersignature]);
}
