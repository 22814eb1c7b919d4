import { AppError } from '../../shared/ipc/errors';

export type DiskErrorCode = 'disk.full' | 'disk.readOnly' | 'disk.writeFailed';

/** Turns an operating-system write failure into the message the user reads. */
export function toDiskError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  const path = (error as NodeJS.ErrnoException | undefined)?.path ?? '';
  if (errno === 'ENOSPC' || errno === 'EDQUOT') return new AppError('disk.full', { path });
  if (errno === 'EACCES' || errno === 'EPERM' || errno === 'EROFS') return new AppError('disk.readOnly', { path });
  return new AppError('disk.writeFailed', { path, errno: errno ?? 'unknown' });
}

export function isDiskErrorCode(code: string): code is DiskErrorCode {
  return code === 'disk.full' || code === 'disk.readOnly' || code === 'disk.writeFailed';
}
