import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { timeWithOffset } from '../../../shared/audit/entry';
import { placeholderAuditIdentity } from '../../../electron/audit/auditIdentity';
import { nodeFs } from '../../../electron/store/storeFs';
import { exchange, Peers, recordEdits, tempDir } from './auditHelpers';

describe('the audit trail', () => {
  it('writes the time with its offset, the installation, the officer and what was touched', async () => {
    const peers = new Peers();
    const a = await peers.installation({ officer: 'contact-7' });
    const entry = await a.trail.record({ kind: 'record.edited', subject: { collection: 'actions', recordId: 'x', revision: 3, fields: ['title', 'status'] } });
    expect(entry).toMatchObject({ seq: 0, installation: a.identity.installationId, officer: 'contact-7', kind: 'record.edited' });
    expect(entry.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
    expect(await a.trail.entries()).toEqual([entry]);
  });

  it('formats Hong Kong and Shenzhen time as +08:00', () => {
    expect(timeWithOffset(new Date('2026-12-02T02:15:00.000Z'), 480)).toBe('2026-12-02T10:15:00.000+08:00');
    expect(timeWithOffset(new Date('2026-12-02T02:15:00.000Z'), -150)).toBe('2026-12-01T23:45:00.000-02:30');
  });

  it('chains each entry to the one before and keeps the chain across a restart', async () => {
    const peers = new Peers();
    const a = await peers.installation();
    await recordEdits(a.trail, 3);
    await a.trail.close();
    const reopened = await peers.open(a.identity, a.dir);
    await recordEdits(reopened, 2, 3);
    const entries = await reopened.entries();
    expect(entries.map((e) => e.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(new Set(entries.map((e) => e.prev)).size).toBe(5);
    expect(await reopened.verify()).toMatchObject({ ok: true, entries: 5, failure: null });
  });

  it('drops the fragment of an append a crash cut off, and carries on', async () => {
    const peers = new Peers();
    const a = await peers.installation();
    await recordEdits(a.trail, 2);
    await fsp.appendFile(path.join(a.dir, 'log.jsonl'), '{"prev":"abc","seq":2,"at":"2026');
    const reopened = await peers.open(a.identity, a.dir);
    await recordEdits(reopened, 1, 2);
    expect(await reopened.verify()).toMatchObject({ ok: true, entries: 3 });
  });

  it('signs a checkpoint every N entries', async () => {
    const peers = new Peers();
    const a = await peers.installation({ checkpointEvery: 4 });
    await recordEdits(a.trail, 9);
    expect(await a.trail.verify()).toMatchObject({ ok: true, checkpoints: 2, countersignedEntries: 0 });
  });

  it('keeps its placeholder installation id and key across restarts', async () => {
    const dir = await tempDir();
    const first = await placeholderAuditIdentity(dir, nodeFs);
    const again = await placeholderAuditIdentity(dir, nodeFs);
    expect(again.installationId).toBe(first.installationId);
    expect(again.publicKey.export({ format: 'der', type: 'spki' })).toEqual(first.publicKey.export({ format: 'der', type: 'spki' }));
  });
});

describe('checkpoints handed to the other side', () => {
  it('are countersigned by the peer, and the countersignature counts in Verify', async () => {
    const peers = new Peers();
    const a = await peers.installation();
    const b = await peers.installation();
    await recordEdits(a.trail, 5);
    await exchange(a, b);
    await recordEdits(a.trail, 3, 5);
    await exchange(a, b);
    await recordEdits(a.trail, 2, 8);
    expect(await a.trail.verify()).toMatchObject({ ok: true, entries: 10, countersignedEntries: 8, countersignedBy: [b.identity.installationId] });
    expect((await b.trail.peerCheckpoints(a.identity.installationId)).map((c) => c.size)).toEqual([5, 8]);
    expect(await b.trail.verifyPeerLog(a.identity.installationId, a.identity.publicKey, a.dir)).toMatchObject({ ok: true, entries: 10 });
  });

  it('both sides countersign each other', async () => {
    const peers = new Peers();
    const a = await peers.installation();
    const b = await peers.installation();
    await recordEdits(a.trail, 3);
    await recordEdits(b.trail, 4);
    await exchange(a, b);
    await exchange(b, a);
    expect(await a.trail.verify()).toMatchObject({ ok: true, countersignedEntries: 3 });
    expect(await b.trail.verify()).toMatchObject({ ok: true, countersignedEntries: 4 });
  });

  it('still proves the log extends what the peer holds when a countersignature never came back', async () => {
    const peers = new Peers();
    const a = await peers.installation();
    const b = await peers.installation();
    await recordEdits(a.trail, 4);
    await exchange(a, b);
    await recordEdits(a.trail, 4, 4);
    // This package reaches B, but B's reply is lost.
    const lost = await a.trail.checkpointsForPeer(b.identity.installationId);
    expect((await b.trail.receivePeerCheckpoints(lost, a.identity.publicKey)).problem).toBeNull();
    await recordEdits(a.trail, 4, 8);
    await exchange(a, b);
    expect((await b.trail.peerCheckpoints(a.identity.installationId)).map((c) => c.size)).toEqual([4, 8, 12]);
  });

  it('refuses a checkpoint not signed by the peer, and says so in its own log', async () => {
    const peers = new Peers();
    const a = await peers.installation();
    const b = await peers.installation();
    const stranger = await peers.installation();
    await recordEdits(a.trail, 2);
    const parcel = await a.trail.checkpointsForPeer(b.identity.installationId);
    const { countersignature, problem } = await b.trail.receivePeerCheckpoints(parcel, stranger.identity.publicKey);
    expect(countersignature).toBeNull();
    expect(problem).toMatchObject({ reason: 'badSignature' });
    expect((await b.trail.entries()).map((e) => e.kind)).toEqual(['audit.peerCheckpointRefused']);
  });

  it('keeps only countersignatures the named peer made over our own checkpoints', async () => {
    const peers = new Peers();
    const a = await peers.installation();
    const b = await peers.installation();
    const c = await peers.installation();
    await recordEdits(a.trail, 2);
    const parcel = await a.trail.checkpointsForPeer(b.identity.installationId);
    const { countersignature } = await b.trail.receivePeerCheckpoints(parcel, a.identity.publicKey);
    expect(await a.trail.receiveCountersignatures(c.identity.installationId, c.identity.publicKey, [countersignature!])).toBe(0);
    expect(await a.trail.receiveCountersignatures(b.identity.installationId, b.identity.publicKey, [countersignature!])).toBe(1);
    expect(await a.trail.receiveCountersignatures(b.identity.installationId, b.identity.publicKey, [countersignature!])).toBe(0);
  });
});
