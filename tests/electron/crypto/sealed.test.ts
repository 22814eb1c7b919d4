import { randomBytes } from 'node:crypto';
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK_BYTES, SealError, createOpenStream, createSealStream, openFile, sealFile } from '../../../electron/crypto/sealed';

const dataKey = randomBytes(32);

async function collect(stream: Transform, input: Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => out.push(chunk));
  await pipeline(Readable.from(input), stream);
  return Buffer.concat(out);
}

const seal = (plain: Buffer, pieces = 1, binding = 'paper:abc') => {
  const size = Math.ceil(plain.length / pieces) || 1;
  const parts = Array.from({ length: Math.max(1, Math.ceil(plain.length / size)) }, (_, i) => plain.subarray(i * size, (i + 1) * size));
  return collect(createSealStream(dataKey, binding), parts);
};
const open = (sealed: Buffer, binding = 'paper:abc', key = dataKey) => collect(createOpenStream(key, binding), [sealed]);

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'opened';
  } catch (error) {
    return error instanceof SealError ? error.reason : String(error);
  }
}

describe('a sealed file (shards, manifests)', () => {
  const binding = { relativePath: 'collections/actions/07.json', revision: 12 };

  it('opens to the same bytes and tells the revision it was written at', () => {
    const plain = Buffer.from(JSON.stringify({ records: { a: '香港科學園深圳分園' } }));
    const sealed = sealFile(dataKey, plain, binding);
    expect(sealed.includes(Buffer.from('香港科學園'))).toBe(false);
    expect(openFile(dataKey, sealed, binding.relativePath)).toEqual({ plain, revision: 12 });
  });

  it('refuses a flipped byte anywhere, a file moved to another path, and another key', () => {
    const sealed = sealFile(dataKey, Buffer.from('{"records":{}}'), binding);
    for (let i = 0; i < sealed.length; i++) {
      const tampered = Buffer.from(sealed);
      tampered[i]! ^= 0x01;
      expect(() => openFile(dataKey, tampered, binding.relativePath), `byte ${i}`).toThrow(SealError);
    }
    expect(() => openFile(dataKey, sealed, 'collections/actions/08.json')).toThrow(expect.objectContaining({ reason: 'damaged' }));
    expect(() => openFile(randomBytes(32), sealed, binding.relativePath)).toThrow(expect.objectContaining({ reason: 'otherKey' }));
    expect(() => openFile(dataKey, Buffer.from('{"records":{}}'), binding.relativePath)).toThrow(expect.objectContaining({ reason: 'notSealed' }));
  });

  it('never writes the same ciphertext twice for the same content', () => {
    const plain = Buffer.from('same');
    expect(sealFile(dataKey, plain, binding).equals(sealFile(dataKey, plain, binding))).toBe(false);
  });
});

describe('a sealed stream (papers, packages)', () => {
  it('round-trips any content however the input is cut', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 3 * CHUNK_BYTES + 17 }), fc.integer({ min: 1, max: 7 }), async (size, pieces) => {
        const plain = randomBytes(size);
        expect((await open(await seal(plain, pieces))).equals(plain)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('detects truncation at a chunk boundary, mid-chunk and in the header', async () => {
    const sealed = await seal(randomBytes(2 * CHUNK_BYTES + 100));
    const header = sealed.length - (2 * (CHUNK_BYTES + 16) + 100 + 16);
    expect(await reasonOf(open(sealed.subarray(0, header + 2 * (CHUNK_BYTES + 16))))).toBe('truncated');
    expect(await reasonOf(open(sealed.subarray(0, sealed.length - 5)))).toBe('truncated');
    expect(await reasonOf(open(sealed.subarray(0, 10)))).toBe('truncated');
  });

  it('detects chunks reordered, a flipped byte, another binding, another key and plain files', async () => {
    const sealed = await seal(randomBytes(2 * CHUNK_BYTES + 100));
    const header = sealed.length - (2 * (CHUNK_BYTES + 16) + 100 + 16);
    const one = sealed.subarray(header, header + CHUNK_BYTES + 16);
    const two = sealed.subarray(header + CHUNK_BYTES + 16, header + 2 * (CHUNK_BYTES + 16));
    const swapped = Buffer.concat([sealed.subarray(0, header), two, one, sealed.subarray(header + 2 * (CHUNK_BYTES + 16))]);
    expect(await reasonOf(open(swapped))).toBe('damaged');
    const flipped = Buffer.from(sealed);
    flipped[header + CHUNK_BYTES + 40]! ^= 0x80;
    expect(await reasonOf(open(flipped))).toBe('damaged');
    expect(await reasonOf(open(sealed, 'paper:other'))).toBe('damaged');
    expect(await reasonOf(open(sealed, 'paper:abc', randomBytes(32)))).toBe('otherKey');
    expect(await reasonOf(open(Buffer.from('%PDF-1.7 a renamed paper'.repeat(20))))).toBe('notSealed');
  });

  it('never shows the paper in what it writes', async () => {
    const canary = Buffer.from('限閱文件-canary-7f3a');
    const sealed = await seal(Buffer.concat([randomBytes(1000), canary, randomBytes(CHUNK_BYTES)]));
    expect(sealed.includes(canary)).toBe(false);
  });
});
