import { createHash, randomBytes } from 'node:crypto';
import { copyFile, readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Action } from '../../../shared/model/action';
import type { Meeting } from '../../../shared/model/meeting';
import type { SubGroup } from '../../../shared/model/subGroup';
import type { FolderState, OpenResult } from '../../../shared/exchange/types';
import { enrolAll, useInstallations, type Installation } from './installations';
import { cheapKdf, turnOnEncryption } from '../../support/encryption';
import { filesHolding } from '../../support/filesHolding';

const { open, tempDir } = useInstallations();

const fields = (title: string) => ({ title, description: '', ownerSide: 'HK', leads: [], officerIds: [], dueDate: null, priority: 'normal', clauses: [] });

async function createAction(installation: Installation, title: string): Promise<Action> {
  const [subGroup] = await installation.value<SubGroup[]>('subGroups.list');
  return installation.value<Action>('actions.create', { subGroupId: subGroup!.id, fields: fields(title) });
}

/** Every file under the data folder's collections, to show a refused package wrote nothing. */
async function snapshot(installation: Installation): Promise<string> {
  const list = await installation.value<{ rows: Array<{ id: string; revision: number }> }>('actions.list', { subGroupId: null });
  return JSON.stringify(list.rows.map((r) => [r.id, r.revision]).sort());
}

