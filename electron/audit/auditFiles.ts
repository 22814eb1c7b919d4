/**
 * The audit folder's files: each a list of JSON lines that only ever grows. A line is written and
 * flushed to the disk before the caller hears it was recorded; nothing already written is rewritten.
 */
import * as path from 'node:path';
import type { StoreFs } from '../store/storeFs';

export const AUDIT_DIR = 'audit';

export function auditPaths(auditDir: string) {
  return {
    log: path.join(auditDir, 'log.jsonl'),
    checkpoints: path.join(auditDir, 'checkpoints.jsonl'),
    countersignatures: path.join(auditDir, 'countersignatures.jsonl'),
    /** The one-time handover from the stand-in key to the exchange identity (auditIdentity.ts). */
    handover: path.join(auditDir, 'handover.jsonl'),
    /** The checkpoints each peer sent us and we countersigned, one file per peer. */
    peerCheckpoints: (peerId: string) => path.join(auditDir, 'peers', `${peerId.replace(/[^A-Za-z0-9-]/g, '_')}.jsonl`),
  };
}
export type AuditPaths = ReturnType<typeof auditPaths>;

const NEWLINE = 0x0a;
const CHUNK = 4 * 1024 * 1024;

/**
 * Calls `each` with every line of the file (without its newline, opened if sealed, with the bytes it
 * takes on disk), reading a few megabytes at a time so a million entries never sit in memory at once.
 * A last line without its newline is passed too, marked `complete: false`. A missing file has no lines.
 */
export async function forEachLine(fs: StoreFs, file: string, each: (line: Buffer, complete: boolean, storedBytes: number) => void): Promise<void> {
  const codec = fs.lines;
  // A sealed line is opened before it is handed on (one that does not open arrives as a line no entry
  // can be, so the chain breaks there); a torn last line is passed as it is, to be dropped.
  const opened = (line: Buffer): Buffer => {
    try {
      return Buffer.from(codec!.open(file, line.toString('utf8')), 'utf8');
    } catch {
      return Buffer.from('\u0000unreadable', 'utf8');
    }
  };
  const deliver = (line: Buffer, complete: boolean) => each(codec && complete ? opened(line) : line, complete, line.length);
  let handle;
  try {
    handle = await fs.open(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    let carry = Buffer.alloc(0);
    const chunk = Buffer.allocUnsafe(Math.max(1, Math.min(CHUNK, (await handle.stat()).size)));
    for (;;) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      const data = carry.length ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead);
      let start = 0;
      for (let end = data.indexOf(NEWLINE, start); end !== -1; end = data.indexOf(NEWLINE, start)) {
        deliver(data.subarray(start, end), true);
        start = end + 1;
      }
      carry = Buffer.from(data.subarray(start));
    }
    if (carry.length) deliver(carry, false);
  } finally {
    await handle.close();
  }
}

export async function readJsonLines<T>(fs: StoreFs, file: string): Promise<T[]> {
  const rows: T[] = [];
  await forEachLine(fs, file, (line, complete) => {
    if (complete) rows.push(JSON.parse(line.toString('utf8')) as T);
  });
  return rows;
}

/** Appends one line and flushes it; a torn write is cut back so the next line starts clean. */
export async function appendLine(fs: StoreFs, file: string, line: string): Promise<void> {
  const appender = await LineAppender.open(fs, file);
  try {
    await appender.append(line);
  } finally {
    await appender.close();
  }
}

/** The log's file, kept open between appends: one write and one flush per entry. */
export class LineAppender {
  private constructor(
    private readonly handle: Awaited<ReturnType<StoreFs['open']>>,
    private size: number,
    private readonly seal: (line: string) => string,
  ) {}

  static async open(fs: StoreFs, file: string): Promise<LineAppender> {
    await fs.mkdir(path.dirname(file), { recursive: true });
    const handle = await fs.open(file, 'a');
    const codec = fs.lines;
    return new LineAppender(handle, (await handle.stat()).size, codec ? (line) => codec.seal(file, line) : (line) => line);
  }

  async append(line: string): Promise<void> {
    const bytes = Buffer.from(`${this.seal(line)}\n`);
    try {
      await this.handle.write(bytes);
      await this.handle.datasync();
      this.size += bytes.length;
    } catch (error) {
      await this.handle.truncate(this.size).catch(() => undefined);
      throw error;
    }
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}
