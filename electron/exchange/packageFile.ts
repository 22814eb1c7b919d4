import { createCipheriv, createDecipheriv, createHash, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import type { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { AppError } from '../../shared/ipc/errors';
import { createOpenStream, createSealStream, SealError } from '../crypto/sealed';
import { privateKeyOf, publicKeyOf, signBytes, verifyBytes } from './keys';

/*
 * The package file (.hetao). In the clear: magic, format version, a header naming the package, its
 * sender and, per recipient, the file key wrapped with X25519 + HKDF + AES-256-GCM. Then the body,
 * sealed with the file key by the app's one chunked stream cipher (crypto/sealed.ts), bound to the
 * package id and the header's hash, so a cut, a swap, a changed byte or a changed header fails. The
 * body holds named parts (unknown names are skipped, so later versions can add parts), then a
 * manifest with every part's SHA-256, signed with the sender's Ed25519 key. Last, an end mark with
 * the file's length, so a scan tells a complete file from one being copied.
 * Format 1 had a chunk format of its own; its packages are refused as made by an older version.
 */

const MAGIC = Buffer.from('HETAOPKG', 'latin1');
const END = Buffer.from('HETAOEND', 'latin1');
export const PACKAGE_FORMAT = 2;
const TRAILER = END.length + 8;
const PREAMBLE = MAGIC.length + 2 + 4;
const MAX_HEADER = 256 * 1024;
/** Larger files are refused before reading them: a ten-year package with its papers is far smaller. */
export const DEFAULT_MAX_PACKAGE_BYTES = 1024 * 1024 * 1024;
const READ_BLOCK = 4 * 1024 * 1024;
const ITEM_PART = 1;
const ITEM_MANIFEST = 2;
const ITEM_SIGNATURE = 3;

const WrappedKey = z.object({ id: z.string(), iv: z.string(), key: z.string(), tag: z.string() });
export const PackageHeader = z.object({
  packageId: z.uuid(),
  sender: z.uuid(),
  createdAt: z.string(),
  ephemeralKey: z.string(),
  recipients: z.array(WrappedKey).min(1).max(20),
});
export type PackageHeader = z.infer<typeof PackageHeader>;

export const PartEntry = z.object({ name: z.string(), size: z.number().int().nonnegative(), sha256: z.string() });
export type PartEntry = z.infer<typeof PartEntry>;

/** What the signed manifest always holds; the caller adds its own fields (versions, counts…). */
export interface ManifestBase {
  format: number;
  packageId: string;
  sender: string;
  recipients: string[];
  headerSha256: string;
  parts: PartEntry[];
}

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** What the sealed body is bound to: this package, with this clear header. */
function bodyBinding(packageId: string, headerBytes: Buffer): string {
  return `hetao-package:${packageId}:${sha256(headerBytes)}`;
}

function keyEncryptionKey(shared: Buffer, packageId: string, recipientId: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(packageId, 'latin1'), Buffer.from(`hetao-desk package key ${recipientId}`, 'utf8'), 32));
}

export interface PackageRecipient {
  id: string;
  receivingKey: string;
}

/**
 * Writes a package to `<path>.partial` and renames it into place when whole, so no reader (or
 * sync tool) ever takes a half-written file for a package. Parts are streamed through: a paper of
 * 100 MB is never held in memory.
 */
export class PackageWriter {
  private handle: FileHandle | null = null;
  private readonly fileKey = randomBytes(32);
  private readonly header: PackageHeader;
  private readonly headerBytes: Buffer;
  private seal: Transform | null = null;
  /** Settles when the sealed body has been written out (or failed). */
  private sealed: Promise<void> = Promise.resolve();
  private written = 0;
  private readonly parts: PartEntry[] = [];
  private readonly temp: string;

