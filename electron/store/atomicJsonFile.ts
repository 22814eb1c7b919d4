import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type { Adapter } from 'lowdb';
import { toDiskError } from './diskErrors';
import type { StoreFs } from './storeFs';

/**
 * A lowdb adapter that never leaves a half-written file: it writes a unique temporary file, flushes
 * it to the disk, then renames it over the old one. A crash at any moment leaves either the old or
 * the new file, whole.
 */
export class AtomicJsonFile<T> implements Adapter<T> {
  constructor(
    readonly filePath: string,
    private readonly fs: StoreFs,
  ) {}

  /** Null when the file does not exist; throws SyntaxError when it is not JSON. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await this.fs.readFile(this.filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return JSON.parse(text) as T;
  }

  write(data: T): Promise<void> {
    // Serialised before the first await, so later edits cannot leak into this snapshot.
    return writeFileAtomic(this.fs, this.filePath, JSON.stringify(data));
  }
}

const TEMP_SUFFIX = '.tmp';

export function isTempFile(name: string): boolean {
  return name.endsWith(TEMP_SUFFIX);
}

export async function writeFileAtomic(fs: StoreFs, filePath: string, content: string | Uint8Array): Promise<void> {
  const tempPath = `${filePath}.${randomUUID().slice(0, 8)}${TEMP_SUFFIX}`;
  try {
    await fs.mkdir(path.dirname(filePath), { recursive: true });
    const handle = await fs.open(tempPath, 'w');
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(fs, tempPath, filePath);
  } catch (error) {
    await fs.rm(tempPath, { force: true }).catch(() => undefined);
    throw toDiskError(error);
  }
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
