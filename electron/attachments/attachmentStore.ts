import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { AppError } from '../../shared/ipc/errors';
import type { AttachmentRef, AttachmentState } from '../../shared/model/meeting';
import { toDiskError } from '../store/diskErrors';

export const ATTACHMENTS_DIR = 'attachments';
/** Large enough for a scanned paper with annexes; larger files are refused with a clear message. */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024;

const mediaTypes: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.zip': 'application/zip',
};

/**
 * A content-addressed file store under <dataDir>/attachments/: each file is named by the SHA-256 of its
 * bytes, so the same paper attached twice is kept once and a changed byte is noticed on reading.
 * Files are written to a temporary name, flushed and renamed, like the collections. Nothing here
 * deletes a stored file: records only ever stop pointing at one, so an edit can never lose a paper.
 */
export class AttachmentStore {
  readonly folder: string;

  constructor(
    dataDir: string,
    private readonly maxBytes = DEFAULT_MAX_ATTACHMENT_BYTES,
  ) {
    this.folder = path.join(dataDir, ATTACHMENTS_DIR);
  }

  pathOf(sha256: string): string {
    return path.join(this.folder, sha256);
  }

  /** Copies a file from anywhere into the store. */
  async add(sourcePath: string): Promise<AttachmentRef> {
    const fileName = path.basename(sourcePath);
    const stat = await fsp.stat(sourcePath).catch(() => null);
    if (!stat?.isFile()) throw new AppError('attachment.unreadable', { fileName });
    if (stat.size > this.maxBytes) {
      throw new AppError('attachment.tooLarge', { fileName, limitMb: Math.round(this.maxBytes / 1024 / 1024) });
    }
    await fsp.mkdir(this.folder, { recursive: true }).catch((error: unknown) => {
      throw toDiskError(error);
    });
    const tempPath = path.join(this.folder, `${randomUUID()}.tmp`);
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    try {
      const out = await fsp.open(tempPath, 'w');
      try {
        // Hash while copying: one read of a large file instead of two.
        for await (const chunk of createReadStream(sourcePath) as AsyncIterable<Buffer>) {
          hash.update(chunk);
          if (head.length < 5) head = Buffer.concat([head, chunk.subarray(0, 5 - head.length)]);
          size += chunk.length;
          if (size > this.maxBytes) throw new AppError('attachment.tooLarge', { fileName, limitMb: Math.round(this.maxBytes / 1024 / 1024) });
          await out.write(chunk);
        }
        await out.sync();
      } finally {
        await out.close();
      }
      const sha256 = hash.digest('hex');
      if ((await this.state(sha256, size)) === 'ok') await fsp.rm(tempPath, { force: true });
      else await fsp.rename(tempPath, this.pathOf(sha256));
      return { sha256, fileName, size, mediaType: mediaTypeOf(fileName, head) };
    } catch (error) {
      await fsp.rm(tempPath, { force: true }).catch(() => undefined);
      if (error instanceof AppError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      // The source went away or cannot be read: say so, rather than blame the data folder.
      if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw new AppError('attachment.unreadable', { fileName });
      throw toDiskError(error);
    }
  }

  /** Whether the stored file is there and still has the bytes it was named for. */
  async state(sha256: string, size?: number): Promise<AttachmentState> {
    const file = this.pathOf(sha256);
    const stat = await fsp.stat(file).catch(() => null);
    if (!stat?.isFile()) return 'missing';
    if (size !== undefined && stat.size !== size) return 'damaged';
    try {
      return (await hashOf(file)) === sha256 ? 'ok' : 'damaged';
    } catch {
      return 'damaged';
    }
  }

  /** The stored file's path once verified; a typed error naming the file if it is missing or damaged. */
  async verifiedPath(ref: AttachmentRef): Promise<string> {
    const state = await this.state(ref.sha256, ref.size);
    if (state === 'missing') throw new AppError('attachment.missing', { fileName: ref.fileName });
    if (state === 'damaged') throw new AppError('attachment.damaged', { fileName: ref.fileName });
    return this.pathOf(ref.sha256);
  }

  /** The stored bytes, verified. */
  async read(ref: AttachmentRef): Promise<Uint8Array> {
    const bytes = await fsp.readFile(this.pathOf(ref.sha256)).catch(() => null);
    if (!bytes) throw new AppError('attachment.missing', { fileName: ref.fileName });
    if (createHash('sha256').update(bytes).digest('hex') !== ref.sha256) throw new AppError('attachment.damaged', { fileName: ref.fileName });
    return bytes;
  }

  /** Writes a verified copy of the stored file to `destination` (e.g. where the user chose to save it). */
  async copyOut(ref: AttachmentRef, destination: string): Promise<void> {
    const source = await this.verifiedPath(ref);
    try {
      await fsp.mkdir(path.dirname(destination), { recursive: true });
      await fsp.copyFile(source, destination);
    } catch (error) {
      throw toDiskError(error);
    }
  }
}

async function hashOf(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

/** A PDF is known by its header, whatever it is called; other files by their extension. */
function mediaTypeOf(fileName: string, head: Buffer): string {
  if (head.toString('latin1') === '%PDF-') return 'application/pdf';
  const type = mediaTypes[path.extname(fileName).toLowerCase()];
  return type === 'application/pdf' || !type ? 'application/octet-stream' : type;
}
