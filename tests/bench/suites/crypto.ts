/**
 * Encryption at rest: how long unlocking takes with the parameters calibrated on this machine, and
 * how fast a 200 MB paper is stored in an encrypted folder and read back (hashed and sealed in chunks
 * on the way in, opened and checked on the way out), as attaching and opening a paper do.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createKeyring, unlockWithPassphrase } from '../../../electron/crypto/keyring';
import { calibrateArgon2 } from '../../../electron/crypto/passphraseKey';
import { newRecoveryKey } from '../../../electron/crypto/recoveryKey';
import { AttachmentStore } from '../../../electron/attachments/attachmentStore';
import { medianOf, type BenchSuite } from '../bench';

const PAPER_MB = 200;

const suite: BenchSuite = async (report) => {
  const kdf = await calibrateArgon2();
  report('crypto.argon2.memoryMiB', kdf.memoryKiB / 1024);
  report('crypto.argon2.iterations', kdf.iterations);
  const { keyring, dataKey } = await createKeyring('河套合作區 passphrase', newRecoveryKey(), kdf);
  report(
    'crypto.unlock.ms',
    await medianOf(5, async () => {
      const started = performance.now();
      await unlockWithPassphrase(keyring, '河套合作區 passphrase');
      return performance.now() - started;
    }),
  );

  const dir = await mkdtemp(path.join(os.tmpdir(), 'hetao-bench-crypto-'));
  try {
    const plain = path.join(dir, 'paper.pdf');
    await writeFile(plain, randomBytes(PAPER_MB * 1_000_000));
    const papers = new AttachmentStore(path.join(dir, 'data'), PAPER_MB * 1_000_000, dataKey);
    const seconds = await medianOf(3, async () => {
      const started = performance.now();
      const ref = await papers.add(plain);
      let size = 0;
      for await (const chunk of papers.stream(ref)) size += chunk.length;
      if (size !== PAPER_MB * 1_000_000) throw new Error('the paper did not come back whole');
      const elapsed = (performance.now() - started) / 1000;
      // Attached anew each run, not found already stored.
      await rm(path.join(dir, 'data'), { recursive: true });
      return elapsed;
    });
    // Both ways counted: storing then reading 200 MB moves 400 MB through the cipher.
    report('crypto.attachment.MBps', (2 * PAPER_MB) / seconds);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

export default suite;