describe('bad packages', () => {
  it('are refused with a clear reason and change nothing', async () => {
    const dir = await tempDir();
    const hk = await open('hk', 'HK');
    const sz = await open('sz', 'SZ');
    const stranger = await open('stranger', 'HK');
    await enrolAll([hk, sz], dir);
    await createAction(hk, '交換測試');
    const good = (await hk.prepareFor([sz], dir)).path;
    const before = await snapshot(sz);
    const size = (await stat(good)).size;

    const tampered = path.join(dir, 'tampered.hetao');
    const bytes = await readFile(good);
    bytes.writeUInt8(bytes.readUInt8(Math.floor(size / 2)) ^ 0x01, Math.floor(size / 2));
    await writeFile(tampered, bytes);
    expect(await sz.refusal(tampered)).toBe('exchange.tampered');

    const truncated = path.join(dir, 'truncated.hetao');
    await copyFile(good, truncated);
    await truncate(truncated, size - 100);
    expect(await sz.refusal(truncated)).toBe('exchange.truncated');

    const pdf = path.join(dir, 'renamed.hetao');
    await writeFile(pdf, '%PDF-1.7\n' + 'x'.repeat(2000));
    expect(await sz.refusal(pdf)).toBe('exchange.notPackage');

    const newer = path.join(dir, 'newer.hetao');
    const newerBytes = await readFile(good);
    newerBytes.writeUInt16BE(99, 8);
    await writeFile(newer, newerBytes);
    expect(await sz.refusal(newer)).toBe('exchange.newerFormat');

    // Addressed to Shenzhen: a third laptop cannot open it; one Shenzhen does not know is refused.
    expect(await stranger.refusal(good)).toBe('exchange.notForUs');
    await stranger.enrol(sz, dir);
    await sz.enrol(stranger, dir);
    await createAction(stranger, '陌生');
    const fromStrangerToHk = path.join(dir, 'stranger.hetao');
    await stranger.enrol(hk, dir);
    await copyFile((await stranger.prepareFor([hk], dir)).path, fromStrangerToHk);
    expect(await hk.refusal(fromStrangerToHk)).toBe('exchange.unknownSender');

    expect(await snapshot(sz)).toBe(before);
    const log = await sz.value<Array<{ kind: string; error: string | null }>>('exchange.log');
    expect(log.filter((e) => e.kind === 'refused').map((e) => e.error)).toEqual(['exchange.newerFormat', 'exchange.notPackage', 'exchange.truncated', 'exchange.tampered']);

    // The good one still opens; a retired sender's new packages are refused, its old one still opens.
    expect((await sz.openPackage(good)).alreadyOpened).toBe(false);
    await sz.value('exchange.retirePeer', { id: hk.identity.id });
    expect((await sz.openPackage(good)).alreadyOpened).toBe(true);
    await createAction(hk, '停用後');
    expect(await sz.refusal((await hk.prepareFor([sz], dir)).path)).toBe('exchange.retiredSender');
  });

  it('a package of the older format, or one whose clear header was changed, is refused and changes nothing', async () => {
    const dir = await tempDir();
    const hk = await open('hk', 'HK');
    const sz = await open('sz', 'SZ');
    await enrolAll([hk, sz], dir);
    await createAction(hk, '格式測試');
    const good = (await hk.prepareFor([sz], dir)).path;
    const before = await snapshot(sz);

    const older = path.join(dir, 'older.hetao');
    const olderBytes = await readFile(good);
    olderBytes.writeUInt16BE(1, 8);
    await writeFile(older, olderBytes);
    expect(await sz.refusal(older)).toBe('exchange.olderFormat');

    // The header is in the clear, but the sealed body is bound to its hash: a changed date fails.
    const relabelled = path.join(dir, 'relabelled.hetao');
    const bytes = await readFile(good);
    const at = bytes.indexOf('"createdAt":"') + '"createdAt":"'.length;
    bytes.write(bytes.toString('latin1', at, at + 4) === '1999' ? '2000' : '1999', at, 'latin1');
    await writeFile(relabelled, bytes);
    expect(await sz.refusal(relabelled)).toBe('exchange.tampered');

    expect(await snapshot(sz)).toBe(before);
    expect((await sz.openPackage(good)).changedRecords).toBeGreaterThan(0);
  });

  it('a paper of several sealed chunks arrives byte for byte; a byte changed inside it refuses the package', async () => {
    const dir = await tempDir();
    const hk = await open('hk', 'HK');
    const sz = await open('sz', 'SZ');
    await enrolAll([hk, sz], dir);
    const paperFile = path.join(dir, 'paper.pdf');
    const paperBytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(1_500_000)]);
    await writeFile(paperFile, paperBytes);
    const meeting = await hk.value<Meeting>('meetings.create', {
      subGroupId: null,
      fields: { title: '第一次會議', date: '2026-12-01', startTime: null, endTime: null, venue: 'HK', venueDetail: '', classification: null, attendance: [] },
      standardItems: ['otherBusiness'],
    });
    hk.dialogs.answerNextOpen(paperFile);
    await hk.value<Meeting>('meetings.addPaper', { id: meeting.id, revision: meeting.revision, itemId: meeting.agenda[0]!.id, title: '文件' });
    const good = (await hk.prepareFor([sz], dir)).path;

    const changed = path.join(dir, 'changed.hetao');
    const bytes = await readFile(good);
    const inPaper = Math.floor(bytes.length / 3);
    bytes.writeUInt8(bytes.readUInt8(inPaper) ^ 0x80, inPaper);
    await writeFile(changed, bytes);
    expect(await sz.refusal(changed)).toBe('exchange.tampered');

    const opened = await sz.openPackage(good);
    expect(opened.counts.attachments).toBe(1);
    const sha256 = createHash('sha256').update(paperBytes).digest('hex');
    expect(createHash('sha256').update(await readFile(path.join(sz.dataDir, 'attachments', sha256))).digest('hex')).toBe(sha256);
  });

  it('between two encrypted laptops a paper travels and is kept sealed at both ends, and opens on the other side', async () => {
    const dir = await tempDir();
    const hk = await open('hk', 'HK', { kdf: cheapKdf() });
    const sz = await open('sz', 'SZ', { kdf: cheapKdf() });
    await turnOnEncryption(hk, '香港 河套 2026');
    await turnOnEncryption(sz, '深圳 河套 2026');
    await enrolAll([hk, sz], dir);
    const canary = '限閱文件-交換-PAPER-CANARY';
    const paperFile = path.join(dir, '租約.pdf');
    const paperBytes = Buffer.concat([Buffer.from(`%PDF-1.7\n${canary}\n`), randomBytes(600_000), Buffer.from(canary)]);
    await writeFile(paperFile, paperBytes);
    const meeting = await hk.value<Meeting>('meetings.create', {
      subGroupId: null,
      fields: { title: '第一次會議', date: '2026-12-01', startTime: null, endTime: null, venue: 'HK', venueDetail: '', classification: 'restricted', attendance: [] },
      standardItems: ['otherBusiness'],
    });
    hk.dialogs.answerNextOpen(paperFile);
    await hk.value<Meeting>('meetings.addPaper', { id: meeting.id, revision: meeting.revision, itemId: meeting.agenda[0]!.id, title: '文件' });
    expect((await sz.openPackage((await hk.prepareFor([sz], dir)).path)).counts.attachments).toBe(1);

    expect((await sz.value<Array<{ state: string }>>('meetings.checkPapers', { id: meeting.id })).map((p) => p.state)).toEqual(['ok']);
    const received = await sz.value<Meeting>('meetings.get', { id: meeting.id });
    const copy = path.join(dir, '副本.pdf');
    sz.dialogs.answerNextSave(copy);
    await sz.value('meetings.savePaperCopy', { id: meeting.id, itemId: received.agenda[0]!.id, paperId: received.agenda[0]!.papers[0]!.id });
    expect(await readFile(copy)).toEqual(paperBytes);
    expect(await filesHolding(hk.dataDir, [canary])).toEqual([]);
    expect(await filesHolding(sz.dataDir, [canary])).toEqual([]);
  });

  it('the same package twice, or an older one after a newer, changes nothing; a lost one is covered by the next', async () => {
    const dir = await tempDir();
    const hk = await open('hk', 'HK');
    const sz = await open('sz', 'SZ');
    await enrolAll([hk, sz], dir);
    const action = await createAction(hk, '第一版');
    const older = (await hk.prepareFor([sz], dir)).path;
    const current = await hk.value<Action>('actions.get', { id: action.id });
    await hk.value('actions.update', { id: action.id, revision: current.revision, fields: fields('第二版') });
    const newer = (await hk.prepareFor([sz], dir)).path;
    await sz.openPackage(newer);
    const after = await sz.value<Action>('actions.get', { id: action.id });
    expect(after.title).toBe('第二版');
    const again = await sz.openPackage(newer);
    expect([again.alreadyOpened, again.changedRecords]).toEqual([true, 0]);
    expect((await sz.openPackage(older)).changedRecords).toBe(0);
    expect(await sz.value<Action>('actions.get', { id: action.id })).toEqual(after);
  });

  it('travels through a third laptop: Hong Kong → Shenzhen A → Shenzhen B', async () => {
    const dir = await tempDir();
    const hk = await open('hk', 'HK');
    const a = await open('sz-a', 'SZ');
    const b = await open('sz-b', 'SZ');
    await enrolAll([hk, a], dir);
    await enrolAll([a, b], dir);
    const action = await createAction(hk, '經深圳甲轉交');
    await a.openPackage((await hk.prepareFor([a], dir)).path);
    await b.openPackage((await a.prepareFor([b], dir)).path);
    expect((await b.value<Action>('actions.get', { id: action.id })).title).toBe('經深圳甲轉交');
  });

  it('an action numbered the same on both sides offline keeps one number; the other is renumbered and still found by its old one', async () => {
    const dir = await tempDir();
    const hk = await open('hk', 'HK');
    const sz = await open('sz', 'SZ');
    await enrolAll([hk, sz], dir);
    // Both start from the same data, then each gives out the next number offline.
    await sz.openPackage((await hk.prepareFor([sz], dir)).path);
    const mine = await createAction(hk, '港方新事項');
    const theirs = await createAction(sz, '深方新事项');
    expect(mine.reference).toBe(theirs.reference);
    const toHk = await sz.prepareFor([hk], dir);
    const toSz = await hk.prepareFor([sz], dir);
    const results: OpenResult[] = [await hk.openPackage(toHk.path), await sz.openPackage(toSz.path)];
    // The record that gives way is renumbered by the laptop that numbered it; the change travels back.
    await hk.openPackage((await sz.prepareFor([hk], dir)).path);
    await sz.openPackage((await hk.prepareFor([sz], dir)).path);
    const renumbered = results.flatMap((r) => r.renumbered);
    expect(renumbered).toHaveLength(1);
    expect(renumbered[0]!.from).toBe(mine.reference);
    for (const side of [hk, sz]) {
      const refs = (await side.value<{ rows: Action[] }>('actions.list', { subGroupId: null })).rows.map((r) => r.reference);
      expect(new Set(refs).size).toBe(refs.length);
      const found = await side.value<string[]>('actions.search', { subGroupId: null, text: renumbered[0]!.from });
      expect(found).toContain(renumbered[0]!.recordId);
    }
  });
});

