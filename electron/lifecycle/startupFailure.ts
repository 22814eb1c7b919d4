import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { TFunction } from 'i18next';

/** The system errors a data folder typically fails with, each explained in the user's script. */
const explained = ['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'ENOTDIR', 'EIO'];

/** The dialog shown when the data folder cannot be opened: which folder, why, and what to do. */
export function startupFailureMessage(error: unknown, folder: string, t: TFunction) {
  const code = String((error as { code?: unknown } | null)?.code ?? (error instanceof Error ? error.name : 'unknown'));
  const reason = explained.includes(code) ? t(`startupFailure.reason.${code}`) : t('startupFailure.reason.unknown', { code });
  return {
    type: 'error' as const,
    title: t('startupFailure.title'),
    message: t('startupFailure.message'),
    detail: t('startupFailure.detail', { folder, reason }),
    buttons: [t('startupFailure.openFolder'), t('startupFailure.quit')],
    defaultId: 1,
    cancelId: 1,
  };
}

/** The folder itself if it exists, else the nearest folder above it that does (to open instead). */
export async function nearestExistingFolder(folder: string): Promise<string> {
  let current = path.resolve(folder);
  for (;;) {
    const isFolder = await stat(current).then((s) => s.isDirectory(), () => false);
    const parent = path.dirname(current);
    if (isFolder || parent === current) return current;
    current = parent;
  }
}
