import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import * as path from 'node:path';
import type { StoreFs } from '../store/storeFs';

/** Who writes the log and signs its checkpoints: the exchange's identity (electron/exchange/keys.ts). */
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

/** Where the stand-in identity kept its id and key before the exchange identity signed the log. */
export const legacyIdentityFile = (auditDir: string) => path.join(auditDir, 'installation.json');

/** The stand-in identity of a log begun before the exchange identity existed, or null when there is none. */
export async function readLegacyIdentity(auditDir: string, fs: StoreFs): Promise<AuditIdentity | null> {
  try {
    const saved = JSON.parse(await fs.readFile(legacyIdentityFile(auditDir), 'utf8')) as { installationId: string; privateKey: string };
    return identityFromKeys(saved.installationId, createPrivateKey({ key: Buffer.from(saved.privateKey, 'base64'), format: 'der', type: 'pkcs8' }));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * The one-time handover from the stand-in key to the exchange identity, signed by both over the log
 * as it stood: checkpoints the old key signed up to `size` keep verifying, and the log must still
 * match `root` there. The old private key is then removed, so nobody can sign as it again.
 */
export interface Handover {
  from: { installation: string; publicKey: string };
  to: { installation: string; publicKey: string };
  size: number;
  /** Root of the log's first `size` entries, hex. */
  root: string;
  at: string;
  fromSignature: string;
  toSignature: string;
}

const spki = (key: KeyObject) => key.export({ type: 'spki', format: 'der' }).toString('base64');
const keyOf = (text: string) => createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });

function handoverText(h: Omit<Handover, 'fromSignature' | 'toSignature'>): Buffer {
  return Buffer.from(`hetao-audit handover v1\n${h.from.installation}\n${h.from.publicKey}\n${h.to.installation}\n${h.to.publicKey}\n${h.size}\n${h.root}\n${h.at}\n`);
}

export function makeHandover(from: AuditIdentity, to: AuditIdentity, size: number, root: string, at: string): Handover {
  const unsigned = { from: { installation: from.installationId, publicKey: spki(from.publicKey) }, to: { installation: to.installationId, publicKey: spki(to.publicKey) }, size, root, at };
  const text = handoverText(unsigned);
  return { ...unsigned, fromSignature: from.sign(text).toString('base64'), toSignature: to.sign(text).toString('base64') };
}

/** The old key, when the handover is signed by both keys it names and hands over to `owner`; null otherwise. */
export function handedOverKey(h: Handover, owner: { installationId: string; publicKey: KeyObject }): KeyObject | null {
  try {
    if (h.to.installation !== owner.installationId || h.to.publicKey !== spki(owner.publicKey)) return null;
    const text = handoverText(h);
    const former = keyOf(h.from.publicKey);
    if (!verify(null, text, former, Buffer.from(h.fromSignature, 'base64'))) return null;
    if (!verify(null, text, owner.publicKey, Buffer.from(h.toSignature, 'base64'))) return null;
    return former;
  } catch {
    return null;
  }
}
