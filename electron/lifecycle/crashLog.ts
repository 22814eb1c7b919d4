import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { AppError } from '../../shared/ipc/errors';

export interface CrashLogOptions {
  /** Size at which the file is rotated; with `keep` older files this bounds the log. */
  maxBytes?: number;
  /** How many rotated files (main.log.1 …) are kept. */
  keep?: number;
  now?: () => Date;
}

/**
 * What an error says about the code, never about the data: its kind, its code and where it was
 * thrown. Messages are left out (a parse or validation message can quote a record), except the app's
 * own errors, whose message is only their code.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `non-error value (${typeof error})`;
  const code = (error as { code?: unknown }).code;
  const head = [error.name, typeof code === 'string' ? code : null, error instanceof AppError ? error.message : null].filter(Boolean);
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return [head.join(' '), ...frames].join('\n');
}

/**
 * The main process's error log under the user-data folder: one entry per uncaught exception or
 * unhandled rejection, rotated so it never grows past a few MB.
 */
export class CrashLog {
  readonly file: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly now: () => Date;
  private writing: Promise<void> = Promise.resolve();

  constructor(folder: string, options: CrashLogOptions = {}) {
    this.file = path.join(folder, 'main.log');
    this.maxBytes = options.maxBytes ?? 1024 * 1024;
    this.keep = options.keep ?? 2;
    this.now = options.now ?? (() => new Date());
  }

  /** Appends one entry; entries are written one after another, in order. */
  write(kind: string, error: unknown): Promise<void> {
    const entry = `${this.now().toISOString()} ${kind}: ${describeError(error)}\n`;
    const next = this.writing.then(() => this.append(entry));
    this.writing = next.catch(() => undefined);
    return next;
  }

  private async append(entry: string): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const size = await stat(this.file).then((s) => s.size, () => 0);
    if (size > 0 && size + Buffer.byteLength(entry) > this.maxBytes) await this.rotate();
    await appendFile(this.file, entry, 'utf8');
  }

  /** main.log → main.log.1 → … → main.log.<keep>; the oldest is overwritten. */
  private async rotate(): Promise<void> {
    for (let n = this.keep - 1; n >= 1; n--) {
      await rename(`${this.file}.${n}`, `${this.file}.${n + 1}`).catch(() => undefined);
    }
    await rename(this.file, `${this.file}.1`);
  }
}
