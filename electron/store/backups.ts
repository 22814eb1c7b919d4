import type { Stats } from 'node:fs';
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

/** Save points being taken are built in `backups/.<time>.partial` and renamed when whole. */
export function isPartialBackup(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.partial');
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
 * Rolling save points of the whole data folder. A file whose size and modification time equal the
 * previous save point's copy is hard-linked to that copy (rsync's quick check and --link-dest); any
 * other is copied, keeping its modification time. So a save point costs only what changed, and
 * nothing is ever linked to a live data file: damage written into a live file in place (another
 * program, a failing disk) cannot reach the backups.
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
    const previous = (await this.list()).find((n) => n !== name) ?? null;
    const partial = path.join(this.folder, `.${name}.partial`);
    await this.fs.rm(partial, { recursive: true, force: true });
    for (const relativePath of relativePaths) {
      const live = path.join(this.dataDir, relativePath);
      const liveStat = await this.fs.stat(live).catch(() => null);
      if (!liveStat) continue;
      const target = path.join(partial, relativePath);
      await this.fs.mkdir(path.dirname(target), { recursive: true });
      if (previous && (await this.linkIfUnchanged(this.pathIn(previous, relativePath), liveStat, target))) continue;
      await this.fs.copyFile(live, target);
      await this.fs.utimes(target, liveStat.atimeMs / 1000, liveStat.mtimeMs / 1000);
    }
    // A save point taken in the same millisecond (or after the clock was set back) is replaced: a
    // rename onto a folder that is not empty fails, and the newer copy is the one worth keeping.
    const final = path.join(this.folder, name);
    await this.fs.rm(final, { recursive: true, force: true });
    await this.fs.rename(partial, final);
    await this.prune();
    return name;
  }

  /** False where the file changed, the previous save point lacks it, or the disk cannot link (FAT). */
  private async linkIfUnchanged(previousCopy: string, live: Stats, target: string): Promise<boolean> {
    try {
      const copy = await this.fs.stat(previousCopy);
      // Setting a time keeps only whole milliseconds on some systems, so compare at that precision.
      if (copy.size !== live.size || Math.abs(copy.mtimeMs - live.mtimeMs) >= 1) return false;
      await this.fs.link(previousCopy, target);
      return true;
    } catch {
      return false;
    }
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
    // A save point interrupted by a crash stays behind as a partial folder; nothing else removes it.
    const all = await this.fs.readdir(this.folder).catch(() => [] as string[]);
    for (const name of all.filter(isPartialBackup)) {
      await this.fs.rm(path.join(this.folder, name), { recursive: true, force: true });
    }
  }
}
