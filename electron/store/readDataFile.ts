import type { StoreFs } from './storeFs';

/** What is at the place of one of the store's files. */
export type DataFileRead =
  | { kind: 'missing' }
  /** Undecoded, so a caller reading many files decodes each when it comes to it (`textOf`). */
  | { kind: 'bytes'; bytes: Buffer }
  /** A link (dangling or not), a folder or a device where the store keeps a plain file. */
  | { kind: 'notAFile'; what: 'link' | 'directory' | 'other' }
  /** An encrypted file that did not open under the folder's key: altered, swapped or planted. */
  | { kind: 'notSealed' }
  /** Could not be read even after waiting: nothing about its content is known. */
  | { kind: 'unreadable'; errno: string };

/**
 * A virus scanner or backup tool holding a file (EBUSY, EPERM on Windows) or a permission being
 * changed (EACCES) lets go within moments: waiting about a second in all is cheap next to replacing
 * a healthy file by a save point.
 */
export const TRANSIENT_READ_DELAYS_MS = [25, 50, 100, 200, 400];
const TRANSIENT = new Set(['EACCES', 'EBUSY', 'EPERM', 'EAGAIN', 'EMFILE', 'ENFILE']);

/** The code electron/crypto/sealedFs.ts gives a file under the data folder that does not open. */
export const SEAL_FAILED = 'EHETAOSEAL';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A data file's text. A byte-order mark is what Windows editors add when a file is saved; the content is still ours. */
export function textOf(bytes: Buffer): string {
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/** Reads a file the store owns, telling a missing, foreign or locked file apart from its content. */
export async function readDataFile(fs: StoreFs, file: string, delays = TRANSIENT_READ_DELAYS_MS): Promise<DataFileRead> {
  for (let attempt = 0; ; attempt++) {
    try {
      const stat = await fs.lstat(file);
      if (stat.isSymbolicLink()) return { kind: 'notAFile', what: 'link' };
      if (stat.isDirectory()) return { kind: 'notAFile', what: 'directory' };
      if (!stat.isFile()) return { kind: 'notAFile', what: 'other' };
      return { kind: 'bytes', bytes: await fs.readFile(file) };
    } catch (error) {
      const errno = (error as NodeJS.ErrnoException).code ?? 'unknown';
      if (errno === 'ENOENT') return { kind: 'missing' };
      if (errno === SEAL_FAILED) return { kind: 'notSealed' };
      if (!TRANSIENT.has(errno)) return { kind: 'unreadable', errno };
      if (attempt >= delays.length) return { kind: 'unreadable', errno };
      await sleep(delays[attempt]!);
    }
  }
}
