import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

/*
 * This installation's two key pairs, from Node's own crypto: Ed25519 to sign what it sends, X25519
 * to receive file keys. Public keys travel as base64 DER (SPKI), private ones stay in the data folder.
 */

export interface KeyPairText {
  publicKey: string;
  privateKey: string;
}

export function newKeyPair(kind: 'ed25519' | 'x25519'): KeyPairText {
  const { publicKey, privateKey } = generateKeyPairSync(kind as 'ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  };
}

export const publicKeyOf = (text: string): KeyObject => createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
export const privateKeyOf = (text: string): KeyObject => createPrivateKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'pkcs8' });

export function signBytes(privateKey: string, data: Uint8Array): string {
  return sign(null, data, privateKeyOf(privateKey)).toString('base64');
}

export function verifyBytes(publicKey: string, data: Uint8Array, signature: string): boolean {
  try {
    return verify(null, data, publicKeyOf(publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Sixty digits in twelve groups of five, as Signal's safety numbers: SHA-512 iterated over the
 * installation id and both public keys, each five bytes of the digest read as a number mod 100000.
 * The same on both laptops, so two people can read it aloud or lay the printouts side by side.
 */
export function fingerprintOf(installationId: string, signingKey: string, receivingKey: string): string {
  const input = Buffer.from(`${installationId}\n${signingKey}\n${receivingKey}`, 'utf8');
  let digest = createHash('sha512').update(input).digest();
  for (let i = 0; i < 5200; i++) digest = createHash('sha512').update(digest).update(input).digest();
  const groups: string[] = [];
  for (let i = 0; i < 12; i++) {
    const n = digest.readUIntBE(i * 5, 5) % 100_000;
    groups.push(String(n).padStart(5, '0'));
  }
  return groups.join(' ');
}
