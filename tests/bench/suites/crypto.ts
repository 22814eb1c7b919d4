/**
 * Encryption at rest: how long unlocking takes with the parameters calibrated on this machine, and
 * how fast a 200 MB paper is sealed and opened again (chunked AES-256-GCM, streamed through files).
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { createKeyring, unlockWithPassphrase } from '../../../electron/crypto/keyring';
import { calibrateArgon2 } from '../../../electron/crypto/passphraseKey';
import { newRecoveryKey } from '../../../electron/crypto/recoveryKey';
import { createOpenStream, createSealStream } from '../../../electron/crypto/sealed';
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
    const sealed = path.join(dir, 'paper.sealed');
    const opened = path.join(dir, 'paper.opened');
    await writeFile(plain, randomBytes(PAPER_MB * 1_000_000));
    const seconds = await medianOf(3, async () => {
      const started = performance.now();
      await pipeline(createReadStream(plain), createSealStream(dataKey, 'paper'), createWriteStream(sealed));
      await pipeline(createReadStream(sealed), createOpenStream(dataKey, 'paper'), createWriteStream(opened));
      return (performance.now() - started) / 1000;
    });
    if ((await stat(opened)).size !== PAPER_MB * 1_000_000) throw new Error('the paper did not come back whole');
    // Both ways counted: sealing then opening 200 MB moves 400 MB through the cipher.
    report('crypto.attachment.MBps', (2 * PAPER_MB) / seconds);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

export default suite;
