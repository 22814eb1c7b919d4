/**
 * The exchange at ten years' size: everything (the large dataset plus 100 MB of papers) prepared
 * for an empty installation and opened there, with the peak memory of both; a day's work (50
 * changed actions) prepared and opened; and the same package opened again.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openBackend, type Backend } from '../../../electron/backend/openBackend';
import { QueuedDialogs } from '../../../electron/dialogs/dialogs';
import { APP_ORIGIN } from '../../../shared/security/contentSecurityPolicy';
import type { CardPreview, Identity, OpenResult, PrepareResult } from '../../../shared/exchange/types';
import type { Meeting } from '../../../shared/model/meeting';
import { type BenchSuite } from '../bench';
import { generateLargeDataset } from '../generate/largeDataset';

const PAPERS = 10;
const PAPER_BYTES = 10 * 1024 * 1024;
const DAY_CHANGES = 50;
const frame = { url: `${APP_ORIGIN}/index.html`, isMainFrame: true };

interface Laptop {
  backend: Backend;
  dialogs: QueuedDialogs;
  value<T>(channel: string, input?: unknown): Promise<T>;
  identity: Identity;
}

async function laptop(dataDir: string, side: 'HK' | 'SZ'): Promise<Laptop> {
  const dialogs = new QueuedDialogs();
  const backend = await openBackend({ dataDir, appVersion: 'bench', systemLocale: 'zh-HK', appOrigin: APP_ORIGIN, openFolder: async () => undefined, dialogs });
  const value = async <T>(channel: string, input?: unknown): Promise<T> => {
    const result = await backend.dispatch(channel, input, frame);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
    return result.value as T;
  };
  const officer = await value<{ id: string }>('contacts.create', { name: `${side}官員`, title: '', organisation: '', side, email: '', phone: '', memberships: [] });
  const office = side === 'HK' ? { hant: '香港秘書處', hans: '香港秘书处', en: 'HK' } : { hant: '深圳秘書處', hans: '深圳秘书处', en: 'SZ' };
  const identity = await value<Identity>('exchange.setUpIdentity', { side, office, device: side, officerContactId: officer.id });
  return { backend, dialogs, value, identity };
}

async function enrol(a: Laptop, b: Laptop, dir: string): Promise<void> {
  const file = path.join(dir, `${randomUUID()}.hetaocard`);
  b.dialogs.answerNextSave(file);
  await b.value('exchange.exportCard');
  a.dialogs.answerNextOpen(file);
  const preview = await a.value<CardPreview>('exchange.readCard');
  await a.value('exchange.addPeer', { token: preview.token, fingerprintConfirmed: true });
}

/** Runs `work` while sampling the resident set size; returns its time and the highest RSS seen. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; ms: number; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - started, peakMb: Math.max(peak, process.memoryUsage().rss) / 1_000_000 };
  } finally {
    clearInterval(timer);
  }
}

const suite: BenchSuite = async (report) => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'hetao-bench-exchange-'));
  try {
    const hkDir = path.join(root, 'hk');
    await generateLargeDataset(hkDir);
    const hk = await laptop(hkDir, 'HK');
    const sz = await laptop(path.join(root, 'sz'), 'SZ');
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

    const prepareFor = (from: Laptop, to: Laptop) => {
      from.dialogs.answerNextSave(path.join(root, `${randomUUID()}.hetao`));
      return from.value<PrepareResult>('exchange.prepare', { peerIds: [to.identity.id], toFolder: false });
    };
    const openIn = (to: Laptop, file: string) => {
      to.dialogs.answerNextOpen(file);
      return to.value<OpenResult>('exchange.open', { source: { kind: 'choose' } });
    };

    const full = await measured(() => prepareFor(hk, sz));
    report('exchange.full.prepare.s', full.ms / 1000);
    const opened = await measured(() => openIn(sz, full.result.path));
    report('exchange.full.open.s', opened.ms / 1000);
    report('exchange.full.peakRss.MB', Math.max(full.peakMb, opened.peakMb));
    if (!opened.result.counts.actions) throw new Error('the full package carried no actions');

    // A day's work on the Hong Kong laptop: 50 actions edited, then prepared and opened in Shenzhen.
    // Shenzhen first tells Hong Kong what it now has, so the day's package holds only the day.
    await openIn(hk, (await prepareFor(sz, hk)).path);
    const rows = (await hk.value<{ rows: Array<{ id: string }> }>('actions.list', { subGroupId: null, limit: DAY_CHANGES })).rows;
    for (const row of rows) {
      await hk.value('actions.addProgress', { id: row.id, note: '今日已跟進。', status: null, byContactId: null });
    }
    let dayPath = '';
    const day = await measured(async () => {
      dayPath = (await prepareFor(hk, sz)).path;
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