  constructor(
    readonly path: string,
    readonly packageId: string,
    private readonly sender: { id: string; signingKey: string },
    recipients: readonly PackageRecipient[],
    createdAt: string,
  ) {
    const ephemeral = generateKeyPairSync('x25519');
    this.header = {
      packageId,
      sender: sender.id,
      createdAt,
      ephemeralKey: ephemeral.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      recipients: recipients.map((r) => {
        const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyOf(r.receivingKey) });
        const iv = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', keyEncryptionKey(shared, packageId, r.id), iv);
        cipher.setAAD(Buffer.from(r.id, 'latin1'));
        const key = Buffer.concat([cipher.update(this.fileKey), cipher.final()]);
        return { id: r.id, iv: iv.toString('base64'), key: key.toString('base64'), tag: cipher.getAuthTag().toString('base64') };
      }),
    };
    this.headerBytes = Buffer.from(JSON.stringify(this.header), 'utf8');
    this.temp = `${path}.partial`;
  }

  async start(): Promise<void> {
    this.handle = await open(this.temp, 'w');
    const preamble = Buffer.alloc(PREAMBLE);
    MAGIC.copy(preamble, 0);
    preamble.writeUInt16BE(PACKAGE_FORMAT, MAGIC.length);
    preamble.writeUInt32BE(this.headerBytes.length, MAGIC.length + 2);
    await this.raw(Buffer.concat([preamble, this.headerBytes]));
    const seal = createSealStream(this.fileKey, bodyBinding(this.packageId, this.headerBytes));
    this.seal = seal;
    this.sealed = pipeline(seal, async (pieces: AsyncIterable<Buffer>) => {
      for await (const piece of pieces) await this.raw(piece);
    });
    // Observed by plain(), finish() and abandon(); without this a failure before then is unhandled.
    this.sealed.catch(() => undefined);
  }

  private async raw(data: Buffer): Promise<void> {
    await this.handle!.write(data);
    this.written += data.length;
  }

  /** Adds plaintext to the sealed body, waiting while the file falls behind. */
  private async plain(data: Buffer): Promise<void> {
    if (!this.seal!.write(data)) await Promise.race([once(this.seal!, 'drain'), this.sealed]);
  }

  private async item(kind: number, name: string, size: number): Promise<void> {
    const nameBytes = Buffer.from(name, 'utf8');
    const head = Buffer.alloc(1 + 4 + nameBytes.length + 8);
    head.writeUInt8(kind, 0);
    head.writeUInt32BE(nameBytes.length, 1);
    nameBytes.copy(head, 5);
    head.writeBigUInt64BE(BigInt(size), 5 + nameBytes.length);
    await this.plain(head);
  }

  /** A part whose bytes are at hand (records, small JSON). */
  async addPart(name: string, data: Buffer): Promise<void> {
    await this.item(ITEM_PART, name, data.length);
    await this.plain(data);
    this.parts.push({ name, size: data.length, sha256: sha256(data) });
  }

  /** A part streamed from a file of known size (an attachment); its hash is taken on the way through. */
  async addStream(name: string, size: number, source: AsyncIterable<Buffer>): Promise<void> {
    await this.item(ITEM_PART, name, size);
    const hash = createHash('sha256');
    let seen = 0;
    for await (const chunk of source) {
      seen += chunk.length;
      if (seen > size) throw new Error(`${name} grew while being packed`);
      hash.update(chunk);
      await this.plain(chunk);
    }
    if (seen !== size) throw new Error(`${name} shrank while being packed`);
    this.parts.push({ name, size, sha256: hash.digest('hex') });
  }

  /** Signs the manifest (with the caller's own fields), ends the file and moves it into place. */
  async finish(extra: Record<string, unknown>): Promise<{ size: number }> {
    const manifest: ManifestBase & Record<string, unknown> = {
      ...extra,
      format: PACKAGE_FORMAT,
      packageId: this.packageId,
      sender: this.sender.id,
      recipients: this.header.recipients.map((r) => r.id),
      headerSha256: sha256(this.headerBytes),
      parts: this.parts,
    };
    const manifestBytes = Buffer.from(JSON.stringify(manifest), 'utf8');
    const signature = Buffer.from(signBytes(this.sender.signingKey, manifestBytes), 'utf8');
    await this.item(ITEM_MANIFEST, 'manifest', manifestBytes.length);
    await this.plain(manifestBytes);
    await this.item(ITEM_SIGNATURE, 'signature', signature.length);
    await this.plain(signature);
    this.seal!.end();
    await this.sealed;
    const trailer = Buffer.alloc(TRAILER);
    END.copy(trailer, 0);
    trailer.writeBigUInt64BE(BigInt(this.written + TRAILER), END.length);
    await this.raw(trailer);
    await this.handle!.sync();
    await this.handle!.close();
    this.handle = null;
    await rename(this.temp, this.path);
    return { size: this.written };
  }

  /** Removes the partial file after a failure or a cancel. */
  async abandon(): Promise<void> {
    this.seal?.destroy();
    await this.sealed.catch(() => undefined);
    await this.handle?.close().catch(() => undefined);
    this.handle = null;
    await rm(this.temp, { force: true });
  }
}

export interface HeaderReading {
  header: PackageHeader;
  headerBytes: Buffer;
  size: number;
  /** Whether the file ends with its end mark: false while it is still being copied. */
  complete: boolean;
}

