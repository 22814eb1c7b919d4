/**
 * The installation's own user, holding its signing key, tries to change its past: edit, delete,
 * insert, reorder, truncate the newest entries, replace the whole log with a consistent forgery
 * (chain rebuilt, checkpoints signed again), or roll the folder back to an older countersigned copy.
 * Once the other side has countersigned a checkpoint, every attempt must be caught by the other side,
 * both when it checks a copy of the log and at the next exchange.
 */
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/audit/entry';
import { makeCheckpoint, type Checkpoint } from '../../../electron/audit/checkpoint';
import { leafHash, rootOf } from '../../../electron/audit/merkle';
import { entryLine, GENESIS } from '../../../electron/audit/verifyAudit';
import { exchange, Peers, recordEdits, tempDir, unflushedFs, type Installation } from './auditHelpers';

interface Folder {
  log: string[];
  checkpoints: string;
  countersignatures: string;
}
type Rest = Omit<AuditEntry, 'prev' | 'seq'>;

async function snapshot(dir: string): Promise<Folder> {
  const read = (name: string) => fsp.readFile(path.join(dir, name), 'utf8').catch(() => '');
  return {
    log: (await read('log.jsonl')).split('\n').filter(Boolean),
    checkpoints: await read('checkpoints.jsonl'),
    countersignatures: await read('countersignatures.jsonl'),
  };
}

async function writeFolder(dir: string, folder: Folder): Promise<void> {
  await fsp.mkdir(dir, { recursive: true });
  await fsp.writeFile(path.join(dir, 'log.jsonl'), folder.log.map((l) => `${l}\n`).join(''));
  await fsp.writeFile(path.join(dir, 'checkpoints.jsonl'), folder.checkpoints);
  await fsp.writeFile(path.join(dir, 'countersignatures.jsonl'), folder.countersignatures);
}

const restOf = (line: string): Rest => {
  const { prev: _prev, seq: _seq, ...rest } = JSON.parse(line) as AuditEntry;
  return rest;
};

