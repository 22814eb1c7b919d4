import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * Authenticated encryption of the data folder's files with AES-256-GCM from Node's own crypto.
 * Each file gets its own key, derived from the data key with HKDF over a random salt, so no nonce
 * is ever reused however many times ten years of saves rewrite a file. What the file *is* (its
 * path, its collection) is bound in as associated data, so a file swapped with another fails to open;
 * its revision is authenticated in the header, so a reader that knows the expected revision can
 * refuse an older copy put back in its place.
 */

const TAG = 16;
const SALT = 16;
const KEY_ID = 8;
export const DATA_KEY_BYTES = 32;

export class SealError extends Error {
  constructor(readonly reason: 'notSealed' | 'otherKey' | 'damaged' | 'truncated' | 'newerFormat') {
    super(`sealed file: ${reason}`);
  }
}

/** A short public id of a data key, kept in every sealed file, to tell "another key" from "damaged". */
export function keyIdOf(dataKey: Buffer): Buffer {
  return createHmac('sha256', dataKey).update('hetao-key-id/v1').digest().subarray(0, KEY_ID);
}

function fileKey(dataKey: Buffer, salt: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', dataKey, salt, `hetao/${purpose}/v1`, 32));
}

// ---- whole files (shards, manifests, settings: small, read and written whole) ----

const FILE_MAGIC = Buffer.from('HETAOSF1', 'latin1');
// magic | keyId | salt | nonce | revision (u64) | ciphertext | tag
const FILE_HEADER = FILE_MAGIC.length + KEY_ID + SALT + 12 + 8;

export interface FileBinding {
  /** e.g. collections/actions/07.json: a file moved to another path fails to open. */
  relativePath: string;
  /** Bumped on each write; read back authenticated so a reader can refuse an older copy. */
  revision: number;
}

export function isSealedFile(bytes: Uint8Array): boolean {
  return bytes.length >= FILE_MAGIC.length && FILE_MAGIC.equals(bytes.subarray(0, FILE_MAGIC.length));
}

export function sealFile(dataKey: Buffer, plain: Uint8Array, binding: FileBinding): Buffer {
  const header = Buffer.alloc(FILE_HEADER);
  FILE_MAGIC.copy(header, 0);
  keyIdOf(dataKey).copy(header, FILE_MAGIC.length);
  const salt = randomBytes(SALT);
  salt.copy(header, FILE_MAGIC.length + KEY_ID);
  const nonce = randomBytes(12);
  nonce.copy(header, FILE_MAGIC.length + KEY_ID + SALT);
  header.writeBigUInt64BE(BigInt(binding.revision), FILE_HEADER - 8);
  const cipher = createCipheriv('aes-256-gcm', fileKey(dataKey, salt, 'file'), nonce);
  cipher.setAAD(Buffer.concat([header, Buffer.from(binding.relativePath, 'utf8')]));
  return Buffer.concat([header, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** The plain bytes and the revision they were written at; throws SealError. */
export function openFile(dataKey: Buffer, sealed: Uint8Array, relativePath: string): { plain: Buffer; revision: number } {
  const bytes = Buffer.from(sealed.buffer, sealed.byteOffset, sealed.byteLength);
  if (!isSealedFile(bytes)) throw new SealError('notSealed');
  if (bytes.length < FILE_HEADER + TAG) throw new SealError('truncated');
  const header = bytes.subarray(0, FILE_HEADER);
  if (!keyIdOf(dataKey).equals(header.subarray(FILE_MAGIC.length, FILE_MAGIC.length + KEY_ID))) throw new SealError('otherKey');
  const salt = header.subarray(FILE_MAGIC.length + KEY_ID, FILE_MAGIC.length + KEY_ID + SALT);
  const nonce = header.subarray(FILE_MAGIC.length + KEY_ID + SALT, FILE_HEADER - 8);
  const decipher = createDecipheriv('aes-256-gcm', fileKey(dataKey, salt, 'file'), nonce);
  decipher.setAAD(Buffer.concat([header, Buffer.from(relativePath, 'utf8')]));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG));
  try {
    const plain = Buffer.concat([decipher.update(bytes.subarray(FILE_HEADER, bytes.length - TAG)), decipher.final()]);
    return { plain, revision: Number(header.readBigUInt64BE(FILE_HEADER - 8)) };
  } catch {
    throw new SealError('damaged');
  }
}

// ---- streams (papers up to 200 MB, exchange packages): chunk by chunk, never held whole ----

const STREAM_MAGIC = Buffer.from('HETAOSS1', 'latin1');
export const CHUNK_BYTES = 256 * 1024;
// magic | keyId | salt | nonce prefix (7) | chunk size (u32)
const STREAM_HEADER = STREAM_MAGIC.length + KEY_ID + SALT + 7 + 4;

/** Chunk i's nonce: the file's random prefix, the chunk's index, and whether it is the last one. */
function chunkNonce(prefix: Buffer, index: number, last: boolean): Buffer {
  const nonce = Buffer.alloc(12);
  prefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, 7);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** A chunk's ciphertext and tag, as pieces to push: joining them would copy every byte once more. */
function sealChunk(key: Buffer, aad: Buffer, prefix: Buffer, index: number, last: boolean, plain: Buffer): Buffer[] {
  const cipher = createCipheriv('aes-256-gcm', key, chunkNonce(prefix, index, last));
  cipher.setAAD(aad);
  return [cipher.update(plain), cipher.final(), cipher.getAuthTag()];
}

/** Bytes gathered until a whole chunk is there, joined once per chunk rather than once per read. */
class Gathered {
  private parts: Buffer[] = [];
  length = 0;

  add(chunk: Buffer): void {
    this.parts.push(chunk);
    this.length += chunk.length;
  }

  /** The first `n` bytes, removed. */
  take(n: number): Buffer {
    const all = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.length);
    const head = all.subarray(0, n);
    const rest = all.subarray(n);
    this.parts = rest.length ? [rest] : [];
    this.length = rest.length;
    return head;
  }
}

