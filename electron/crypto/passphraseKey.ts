import { randomBytes } from 'node:crypto';
import { argon2id } from 'hash-wasm';
import { z } from 'zod';

/**
 * Argon2id from hash-wasm: Node's crypto has no memory-hard key derivation of the strength OWASP
 * asks for (scrypt is memory-hard but Argon2id is its first choice), and hash-wasm's is the
 * reference C code compiled to WebAssembly, maintained and without native install steps.
 */
export const Argon2Params = z.object({
  algorithm: z.literal('argon2id'),
  memoryKiB: z.number().int().min(19_456).max(4_194_304),
  iterations: z.number().int().min(2).max(64),
  parallelism: z.number().int().min(1).max(16),
  /** base64, 16 bytes */
  salt: z.string().min(16).max(64),
});
export type Argon2Params = z.infer<typeof Argon2Params>;

/** OWASP's minimum for Argon2id (m = 19 MiB, t = 2, p = 1): calibration never goes below it. */
export const OWASP_MINIMUM = { memoryKiB: 19_456, iterations: 2, parallelism: 1 } as const;
/** Calibration aims for an unlock that takes between these (milliseconds) on the laptop it runs on. */
export const CALIBRATION_TARGET = { minMs: 500, maxMs: 1_000 } as const;
const MAX_MEMORY_KIB = 262_144; // 256 MiB: more would crowd an 8 GB laptop while the window opens

/**
 * A typed passphrase as bytes. NFC, so the same characters typed through a Traditional or a
 * Simplified input method on another system give the same key.
 */
function passphraseBytes(passphrase: string): Uint8Array {
  return new TextEncoder().encode(passphrase.normalize('NFC'));
}

export async function derivePassphraseKey(passphrase: string, params: Argon2Params): Promise<Buffer> {
  const hash = await argon2id({
    password: passphraseBytes(passphrase),
    salt: Buffer.from(params.salt, 'base64'),
    iterations: params.iterations,
    parallelism: params.parallelism,
    memorySize: params.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  });
  return Buffer.from(hash);
}

/**
 * Parameters that make one derivation take about CALIBRATION_TARGET on this machine: memory first
 * (what makes guessing on graphics cards dear), then passes, never below OWASP's minimum.
 */
export async function calibrateArgon2(clock: () => number = () => performance.now()): Promise<Argon2Params> {
  const salt = randomBytes(16).toString('base64');
  const timed = async (memoryKiB: number, iterations: number): Promise<number> => {
    const start = clock();
    await derivePassphraseKey('calibration', { algorithm: 'argon2id', memoryKiB, iterations, parallelism: 1, salt });
    return clock() - start;
  };
  const aim = (CALIBRATION_TARGET.minMs + CALIBRATION_TARGET.maxMs) / 2;
  let memoryKiB: number = OWASP_MINIMUM.memoryKiB;
  let iterations: number = OWASP_MINIMUM.iterations;
  let took = await timed(memoryKiB, iterations);
  // Time grows about linearly with memory × passes; three steps settle within the target.
  for (let step = 0; step < 3 && (took < CALIBRATION_TARGET.minMs || took > CALIBRATION_TARGET.maxMs); step++) {
    const work = memoryKiB * iterations * (aim / Math.max(took, 1));
    if (work / OWASP_MINIMUM.iterations <= MAX_MEMORY_KIB) {
      iterations = OWASP_MINIMUM.iterations;
      memoryKiB = Math.max(OWASP_MINIMUM.memoryKiB, Math.round(work / iterations / 1024) * 1024);
    } else {
      memoryKiB = MAX_MEMORY_KIB;
      iterations = Math.min(64, Math.round(work / MAX_MEMORY_KIB));
    }
    took = await timed(memoryKiB, iterations);
  }
  return { algorithm: 'argon2id', memoryKiB, iterations, parallelism: 1, salt: randomBytes(16).toString('base64') };
}