describe('the exchange folder', () => {
  it('receives packages for peers, offers the ones found, leaves a file being copied alone, and knows a copy by its id', async () => {
    const folder = await tempDir();
    const dir = await tempDir();
    const hk = await open('hk', 'HK');
    const sz = await open('sz', 'SZ');
    await enrolAll([hk, sz], dir);
    for (const side of [hk, sz]) {
      side.dialogs.answerNextFolder(folder);
      await side.value('exchange.chooseFolder');
    }
    await createAction(hk, '經資料夾');
    const prepared = await hk.value<{ path: string; packageId: string }>('exchange.prepare', { peerIds: [sz.identity.id], toFolder: true });
    expect(path.dirname(prepared.path)).toBe(folder);
    // A sync tool's conflict copy and a half-copied file.
    const base = prepared.path.replace(/\.hetao$/, '');
    await copyFile(prepared.path, `${base}.sync-conflict-20261202-101010-ABCDEFG.hetao`);
    const partial = path.join(folder, 'half.hetao');
    await writeFile(partial, (await readFile(prepared.path)).subarray(0, 500));

    const state = await sz.value<FolderState>('exchange.folder');
    expect(state.found).toHaveLength(1);
    expect(state.found[0]).toMatchObject({ packageId: prepared.packageId, status: 'new', copies: [expect.stringContaining('sync-conflict')] });
    await sz.value('exchange.open', { source: { kind: 'found', packageId: prepared.packageId } });
    expect((await sz.value<FolderState>('exchange.folder')).found[0]!.status).toBe('opened');
    expect((await hk.value<FolderState>('exchange.folder')).found[0]!.status).toBe('ours');
  });
});

