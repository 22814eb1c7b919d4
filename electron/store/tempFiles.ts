import * as path from 'node:path';
import { isTempFile } from './atomicJsonFile';
import { ATTACHMENTS_DIR } from '../attachments/attachmentStore';
import { isPartialBackup } from './backups';
import { BACKUPS_DIR, COLLECTIONS_DIR } from './layout';
import type { StoreFs } from './storeFs';

/**
 * Clears what interrupted writes leave behind, wherever the app writes under the data folder: temp
 * files of shards, of the manifest and of a restored collections folder, papers being copied in, and
 * save points being taken. Only names the app itself gives its temporary files are touched.
 */
export async function removeTempFiles(fs: StoreFs, dataDir: string): Promise<void> {
  const clear = async (dir: string, isLeftover: (name: string) => boolean) => {
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter(isLeftover)) {
      await fs.rm(path.join(dir, name), { recursive: true, force: true }).catch(() => undefined);
    }
  };
  await clear(dataDir, isTempFile);
  const collections = path.join(dataDir, COLLECTIONS_DIR);
  await clear(collections, isTempFile);
  for (const collection of await fs.readdir(collections).catch(() => [] as string[])) {
    await clear(path.join(collections, collection), isTempFile);
  }
  await clear(path.join(dataDir, ATTACHMENTS_DIR), isTempFile);
  await clear(path.join(dataDir, BACKUPS_DIR), isPartialBackup);
}
