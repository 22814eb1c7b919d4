import { randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach } from 'vitest';
import { BACKUPS_DIR, shardCounts, shardOf, shardRelativePath } from '../../../electron/store/layout';
import { Store, type OpenResult, type StoreOptions } from '../../../electron/store/store';
import { nodeFs, type StoreFs } from '../../../electron/store/storeFs';
import type { CollectionName } from '../../../shared/model/dataset';

const made: string[] = [];

/** A fresh, empty folder for one test, removed after it. */
export async function tempDir(): Promise<string> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'hetao-store-'));
  made.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => fsp.rm(dir, { recursive: true, force: true })));
});

/** A clock the test moves by hand. */
export class FakeClock {
  constructor(private ms = Date.parse('2026-11-24T06:30:00.000Z')) {}
  now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

export function expectReady(opened: OpenResult): Extract<OpenResult, { status: 'ready' }> {
  if (opened.status !== 'ready') throw new Error(`expected a ready store, got ${JSON.stringify(opened)}`);
  return opened;
}

export async function openReady(options: StoreOptions): Promise<Store> {
  return expectReady(await Store.open(options)).store;
}

import { contactFields } from './recordFields';

export { actionFields, contactFields } from './recordFields';

export function idsInShards(collection: CollectionName, count: number, sameShard = false): string[] {
  const ids: string[] = [];
  const used = new Set<number>();
  let target: number | null = null;
  while (ids.length < count) {
    const id = randomUUID();
    const shard = shardOf(id, shardCounts[collection]);
    if (sameShard) {
      target ??= shard;
      if (shard !== target) continue;
    } else if (used.has(shard)) continue;
    used.add(shard);
    ids.push(id);
  }
  return ids;
}

export function shardPathOf(dataDir: string, collection: CollectionName, id: string): string {
  return path.join(dataDir, shardRelativePath(collection, shardOf(id, shardCounts[collection])));
}

// Tests read shard files of any collection and assert on their fields.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function readJson(file: string): Promise<any> {
  return JSON.parse(await fsp.readFile(file, 'utf8'));
}

/** Every file under `dir` with its bytes and modification time, to show that nothing changed. */
export async function snapshotTree(dir: string): Promise<Record<string, { content: string; mtimeMs: number }>> {
  const out: Record<string, { content: string; mtimeMs: number }> = {};
  const entries = await fsp.readdir(dir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    const full = path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
    const stat = await fsp.stat(full);
    const key = path.relative(dir, full);
    out[key] = { content: entry.isFile() ? (await fsp.readFile(full)).toString('base64') : '<dir>', mtimeMs: stat.mtimeMs };
  }
  return out;
}

export async function listTempFiles(dataDir: string): Promise<string[]> {
  const entries = await fsp.readdir(dataDir, { recursive: true }).catch(() => [] as string[]);
  return entries.filter((name) => name.endsWith('.tmp'));
}

export function errnoError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  const error = new Error(`${code}: simulated, ${syscall} '${file}'`) as NodeJS.ErrnoException;
  error.code = code;
  error.syscall = syscall;
  error.path = file;
  return error;
}

/** The real file system with hooks a test can set: count calls, or fail like a full or read-only disk. */
export class TestFs {
  opens: string[] = [];
  failOpen: string | null = null;
  failLink: string | null = null;
  /** Fails writes to temp files after part of the content was written, like a disk filling up. */
  failWrite: string | null = null;

  readonly fs: StoreFs = {
    ...nodeFs,
    open: (async (file: string, flags?: string) => {
      this.opens.push(file);
      if (this.failOpen) throw errnoError(this.failOpen, 'open', file);
      const handle = await nodeFs.open(file, flags);
      if (!this.failWrite) return handle;
      const code = this.failWrite;
      return new Proxy(handle, {
        get(target, key, receiver) {
          if (key === 'writeFile') {
            return async (data: string | Uint8Array) => {
              await target.writeFile(typeof data === 'string' ? data.slice(0, 10) : data.subarray(0, 10));
              throw errnoError(code, 'write', file);
            };
          }
          const value = Reflect.get(target, key, receiver);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
    }) as StoreFs['open'],
    link: (async (from: string, to: string) => {
      if (this.failLink) throw errnoError(this.failLink, 'link', from);
      return nodeFs.link(from, to);
    }) as StoreFs['link'],
  };
}

/** A folder with two save points, its first contact edited between them, so the save points differ. */
export async function folderWithHistory() {
  const dataDir = await tempDir();
  const clock = new FakeClock();
  const [first, second] = idsInShards('contacts', 2);
  const store = await openReady({ dataDir, now: clock.now });
  await store.insert('settings', { language: 'zh-Hant' });
  await store.insert('contacts', contactFields('陳志明'), first);
  await store.insert('contacts', contactFields('李嘉欣', { side: 'SZ' }), second);
  await store.close();
  clock.advance(3_600_000);
  const again = await openReady({ dataDir, now: clock.now });
  const edited = await again.update('contacts', first!, () => ({ title: '處長' }));
  await again.close();
  clock.advance(3_600_000);
  const file = shardPathOf(dataDir, 'contacts', first!);
  const backups = await again.listBackups();
  /** A save point's copy of the file from before the edit. */
  const olderCopy = async () => {
    for (const backup of backups) {
      const copy = path.join(dataDir, BACKUPS_DIR, backup, path.relative(dataDir, file));
      if ((await readJson(copy)).records[first!].revision === 1) return copy;
    }
    throw new Error('no save point from before the edit');
  };
  return { dataDir, clock, first: first!, second: second!, edited, file, backups, olderCopy };
}

/** Reads work; every write, creation, rename or removal fails as on a read-only disk. */
export const readOnlyFs: StoreFs = (() => {
  const fail = (syscall: string) => async (file: unknown) => {
    throw errnoError('EROFS', syscall, String(file));
  };
  return {
    ...nodeFs,
    open: (async (file: string, flags?: string) => (flags && flags !== 'r' ? fail('open')(file) : nodeFs.open(file, flags))) as StoreFs['open'],
    mkdir: (async (dir: string) => {
      const exists = await nodeFs.stat(dir).then(
        () => true,
        () => false,
      );
      return exists ? undefined : fail('mkdir')(dir);
    }) as StoreFs['mkdir'],
    rename: fail('rename') as StoreFs['rename'],
    rm: fail('rm') as StoreFs['rm'],
    link: fail('link') as StoreFs['link'],
    copyFile: fail('copyFile') as StoreFs['copyFile'],
  };
})();
