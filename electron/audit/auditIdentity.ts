import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import * as path from 'node:path';
import { writeFileAtomic } from '../store/atomicJsonFile';
import type { StoreFs } from '../store/storeFs';

/** Who writes the log and signs its checkpoints. */
export interface AuditIdentity {
  installationId: string;
  publicKey: KeyObject;
  sign(message: Buffer): Buffer;
  /** The officer using this installation (a contact id), when known. */
  officer(): string | null;
}

export function identityFromKeys(installationId: string, privateKey: KeyObject, officer: () => string | null = () => null): AuditIdentity {
  return {
    installationId,
    publicKey: createPublicKey(privateKey),
    sign: (message) => sign(null, message, privateKey),
    officer,
  };
}

/**
 * A stand-in until the exchange's identity (issue 16) lands: a random installation id and an Ed25519
 * key pair kept in the audit folder. The lead swaps this one function for the exchange identity, whose
 * id, signing key and officer then sign the log.
 */
export async function placeholderAuditIdentity(auditDir: string, fs: StoreFs): Promise<AuditIdentity> {
  const file = path.join(auditDir, 'installation.json');
  try {
    const saved = JSON.parse(await fs.readFile(file, 'utf8')) as { installationId: string; privateKey: string };
    return identityFromKeys(saved.installationId, createPrivateKey({ key: Buffer.from(saved.privateKey, 'base64'), format: 'der', type: 'pkcs8' }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = generateKeyPairSync('ed25519');
  const installationId = randomUUID();
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  await writeFileAtomic(fs, file, JSON.stringify({ installationId, privateKey: der.toString('base64') }));
  return identityFromKeys(installationId, privateKey);
}
