import { createHash, createHmac, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { PassThrough, pipeline as streamPipeline, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/ipc/errors';
import type { AttachmentRef, AttachmentState } from '../../shared/model/meeting';
import { createOpenStream, createSealStream, sealedStreamSize } from '../crypto/sealed';
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

/** A paper's file in an encrypted folder: sealed in chunks (electron/crypto/sealed.ts). */
const SEALED_SUFFIX = '.sealed';
/**
 * What each sealed paper is bound to. Not its hash, which is known only once the whole file has
 * been read: a paper swapped with another still opens, and is then caught by the hash every read checks.
 */
const PAPER_BINDING = 'attachments/paper';

/** A paper arriving piece by piece (from an exchange package). */
export interface IncomingPaper {
  write(data: Buffer): Promise<void>;
  /** Ends the file: kept if `keep` and its bytes have the hash it came under, removed otherwise. */
  finish(keep: boolean): Promise<void>;
}

interface Written {
  temp: string;
  sha256: string;
  size: number;
  head: Buffer;
}

/**
 * A content-addressed file store under <dataDir>/attachments/: each paper is found by the SHA-256
 * of its bytes, so the same paper attached twice is kept once and a changed byte is noticed on
 * reading. In an encrypted folder (a data key given) every file is sealed in chunks, so a 200 MB
 * paper is never held whole, and named by a keyed hash, so a copied folder does not even tell
 * whether it holds a paper someone already has. Files are written to a temporary name, flushed and
 * renamed, like the collections. Nothing here deletes a stored paper: records only ever stop
 * pointing at one, so an edit can never lose a paper.
 */
export class AttachmentStore {
  readonly folder: string;

  constructor(
    dataDir: string,
    private readonly maxBytes = DEFAULT_MAX_ATTACHMENT_BYTES,
    private readonly dataKey: Buffer | null = null,
  ) {
    this.folder = path.join(dataDir, ATTACHMENTS_DIR);
  }

  private fileOf(sha256: string): string {
    if (!this.dataKey) return path.join(this.folder, sha256);
    const name = createHmac('sha256', this.dataKey).update(`hetao-paper-name/v1:${sha256}`).digest('hex');
    return path.join(this.folder, `${name}${SEALED_SUFFIX}`);
  }

  private tooLarge(fileName: string): AppError {
    return new AppError('attachment.tooLarge', { fileName, limitMb: Math.round(this.maxBytes / 1024 / 1024) });
  }

  /**
   * Writes `source` to a temporary file in the store (sealed in an encrypted folder), hashing it on
   * the way: one read of a large file instead of two.
   */
  private async writeTemp(source: AsyncIterable<Buffer>, fileName: string, limit = this.maxBytes): Promise<Written> {
    await fsp.mkdir(this.folder, { recursive: true }).catch((error: unknown) => {
      throw toDiskError(error);
    });
    const temp = path.join(this.folder, `${randomUUID()}.tmp`);
    const hash = createHash('sha256');
    const written: Written = { temp, sha256: '', size: 0, head: Buffer.alloc(0) };
    const tooLarge = () => this.tooLarge(fileName);
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        hash.update(chunk);
        if (written.head.length < 5) written.head = Buffer.concat([written.head, chunk.subarray(0, 5 - written.head.length)]);
        written.size += chunk.length;
        done(written.size > limit ? tooLarge() : null, chunk);
      },
    });
    const out = createWriteStream(temp, { flush: true });
    try {
      if (this.dataKey) await pipeline(source, measure, createSealStream(this.dataKey, PAPER_BINDING), out);
      else await pipeline(source, measure, out);
    } catch (error) {
      await fsp.rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
    written.sha256 = hash.digest('hex');
    return written;
  }

  /** Moves a written file to its place, or drops it if the same paper is already stored intact. */
  private async keep(written: Written): Promise<void> {
    if ((await this.state(written.sha256, written.size)) === 'ok') await fsp.rm(written.temp, { force: true });
    else await fsp.rename(written.temp, this.fileOf(written.sha256));
  }

  /** Copies a file from anywhere into the store. */
  async add(sourcePath: string): Promise<AttachmentRef> {
    const fileName = path.basename(sourcePath);
    const stat = await fsp.stat(sourcePath).catch(() => null);
    if (!stat?.isFile()) throw new AppError('attachment.unreadable', { fileName });
    if (stat.size > this.maxBytes) throw this.tooLarge(fileName);
    let written: Written | null = null;
    try {
      written = await this.writeTemp(createReadStream(sourcePath), fileName);
      await this.keep(written);
      return { sha256: written.sha256, fileName, size: written.size, mediaType: mediaTypeOf(fileName, written.head) };
    } catch (error) {
      if (written) await fsp.rm(written.temp, { force: true }).catch(() => undefined);
      if (error instanceof AppError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      // The source went away or cannot be read: say so, rather than blame the data folder.
      if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw new AppError('attachment.unreadable', { fileName });
      throw toDiskError(error);
    }
  }

  /** A paper arriving piece by piece: written as `add` writes, kept only under the hash it has. */
  receive(sha256: string): IncomingPaper {
    const input = new PassThrough();
    const writing = this.writeTemp(input, sha256);
    // Seen by finish; until then a failed write must not count as unhandled.
    writing.catch(() => undefined);
    return {
      write: async (data) => {
        if (!input.write(data)) await once(input, 'drain');
      },
      finish: async (keep) => {
        input.end();
        const written = await writing;
        if (keep && written.sha256 === sha256) await this.keep(written);
        else await fsp.rm(written.temp, { force: true });
      },
    };
  }

  /** Whether the stored file is there (and as large as `size` bytes make it): no byte is read. */
  async has(sha256: string, size: number): Promise<boolean> {
    const stat = await fsp.stat(this.fileOf(sha256)).catch(() => null);
    return !!stat?.isFile() && stat.size === this.storedSize(size);
  }

  private storedSize(size: number): number {
    return this.dataKey ? sealedStreamSize(size) : size;
  }

  /** Whether the stored file is there and still has the bytes it was named for. */
  async state(sha256: string, size?: number): Promise<AttachmentState> {
    const stat = await fsp.stat(this.fileOf(sha256)).catch(() => null);
    if (!stat?.isFile()) return 'missing';
    if (size !== undefined && stat.size !== this.storedSize(size)) return 'damaged';
    try {
      // Read through: the stream checks the hash at its end.
      for await (const _chunk of this.stream({ sha256, fileName: sha256 }));
      return 'ok';
    } catch {
      return 'damaged';
    }
  }

  /**
   * The paper's bytes chunk by chunk, never held whole; fails with attachment.missing or
   * attachment.damaged (at the end, if the bytes do not have the paper's hash).
   */
  async *stream(ref: Pick<AttachmentRef, 'sha256' | 'fileName'>): AsyncGenerator<Buffer> {
    const hash = createHash('sha256');
    const file = createReadStream(this.fileOf(ref.sha256));
    // pipeline, not pipe: a file that cannot be read fails the opened stream too.
    const bytes: AsyncIterable<Buffer> = this.dataKey ? streamPipeline(file, createOpenStream(this.dataKey, PAPER_BINDING), () => undefined) : file;
    try {
      for await (const chunk of bytes) {
        hash.update(chunk);
        yield chunk;
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('attachment.missing', { fileName: ref.fileName });
      throw new AppError('attachment.damaged', { fileName: ref.fileName });
    }
    if (hash.digest('hex') !== ref.sha256) throw new AppError('attachment.damaged', { fileName: ref.fileName });
  }

  /** The stored bytes, verified: for papers a meeting pack prints, which it reads whole. */
  async read(ref: AttachmentRef): Promise<Uint8Array> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.stream(ref)) chunks.push(chunk);
    return Buffer.concat(chunks);
  }

  /**
   * Writes a verified copy of the paper to `destination` (where the user chose to save it, or the
   * private scratch folder for the system viewer); nothing is left there if it proves damaged.
   */
  async copyOut(ref: AttachmentRef, destination: string): Promise<void> {
    try {
      await fsp.mkdir(path.dirname(destination), { recursive: true });
      await pipeline(this.stream(ref), createWriteStream(destination));
    } catch (error) {
      await fsp.rm(destination, { force: true }).catch(() => undefined);
      if (error instanceof AppError) throw error;
      throw toDiskError(error);
    }
  }

  /** The papers still plain in a folder being encrypted (this store given its data key). */
  async plainPapers(): Promise<string[]> {
    const names = await fsp.readdir(this.folder).catch(() => [] as string[]);
    return names.filter((name) => /^[0-9a-f]{64}$/.test(name)).sort();
  }

  /** Seals one plain paper beside it, then removes the plain file. Killed at any moment, doing it again carries on. */
  async sealPlainPaper(sha256: string): Promise<void> {
    if (!this.dataKey) throw new Error('sealing a paper needs the data key');
    const plain = path.join(this.folder, sha256);
    if ((await this.state(sha256)) !== 'ok') {
      // Stored before: kept whatever today's size limit. A plain file already damaged is sealed as
      // it is, and the paper shows as damaged, as it did.
      const written = await this.writeTemp(createReadStream(plain), sha256, Infinity);
      await fsp.rename(written.temp, this.fileOf(sha256));
    }
    await fsp.rm(plain, { force: true });
  }
}

/** A PDF is known by its header, whatever it is called; other files by their extension. */
function mediaTypeOf(fileName: string, head: Buffer): string {
  if (head.toString('latin1') === '%PDF-') return 'application/pdf';
  const type = mediaTypes[path.extname(fileName).toLowerCase()];
  return type === 'application/pdf' || !type ? 'application/octet-stream' : type;
}
