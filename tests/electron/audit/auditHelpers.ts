import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import * as path from 'node:path';
import { identityFromKeys, type AuditIdentity } from '../../../electron/audit/auditIdentity';
import { AuditTrail } from '../../../electron/audit/auditTrail';
import * as fsp from 'node:fs/promises';
import { nodeFs, type StoreFs } from '../../../electron/store/storeFs';
import { afterEach } from 'vitest';
import { tempDir } from '../store/helpers';

const opened: AuditTrail[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((trail) => trail.close()));
});

export { tempDir };

/** One installation's audit side: its identity and keys, its folder, and a trail over it. */
export interface Installation {
  identity: AuditIdentity;
  privateKey: KeyObject;
  dir: string;
  trail: AuditTrail;
}

/** Installations that know each other's public keys, as exchange peers do. */
export class Peers {
  /** The tamper suite opens a thousand folders: it skips flushing to the disk, which it does not test. */
  constructor(private readonly fs: StoreFs = nodeFs) {}

  readonly keys = new Map<string, KeyObject>();
  peerKey = (id: string): KeyObject | null => this.keys.get(id) ?? null;

  async installation(options: { checkpointEvery?: number; officer?: string; now?: () => Date } = {}): Promise<Installation> {
    const { privateKey } = generateKeyPairSync('ed25519');
    const identity = identityFromKeys(randomUUID(), privateKey, () => options.officer ?? null);
    this.keys.set(identity.installationId, identity.publicKey);
    const dir = path.join(await tempDir(), 'audit');
    const trail = await this.open(identity, dir, options);
    return { identity, privateKey, dir, trail };
  }

  async open(identity: AuditIdentity, dir: string, options: { checkpointEvery?: number; now?: () => Date } = {}): Promise<AuditTrail> {
    const trail = await AuditTrail.open({
      auditDir: dir,
      fs: this.fs,
      identity,
      now: options.now ?? (() => new Date('2026-12-02T02:15:00.000Z')),
      peerKey: this.peerKey,
      checkpointEvery: options.checkpointEvery,
    });
    opened.push(trail);
    return trail;
  }
}

/** What an exchange package would carry each way: A's checkpoint to B, and B's countersignature back. */
export async function exchange(from: Installation, to: Installation): Promise<void> {
  const parcel = await from.trail.checkpointsForPeer(to.identity.installationId);
  const { countersignature, problem } = await to.trail.receivePeerCheckpoints(parcel, from.identity.publicKey);
  if (!countersignature) throw new Error(`refused: ${JSON.stringify(problem)}`);
  await from.trail.receiveCountersignatures(to.identity.installationId, to.identity.publicKey, [countersignature]);
}

export async function recordEdits(trail: AuditTrail, count: number, from = 0): Promise<void> {
  for (let i = from; i < from + count; i++) {
    await trail.record({ kind: 'record.edited', subject: { collection: 'actions', recordId: `action-${i}`, revision: i + 1, fields: ['title'] } });
  }
}

/** Node's file system without flushing: for suites that open many folders and test no crash. */
export const unflushedFs: StoreFs = {
  ...nodeFs,
  open: async (...args: Parameters<typeof fsp.open>) => {
    const handle = await fsp.open(...args);
    return Object.assign(handle, { sync: async () => undefined, datasync: async () => undefined });
  },
};
