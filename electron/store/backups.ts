import * as path from 'node:path';
import { BACKUPS_DIR } from './layout';
import type { StoreFs } from './storeFs';

export interface BackupPolicy {
  /** Save points kept regardless of age. */
  keepLatest: number;
  /** Days for which the newest save point of each day is kept. */
  keepDaily: number;
  /** Saves closer together than this share one save point. */
  minIntervalMs: number;
}

export const defaultBackupPolicy: BackupPolicy = { keepLatest: 10, keepDaily: 30, minIntervalMs: 60_000 };

/** Folder names sort in time order: 2026-11-24T06-30-00-000Z. */
export function backupName(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

export function backupTime(name: string): Date | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/.exec(name);
  return m ? new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : null;
}

/** Which save points to keep: the newest few, and the newest of each recent day. */
export function backupsToKeep(names: string[], now: Date, policy: BackupPolicy): Set<string> {
  const dated = names
    .map((name) => ({ name, at: backupTime(name) }))
    .filter((b): b is { name: string; at: Date } => b.at !== null)
    .sort((a, b) => b.at.getTime() - a.at.getTime());
  const keep = new Set(dated.slice(0, policy.keepLatest).map((b) => b.name));
  const oldestDay = now.getTime() - policy.keepDaily * 86_400_000;
  const seenDays = new Set<string>();
  for (const b of dated) {
    const day = b.name.slice(0, 10);
    if (b.at.getTime() < oldestDay || seenDays.has(day)) continue;
    seenDays.add(day);
    keep.add(b.name);
  }
  return keep;
}

/**
 * Rolling save points of the whole data folder. The store only ever replaces files by rename, never
 * rewrites them in place, so a hard link keeps an old version intact at no cost; where the disk cannot
 * link (FAT, some network drives) the file is copied.
 */
export class Backups {
  readonly folder: string;

  constructor(
    private readonly dataDir: string,
    private readonly fs: StoreFs,
    private readonly policy: BackupPolicy,
    private readonly now: () => Date,
  ) {
    this.folder = path.join(dataDir, BACKUPS_DIR);
  }

  /** Save points, newest first. */
  async list(): Promise<string[]> {
    const names = await this.fs.readdir(this.folder).catch(() => [] as string[]);
    return names.filter((n) => backupTime(n) !== null).sort().reverse();
  }

  async take(relativePaths: string[]): Promise<string> {
    const name = backupName(this.now());
    const partial = path.join(this.folder, `.${name}.partial`);
    await this.fs.rm(partial, { recursive: true, force: true });
    for (const relative of relativePaths) {
      const source = path.join(this.dataDir, relative);
      const target = path.join(partial, relative);
      await this.fs.mkdir(path.dirname(target), { recursive: true });
      try {
        await this.fs.link(source, target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') continue;
        await this.fs.copyFile(source, target);
      }
    }
    await this.fs.rename(partial, path.join(this.folder, name));
    await this.prune();
    return name;
  }

  pathIn(backup: string, relative: string): string {
    return path.join(this.folder, backup, relative);
  }

  private async prune(): Promise<void> {
    const names = await this.list();
    const keep = backupsToKeep(names, this.now(), this.policy);
    for (const name of names) {
      if (!keep.has(name)) await this.fs.rm(path.join(this.folder, name), { recursive: true, force: true });
    }
  }
}
