import { spawn } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { sealedFs } from '../../electron/crypto/sealedFs';
import { Store } from '../../electron/store/store';
import { nodeFs } from '../../electron/store/storeFs';
import { CRASH_TEXTS } from '../electron/store/crashTexts';
import { filesHolding } from './filesHolding';

const writerSource = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'electron', 'store', 'crashWriter.ts');

/** Seeded, so a failing run can be replayed by its number. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface RunResult {
  readyLine: string | null;
  acks: Array<{ collection: string; id: string; revision: number }>;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Starts the writer and kills it a moment after `killAfterAcks` acknowledged writes, or after it starts opening (-1). */
function runWriter(writer: string, dataDir: string, seed: number, killAfterAcks: number, delayMs: number, dataKey: Buffer | null): Promise<RunResult> {
  const args = [writer, dataDir, String(seed), ...(dataKey ? [dataKey.toString('hex')] : [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const result: RunResult = { readyLine: null, acks: [], signal: null, stderr: '' };
  let killing = false;
  const kill = (): void => {
    if (killing) return;
    killing = true;
    setTimeout(() => child.kill('SIGKILL'), delayMs);
  };
  child.stderr.on('data', (chunk: Buffer) => (result.stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (_code, signal) => {
      result.signal = signal;
      resolve();
    }),
  );
  const lines = createInterface({ input: child.stdout });
  const allLines = new Promise<void>((resolve) => lines.on('close', resolve));
  lines.on('line', (line) => {
    const [word, collection, id, revision] = line.split(' ');
    if (word === 'OPENING') {
      if (killAfterAcks < 0) kill();
    } else if (word === 'READY' || word === 'REFUSED') {
      result.readyLine = line;
    } else if (word === 'ACK') {
      result.acks.push({ collection: collection!, id: id!, revision: Number(revision) });
      if (result.acks.length >= killAfterAcks) kill();
    }
  });
  return Promise.all([exited, allLines]).then(() => result);
}

export interface CrashReport {
  kills: number;
  acks: number;
  /** Acknowledged writes the store no longer holds after the last kill. */
  lostAcks: string[];
  /** Runs that did not end as expected: not killed, or a start that had to restore or refused. */
  surprises: string[];
  /** Temp files the last open left behind. */
  leftovers: string[];
  /** With a data key: files of the folder holding any of the writer's texts in plain form. */
  plainText: string[];
}

/**
 * Kills a child writing through the store with SIGKILL at random moments, `kills` times in one data
 * folder, then opens the folder and checks that every write acknowledged before any kill is there.
 * With a data key the folder is sealed, and every file left by the kills is scanned for plain text.
 */
export async function crashTheStore(kills: number, seed = 0x4e7a0, dataKey: Buffer | null = null): Promise<CrashReport> {
  const work = await fsp.mkdtemp(path.join(os.tmpdir(), 'hetao-crash-'));
  try {
    // Bundled once so that each child starts as plain node in a fraction of a second.
    const writer = path.join(work, 'crashWriter.cjs');
    await build({ entryPoints: [writerSource], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: writer, logLevel: 'warning' });
    const dataDir = path.join(work, 'data');
    const random = prng(seed);
    const acknowledged = new Map<string, { collection: string; revision: number }>();
    const report: CrashReport = { kills: 0, acks: 0, lostAcks: [], surprises: [], leftovers: [], plainText: [] };

    for (let run = 0; run < kills; run++) {
      // Mostly mid-stream; sometimes while opening, when the load's own writes and save point run.
      const whileOpening = random() < 0.2;
      const killAfterAcks = whileOpening ? -1 : 1 + Math.floor(random() * 40);
      const delayMs = Math.floor(random() * (whileOpening ? 30 : 4));
      const result = await runWriter(writer, dataDir, run + 1, killAfterAcks, delayMs, dataKey);
      if (result.signal === 'SIGKILL') report.kills++;
      else report.surprises.push(`run ${run} ended by itself: ${result.stderr}`);
      // Every start after a kill opens cleanly: no file ever needs restoring from a backup.
      if (result.readyLine !== null && result.readyLine !== 'READY []') report.surprises.push(`run ${run}: ${result.readyLine}`);
      for (const ack of result.acks) {
        const known = acknowledged.get(ack.id);
        if (!known || known.revision < ack.revision) acknowledged.set(ack.id, { collection: ack.collection, revision: ack.revision });
      }
      report.acks += result.acks.length;
    }

    // What the kills left, before anything opens the folder again: nothing of the records in plain form.
    if (dataKey) report.plainText = await filesHolding(dataDir, [...CRASH_TEXTS, '"records"']);
    // A stray temp file from some earlier crash must not stop loading, and is cleaned away.
    await fsp.writeFile(path.join(dataDir, 'collections', 'contacts', '00.json.deadbeef.tmp'), '{"format":"hetao-de');
    const opened = await Store.open({ dataDir, fs: dataKey ? sealedFs(nodeFs, dataDir, dataKey) : undefined });
    if (opened.status !== 'ready') throw new Error(`the store did not open after the kills: ${JSON.stringify(opened)}`);
    if (opened.notices.length) report.surprises.push(`last open: ${JSON.stringify(opened.notices)}`);
    const entries = await fsp.readdir(dataDir, { recursive: true });
    report.leftovers = entries.filter((name) => name.endsWith('.tmp'));
    for (const [id, { collection, revision }] of acknowledged) {
      const record = opened.store.get(collection as 'contacts' | 'actions', id);
      if (!record || record.revision < revision) report.lostAcks.push(`${collection}/${id}@${revision} → ${record?.revision}`);
    }
    await opened.store.close();
    return report;
  } finally {
    await fsp.rm(work, { recursive: true, force: true });
  }
}
