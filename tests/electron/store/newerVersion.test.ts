import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUPS_DIR } from '../../../electron/store/layout';
import { Store } from '../../../electron/store/store';
import { SCHEMA_VERSION } from '../../../shared/model/dataset';
import { contactFields, idsInShards, openReady, shardPathOf, snapshotTree, tempDir } from './helpers';

describe('a data folder written by a newer version of the app', () => {
  it('is refused, and nothing in it is changed', async () => {
    const dataDir = await tempDir();
    const [older, newer] = idsInShards('contacts', 2);
    const store = await openReady({ dataDir });
    await store.insert('contacts', contactFields('周振華'), older);
    await store.insert('contacts', contactFields('趙穎欣'), newer);
    await store.close();
    await fsp.rm(path.join(dataDir, BACKUPS_DIR), { recursive: true, force: true });

    // A later version wrote one shard in a shape this version cannot read, beside a leftover temp file.
    const file = shardPathOf(dataDir, 'contacts', newer!);
    const content = JSON.parse(await fsp.readFile(file, 'utf8'));
    content.schemaVersion = 99;
    content.records[newer!].newField = { unknownToUs: true };
    delete content.records[newer!].phone;
    await fsp.writeFile(file, JSON.stringify(content));
    await fsp.writeFile(`${file}.1234abcd.tmp`, '{"half":');
    const before = await snapshotTree(dataDir);

    const opened = await Store.open({ dataDir });
    expect(opened).toEqual({ status: 'newerVersion', found: 99, supported: SCHEMA_VERSION });
    expect(await snapshotTree(dataDir)).toEqual(before);
    await expect(fsp.stat(path.join(dataDir, BACKUPS_DIR))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('is refused even when another of its files is damaged, and that file stays where it is', async () => {
    const dataDir = await tempDir();
    const store = await openReady({ dataDir });
    const settings = await store.insert('settings', { language: 'zh-Hant' });
    const [id] = idsInShards('contacts', 1);
    await store.insert('contacts', contactFields('蔡啟明'), id);
    await store.close();
    const file = shardPathOf(dataDir, 'contacts', id!);
    const content = JSON.parse(await fsp.readFile(file, 'utf8'));
    await fsp.writeFile(file, JSON.stringify({ ...content, schemaVersion: SCHEMA_VERSION + 1 }));
    await fsp.writeFile(path.join(dataDir, 'collections', 'settings', '00.json'), '{"trunc');
    const before = await snapshotTree(dataDir);

    expect(await Store.open({ dataDir })).toMatchObject({ status: 'newerVersion', found: SCHEMA_VERSION + 1 });
    expect(await snapshotTree(dataDir)).toEqual(before);
    expect(settings.language).toBe('zh-Hant');
  });
});
