/**
 * The audit trail at scale: how long one append takes (flushed to the disk, as in the app), how long
 * Verify takes over a million entries with a checkpoint every thousand, and the log's size.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import { timeWithOffset, type AuditEntry } from '../../../shared/audit/entry';
import { auditPaths } from '../../../electron/audit/auditFiles';
import { identityFromKeys, type AuditIdentity } from '../../../electron/audit/auditIdentity';
import { AuditTrail, CHECKPOINT_EVERY } from '../../../electron/audit/auditTrail';
import { makeCheckpoint, type Checkpoint } from '../../../electron/audit/checkpoint';
import { GrowingTree, leafHash } from '../../../electron/audit/merkle';
import { entryLine, GENESIS, verifyAudit } from '../../../electron/audit/verifyAudit';
import { nodeFs } from '../../../electron/store/storeFs';
import { median, type BenchSuite } from '../bench';

const APPENDS = 200;
const VERIFY_ENTRIES = 1_000_000;

/** An edit as the app records it: a record id, its revision and the fields changed. */
function typicalEntry(identity: AuditIdentity, i: number): Omit<AuditEntry, 'prev' | 'seq'> {
  return {
    at: timeWithOffset(new Date(Date.UTC(2026, 0, 1) + i * 60_000), 480),
    installation: identity.installationId,
    officer: '5b0c2a8e-3f41-4d2a-9c57-2f1e0d6a9b13',
    kind: 'record.edited',
    subject: { collection: 'actions', recordId: randomUUID(), revision: (i % 40) + 1, fields: ['status', 'progress'] },
  };
}

/** Writes a log of `count` entries with its checkpoints straight to the files, as years of appends would. */
async function writeLog(dir: string, identity: AuditIdentity, count: number): Promise<Checkpoint[]> {
  const paths = auditPaths(dir);
  await mkdir(dir, { recursive: true });
  const out = createWriteStream(paths.log);
  const tree = new GrowingTree();
  const checkpoints: Checkpoint[] = [];
  let prev = GENESIS;
  for (let seq = 0; seq < count; seq++) {
    const line = entryLine(prev, seq, typicalEntry(identity, seq));
    const leaf = leafHash(Buffer.from(line));
    tree.append(leaf);
    prev = leaf.toString('hex');
    if (!out.write(`${line}\n`)) await once(out, 'drain');
    if (tree.size % CHECKPOINT_EVERY === 0) checkpoints.push(makeCheckpoint(identity.installationId, tree.size, tree.root(), timeWithOffset(new Date(), 480), identity.sign));
  }
  out.end();
  await once(out, 'finish');
  return checkpoints;
}

const suite: BenchSuite = async (report) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hetao-bench-audit-'));
  try {
    const identity = identityFromKeys(randomUUID(), generateKeyPairSync('ed25519').privateKey);

    const trail = await AuditTrail.open({ auditDir: path.join(dir, 'appends'), fs: nodeFs, identity, now: () => new Date(), peerKey: () => null });
    const appends: number[] = [];
    for (let i = 0; i < APPENDS; i++) {
      const entry = typicalEntry(identity, i);
      const started = performance.now();
      await trail.record({ kind: entry.kind, subject: entry.subject });
      appends.push(performance.now() - started);
    }
    report('audit.append.ms', median(appends));
    await trail.close();

    const sized = path.join(dir, 'sized');
    await writeLog(sized, identity, 100_000);
    report('audit.log.mb.per100k', (await stat(auditPaths(sized).log)).size / 1_000_000);

    const big = path.join(dir, 'big');
    const checkpoints = await writeLog(big, identity, VERIFY_ENTRIES);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const result = await verifyAudit({ fs: nodeFs, logFile: auditPaths(big).log, checkpoints, countersignatures: [], owner: identity, peerKey: () => null });
    report('audit.verify.s', (performance.now() - started) / 1000);
    // The processor time alone: on a shared machine the wall time above includes waiting for a core.
    const used = process.cpuUsage(cpu);
    report('audit.verify.cpu.s', (used.user + used.system) / 1e6);
    if (!result.ok || result.entries !== VERIFY_ENTRIES) throw new Error(`verify failed: ${JSON.stringify(result)}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

export default suite;
