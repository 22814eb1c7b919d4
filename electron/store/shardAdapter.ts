import type { Adapter } from 'lowdb';
import { AppError } from '../../shared/ipc/errors';
import { writeFileAtomic } from './atomicJsonFile';
import { entryOf, type ManifestFile } from './manifest';
import type { ShardFile } from './shardFile';
import type { StoreFs } from './storeFs';

/**
 * How lowdb writes one shard: atomically, then into the manifest. The store reads shards itself
 * (readDataFile), so `read` is never used.
 */
export class ShardAdapter implements Adapter<ShardFile> {
  constructor(
    readonly filePath: string,
    private readonly relativePath: string,
    private readonly fs: StoreFs,
    private readonly manifest: ManifestFile,
    /** Set when this session must not write the file: it could not be read, or it is damaged in a read-only folder. */
    private readonly locked: boolean,
  ) {}

  async read(): Promise<ShardFile | null> {
    return null;
  }

  async write(data: ShardFile): Promise<void> {
    if (this.locked) throw new AppError('disk.readOnly', { path: this.filePath });
    // Serialised before the first await, so later edits cannot leak into this snapshot.
    const text = JSON.stringify(data);
    const entry = entryOf(text, data.records);
    await writeFileAtomic(this.fs, this.filePath, text);
    await this.manifest.record(this.relativePath, entry).catch(() => undefined);
  }
}
