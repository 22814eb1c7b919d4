import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shardCounts, shardOf } from '../../../electron/store/layout';
import { nodeFs, type StoreFs } from '../../../electron/store/storeFs';
import { contactFields, idsInShards, openReady, readJson, shardPathOf, tempDir, TestFs } from './helpers';

/** Temp files of shard writes only: the manifest and the folder flush are opened too. */
const shardWrites = (opens: string[]) => opens.filter((f) => f.includes(`${path.sep}collections${path.sep}`) && f.endsWith('.tmp'));

describe('writes are coalesced per shard file', () => {
  it('writes each touched shard once for many edits made in one tick', async () => {
    const dataDir = await tempDir();
    const testFs = new TestFs();
    const store = await openReady({ dataDir, fs: testFs.fs });
    const ids = Array.from({ length: 3 }, () => idsInShards('contacts', 4)).flat();
    const shards = new Set(ids.map((id) => shardOf(id, shardCounts.contacts)));

    testFs.opens = [];
    const saved = await Promise.all(ids.map((id, i) => store.insert('contacts', contactFields(`聯絡人${i}`), id)));
    expect(saved).toHaveLength(12);
    expect(shardWrites(testFs.opens)).toHaveLength(shards.size);
    expect(new Set(shardWrites(testFs.opens).map((f) => path.basename(f).split('.')[0])).size).toBe(shards.size);

    testFs.opens = [];
    await Promise.all(ids.flatMap((id) => [1, 2, 3].map((n) => store.update('contacts', id, () => ({ title: `第${n}稿` })))));
    expect(shardWrites(testFs.opens)).toHaveLength(shards.size);
    for (const id of ids) expect(store.get('contacts', id)).toMatchObject({ title: '第3稿', revision: 4 });
    await store.close();
  });

  it('never lets an older snapshot land after a newer one while writes are slow', async () => {
    const dataDir = await tempDir();
    // Each write waits until the test lets it finish, so edits pile up while one is on its way.
    const gates: Array<() => void> = [];
    let written = 0;
    const slowFs: StoreFs = {
      ...nodeFs,
      rename: (async (from: string, to: string) => {
        if (shardWrites([String(from)]).length > 0) {
          await new Promise<void>((resolve) => gates.push(resolve));
          written++;
        }
        return nodeFs.rename(from, to);
      }) as StoreFs['rename'],
    };
    const store = await openReady({ dataDir, fs: slowFs });
    const [id] = idsInShards('contacts', 1);
    const file = shardPathOf(dataDir, 'contacts', id!);

    const first = store.insert('contacts', contactFields('劉國華'), id);
    const waitForGate = async (): Promise<void> => {
      while (gates.length === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    };
    await waitForGate();
    const edits = Array.from({ length: 20 }, (_, n) => store.update('contacts', id!, () => ({ title: `修訂${n + 1}` })));
    gates.shift()!();
    await first;
    await waitForGate();
    // Everything edited while the first write ran goes in one further write, with the last state.
    gates.shift()!();
    const results = await Promise.all(edits);
    expect(written).toBe(2);
    expect(results.at(-1)).toMatchObject({ title: '修訂20', revision: 21 });
    expect((await readJson(file)).records[id!]).toEqual(store.get('contacts', id!));
    await store.close();
  });

  it('ends with the last state on disk after interleaved edits from many callers', async () => {
    const dataDir = await tempDir();
    const store = await openReady({ dataDir });
    const ids = idsInShards('contacts', 3, true);
    for (const id of ids) await store.insert('contacts', contactFields('林海濤'), id);

    const editor = async (id: string, rounds: number): Promise<void> => {
      for (let n = 0; n < rounds; n++) {
        const pending = store.update('contacts', id, (c) => ({ phone: `+852 ${c.revision}` }));
        if (n % 3 === 0) await pending;
        else await new Promise<void>((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all(ids.map((id, i) => editor(id, 30 + i * 7)));
    await store.flush();

    const onDisk = (await readJson(shardPathOf(dataDir, 'contacts', ids[0]!))).records;
    for (const id of ids) expect(onDisk[id]).toEqual(store.get('contacts', id));
    expect(store.saveStatus()).toEqual({ unsavedChanges: false, lastError: null });
    await store.close();

    const reopened = await openReady({ dataDir });
    for (const [i, id] of ids.entries()) expect(reopened.get('contacts', id)?.revision).toBe(1 + 30 + i * 7);
    await reopened.close();
  });
});
