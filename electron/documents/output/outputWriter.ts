import * as path from 'node:path';
import { AppError } from '../../../shared/ipc/errors';
import { moveIntoPlace, writeTempBeside } from '../../store/atomicJsonFile';
import type { StoreFs } from '../../store/storeFs';

export interface OutputFile {
  path: string;
  bytes: Uint8Array;
}

const TEMP_SUFFIX = '.hetao-part';

/** An operating-system failure as the message the user reads, naming the file or folder concerned. */
export function outputError(error: unknown, filePath: string, phase: 'write' | 'replace'): AppError {
  if (error instanceof AppError) return error;
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  const file = path.basename(filePath);
  const folder = path.dirname(filePath);
  if (errno === 'ENOSPC' || errno === 'EDQUOT') return new AppError('export.diskFull', { file });
  if (errno === 'ENAMETOOLONG') return new AppError('export.pathTooLong', { file });
  // Windows refuses to replace a file Word or Excel holds open (EBUSY, or EPERM on the rename).
  if (errno === 'EBUSY' || (phase === 'replace' && (errno === 'EPERM' || errno === 'EACCES'))) return new AppError('export.fileLocked', { file });
  if (errno === 'EACCES' || errno === 'EPERM' || errno === 'EROFS' || errno === 'ENOENT') return new AppError('export.readOnly', { folder });
  return new AppError('export.writeFailed', { file });
}

/**
 * Writes export files so a reader never meets half of one: every file is written in full to a
 * temporary name beside its destination and flushed, and only when all are written are they renamed
 * into place, by the store's own atomic-write halves (so Windows' brief rename refusals are retried here too). An existing file is replaced only when the caller says the user agreed.
 */
export class OutputWriter {
  constructor(private readonly fs: StoreFs) {}

  /** Which of these paths already hold a file, so the user can be asked before replacing them. */
  async existing(paths: readonly string[]): Promise<string[]> {
    const found: string[] = [];
    for (const filePath of paths) {
      try {
        await this.fs.stat(filePath);
        found.push(filePath);
      } catch {
        // Absent (or unreadable, which the write itself will report).
      }
    }
    return found;
  }

  async write(files: readonly OutputFile[], options: { replace: boolean }): Promise<void> {
    if (!options.replace) {
      const [first] = await this.existing(files.map((f) => f.path));
      if (first) throw new AppError('export.fileExists', { file: path.basename(first) });
    }
    const temps: string[] = [];
    try {
      for (const file of files) {
        try {
          temps.push(await writeTempBeside(this.fs, file.path, file.bytes, TEMP_SUFFIX));
        } catch (error) {
          throw outputError(error, file.path, 'write');
        }
      }
      for (const [i, file] of files.entries()) {
        try {
          await moveIntoPlace(this.fs, temps[i]!, file.path);
        } catch (error) {
          throw outputError(error, file.path, 'replace');
        }
      }
    } finally {
      // Renamed temporaries are gone already; anything left is a file that must not stay half-written.
      await Promise.all(temps.map((temp) => this.fs.rm(temp, { force: true }).catch(() => undefined)));
    }
  }
}
