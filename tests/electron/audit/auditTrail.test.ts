import { generateKeyPairSync, randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { timeWithOffset } from '../../../shared/audit/entry';
import { identityFromKeys } from '../../../electron/audit/auditIdentity';
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

  it('hands a log begun under the stand-in key over to the exchange identity once: the old checkpoints still verify, the old key is gone', async () => {
    const peers = new Peers();
    const dir = path.join(await tempDir(), 'audit');
    // The stand-in identity as earlier versions kept it, with seven entries and two checkpoints it signed.
    const { privateKey: standInKey } = generateKeyPairSync('ed25519');
    const standInId = randomUUID();
    const before = await peers.open(identityFromKeys(standInId, standInKey), dir, { checkpointEvery: 3 });
    await recordEdits(before, 7);
    await before.close();
    await fsp.writeFile(path.join(dir, 'installation.json'), JSON.stringify({ installationId: standInId, privateKey: standInKey.export({ format: 'der', type: 'pkcs8' }).toString('base64') }));

    const { privateKey } = generateKeyPairSync('ed25519');
    const identity = identityFromKeys(randomUUID(), privateKey);
    peers.keys.set(identity.installationId, identity.publicKey);
    const trail = await peers.open(identity, dir, { checkpointEvery: 3 });
    await recordEdits(trail, 3, 7);
    expect(await trail.verify()).toMatchObject({ ok: true, entries: 11, checkpoints: 3, failure: null });
    const kinds = (await trail.entries()).map((e) => e.kind);
    expect(kinds[7]).toBe('audit.identityHandover');
    await expect(fsp.stat(path.join(dir, 'installation.json'))).rejects.toMatchObject({ code: 'ENOENT' });
    await trail.close();

    // Opened again, nothing is handed over twice; the other side checks the whole log with the new key alone.
    const again = await peers.open(identity, dir, { checkpointEvery: 3 });
    expect((await again.entries()).filter((e) => e.kind === 'audit.identityHandover')).toHaveLength(1);
    const b = await peers.installation();
    await exchange({ identity, privateKey, dir, trail: again }, b);
    expect(await b.trail.verifyPeerLog(identity.installationId, identity.publicKey, dir)).toMatchObject({ ok: true, entries: 11, countersignedEntries: 11 });

    // An entry from before the handover changed: caught, and the handover itself cannot be re-signed by the owner alone.
    const log = (await fsp.readFile(path.join(dir, 'log.jsonl'), 'utf8')).split('\n');
    log[1] = log[1]!.replace('"action-1"', '"action-9"');
    const changed = path.join(await tempDir(), 'audit');
    await fsp.cp(dir, changed, { recursive: true });
    await fsp.writeFile(path.join(changed, 'log.jsonl'), log.join('\n'));
    expect((await b.trail.verifyPeerLog(identity.installationId, identity.publicKey, changed)).failure).toMatchObject({ reason: 'chainBroken', entry: 2 });
    const forged = path.join(await tempDir(), 'audit');
    await fsp.cp(dir, forged, { recursive: true });
    const handover = JSON.parse(await fsp.readFile(path.join(dir, 'handover.jsonl'), 'utf8')) as { size: number };
    await fsp.writeFile(path.join(forged, 'handover.jsonl'), JSON.stringify({ ...handover, size: handover.size + 1 }) + '\n');
    expect((await b.trail.verifyPeerLog(identity.installationId, identity.publicKey, forged)).failure).toMatchObject({ reason: 'badSignature' });
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