/**
 * Reads the clear part of a file: size and magic first, then the format and the header. Refuses with
 * exchange.tooLarge / notPackage / newerFormat / olderFormat; `complete` says whether the end mark is there.
 */
export async function readHeader(path: string, maxBytes = DEFAULT_MAX_PACKAGE_BYTES): Promise<HeaderReading> {
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new AppError('exchange.packageGone');
  if (info.size > maxBytes) throw new AppError('exchange.tooLarge');
  if (info.size < PREAMBLE) throw new AppError('exchange.notPackage');
  const handle = await open(path, 'r');
  try {
    const preamble = Buffer.alloc(PREAMBLE);
    await handle.read(preamble, 0, PREAMBLE, 0);
    if (!preamble.subarray(0, MAGIC.length).equals(MAGIC)) throw new AppError('exchange.notPackage');
    const format = preamble.readUInt16BE(MAGIC.length);
    if (format > PACKAGE_FORMAT) throw new AppError('exchange.newerFormat');
    if (format < PACKAGE_FORMAT) throw new AppError('exchange.olderFormat');
    const headerLength = preamble.readUInt32BE(MAGIC.length + 2);
    if (headerLength > MAX_HEADER) throw new AppError('exchange.notPackage');
    if (PREAMBLE + headerLength > info.size) throw new AppError('exchange.truncated');
    const headerBytes = Buffer.alloc(headerLength);
    await handle.read(headerBytes, 0, headerLength, PREAMBLE);
    let parsed: unknown;
    try {
      parsed = JSON.parse(headerBytes.toString('utf8'));
    } catch {
      throw new AppError('exchange.tampered');
    }
    const header = PackageHeader.safeParse(parsed);
    if (!header.success) throw new AppError('exchange.tampered');
    let complete = false;
    if (info.size >= PREAMBLE + headerLength + TRAILER) {
      const trailer = Buffer.alloc(TRAILER);
      await handle.read(trailer, 0, TRAILER, info.size - TRAILER);
      complete = trailer.subarray(0, END.length).equals(END) && trailer.readBigUInt64BE(END.length) === BigInt(info.size);
    }
    return { header: header.data, headerBytes, size: info.size, complete };
  } finally {
    await handle.close();
  }
}

/** The file key, unwrapped with this installation's receiving key; exchange.notForUs if it is not among the recipients. */
export function unwrapFileKey(header: PackageHeader, me: { id: string; receivingPrivateKey: string }): Buffer {
  const entry = header.recipients.find((r) => r.id === me.id);
  if (!entry) throw new AppError('exchange.notForUs');
  try {
    const shared = diffieHellman({ privateKey: privateKeyOf(me.receivingPrivateKey), publicKey: publicKeyOf(header.ephemeralKey) });
    const decipher = createDecipheriv('aes-256-gcm', keyEncryptionKey(shared, header.packageId, me.id), Buffer.from(entry.iv, 'base64'));
    decipher.setAAD(Buffer.from(me.id, 'latin1'));
    decipher.setAuthTag(Buffer.from(entry.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(entry.key, 'base64')), decipher.final()]);
  } catch {
    throw new AppError('exchange.tampered');
  }
}

/** What the body reader tells as it decrypts: parts as they stream, then the manifest and signature. */
export interface BodyListener {
  partStart(name: string, size: number): void | Promise<void>;
  partData(data: Buffer): void | Promise<void>;
  partEnd(): void | Promise<void>;
}

/** Splits the decrypted body into items: part headers and bytes, the manifest, the signature. */
class ItemParser {
  private head: Buffer = Buffer.alloc(0);
  private left = 0;
  private kind = 0;
  private collected: Buffer[] = [];
  manifest: Buffer | null = null;
  signature: Buffer | null = null;

  constructor(private readonly listener: BodyListener) {}

  get idle(): boolean {
    return this.left === 0 && this.head.length === 0;
  }

