import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupName, Backups, backupTime, backupsToKeep, defaultBackupPolicy, type BackupPolicy } from '../../../electron/store/backups';
import { BACKUPS_DIR, shardRelativePath } from '../../../electron/store/layout';
import { nodeFs } from '../../../electron/store/storeFs';
import { contactFields, FakeClock, idsInShards, openReady, readJson, shardPathOf, tempDir, TestFs } from './helpers';

const DAY = 86_400_000;
const HOUR = 3_600_000;

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('which save points are kept', () => {
  it('keeps the last ten and the newest of each of the last thirty days', () => {
    const now = new Date(Date.UTC(2026, 10, 24, 17));
    const names: string[] = [];
    for (let day = 44; day >= 0; day--) {
      for (const hour of [9, 13, 17]) names.push(backupName(new Date(now.getTime() - day * DAY - (17 - hour) * HOUR)));
    }
    const keep = backupsToKeep(names, now, defaultBackupPolicy);

    const latest = [...names].sort().reverse().slice(0, 10);
    const newestOfDay = Array.from({ length: 31 }, (_, day) => backupName(new Date(now.getTime() - day * DAY)));
    expect([...keep].sort()).toEqual([...new Set([...latest, ...newestOfDay])].sort());
    expect(keep.size).toBe(37);
    expect(keep.has(backupName(new Date(now.getTime() - 31 * DAY)))).toBe(false);
  });

  it('keeps every save point while there are few, and ignores folders that are not save points', () => {
    const now = new Date('2026-11-24T12:00:00.000Z');
    const names = ['2026-11-24T11-00-00-000Z', '2020-01-01T00-00-00-000Z', '.2026-11-24T11-30-00-000Z.partial', 'notes'];
    expect([...backupsToKeep(names, now, defaultBackupPolicy)].sort()).toEqual(['2020-01-01T00-00-00-000Z', '2026-11-24T11-00-00-000Z']);
  });

  it('prunes the backups folder to that set as save points are taken over weeks', async () => {
    const dataDir = await tempDir();
    const clock = new FakeClock(Date.UTC(2026, 9, 1, 9));
    const relativePath = shardRelativePath('settings', 0);
    await fsp.mkdir(path.dirname(path.join(dataDir, relativePath)), { recursive: true });
    await fsp.writeFile(path.join(dataDir, relativePath), '{}');
    const backups = new Backups(dataDir, nodeFs, defaultBackupPolicy, clock.now);
    const taken: string[] = [];
    let lastAt = clock.now();
    for (let day = 0; day < 45; day++) {
      for (let save = 0; save < 3; save++) {
        lastAt = clock.now();
        taken.push(await backups.take([relativePath]));
        clock.advance(4 * HOUR);
      }
      clock.advance(DAY - 12 * HOUR);
    }
    const kept = await backups.list();
    expect([...kept].sort()).toEqual([...backupsToKeep(taken, lastAt, defaultBackupPolicy)].sort());
    expect(kept.length).toBeGreaterThan(30);
    expect(kept.length).toBeLessThan(45);
  });
});

