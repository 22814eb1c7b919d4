import { spawn } from 'node:child_process';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { Store } from '../../../electron/store/store';
import { expectReady, listTempFiles, tempDir } from './helpers';

const RUNS = 32;
const here = path.dirname(fileURLToPath(import.meta.url));
let writer = '';

beforeAll(async () => {
  // Bundled once so that each child starts as plain node in a fraction of a second.
  const dir = await tempDir();
  writer = path.join(dir, 'crashWriter.cjs');
  await build({
    entryPoints: [path.join(here, 'crashWriter.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: writer,
    logLevel: 'warning',
  });
}, 60_000);

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
  code: number | null;
  stderr: string;
}

/** Starts the writer and kills it a moment after `killAfterAcks` acknowledged writes, or after it starts opening (-1). */
function runWriter(dataDir: string, seed: number, killAfterAcks: number, delayMs: number): Promise<RunResult> {
  const child = spawn(process.execPath, [writer, dataDir, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const result: RunResult = { readyLine: null, acks: [], signal: null, code: null, stderr: '' };
  let killing = false;
  const kill = (): void => {
    if (killing) return;
    killing = true;
    setTimeout(() => child.kill('SIGKILL'), delayMs);
  };
  child.stderr.on('data', (chunk: Buffer) => (result.stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      result.code = code;
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

describe('a writer killed at random moments', () => {
  it(`loses no acknowledged write over ${RUNS} kills`, { timeout: 90_000 }, async () => {
    const dataDir = await tempDir();
    const random = prng(0x4e7a0);
    const acknowledged = new Map<string, { collection: string; revision: number }>();
    let totalAcks = 0;

    for (let run = 0; run < RUNS; run++) {
      // Mostly mid-stream; sometimes while opening, when the load's own writes and save point run.
      const whileOpening = random() < 0.2;
      const killAfterAcks = whileOpening ? -1 : 1 + Math.floor(random() * 40);
      const delayMs = Math.floor(random() * (whileOpening ? 30 : 4));
      const result = await runWriter(dataDir, run + 1, killAfterAcks, delayMs);
      const context = `run ${run}: ${result.stderr}`;
      expect(result.signal, context).toBe('SIGKILL');
      // Every start after a kill opens cleanly: no file ever needs restoring from a backup.
      if (result.readyLine !== null) expect(result.readyLine, context).toBe('READY []');
      for (const ack of result.acks) {
        const known = acknowledged.get(ack.id);
        if (!known || known.revision < ack.revision) acknowledged.set(ack.id, { collection: ack.collection, revision: ack.revision });
      }
      totalAcks += result.acks.length;
    }
    expect(totalAcks).toBeGreaterThan(RUNS * 5);

    // A stray temp file from some earlier crash must not stop loading, and is cleaned away.
    await fsp.writeFile(path.join(dataDir, 'collections', 'contacts', '00.json.deadbeef.tmp'), '{"format":"hetao-de');
    const opened = expectReady(await Store.open({ dataDir }));
    expect(opened.notices).toEqual([]);
    expect(await listTempFiles(path.join(dataDir, 'collections'))).toEqual([]);
    const missing: string[] = [];
    for (const [id, { collection, revision }] of acknowledged) {
      const record = opened.store.get(collection as 'contacts' | 'actions', id);
      if (!record || record.revision < revision) missing.push(`${collection}/${id}@${revision} → ${record?.revision}`);
    }
    expect(missing).toEqual([]);
    await opened.store.close();
  });
});
