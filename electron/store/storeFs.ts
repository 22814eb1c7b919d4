import * as fsp from 'node:fs/promises';

/** The file operations the store uses; tests pass a variant that fails like a full or read-only disk. */
export type StoreFs = Pick<
  typeof fsp,
  'open' | 'rename' | 'readFile' | 'readdir' | 'mkdir' | 'rm' | 'link' | 'copyFile' | 'stat' | 'lstat' | 'utimes'
>;

export const nodeFs: StoreFs = fsp;