describe('save points taken by the store', () => {
  it('are taken at most once a minute however often the user edits, plus one on closing', async () => {
    // Date and timers move together, as the store reads one and waits on the other.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: Date.parse('2026-11-24T06:30:00.000Z') });
    // Each save point runs on the real disk; the test waits for it before moving time on.
    const take = Backups.prototype.take;
    const taking: Array<Promise<string>> = [];
    vi.spyOn(Backups.prototype, 'take').mockImplementation(function (this: Backups, entries) {
      const taken = take.call(this, entries);
      taking.push(taken);
      return taken;
    });
    const dataDir = await tempDir();
    const policy: BackupPolicy = { ...defaultBackupPolicy, minIntervalMs: 60_000 };
    const store = await openReady({ dataDir, backupPolicy: policy });
    const contact = await store.insert('contacts', contactFields('何子聰'));
    await vi.advanceTimersByTimeAsync(0);
    await Promise.all(taking);
    for (let edit = 1; edit <= 30; edit++) {
      await vi.advanceTimersByTimeAsync(5_000);
      await Promise.all(taking);
      await store.update('contacts', contact.id, () => ({ title: `第${edit}稿` }));
    }
    await store.close();

    const start = Date.parse('2026-11-24T06:30:00.000Z');
    const times = (await store.listBackups()).map((name) => backupTime(name)!.getTime()).sort();
    expect(times.map((t) => (t - start) / 1000)).toEqual([0, 60, 120, 150]);
  });

  it('keep what they held when the data files are written again or damaged in place', async () => {
    const dataDir = await tempDir();
    const clock = new FakeClock();
    const [id] = idsInShards('contacts', 1);
    const store = await openReady({ dataDir, now: clock.now });
    const original = await store.insert('contacts', contactFields('鍾德威'), id);
    await store.close();
    const [backup] = await store.listBackups();
    const copy = path.join(dataDir, BACKUPS_DIR, backup!, path.relative(dataDir, shardPathOf(dataDir, 'contacts', id!)));
    const saved = await fsp.readFile(copy);
    expect(JSON.parse(saved.toString()).records[id!]).toEqual(original);

    clock.advance(HOUR);
    const again = await openReady({ dataDir, now: clock.now });
    for (let n = 0; n < 5; n++) await again.update('contacts', id!, () => ({ title: `修訂${n}` }));
    await again.close();
    expect(await fsp.readFile(copy)).toEqual(saved);

    // Something other than the store scribbles over the live file in place.
    await fsp.writeFile(shardPathOf(dataDir, 'contacts', id!), 'oops');
    for (const name of await again.listBackups()) {
      const file = path.join(dataDir, BACKUPS_DIR, name, path.relative(dataDir, shardPathOf(dataDir, 'contacts', id!)));
      expect((await readJson(file)).format).toBe('hetao-desk');
    }
  });

  it('hard-link unchanged files to the previous save point instead of copying them again', async () => {
    const dataDir = await tempDir();
    const clock = new FakeClock();
    const [changed, unchanged] = idsInShards('contacts', 2);
    const first = await openReady({ dataDir, now: clock.now });
    await first.insert('contacts', contactFields('羅靜怡'), changed);
    await first.insert('contacts', contactFields('葉文輝'), unchanged);
    await first.close();
    clock.advance(HOUR);
    // Opening takes a full save point; closing after one edit takes one that copies only that file.
    const store = await openReady({ dataDir, now: clock.now });
    clock.advance(HOUR);
    await store.update('contacts', changed!, () => ({ title: '主任' }));
    await store.close();

    const [newest, previous] = await store.listBackups();
    const inBackup = (name: string, id: string) =>
      path.join(dataDir, BACKUPS_DIR, name, path.relative(dataDir, shardPathOf(dataDir, 'contacts', id)));
    const [a, b] = await Promise.all([fsp.stat(inBackup(newest!, unchanged!)), fsp.stat(inBackup(previous!, unchanged!))]);
    expect(a.ino).toBe(b.ino);
    const [c, d] = await Promise.all([fsp.stat(inBackup(newest!, changed!)), fsp.stat(inBackup(previous!, changed!))]);
    expect(c.ino).not.toBe(d.ino);
    expect((await readJson(inBackup(newest!, changed!))).records[changed!].title).toBe('主任');
  });

  it.each(['EXDEV', 'EPERM'])('copy every file when the disk cannot hard-link (%s)', async (errno) => {
    const dataDir = await tempDir();
    const clock = new FakeClock();
    const testFs = new TestFs();
    testFs.failLink = errno;
    const [changed, unchanged] = idsInShards('contacts', 2);
    const store = await openReady({ dataDir, now: clock.now, fs: testFs.fs });
    await store.insert('settings', { language: 'zh-Hans' });
    await store.insert('contacts', contactFields('蘇雅雯'), changed);
    const kept = await store.insert('contacts', contactFields('盧振華'), unchanged);
    clock.advance(HOUR);
    const edited = await store.update('contacts', changed!, () => ({ title: '科長' }));
    await store.close();

    const [newest] = await store.listBackups();
    const inNewest = (id: string) => path.join(dataDir, BACKUPS_DIR, newest!, path.relative(dataDir, shardPathOf(dataDir, 'contacts', id)));
    expect((await readJson(inNewest(changed!))).records[changed!]).toEqual(edited);
    expect((await readJson(inNewest(unchanged!))).records[unchanged!]).toEqual(kept);
    expect((await readJson(path.join(dataDir, BACKUPS_DIR, newest!, shardRelativePath('settings', 0)))).records).not.toEqual({});
  });
});