/**
 * Encrypts a stream in chunks. The index and a last-chunk flag are in each chunk's nonce, so chunks
 * reordered, dropped or cut off at the end make the opening stream fail. `binding` names what is
 * sealed (a paper's hash, a package id) and must be given again to open it.
 */
export function createSealStream(dataKey: Buffer, binding: string): Transform {
  const salt = randomBytes(SALT);
  const prefix = randomBytes(7);
  const header = Buffer.alloc(STREAM_HEADER);
  STREAM_MAGIC.copy(header, 0);
  keyIdOf(dataKey).copy(header, STREAM_MAGIC.length);
  salt.copy(header, STREAM_MAGIC.length + KEY_ID);
  prefix.copy(header, STREAM_MAGIC.length + KEY_ID + SALT);
  header.writeUInt32BE(CHUNK_BYTES, STREAM_HEADER - 4);
  const key = fileKey(dataKey, salt, 'stream');
  const aad = Buffer.concat([header, Buffer.from(binding, 'utf8')]);
  const pending = new Gathered();
  let index = 0;
  let headerSent = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      if (!headerSent) {
        this.push(header);
        headerSent = true;
      }
      pending.add(chunk);
      // Keep at least one byte back: only at the end is it known which chunk is the last.
      while (pending.length > CHUNK_BYTES) {
        for (const piece of sealChunk(key, aad, prefix, index++, false, pending.take(CHUNK_BYTES))) this.push(piece);
      }
      done();
    },
    flush(done: TransformCallback) {
      if (!headerSent) this.push(header);
      for (const piece of sealChunk(key, aad, prefix, index, true, pending.take(pending.length))) this.push(piece);
      done();
    },
  });
}

/** How many bytes createSealStream writes for `plainBytes` bytes: its header, and a tag per chunk. */
export function sealedStreamSize(plainBytes: number): number {
  return STREAM_HEADER + plainBytes + TAG * Math.max(1, Math.ceil(plainBytes / CHUNK_BYTES));
}

/** Decrypts what createSealStream wrote; fails with SealError on any damage, swap or truncation. */
export function createOpenStream(dataKey: Buffer, binding: string): Transform {
  let header: Buffer | null = null;
  let key: Buffer;
  let aad: Buffer;
  let prefix: Buffer;
  let sealedChunk = 0;
  const pending = new Gathered();
  let index = 0;
  const openChunk = (bytes: Buffer, last: boolean): Buffer => {
    const decipher = createDecipheriv('aes-256-gcm', key, chunkNonce(prefix, index++, last));
    decipher.setAAD(aad);
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG));
    try {
      const plain = decipher.update(bytes.subarray(0, bytes.length - TAG));
      decipher.final();
      return plain;
    } catch {
      throw new SealError(last ? 'truncated' : 'damaged');
    }
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      pending.add(chunk);
      try {
        if (!header) {
          if (pending.length < STREAM_HEADER) return done();
          header = Buffer.from(pending.take(STREAM_HEADER));
          if (!STREAM_MAGIC.equals(header.subarray(0, STREAM_MAGIC.length))) throw new SealError('notSealed');
          if (!keyIdOf(dataKey).equals(header.subarray(STREAM_MAGIC.length, STREAM_MAGIC.length + KEY_ID))) {
            throw new SealError('otherKey');
          }
          const salt = header.subarray(STREAM_MAGIC.length + KEY_ID, STREAM_MAGIC.length + KEY_ID + SALT);
          prefix = header.subarray(STREAM_MAGIC.length + KEY_ID + SALT, STREAM_HEADER - 4);
          const chunkBytes = header.readUInt32BE(STREAM_HEADER - 4);
          if (chunkBytes !== CHUNK_BYTES) throw new SealError('newerFormat');
          sealedChunk = chunkBytes + TAG;
          key = fileKey(dataKey, salt, 'stream');
          aad = Buffer.concat([header, Buffer.from(binding, 'utf8')]);
        }
        // A full chunk with more after it is not the last; the last is known only at the end.
        while (pending.length > sealedChunk) this.push(openChunk(pending.take(sealedChunk), false));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
    flush(done: TransformCallback) {
      try {
        const rest = pending.take(pending.length);
        if (!header) {
          const start = rest.subarray(0, STREAM_MAGIC.length);
          throw new SealError(STREAM_MAGIC.subarray(0, start.length).equals(start) ? 'truncated' : 'notSealed');
        }
        if (rest.length < TAG) throw new SealError('truncated');
        this.push(openChunk(rest, true));
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
}
