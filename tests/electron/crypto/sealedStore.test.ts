import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sealedFs } from '../../../electron/crypto/sealedFs';
import { Store } from '../../../electron/store/store';
import { nodeFs } from '../../../electron/store/storeFs';
import { contactFields, expectReady, FakeClock, idsInShards, openReady, shardPathOf, tempDir } from '../store/helpers';

/** Every byte of every file under `dir`, to look for what must never be there in plain form. */
async function everyByte(dir: string): Promise<Buffer> {
  const names = await fsp.readdir(dir, { recursive: true, withFileTypes: true });
  const files = names.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  return Buffer.concat(await Promise.all(files.map((file) => fsp.readFile(file))));
}

async function sealedFolder() {
  const dataDir = await tempDir();
  const dataKey = randomBytes(32);
  const clock = new FakeClock();
  const fs = sealedFs(nodeFs, dataDir, dataKey);
  const [first, second] = idsInShards('contacts', 2);
  const store = await openReady({ dataDir, fs, now: clock.now });
  await store.insert('contacts', contactFields('陳大文-canary-41'), first);
  await store.insert('contacts', contactFields('李嘉欣-canary-42', { side: 'SZ' }), second);
  await store.close();
  clock.advance(3_600_000);
  return { dataDir, dataKey, clock, first: first!, second: second! };
}

describe('the store over a sealed data folder', () => {
  it('writes nothing of the records in plain form, save points included, and reads them back', async () => {
    const { dataDir, dataKey, clock, first } = await sealedFolder();
    const again = await openReady({ dataDir, fs: sealedFs(nodeFs, dataDir, dataKey), now: clock.now });
    await again.update('contacts', first, () => ({ title: '處長-canary-43' }));
    await again.close();
    expect(await again.listBackups()).not.toHaveLength(0);
    const bytes = await everyByte(dataDir);
    for (const canary of ['canary-41', 'canary-42', 'canary-43', '陳大文', 'contacts', '"records"']) {
      expect(bytes.includes(Buffer.from(canary)), canary).toBe(false);
    }
    const reopened = await openReady({ dataDir, fs: sealedFs(nodeFs, dataDir, dataKey), now: clock.now });
    expect(reopened.get('contacts', first)?.title).toBe('處長-canary-43');
    await reopened.close();
  });

  it('a shard swapped with another is damage, restored from its own sealed save point', async () => {
    const { dataDir, dataKey, clock, first, second } = await sealedFolder();
    const a = shardPathOf(dataDir, 'contacts', first);
    const b = shardPathOf(dataDir, 'contacts', second);
    const [bytesA, bytesB] = await Promise.all([fsp.readFile(a), fsp.readFile(b)]);
    await fsp.writeFile(a, bytesB);
    await fsp.writeFile(b, bytesA);
    const opened = expectReady(await Store.open({ dataDir, fs: sealedFs(nodeFs, dataDir, dataKey), now: clock.now }));
    expect(opened.notices.map((n) => n.kind)).toEqual(['recoveredFromBackup', 'recoveredFromBackup']);
    expect(opened.store.get('contacts', first)?.name).toBe('陳大文-canary-41');
    expect(opened.store.get('contacts', second)?.name).toBe('李嘉欣-canary-42');
    await opened.store.close();
  });

  it('a flipped byte, or a plain file put in a sealed one’s place, is damage too', async () => {
    const { dataDir, dataKey, clock, first } = await sealedFolder();
    const file = shardPathOf(dataDir, 'contacts', first);
    const sealed = await fsp.readFile(file);
    sealed[sealed.length - 20]! ^= 0x40;
    await fsp.writeFile(file, sealed);
    const flipped = expectReady(await Store.open({ dataDir, fs: sealedFs(nodeFs, dataDir, dataKey), now: clock.now }));
    expect(flipped.notices.map((n) => n.kind)).toEqual(['recoveredFromBackup']);
    await flipped.store.close();

    const planted = JSON.stringify({ schemaVersion: 1, collection: 'contacts', records: {} });
    await fsp.writeFile(file, planted);
    clock.advance(60_000);
    const plain = expectReady(await Store.open({ dataDir, fs: sealedFs(nodeFs, dataDir, dataKey), now: clock.now }));
    expect(plain.notices.map((n) => n.kind)).toEqual(['recoveredFromBackup']);
    expect(plain.store.get('contacts', first)?.name).toBe('陳大文-canary-41');
    await plain.store.close();
  });

  it('a shard put back as its own older sealed copy is caught, and the newest save point restores it', async () => {
    const { dataDir, dataKey, clock, first } = await sealedFolder();
    const file = shardPathOf(dataDir, 'contacts', first);
    const older = await fsp.readFile(file);
    const again = await openReady({ dataDir, fs: sealedFs(nodeFs, dataDir, dataKey), now: clock.now });
    await again.update('contacts', first, () => ({ title: '處長-canary-43' }));
    await again.close();
    clock.advance(60_000);
    // The older copy opens with this key and at this path: only the manifest's record of the shard tells it apart.
    await fsp.writeFile(file, older);
    const opened = expectReady(await Store.open({ dataDir, fs: sealedFs(nodeFs, dataDir, dataKey), now: clock.now }));
    expect(opened.notices).toEqual([expect.objectContaining({ kind: 'restoredFromBackup', problem: 'rolledBack' })]);
    expect(opened.store.get('contacts', first)?.title).toBe('處長-canary-43');
    await opened.store.close();
  });
});
