import { createHash } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTACHMENTS_DIR } from '../../../electron/attachments/attachmentStore';
import { BACKUPS_DIR } from '../../../electron/store/layout';
import { MANIFEST_FILE } from '../../../electron/store/manifest';
import { recordSchemasFingerprint } from '../../../electron/store/shardFile';
import { nodeFs, type StoreFs } from '../../../electron/store/storeFs';
import { contactFields, idsInShards, listTempFiles, openReady, readJson, shardPathOf, tempDir } from './helpers';

describe('an acknowledged write survives a power cut', () => {
  it.skipIf(process.platform === 'win32')('flushes the folder after renaming the new file into place', async () => {
    const dataDir = await tempDir();
    const events: string[] = [];
    const fs: StoreFs = {
      ...nodeFs,
      rename: (async (from: string, to: string) => {
        events.push(`rename ${path.basename(to)}`);
        return nodeFs.rename(from, to);
      }) as StoreFs['rename'],
      open: (async (file: string, flags?: string) => {
        const handle = await nodeFs.open(file, flags);
        const stat = await handle.stat();
        if (!stat.isDirectory()) return handle;
        return new Proxy(handle, {
          get(target, key, receiver) {
            if (key === 'sync') return () => (events.push(`sync folder ${path.basename(file)}`), target.sync());
            const value = Reflect.get(target, key, receiver);
            return typeof value === 'function' ? value.bind(target) : value;
          },
        });
      }) as StoreFs['open'],
    };
    const store = await openReady({ dataDir, fs });
    const [id] = idsInShards('contacts', 1);
    events.length = 0;
    await store.insert('contacts', contactFields('何美玲'), id);
    const shard = path.basename(shardPathOf(dataDir, 'contacts', id!));
    expect(events.slice(0, 2)).toEqual([`rename ${shard}`, 'sync folder contacts']);
    // The manifest follows the shard, flushed the same way.
    expect(events.slice(2, 4)).toEqual([`rename ${MANIFEST_FILE}`, `sync folder ${path.basename(dataDir)}`]);
    await store.close();
  });

  it('keeps a manifest with each shard file’s record count and checksum', async () => {
    const dataDir = await tempDir();
    const store = await openReady({ dataDir });
    const ids = idsInShards('contacts', 2, true);
    for (const id of ids) await store.insert('contacts', contactFields('孫志強'), id);
    await store.close();
    const relative = path.relative(dataDir, shardPathOf(dataDir, 'contacts', ids[0]!)).split(path.sep).join('/');
    const entry = (await readJson(path.join(dataDir, MANIFEST_FILE))).shards[relative];
    const bytes = await fsp.readFile(shardPathOf(dataDir, 'contacts', ids[0]!));
    expect(entry).toEqual({
      records: 2,
      revisions: 2,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      checkedWith: recordSchemasFingerprint(),
    });
  });
});

describe('what interrupted writes leave behind', () => {
  it('is cleared when the store opens, wherever the app writes, and nothing else is touched', async () => {
    const dataDir = await tempDir();
    const store = await openReady({ dataDir });
    await store.insert('settings', { language: 'en' });
    await store.close();
    const leftovers = [
      path.join(dataDir, 'collections', 'contacts', '03.json.1a2b3c4d.tmp'),
      path.join(dataDir, `${MANIFEST_FILE}.5e6f7a8b.tmp`),
      path.join(dataDir, '.write-check.0badcafe.tmp'),
      path.join(dataDir, ATTACHMENTS_DIR, '3f1c9d2e-0000-4000-8000-000000000000.tmp'),
    ];
    for (const file of leftovers) {
      await fsp.mkdir(path.dirname(file), { recursive: true });
      await fsp.writeFile(file, 'half');
    }
    const partialBackup = path.join(dataDir, BACKUPS_DIR, '.2026-11-24T06-30-00-000Z.partial');
    await fsp.mkdir(partialBackup, { recursive: true });
    const restoring = path.join(dataDir, 'collections.9c8b7a6d.tmp');
    await fsp.mkdir(path.join(restoring, 'contacts'), { recursive: true });
    const paper = path.join(dataDir, ATTACHMENTS_DIR, 'a'.repeat(64));
    await fsp.writeFile(paper, 'a paper');

    await (await openReady({ dataDir })).close();
    expect(await listTempFiles(dataDir)).toEqual([]);
    await expect(fsp.stat(partialBackup)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await fsp.readFile(paper, 'utf8')).toBe('a paper');
  });
});
