import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Where papers and documents to print are copied for the system's viewer: a folder made for this user and this run
 * (mkdtemp: an unguessable name another user cannot create first, mode 0700 so no one else can
 * read a confidential paper or swap in a file), created on first use and removed at quit.
 */
export class PrivateScratch {
  private folder: Promise<string> | null = null;

  constructor(private readonly parent: string = os.tmpdir()) {}

  dir(): Promise<string> {
    this.folder ??= fsp.mkdtemp(path.join(this.parent, 'hetao-desk-papers-')).then(async (dir) => {
      // mkdtemp already uses 0700; a umask cannot widen it, but say so where it matters.
      await fsp.chmod(dir, 0o700);
      return dir;
    });
    return this.folder;
  }

  /** A viewer still holding a copy (Windows) must not keep the app from quitting. */
  async remove(): Promise<void> {
    const folder = this.folder;
    this.folder = null;
    if (folder) await fsp.rm(await folder, { recursive: true, force: true }).catch(() => undefined);
  }
}
