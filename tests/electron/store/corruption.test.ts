import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUPS_DIR, DAMAGED_DIR, shardRelativePath } from '../../../electron/store/layout';
import { checksumOf, MANIFEST_FILE } from '../../../electron/store/manifest';
import { recordSchemasFingerprint } from '../../../electron/store/shardFile';
import { Store, type StoreNotice } from '../../../electron/store/store';
import { contactFields, expectReady, FakeClock, folderWithHistory, idsInShards, openReady, readJson, shardPathOf, tempDir } from './helpers';

const damages: Array<[string, (original: Buffer, dataDir: string) => Promise<Buffer> | Buffer]> = [
  ['truncated JSON', (original) => original.subarray(0, Math.floor(original.length / 2))],
  ['garbage bytes', () => Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37, 0xc3, 0x28, 0x7b, 0x22, 0x80, 0x81])],
  ['a foreign JSON file', () => Buffer.from(JSON.stringify({ name: 'some-other-app', version: '1.0.0', records: [] }))],
  [
    'a file of another collection',
    (_original, dataDir) => fsp.readFile(path.join(dataDir, shardRelativePath('settings', 0))),
  ],
  [
    'an invalid record',
    (original) => {
      const file = JSON.parse(original.toString('utf8'));
      const [id] = Object.keys(file.records);
      file.records[id!].revision = 'two';
      return Buffer.from(JSON.stringify(file));
    },
  ],
  ['an empty file', () => Buffer.alloc(0)],
];

