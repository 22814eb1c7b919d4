import { inflateRawSync } from 'node:zlib';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

/**
 * One file's bytes out of a ZIP archive (stored or deflated, as Word files are), or null if the
 * archive has no such file. Reads the central directory; no ZIP64, which a document never needs.
 */
export function readZipEntry(zip: Uint8Array, name: string): Buffer | null {
  const view = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = view.length - 22;
  while (end >= 0 && view.readUInt32LE(end) !== END_OF_DIRECTORY) end--;
  if (end < 0) throw new Error('zip: no central directory');
  const entries = view.readUInt16LE(end + 10);
  let at = view.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (view.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new Error('zip: damaged central directory');
    const method = view.readUInt16LE(at + 10);
    const size = view.readUInt32LE(at + 20);
    const nameLength = view.readUInt16LE(at + 28);
    const skip = nameLength + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
    const local = view.readUInt32LE(at + 42);
    if (view.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      if (view.readUInt32LE(local) !== LOCAL_HEADER) throw new Error('zip: damaged entry');
      const start = local + 30 + view.readUInt16LE(local + 26) + view.readUInt16LE(local + 28);
      const data = view.subarray(start, start + size);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`zip: unsupported method ${method}`);
    }
    at += 46 + skip;
  }
  return null;
}