describe('cancelling', () => {
  it('a package being prepared leaves no file, no log entry and no package number used; the next one is whole', async () => {
    const dir = await tempDir();
    const out = await tempDir();
    const hk = await open('hk', 'HK');
    const sz = await open('sz', 'SZ');
    await enrolAll([hk, sz], dir);
    await createAction(hk, '取消測試');
    const taskId = crypto.randomUUID();
    // The person presses Cancel as soon as the first part shows progress.
    const stop = hk.backend.onTaskProgress((progress) => {
      if (progress.taskId === taskId) void hk.call('tasks.cancel', { taskId });
    });
    const target = path.join(out, 'cancelled.hetao');
    hk.dialogs.answerNextSave(target);
    const result = await hk.call('exchange.prepare', { peerIds: [sz.identity.id], toFolder: false, taskId });
    stop();
    expect(result.ok ? 'prepared' : result.error.code).toBe('exchange.cancelled');
    expect(await readdir(out)).toEqual([]);
    expect(await hk.value<unknown[]>('exchange.log')).toEqual([]);
    expect((await hk.value<Array<{ lastSent: unknown }>>('exchange.peers'))[0]!.lastSent).toBeNull();

    const prepared = await hk.prepareFor([sz], dir);
    expect(prepared.fileName).toMatch(/_001\.hetao$/);
    expect((await sz.openPackage(prepared.path)).conflictsRaised).toBe(0);
  });

  it('a package being opened once its checks passed and writing began: it finishes, so nothing is half merged', async () => {
    const dir = await tempDir();
    const hk = await open('hk', 'HK');
    const sz = await open('sz', 'SZ');
    await enrolAll([hk, sz], dir);
    const action = await createAction(hk, '寫入中取消');
    const file = (await hk.prepareFor([sz], dir)).path;
    const taskId = crypto.randomUUID();
    // Progress while opening is reported as records are merged, after every check: Cancel comes too late.
    const stop = sz.backend.onTaskProgress((progress) => {
      if (progress.taskId === taskId) void sz.call('tasks.cancel', { taskId });
    });
    sz.dialogs.answerNextOpen(file);
    const result = await sz.value<OpenResult>('exchange.open', { source: { kind: 'choose' }, taskId });
    stop();
    expect(result.alreadyOpened).toBe(false);
    expect((await sz.value<Action>('actions.get', { id: action.id })).title).toBe('寫入中取消');
    expect((await sz.value<Array<{ kind: string }>>('exchange.log')).map((e) => e.kind)).toEqual(['opened']);
  });
});