describe('the tamper suite', () => {
  const peers = new Peers(unflushedFs);
  let a: Installation;
  let b: Installation;
  const older: Folder[] = [];
  let original: Folder;
  let checkpointSizes: number[];

  beforeAll(async () => {
    a = await peers.installation({ checkpointEvery: 16, officer: 'contact-7' });
    b = await peers.installation();
    for (const [from, count] of [[0, 40], [40, 30], [70, 30]] as const) {
      await recordEdits(a.trail, count, from);
      await exchange(a, b);
      older.push(await snapshot(a.dir));
    }
    original = older.pop()!;
    checkpointSizes = original.checkpoints.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as Checkpoint).size);
  });

  /** What the key holder can do: rebuild the chain over any entries and sign checkpoints for it again. */
  function forge(rests: Rest[], keepCountersignatures: boolean): Folder {
    const log: string[] = [];
    const leaves: Buffer[] = [];
    rests.forEach((rest, seq) => {
      const line = entryLine(seq === 0 ? GENESIS : leaves[seq - 1]!.toString('hex'), seq, rest);
      log.push(line);
      leaves.push(leafHash(Buffer.from(line)));
    });
    const checkpoints = checkpointSizes
      .filter((size) => size <= rests.length)
      .map((size) => JSON.stringify(makeCheckpoint(a.identity.installationId, size, rootOf(leaves, 0, size), '2026-12-02T10:15:00.000+08:00', a.identity.sign)));
    return { log, checkpoints: checkpoints.map((l) => `${l}\n`).join(''), countersignatures: keepCountersignatures ? original.countersignatures : '' };
  }

  function naive(log: string[]): Folder {
    return { ...original, log };
  }

  function fakeRest(i: number): Rest {
    return { ...restOf(original.log[0]!), kind: 'record.deleted', subject: { collection: 'meetings', recordId: `forged-${i}` } };
  }

  function cases(): { name: string; folder: () => Folder | Promise<Folder> }[] {
    const log = original.log;
    const rests = log.map(restOf);
    const edit = (line: string) => line.replace('"contact-7"', '"contact-8"');
    const all: { name: string; folder: () => Folder | Promise<Folder> }[] = [];
    for (let i = 0; i < log.length; i++) {
      all.push({ name: `edit ${i}`, folder: () => naive(log.map((l, j) => (j === i ? edit(l) : l))) });
      const edited = rests.map((r, j) => (j === i ? { ...r, officer: 'contact-8' } : r));
      all.push({ name: `edit ${i}, consistent forgery`, folder: () => forge(edited, true) });
      all.push({ name: `edit ${i}, consistent forgery, countersignatures removed`, folder: () => forge(edited, false) });
      all.push({ name: `delete ${i}`, folder: () => naive(log.filter((_, j) => j !== i)) });
      all.push({ name: `delete ${i}, consistent forgery`, folder: () => forge(rests.filter((_, j) => j !== i), true) });
      all.push({ name: `delete ${i}, consistent forgery, countersignatures removed`, folder: () => forge(rests.filter((_, j) => j !== i), false) });
      all.push({ name: `truncate newest ${log.length - i}`, folder: () => naive(log.slice(0, i)) });
      all.push({ name: `truncate newest ${log.length - i}, consistent forgery`, folder: () => forge(rests.slice(0, i), false) });
    }
    // (An entry added after the newest is no tampering: it is an append.)
    for (let i = 0; i < log.length; i++) {
      const inserted = [...rests.slice(0, i), fakeRest(i), ...rests.slice(i)];
      all.push({ name: `insert at ${i}`, folder: () => naive([...log.slice(0, i), forge(inserted, false).log[i]!, ...log.slice(i)]) });
      all.push({ name: `insert at ${i}, consistent forgery`, folder: () => forge(inserted, false) });
    }
    for (let i = 0; i + 1 < log.length; i++) {
      const swapped = [...rests];
      [swapped[i], swapped[i + 1]] = [swapped[i + 1]!, swapped[i]!];
      all.push({ name: `reorder ${i}↔${i + 1}`, folder: () => naive(swapped.map((_, j) => log[j === i ? i + 1 : j === i + 1 ? i : j]!)) });
      all.push({ name: `reorder ${i}↔${i + 1}, consistent forgery`, folder: () => forge(swapped, true) });
    }
    for (let k = 1; k <= 50; k++) {
      const replaced = [...rests.slice(0, log.length - k), ...Array.from({ length: k }, (_, j) => fakeRest(j))];
      all.push({ name: `newest ${k} replaced, consistent forgery`, folder: () => forge(replaced, false) });
    }
    for (const length of [0, 1, 50, 99, 100, 101, 150]) {
      for (const keep of [true, false]) {
        all.push({ name: `whole log replaced by ${length} forged entries${keep ? '' : ', countersignatures removed'}`, folder: () => forge(Array.from({ length }, (_, j) => fakeRest(j)), keep) });
      }
    }
    older.forEach((folder, n) => {
      for (let extra = 0; extra <= 10; extra++) {
        all.push({
          name: `rolled back to countersigned copy ${n + 1}, then ${extra} new entries`,
          folder: async () => {
            const dir = path.join(await tempDir(), 'audit');
            await writeFolder(dir, folder);
            const trail = await peers.open(a.identity, dir);
            await recordEdits(trail, extra, 1000);
            return snapshot(dir);
          },
        });
      }
    });
    return all;
  }

  it('catches every one of at least 1,000 attempts, in a copy of the log and at the next exchange', async () => {
    const list = cases();
    expect(list.length).toBeGreaterThanOrEqual(1000);
    const root = await tempDir();
    const missedByCopy: string[] = [];
    const missedAtExchange: string[] = [];
    const missedLocally: string[] = [];
    for (const [n, c] of list.entries()) {
      const dir = path.join(root, String(n));
      const folder = await c.folder();
      await writeFolder(dir, folder);
      const copy = await b.trail.verifyPeerLog(a.identity.installationId, a.identity.publicKey, dir);
      if (copy.ok) missedByCopy.push(c.name);
      const tampered = await peers.open(a.identity, dir);
      // Its own Verify catches whatever keeps the countersignatures it was given.
      if (folder.countersignatures === original.countersignatures && (await tampered.verify()).ok) missedLocally.push(c.name);
      const parcel = await tampered.checkpointsForPeer(b.identity.installationId);
      const { problem } = await b.trail.receivePeerCheckpoints(parcel, a.identity.publicKey);
      if (!problem) missedAtExchange.push(c.name);
    }
    expect({ missedByCopy, missedAtExchange, missedLocally }).toEqual({ missedByCopy: [], missedAtExchange: [], missedLocally: [] });
  }, 240_000);

  it('names the first entry that fails', async () => {
    const dir = path.join(await tempDir(), 'audit');
    await writeFolder(dir, naive(original.log.map((l, j) => (j === 57 ? l.replace('"contact-7"', '"contact-8"') : l))));
    const result = await b.trail.verifyPeerLog(a.identity.installationId, a.identity.publicKey, dir);
    // Entry 57's own line changed, so entry 58 no longer follows it.
    expect(result.failure).toEqual({ reason: 'chainBroken', entry: 58, checkpointSize: null });

    const forgedDir = path.join(await tempDir(), 'audit');
    await writeFolder(forgedDir, forge(original.log.map(restOf).map((r, j) => (j === 57 ? { ...r, officer: 'contact-8' } : r)), true));
    // Rebuilt and signed again, the log holds together until the countersigned checkpoint at 70.
    expect((await b.trail.verifyPeerLog(a.identity.installationId, a.identity.publicKey, forgedDir)).failure).toEqual({
      reason: 'checkpointMismatch',
      entry: 40,
      checkpointSize: 70,
    });
  });

  it('cannot tell a consistent forgery of entries no checkpoint of the other side covers yet (see the README)', async () => {
    const dir = path.join(await tempDir(), 'audit');
    // Two entries appended after the newest countersigned checkpoint, then rewritten by the key holder before the next exchange.
    await writeFolder(dir, forge([...original.log.map(restOf), fakeRest(1), fakeRest(2)], true));
    expect(await b.trail.verifyPeerLog(a.identity.installationId, a.identity.publicKey, dir)).toMatchObject({ ok: true, entries: 102, countersignedEntries: 100 });
  });
});
