import * as fsp from 'node:fs/promises';

/**
 * How the lines of an append-only file (the audit trail's) are written and read back: sealed one by
 * one in an encrypted folder, where whole-file sealing cannot append.
 */
export interface LineCodec {
  seal(file: string, line: string): string;
  /** The line as written; throws if it was sealed and does not open. */
  open(file: string, line: string): string;
}

/** The file operations the store uses; tests pass a variant that fails like a full or read-only disk. */
export type StoreFs = Pick<
  typeof fsp,
  'open' | 'rename' | 'readFile' | 'readdir' | 'mkdir' | 'rm' | 'link' | 'copyFile' | 'stat' | 'lstat' | 'utimes'
> & { lines?: LineCodec };

export const nodeFs: StoreFs = fsp;
