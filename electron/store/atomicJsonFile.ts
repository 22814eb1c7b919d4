import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { toDiskError } from './diskErrors';
import type { StoreFs } from './storeFs';

const TEMP_SUFFIX = '.tmp';

export function isTempFile(name: string): boolean {
  return name.endsWith(TEMP_SUFFIX);
}

/**
 * Writes a file that is either wholly old or wholly new after a crash: a unique temporary file, flushed
 * to the disk, renamed over the old one, and the folder flushed so the rename itself survives a power cut.
 */
export async function writeFileAtomic(fs: StoreFs, filePath: string, content: string | Uint8Array): Promise<void> {
  try {
    await fs.mkdir(path.dirname(filePath), { recursive: true });
    const tempPath = await writeTempBeside(fs, filePath, content);
    try {
      await moveIntoPlace(fs, tempPath, filePath);
    } catch (error) {
      await fs.rm(tempPath, { force: true }).catch(() => undefined);
      throw error;
    }
  } catch (error) {
    throw toDiskError(error);
  }
}

/**
 * The first half of an atomic write, for writers that put several files in place together: the content
 * in full under a unique temporary name beside `filePath`, flushed to the disk. Nothing is left on failure.
 */
export async function writeTempBeside(fs: StoreFs, filePath: string, content: string | Uint8Array, suffix = TEMP_SUFFIX): Promise<string> {
  const tempPath = `${filePath}.${randomUUID().slice(0, 8)}${suffix}`;
  try {
    const handle = await fs.open(tempPath, 'w');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return tempPath;
  } catch (error) {
    await fs.rm(tempPath, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** The second half: the flushed temporary renamed over its destination, and the folder flushed. */
export async function moveIntoPlace(fs: StoreFs, tempPath: string, filePath: string): Promise<void> {
  await renameWithRetry(fs, tempPath, filePath);
  await syncDirectory(fs, path.dirname(filePath));
}

/** Windows refuses a rename for a moment while a virus scanner or indexer holds the target open. */
async function renameWithRetry(fs: StoreFs, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const transient = process.platform === 'win32' && (code === 'EPERM' || code === 'EBUSY' || code === 'EACCES');
      if (!transient || attempt >= 8) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
    }
  }
}

/**
 * A rename is an entry in its folder: until the folder is flushed, a power cut can bring back the old
 * file (ext4, APFS). Windows cannot open a folder for flushing and commits renames itself (NTFS).
 */
async function syncDirectory(fs: StoreFs, dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  let handle: Awaited<ReturnType<StoreFs['open']>>;
  try {
    handle = await fs.open(dir, 'r');
  } catch (error) {
    if (unsupportedDirectorySync(error)) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!unsupportedDirectorySync(error)) throw error;
  } finally {
    await handle.close();
  }
}

/** Some file systems (network shares, FAT on some systems) cannot flush a folder; the rename stands. */
function unsupportedDirectorySync(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EINVAL' || code === 'ENOTSUP' || code === 'EISDIR' || code === 'EBADF';
}