describe('a damaged data file', () => {
  it.each(damages)('is moved aside and restored from the newest backup: %s', async (_kind, damage) => {
    const { dataDir, clock, first, second, edited, backups, file } = await folderWithHistory();
    const bad = await damage(await fsp.readFile(file), dataDir);
    await fsp.writeFile(file, bad); // in place, as another program or a failing disk would

    const opened = expectReady(await Store.open({ dataDir, now: clock.now }));
    expect(opened.notices).toHaveLength(1);
    const notice = opened.notices[0] as Extract<StoreNotice, { kind: 'recoveredFromBackup' }>;
    expect(notice).toMatchObject({ kind: 'recoveredFromBackup', damagedFile: file, backupTakenAt: expect.any(String) });
    expect(notice.movedTo!.startsWith(path.join(dataDir, DAMAGED_DIR) + path.sep)).toBe(true);
    expect(notice.movedTo!.endsWith(shardRelativePath('contacts', 0).slice(0, -'00.json'.length) + path.basename(file))).toBe(true);
    expect(await fsp.readFile(notice.movedTo!)).toEqual(bad);
    expect(new Date(notice.backupTakenAt).toISOString().replace(/[:.]/g, '-')).toBe(backups[0]);

    const store = opened.store;
    expect(store.get('contacts', first)).toEqual(edited);
    expect(store.get('contacts', second)?.name).toBe('李嘉欣');
    expect(store.list('settings')).toHaveLength(1);
    // The restored records are written back, so the next start is clean.
    expect((await readJson(file)).records[first]).toEqual(edited);
    await store.close();
    const next = expectReady(await Store.open({ dataDir, now: clock.now }));
    expect(next.notices).toEqual([]);
    expect(next.store.get('contacts', first)).toEqual(edited);
    await next.store.close();
  });

  it('is found even when the manifest was rewritten to match it, unless this app wrote it', async () => {
    const { dataDir, clock, first, edited, file } = await folderWithHistory();
    const shard = JSON.parse(await fsp.readFile(file, 'utf8'));
    shard.records[first].revision = 'two';
    const bad = JSON.stringify(shard);
    await fsp.writeFile(file, bad);
    // A tool (or an older app, whose record schemas differ) put the file's checksum in the manifest.
    const manifestFile = path.join(dataDir, MANIFEST_FILE);
    const manifest = await readJson(manifestFile);
    const key = path.relative(dataDir, file).split(path.sep).join('/');
    manifest.shards[key] = { ...manifest.shards[key], sha256: checksumOf(bad), checkedWith: 'older-schemas' };
    await fsp.writeFile(manifestFile, JSON.stringify(manifest));

    const opened = expectReady(await Store.open({ dataDir, now: clock.now }));
    expect(opened.notices).toMatchObject([{ kind: 'recoveredFromBackup', damagedFile: file }]);
    expect(opened.store.get('contacts', first)).toEqual(edited);
    await opened.store.close();
    // Checked again under this app's schemas, the files are marked so, and the next start is quick.
    const marks = Object.values((await readJson(manifestFile)).shards).map((entry) => (entry as { checkedWith?: string }).checkedWith);
    expect(new Set(marks)).toEqual(new Set([recordSchemasFingerprint()]));
  });

  it('skips a damaged copy in the newest backup and takes an older one', async () => {
    const { dataDir, clock, first, backups, file } = await folderWithHistory();
    const relative = path.relative(dataDir, file);
    // Every save point holding the edited version is damaged too; only the first one is intact.
    const withEdit: string[] = [];
    for (const backup of backups) {
      const copy = path.join(dataDir, BACKUPS_DIR, backup, relative);
      if ((await readJson(copy)).records[first].revision === 2) withEdit.push(copy);
    }
    expect(withEdit.length).toBeGreaterThan(0);
    expect(withEdit.length).toBeLessThan(backups.length);
    for (const copy of withEdit) {
      await fsp.rm(copy);
      await fsp.writeFile(copy, '{"format":"hetao-desk"');
    }
    await fsp.writeFile(file, 'not json');

    const opened = expectReady(await Store.open({ dataDir, now: clock.now }));
    expect(opened.notices).toMatchObject([{ kind: 'recoveredFromBackup', damagedFile: file }]);
    expect(opened.store.get('contacts', first)).toMatchObject({ name: '陳志明', revision: 1 });
    await opened.store.close();
  });

  it('without a backup, says the file could not be recovered and keeps every other file', async () => {
    const dataDir = await tempDir();
    const clock = new FakeClock();
    const [lost, kept] = idsInShards('contacts', 2);
    const store = await openReady({ dataDir, now: clock.now });
    const settings = await store.insert('settings', { language: 'zh-Hans' });
    await store.insert('contacts', contactFields('張家豪'), lost);
    const keptContact = await store.insert('contacts', contactFields('黃詠詩'), kept);
    await store.close();
    await fsp.rm(path.join(dataDir, BACKUPS_DIR), { recursive: true, force: true });
    const file = shardPathOf(dataDir, 'contacts', lost!);
    await fsp.writeFile(file, '{"format":"hetao-desk","schemaVersion":1,"collection":"contacts","rec');

    const opened = expectReady(await Store.open({ dataDir, now: clock.now }));
    expect(opened.isNew).toBe(false);
    expect(opened.notices).toEqual([{ kind: 'unrecoverable', damagedFile: file, movedTo: expect.any(String) }]);
    expect((await fsp.readFile((opened.notices[0] as Extract<StoreNotice, { kind: 'unrecoverable' }>).movedTo!, 'utf8')).endsWith('"rec')).toBe(true);
    const again = opened.store;
    expect(again.get('contacts', lost!)).toBeUndefined();
    expect(again.get('contacts', kept!)).toEqual(keptContact);
    expect(again.list('settings')).toEqual([settings]);
    // The emptied file takes new records again.
    const added = await again.insert('contacts', contactFields('劉國華'), lost);
    await again.close();
    const third = expectReady(await Store.open({ dataDir, now: clock.now }));
    expect(third.notices).toEqual([]);
    expect(third.store.get('contacts', lost!)).toEqual(added);
    await third.store.close();
  });

  it('keeps two damaged files apart when the same file is damaged again at the same moment', async () => {
    const dataDir = await tempDir();
    const clock = new FakeClock();
    const store = await openReady({ dataDir, now: clock.now });
    await store.insert('settings', { language: 'en' });
    await store.close();
    const file = path.join(dataDir, shardRelativePath('settings', 0));
    const moved: string[] = [];
    for (const bad of ['first damage', 'second damage']) {
      await fsp.writeFile(file, bad);
      const opened = expectReady(await Store.open({ dataDir, now: clock.now }));
      moved.push((opened.notices[0] as Extract<StoreNotice, { kind: 'recoveredFromBackup' }>).movedTo!);
      await opened.store.close();
    }
    expect(await fsp.readFile(moved[0]!, 'utf8')).toBe('first damage');
    expect(await fsp.readFile(moved[1]!, 'utf8')).toBe('second damage');
  });
});
