import { randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { SCHEMA_VERSION } from '../../../shared/model/dataset';
import { describe, expect, it } from 'vitest';
import { BACKUPS_DIR, COLLECTIONS_DIR, DAMAGED_DIR, shardRelativePath } from '../../../electron/store/layout';
import { MANIFEST_FILE } from '../../../electron/store/manifest';
import { Store, type StoreNotice } from '../../../electron/store/store';
import { nodeFs, type StoreFs } from '../../../electron/store/storeFs';
import type { Contact } from '../../../shared/model/contact';
import { useTestBackend } from '../../support/testBackend';
import {
  contactFields,
  errnoError,
  expectReady,
  folderWithHistory,
  readJson,
  readOnlyFs,
  shardPathOf,
  snapshotTree,
  tempDir,
} from './helpers';

type Folder = Awaited<ReturnType<typeof folderWithHistory>>;

const envelope = (text: string, change: (file: Record<string, unknown>) => void) => {
  const file = JSON.parse(text) as Record<string, unknown>;
  change(file);
  return JSON.stringify(file);
};

/** Each case: what happened to the file, and what the user is told as the app opens. */
const table: Array<{ name: string; damage: (f: Folder) => Promise<void>; told: StoreNotice['kind'] | 'nothing'; restored: 'edited' | 'older' }> = [
  { name: 'the file is missing', damage: (f) => fsp.rm(f.file), told: 'restoredFromBackup', restored: 'edited' },
  { name: 'the file holds null', damage: (f) => fsp.writeFile(f.file, 'null'), told: 'recoveredFromBackup', restored: 'edited' },
  { name: 'the file holds an empty array', damage: (f) => fsp.writeFile(f.file, '[]'), told: 'recoveredFromBackup', restored: 'edited' },
  {
    name: 'the file was emptied of records',
    damage: async (f) => fsp.writeFile(f.file, envelope(await fsp.readFile(f.file, 'utf8'), (file) => (file.records = {}))),
    told: 'restoredFromBackup',
    restored: 'edited',
  },
  {
    name: 'an older copy was put back (a sync tool rolled it back)',
    damage: async (f) => fsp.copyFile(await f.olderCopy(), f.file),
    told: 'restoredFromBackup',
    restored: 'edited',
  },
  {
    name: "another collection's file is in its place",
    damage: (f) => fsp.copyFile(path.join(f.dataDir, shardRelativePath('settings', 0)), f.file),
    told: 'recoveredFromBackup',
    restored: 'edited',
  },
  {
    name: 'a byte-order mark was added by a Windows editor',
    damage: async (f) => fsp.writeFile(f.file, `\uFEFF${await fsp.readFile(f.file, 'utf8')}`),
    told: 'nothing',
    restored: 'edited',
  },
  ...[0, -3, 1.5, '2', 1e300].map((version) => ({
    name: `a nonsensical schema version ${JSON.stringify(version)}`,
    damage: async (f: Folder) =>
      fsp.writeFile(f.file, envelope(await fsp.readFile(f.file, 'utf8'), (file) => (file.schemaVersion = version))),
    told: 'recoveredFromBackup' as const,
    restored: 'edited' as const,
  })),
  {
    name: 'a folder is in its place',
    damage: async (f) => {
      await fsp.rm(f.file);
      await fsp.mkdir(f.file);
    },
    told: 'recoveredFromBackup',
    restored: 'edited',
  },
  {
    name: 'a link to another file is in its place',
    damage: async (f) => {
      const elsewhere = path.join(await tempDir(), 'elsewhere.json');
      await fsp.copyFile(await f.olderCopy(), elsewhere);
      await fsp.rm(f.file);
      await fsp.symlink(elsewhere, f.file);
    },
    told: 'recoveredFromBackup',
    restored: 'edited',
  },
  {
    name: 'a dangling link is in its place',
    damage: async (f) => {
      await fsp.rm(f.file);
      await fsp.symlink(path.join(f.dataDir, 'nowhere.json'), f.file);
    },
    told: 'recoveredFromBackup',
    restored: 'edited',
  },
];

describe('a data file that is damaged, missing or not what the store wrote', () => {
  it.each(table)('$name: the user is told $told and the records come back', async ({ damage, told, restored }) => {
    const folder = await folderWithHistory();
    await damage(folder);
    const opened = expectReady(await Store.open({ dataDir: folder.dataDir, now: folder.clock.now }));
    if (told === 'nothing') {
      expect(opened.notices).toEqual([]);
    } else {
      expect(opened.notices).toHaveLength(1);
      const notice = opened.notices[0]!;
      expect(notice.kind).toBe(told);
      // The notice names the file and the save point it came back from.
      expect(notice).toMatchObject({ backupTakenAt: new Date(folder.clock.now().getTime() - 3_600_000).toISOString() });
      expect(JSON.stringify(notice)).toContain(JSON.stringify(folder.file).slice(1, -1));
    }
    expect(opened.store.get('contacts', folder.first)).toEqual(restored === 'edited' ? folder.edited : expect.anything());
    expect(opened.store.get('contacts', folder.second)?.name).toBe('李嘉欣');
    await opened.store.close();
    // Written back whole: the next start says nothing.
    const next = expectReady(await Store.open({ dataDir: folder.dataDir, now: folder.clock.now }));
    expect(next.notices).toEqual([]);
    expect(next.store.get('contacts', folder.first)).toEqual(folder.edited);
    expect((await fsp.lstat(folder.file)).isFile()).toBe(true);
    await next.store.close();
  });

  it('keeps what it moved aside: a rolled-back copy and a link are in the damaged folder, the link target untouched', async () => {
    const folder = await folderWithHistory();
    const older = await fsp.readFile(await folder.olderCopy());
    await fsp.writeFile(folder.file, older);
    const opened = expectReady(await Store.open({ dataDir: folder.dataDir, now: folder.clock.now }));
    const notice = opened.notices[0] as Extract<StoreNotice, { kind: 'restoredFromBackup' }>;
    expect(notice).toMatchObject({ kind: 'restoredFromBackup', problem: 'rolledBack', file: folder.file });
    expect(notice.movedTo!.startsWith(path.join(folder.dataDir, DAMAGED_DIR))).toBe(true);
    expect(await fsp.readFile(notice.movedTo!)).toEqual(older);
    await opened.store.close();

    const elsewhere = path.join(await tempDir(), 'kept.json');
    await fsp.writeFile(elsewhere, 'not ours');
    await fsp.rm(folder.file);
    await fsp.symlink(elsewhere, folder.file);
    const linked = expectReady(await Store.open({ dataDir: folder.dataDir, now: folder.clock.now }));
    const moved = (linked.notices[0] as Extract<StoreNotice, { kind: 'recoveredFromBackup' }>).movedTo!;
    expect((await fsp.lstat(moved)).isSymbolicLink()).toBe(true);
    expect(await fsp.readFile(elsewhere, 'utf8')).toBe('not ours');
    await linked.store.close();
  });

  it('says which file is missing and how many records it held when no save point has it', async () => {
    const folder = await folderWithHistory();
    await fsp.rm(path.join(folder.dataDir, BACKUPS_DIR), { recursive: true });
    await fsp.rm(folder.file);
    const opened = expectReady(await Store.open({ dataDir: folder.dataDir, now: folder.clock.now }));
    expect(opened.notices).toEqual([{ kind: 'notRestored', file: folder.file, problem: 'missing', expectedRecords: 1 }]);
    expect(opened.store.get('contacts', folder.second)?.name).toBe('李嘉欣');
    await opened.store.close();
  });

  it('restores a missing file from the save points in a folder from before the manifest', async () => {
    const folder = await folderWithHistory();
    await fsp.rm(path.join(folder.dataDir, MANIFEST_FILE));
    await fsp.rm(folder.file);
    const opened = expectReady(await Store.open({ dataDir: folder.dataDir, now: folder.clock.now }));
    expect(opened.notices).toMatchObject([{ kind: 'restoredFromBackup', file: folder.file, problem: 'missing' }]);
    expect(opened.store.get('contacts', folder.first)).toEqual(folder.edited);
    await opened.store.close();
    // The manifest is written again for the files as found.
    expect(Object.keys((await readJson(path.join(folder.dataDir, MANIFEST_FILE))).shards)).toContain('collections/contacts/' + path.basename(folder.file));
  });

  it('refuses a file from a newer version before touching anything', async () => {
    const folder = await folderWithHistory();
    await fsp.writeFile(folder.file, envelope(await fsp.readFile(folder.file, 'utf8'), (file) => (file.schemaVersion = SCHEMA_VERSION + 1)));
    const before = await snapshotTree(folder.dataDir);
    expect(await Store.open({ dataDir: folder.dataDir, now: folder.clock.now })).toEqual({
      status: 'newerVersion',
      found: SCHEMA_VERSION + 1,
      supported: SCHEMA_VERSION,
    });
    expect(await snapshotTree(folder.dataDir)).toEqual(before);
  });
});

/** The real file system, except that reading one file fails with `errno` the first `times` times. */
function failingReads(file: string, errno: string, times = Infinity): StoreFs & { attempts: () => number } {
  let attempts = 0;
  return {
    ...nodeFs,
    readFile: (async (target: string, options?: unknown) => {
      if (target === file && attempts++ < times) throw errnoError(errno, 'open', file);
      return nodeFs.readFile(target, options as 'utf8');
    }) as StoreFs['readFile'],
    attempts: () => attempts,
  };
}

describe('a data file that cannot be read for a while', () => {
  it.each(['EBUSY', 'EPERM', 'EACCES'])('%s that passes: the file is read after waiting, nothing is moved or restored', async (errno) => {
    const folder = await folderWithHistory();
    const fs = failingReads(folder.file, errno, 2);
    const opened = expectReady(await Store.open({ dataDir: folder.dataDir, now: folder.clock.now, fs }));
    expect(opened.notices).toEqual([]);
    expect(fs.attempts()).toBe(3);
    expect(opened.store.get('contacts', folder.first)).toEqual(folder.edited);
    await opened.store.close();
    await expect(fsp.stat(path.join(folder.dataDir, DAMAGED_DIR))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('permission denied that persists: reported with the path, nothing moved or replaced, and the file is never written over', async () => {
    const folder = await folderWithHistory();
    const bytes = await fsp.readFile(folder.file);
    const fs = failingReads(folder.file, 'EACCES');
    const opened = expectReady(await Store.open({ dataDir: folder.dataDir, now: folder.clock.now, fs }));
    expect(opened.notices).toEqual([{ kind: 'unreadable', file: folder.file, errno: 'EACCES' }]);
    expect(opened.store.get('contacts', folder.second)?.name).toBe('李嘉欣');
    // A new record that belongs in the unreadable file is refused rather than written over the file.
    let sameShard = randomUUID();
    while (shardPathOf(folder.dataDir, 'contacts', sameShard) !== folder.file) sameShard = randomUUID();
    await expect(opened.store.insert('contacts', contactFields('周子健'), sameShard)).rejects.toMatchObject({ code: 'disk.readOnly' });
    await opened.store.close().catch(() => undefined);
    expect(await fsp.readFile(folder.file)).toEqual(bytes);
    await expect(fsp.stat(path.join(folder.dataDir, DAMAGED_DIR))).rejects.toMatchObject({ code: 'ENOENT' });
    // Once readable again, everything is there.
    const later = expectReady(await Store.open({ dataDir: folder.dataDir, now: folder.clock.now }));
    expect(later.notices).toEqual([]);
    expect(later.store.get('contacts', folder.first)).toEqual(folder.edited);
    await later.store.close();
  });
});

describe('a read-only data folder', () => {
  it('with a damaged file: opens read-only, shows the save point, and leaves every file as it was', async () => {
    const folder = await folderWithHistory();
    await fsp.writeFile(folder.file, '{"format":"hetao-desk","sch');
    const before = await snapshotTree(folder.dataDir);
    const opened = expectReady(await Store.open({ dataDir: folder.dataDir, now: folder.clock.now, fs: readOnlyFs }));
    expect(opened.notices).toEqual([
      { kind: 'readOnly', folder: folder.dataDir },
      { kind: 'recoveredFromBackup', damagedFile: folder.file, movedTo: null, backupTakenAt: expect.any(String) },
    ]);
    expect(opened.store.readOnly).toBe(true);
    expect(opened.store.get('contacts', folder.first)).toEqual(folder.edited);
    await opened.store.close();
    expect(await snapshotTree(folder.dataDir)).toEqual(before);
  });

  it('that is new: says it cannot be created instead of throwing', async () => {
    const dataDir = path.join(await tempDir(), 'not-yet');
    expect(await Store.open({ dataDir, fs: readOnlyFs })).toEqual({ status: 'cannotCreate', folder: dataDir });
  });
});

const openBackend = useTestBackend();

describe('a data folder whose collections are gone but whose save points remain', () => {
  it('is not seeded anew: it offers the save points, and restoring one brings the data back', async () => {
    const folder = await folderWithHistory();
    await fsp.rm(path.join(folder.dataDir, COLLECTIONS_DIR), { recursive: true });
    const before = await snapshotTree(folder.dataDir);
    const opened = await Store.open({ dataDir: folder.dataDir, now: folder.clock.now });
    expect(opened).toEqual({
      status: 'backupsOnly',
      savePoints: folder.backups.map((name) => ({ name, takenAt: expect.any(String) })),
    });
    expect(await snapshotTree(folder.dataDir)).toEqual(before);

    const session = await openBackend({ dataDir: folder.dataDir, now: folder.clock.now });
    const info = await session.value<{ dataProblem: { kind: string } }>('app.info');
    expect(info.dataProblem).toMatchObject({ kind: 'backupsOnly' });
    expect(await session.call('contacts.list', { includeDeleted: false })).toMatchObject({ ok: false, error: { code: 'store.unavailable' } });
    expect(await session.call('store.restoreSavePoint', { name: '../../etc' })).toMatchObject({
      ok: false,
      error: { code: 'store.noSuchSavePoint' },
    });

    await session.value('store.restoreSavePoint', { name: folder.backups[0] });
    expect((await session.value<{ dataProblem: unknown }>('app.info')).dataProblem).toBeNull();
    expect(await session.value('app.startupNotices')).toEqual([]);
    const contacts = await session.value<Contact[]>('contacts.list', { includeDeleted: false });
    expect(contacts.find((c) => c.id === folder.first)).toEqual(folder.edited);
    expect(await session.call('store.restoreSavePoint', { name: folder.backups[0] })).toMatchObject({
      ok: false,
      error: { code: 'store.collectionsPresent' },
    });
  });

  it('a fresh read-only folder opens the problem screen, not an exception', async () => {
    const dataDir = path.join(await tempDir(), 'not-yet');
    const session = await openBackend({ dataDir, fs: readOnlyFs });
    expect((await session.value<{ dataProblem: unknown }>('app.info')).dataProblem).toEqual({ kind: 'cannotCreate', folder: dataDir });
  });

  it('a read-only folder with data opens with the read-only banner and seeds nothing', async () => {
    const first = await openBackend({});
    await first.backend.close();
    const before = await snapshotTree(first.dataDir);
    const session = await openBackend({ dataDir: first.dataDir, fs: readOnlyFs });
    expect(await session.value('app.startupNotices')).toEqual([{ kind: 'readOnly', folder: first.dataDir }]);
    expect(await session.value<unknown[]>('subGroups.list')).toHaveLength(3);
    expect(await snapshotTree(first.dataDir)).toEqual(before);
  });
});
