/**
 * The exchange at ten years' size: everything (the large dataset plus 100 MB of papers) prepared
 * for an empty installation and opened there, each side in a process of its own with its peak
 * memory; a day's work (50 changed actions) prepared and opened; and the same package opened again.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Meeting } from '../../../shared/model/meeting';
import { type BenchSuite } from '../bench';
import { enrol, measured, openIn, openLaptop, prepareFor } from '../exchange/laptop';
import { generateLargeDataset } from '../generate/largeDataset';

const PAPERS = 10;
const PAPER_BYTES = 10 * 1024 * 1024;
const DAY_CHANGES = 50;
const here = path.dirname(fileURLToPath(import.meta.url));

/** Runs one laptop's side of the full exchange in its own process (../exchange/step.ts) and reads what it measured. */
async function inOwnProcess<T>(args: string[]): Promise<{ ms: number; peakMb: number } & T> {
  const child = spawn(process.execPath, [...process.execArgv, path.join(here, '..', 'exchange', 'step.ts'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`exchange step ${args[0]} failed (${code})`);
  return JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; peakMb: number } & T;
}

const suite: BenchSuite = async (report) => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'hetao-bench-exchange-'));
  try {
    const hkDir = path.join(root, 'hk');
    await generateLargeDataset(hkDir);
    const szDir = path.join(root, 'sz');
    let hk = await openLaptop(hkDir, 'HK');
    let sz = await openLaptop(szDir, 'SZ');
    await enrol(hk, sz, root);
    await enrol(sz, hk, root);

    // 100 MB of papers tabled at one meeting.
    let meeting = await hk.value<Meeting>('meetings.create', {
      subGroupId: null,
      fields: { title: '第十次會議', date: '2026-12-01', startTime: null, endTime: null, venue: 'HK', venueDetail: '', classification: null, attendance: [] },
      standardItems: ['otherBusiness'],
    });
    for (let i = 0; i < PAPERS; i++) {
      const file = path.join(root, `paper-${i}.pdf`);
      await writeFile(file, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(PAPER_BYTES)]));
      hk.dialogs.answerNextOpen(file);
      meeting = (await hk.value<Meeting>('meetings.addPaper', { id: meeting.id, revision: meeting.revision, itemId: meeting.agenda[0]!.id, title: `文件 ${i + 1}` }))!;
    }

    // Each laptop's side in its own process, as on two real laptops: both installations closed here first.
    const szId = sz.identity.id;
    await hk.backend.close();
    await sz.backend.close();
    const full = await inOwnProcess<{ path: string }>(['prepare', hkDir, szId, root]);
    report('exchange.full.prepare.s', full.ms / 1000);
    const opened = await inOwnProcess<{ actions: number }>(['open', szDir, full.path]);
    report('exchange.full.open.s', opened.ms / 1000);
    report('exchange.full.peakRss.MB', Math.max(full.peakMb, opened.peakMb));
    if (!opened.actions) throw new Error('the full package carried no actions');
    hk = await openLaptop(hkDir, 'HK');
    sz = await openLaptop(szDir, 'SZ');

    // A day's work on the Hong Kong laptop: 50 actions edited, then prepared and opened in Shenzhen.
    // Shenzhen first tells Hong Kong what it now has, so the day's package holds only the day.
    await openIn(hk, (await prepareFor(sz, hk.identity.id, root)).path);
    const rows = (await hk.value<{ rows: Array<{ id: string }> }>('actions.list', { subGroupId: null, limit: DAY_CHANGES })).rows;
    for (const row of rows) {
      await hk.value('actions.addProgress', { id: row.id, note: '今日已跟進。', status: null, byContactId: null });
    }
    let dayPath = '';
    const day = await measured(async () => {
      dayPath = (await prepareFor(hk, sz.identity.id, root)).path;
      return openIn(sz, dayPath);
    });
    report('exchange.day.ms', day.ms);
    if (day.result.changedRecords < DAY_CHANGES) throw new Error(`the day's package changed ${day.result.changedRecords} records`);
    const again = await measured(() => openIn(sz, dayPath));
    report('exchange.reopen.ms', again.ms);
    if (again.result.changedRecords !== 0) throw new Error('opening the same package again changed records');
    await hk.backend.close();
    await sz.backend.close();
  } finally {
    await rm(root, { recursive: true, force: true });
  }
};

export default suite;
