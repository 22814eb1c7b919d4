import { createHash, randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ATTACHMENTS_DIR, AttachmentStore } from '../../../electron/attachments/attachmentStore';
import { CHUNK_BYTES, DATA_KEY_BYTES } from '../../../electron/crypto/sealed';
import { filesHolding } from '../../support/filesHolding';
import { tempDir } from '../store/helpers';

const CANARY = '限閱文件-金絲雀-paper-canary';

/** A paper of a few chunks with the canary at its start, its middle and its end. */
function paperBytes(chunks = 3): Buffer {
  const canary = Buffer.from(CANARY, 'utf8');
  const bytes = randomBytes(chunks * CHUNK_BYTES + 1234);
  canary.copy(bytes, 0);
  canary.copy(bytes, Math.floor(bytes.length / 2));
  canary.copy(bytes, bytes.length - canary.length);
  return bytes;
}

async function folderWithPaper(bytes: Buffer, fileName = '租約條款.pdf') {
  const dataDir = await tempDir();
  const source = path.join(await tempDir(), fileName);
  await fsp.writeFile(source, bytes);
  return { dataDir, source };
}

const storedFiles = async (dataDir: string) =>
  (await fsp.readdir(path.join(dataDir, ATTACHMENTS_DIR))).filter((name) => !name.endsWith('.tmp')).map((name) => path.join(dataDir, ATTACHMENTS_DIR, name));