  async push(data: Buffer): Promise<void> {
    let rest = data;
    while (rest.length) {
      if (this.left === 0) {
        this.head = this.head.length ? Buffer.concat([this.head, rest]) : rest;
        rest = Buffer.alloc(0);
        if (this.head.length < 5) return;
        const nameLength = this.head.readUInt32BE(1);
        if (nameLength > 4096) throw new AppError('exchange.tampered');
        const full = 5 + nameLength + 8;
        if (this.head.length < full) return;
        this.kind = this.head.readUInt8(0);
        const name = this.head.subarray(5, 5 + nameLength).toString('utf8');
        const size = Number(this.head.readBigUInt64BE(5 + nameLength));
        rest = this.head.subarray(full);
        this.head = Buffer.alloc(0);
        if (this.kind === ITEM_PART) await this.listener.partStart(name, size);
        else if (this.kind !== ITEM_MANIFEST && this.kind !== ITEM_SIGNATURE) throw new AppError('exchange.tampered');
        else if (size > 64 * 1024 * 1024) throw new AppError('exchange.tampered');
        this.left = size;
        this.collected = [];
        if (size === 0) await this.endItem();
        continue;
      }
      const take = rest.subarray(0, this.left);
      rest = rest.subarray(take.length);
      this.left -= take.length;
      if (this.kind === ITEM_PART) await this.listener.partData(take);
      else this.collected.push(take);
      if (this.left === 0) await this.endItem();
    }
  }

  private async endItem(): Promise<void> {
    if (this.kind === ITEM_PART) await this.listener.partEnd();
    else if (this.kind === ITEM_MANIFEST) this.manifest = Buffer.concat(this.collected);
    else this.signature = Buffer.concat(this.collected);
  }
}

/**
 * Decrypts the body through the sealed stream (every chunk's tag, order and the last-chunk flag
 * checked) and feeds the items to `listener`. Returns the manifest's bytes and signature, unchecked.
 */
export async function readBody(path: string, reading: HeaderReading, fileKey: Buffer, listener: BodyListener): Promise<{ manifest: Buffer; signature: string }> {
  const start = PREAMBLE + reading.headerBytes.length;
  const end = reading.size - TRAILER;
  if (end <= start) throw new AppError('exchange.truncated');
  const parser = new ItemParser(listener);
  try {
    await pipeline(
      createReadStream(path, { start, end: end - 1, highWaterMark: READ_BLOCK }),
      createOpenStream(fileKey, bodyBinding(reading.header.packageId, reading.headerBytes)),
      async (plain: AsyncIterable<Buffer>) => {
        for await (const data of plain) await parser.push(data);
      },
    );
  } catch (error) {
    // The end mark already showed the file whole, so a body that fails to open was changed.
    if (error instanceof SealError) throw new AppError('exchange.tampered');
    throw error;
  }
  if (!parser.idle || !parser.manifest || !parser.signature) throw new AppError('exchange.tampered');
  return { manifest: parser.manifest, signature: parser.signature.toString('utf8') };
}

/**
 * Checks the manifest against the header and the parts read: signed by the sender, for this
 * package and these recipients, every part there with its size and hash. exchange.tampered if not.
 */
export function checkManifest(
  reading: HeaderReading,
  manifestBytes: Buffer,
  signature: string,
  senderSigningKey: string,
  partsRead: readonly PartEntry[],
): ManifestBase & Record<string, unknown> {
  if (!verifyBytes(senderSigningKey, manifestBytes, signature)) throw new AppError('exchange.tampered');
  let manifest: ManifestBase & Record<string, unknown>;
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8')) as ManifestBase & Record<string, unknown>;
  } catch {
    throw new AppError('exchange.tampered');
  }
  const { header } = reading;
  const sameRecipients = manifest.recipients?.length === header.recipients.length && header.recipients.every((r, i) => manifest.recipients[i] === r.id);
  if (
    manifest.packageId !== header.packageId ||
    manifest.sender !== header.sender ||
    !sameRecipients ||
    manifest.headerSha256 !== sha256(reading.headerBytes) ||
    !Array.isArray(manifest.parts) ||
    manifest.parts.length !== partsRead.length ||
    manifest.parts.some((p, i) => p.name !== partsRead[i]!.name || p.size !== partsRead[i]!.size || p.sha256 !== partsRead[i]!.sha256)
  ) {
    throw new AppError('exchange.tampered');
  }
  if (manifest.format !== PACKAGE_FORMAT) throw new AppError('exchange.tampered');
  return manifest;
}

/** A listener that only hashes the parts: the first reading, which writes nothing. */
export class PartHasher implements BodyListener {
  readonly parts: PartEntry[] = [];
  private hash = createHash('sha256');
  private name = '';
  private size = 0;

  partStart(name: string, size: number): void {
    this.name = name;
    this.size = size;
    this.hash = createHash('sha256');
  }

  partData(data: Buffer): void {
    this.hash.update(data);
  }

  partEnd(): void {
    this.parts.push({ name: this.name, size: this.size, sha256: this.hash.digest('hex') });
  }
}