describe('papers in an encrypted folder', () => {
  it('are stored sealed under a name that does not give away their hash, and read back whole', async () => {
    const bytes = paperBytes();
    const { dataDir, source } = await folderWithPaper(bytes);
    const papers = new AttachmentStore(dataDir, undefined, randomBytes(DATA_KEY_BYTES));
    const ref = await papers.add(source);
    expect(ref).toMatchObject({ sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, fileName: '租約條款.pdf' });

    expect(await filesHolding(dataDir, [CANARY])).toEqual([]);
    const [stored] = await storedFiles(dataDir);
    expect(path.basename(stored!)).not.toContain(ref.sha256);
    expect(await papers.state(ref.sha256, ref.size)).toBe('ok');
    expect(await papers.has(ref.sha256, ref.size)).toBe(true);
    expect(Buffer.from(await papers.read(ref))).toEqual(bytes);

    const saved = path.join(await tempDir(), 'copy.pdf');
    await papers.copyOut(ref, saved);
    expect(await fsp.readFile(saved)).toEqual(bytes);
    // The same paper attached again is kept once.
    await papers.add(source);
    expect(await storedFiles(dataDir)).toHaveLength(1);
  });

  it('a flipped byte, a cut-off end or another paper in its place shows as damaged, and no damaged copy is left behind', async () => {
    const key = randomBytes(DATA_KEY_BYTES);
    const { dataDir, source } = await folderWithPaper(paperBytes());
    const papers = new AttachmentStore(dataDir, undefined, key);
    const ref = await papers.add(source);
    const [file] = await storedFiles(dataDir);
    const original = await fsp.readFile(file!);
    const expectDamaged = async () => {
      expect(await papers.state(ref.sha256, ref.size)).toBe('damaged');
      await expect(papers.read(ref)).rejects.toMatchObject({ code: 'attachment.damaged' });
    };

    const flipped = Buffer.from(original);
    flipped[Math.floor(flipped.length / 2)]! ^= 0x01;
    await fsp.writeFile(file!, flipped);
    await expectDamaged();
    // The last chunk cut off at a chunk boundary: what is left is well formed up to there.
    await fsp.writeFile(file!, original.subarray(0, original.length - 1234 - 16));
    await expectDamaged();
    await fsp.writeFile(file!, original.subarray(0, 100));
    await expectDamaged();

    // Another paper's sealed file put in its place (same size, so only its bytes can tell).
    const otherSource = path.join(path.dirname(source), '平面圖.pdf');
    await fsp.writeFile(otherSource, paperBytes());
    await papers.add(otherSource);
    const otherFile = (await storedFiles(dataDir)).find((name) => name !== file)!;
    await fsp.copyFile(otherFile, file!);
    await expectDamaged();
    const destination = path.join(await tempDir(), 'copy.pdf');
    await expect(papers.copyOut(ref, destination)).rejects.toMatchObject({ code: 'attachment.damaged' });
    await expect(fsp.stat(destination)).rejects.toMatchObject({ code: 'ENOENT' });

    await fsp.writeFile(file!, original);
    expect(await papers.state(ref.sha256, ref.size)).toBe('ok');
  });

  it('a folder opened with another key finds its papers missing, never shown in the clear', async () => {
    const { dataDir, source } = await folderWithPaper(paperBytes(1));
    const ref = await new AttachmentStore(dataDir, undefined, randomBytes(DATA_KEY_BYTES)).add(source);
    const stranger = new AttachmentStore(dataDir, undefined, randomBytes(DATA_KEY_BYTES));
    expect(await stranger.state(ref.sha256, ref.size)).toBe('missing');
    await expect(stranger.read(ref)).rejects.toMatchObject({ code: 'attachment.missing' });
  });

  it('papers arriving piece by piece are kept only under the hash they have', async () => {
    const dataDir = await tempDir();
    const papers = new AttachmentStore(dataDir, undefined, randomBytes(DATA_KEY_BYTES));
    const bytes = paperBytes(2);
    const sha256 = createHash('sha256').update(bytes).digest('hex');

    const forged = papers.receive('0'.repeat(64));
    await forged.write(bytes);
    await forged.finish(true);
    const refused = papers.receive(sha256);
    await refused.write(bytes);
    await refused.finish(false);
    expect(await storedFiles(dataDir)).toEqual([]);

    const incoming = papers.receive(sha256);
    for (let at = 0; at < bytes.length; at += 100_000) await incoming.write(bytes.subarray(at, at + 100_000));
    await incoming.finish(true);
    expect(await papers.state(sha256, bytes.length)).toBe('ok');
    const streamed: Buffer[] = [];
    for await (const chunk of papers.stream({ sha256, fileName: 'x.pdf' })) streamed.push(chunk);
    expect(Buffer.concat(streamed)).toEqual(bytes);
    expect(await filesHolding(dataDir, [CANARY])).toEqual([]);
  });

  it('turning encryption on seals every plain paper and removes it; stopped half way, doing it again finishes', async () => {
    const bytes = paperBytes(1);
    const { dataDir, source } = await folderWithPaper(bytes);
    const plain = new AttachmentStore(dataDir);
    const ref = await plain.add(source);
    const secondSource = path.join(path.dirname(source), 'b.pdf');
    await fsp.writeFile(secondSource, Buffer.concat([bytes, Buffer.from('second')]));
    const second = await plain.add(secondSource);
    expect(await filesHolding(dataDir, [CANARY])).not.toEqual([]);

    const key = randomBytes(DATA_KEY_BYTES);
    const sealed = new AttachmentStore(dataDir, undefined, key);
    expect(await sealed.plainPapers()).toEqual([ref.sha256, second.sha256].sort());
    await sealed.sealPlainPaper(ref.sha256);
    // Stopped here: one sealed, one plain. Started again, the sealed one is not sealed twice.
    const again = new AttachmentStore(dataDir, undefined, key);
    for (const sha256 of await again.plainPapers()) await again.sealPlainPaper(sha256);
    expect(await again.plainPapers()).toEqual([]);
    expect(await storedFiles(dataDir)).toHaveLength(2);
    expect(await filesHolding(dataDir, [CANARY])).toEqual([]);
    expect(Buffer.from(await again.read(ref))).toEqual(bytes);
    expect(await again.state(second.sha256, second.size)).toBe('ok');
  });
});
