import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { Argon2Params, derivePassphraseKey } from './passphraseKey';
import { parseRecoveryKey } from './recoveryKey';
import { DATA_KEY_BYTES, keyIdOf } from './sealed';

/**
 * The data folder's one random data key, wrapped independently by the passphrase, by the recovery
 * key and, optionally, by the operating system's keystore. Only wraps are stored: changing the
 * passphrase rewraps the key and touches no other file, so it takes the same time for ten records
 * or ten years.
 */
const B64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/).max(4096);
const Sealed = z.object({ nonce: B64, sealed: B64 });

export const Wrap = z.discriminatedUnion('kind', [
  Sealed.extend({ kind: z.literal('passphrase'), kdf: Argon2Params }),
  Sealed.extend({ kind: z.literal('recovery'), salt: B64 }),
  /** What the keystore returned for the data key; useless off this login on this machine. */
  z.object({ kind: z.literal('osKeystore'), blob: B64 }),
]);
export type Wrap = z.infer<typeof Wrap>;

export const Keyring = z.object({
  format: z.literal(1),
  /** keyIdOf(data key), base64: every sealed file names it, so a keyring from elsewhere is told apart. */
  keyId: B64,
  wraps: z.array(Wrap).min(2).max(3),
});
export type Keyring = z.infer<typeof Keyring>;

export type KeyringFailure =
  | 'wrongPassphrase'
  | 'recoveryMistyped'
  | 'wrongRecoveryKey'
  | 'keystoreUnavailable'
  | 'keystoreRefused'
  | 'noQuickUnlock'
  | 'damagedKeyring';

export class KeyringError extends Error {
  constructor(readonly reason: KeyringFailure) {
    super(`keyring: ${reason}`);
  }
}

/** The operating system's keystore (Electron's safeStorage in the app, a stand-in in tests). */
export interface OsKeystore {
  /** Null when it can be used; otherwise why not ('plainText': Linux fell back to its basic_text store). */
  unusable(): Promise<'plainText' | 'unavailable' | null>;
  encrypt(text: string): Promise<Buffer>;
  decrypt(blob: Buffer): Promise<string>;
}

function aadOf(kind: Wrap['kind'], keyId: string): Buffer {
  return Buffer.from(`hetao-keyring/v1/${kind}/${keyId}`, 'utf8');
}

function seal(kek: Buffer, dataKey: Buffer, aad: Buffer): z.infer<typeof Sealed> {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, nonce);
  cipher.setAAD(aad);
  const sealed = Buffer.concat([cipher.update(dataKey), cipher.final(), cipher.getAuthTag()]);
  return { nonce: nonce.toString('base64'), sealed: sealed.toString('base64') };
}

function unseal(kek: Buffer, wrap: z.infer<typeof Sealed>, aad: Buffer): Buffer | null {
  const sealed = Buffer.from(wrap.sealed, 'base64');
  if (sealed.length !== DATA_KEY_BYTES + 16) return null;
  const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrap.nonce, 'base64'));
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(DATA_KEY_BYTES));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(0, DATA_KEY_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}

/** The recovery key has ~134 random bits: HKDF is enough, no stretching needed. */
function recoveryKek(letters: string, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(letters, 'utf8'), salt, 'hetao/recovery-kek/v1', 32));
}

/** A checked key: the unwrapped bytes must be the key the keyring names. */
function checked(keyring: Keyring, dataKey: Buffer | null, failure: KeyringFailure): Buffer {
  if (!dataKey) throw new KeyringError(failure);
  const expected = Buffer.from(keyring.keyId, 'base64');
  const actual = keyIdOf(dataKey);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) throw new KeyringError('damagedKeyring');
  return dataKey;
}

function wrapOf<K extends Wrap['kind']>(keyring: Keyring, kind: K): Extract<Wrap, { kind: K }> | undefined {
  return keyring.wraps.find((w): w is Extract<Wrap, { kind: K }> => w.kind === kind);
}

export async function passphraseWrap(dataKey: Buffer, keyId: string, passphrase: string, kdf: Argon2Params): Promise<Wrap> {
  return { kind: 'passphrase', kdf, ...seal(await derivePassphraseKey(passphrase, kdf), dataKey, aadOf('passphrase', keyId)) };
}

function recoveryWrap(dataKey: Buffer, keyId: string, recoveryKey: string): Wrap {
  const parsed = parseRecoveryKey(recoveryKey);
  if (!parsed.ok) throw new KeyringError('recoveryMistyped');
  const salt = randomBytes(16);
  return { kind: 'recovery', salt: salt.toString('base64'), ...seal(recoveryKek(parsed.letters, salt), dataKey, aadOf('recovery', keyId)) };
}

/** A new random data key, wrapped by the passphrase and by the recovery key. */
export async function createKeyring(
  passphrase: string,
  recoveryKey: string,
  kdf: Argon2Params,
): Promise<{ keyring: Keyring; dataKey: Buffer }> {
  const dataKey = randomBytes(DATA_KEY_BYTES);
  const keyId = keyIdOf(dataKey).toString('base64');
  const wraps = [await passphraseWrap(dataKey, keyId, passphrase, kdf), recoveryWrap(dataKey, keyId, recoveryKey)];
  return { keyring: { format: 1, keyId, wraps }, dataKey };
}

export async function unlockWithPassphrase(keyring: Keyring, passphrase: string): Promise<Buffer> {
  const wrap = wrapOf(keyring, 'passphrase');
  if (!wrap) throw new KeyringError('damagedKeyring');
  const kek = await derivePassphraseKey(passphrase, wrap.kdf);
  return checked(keyring, unseal(kek, wrap, aadOf('passphrase', keyring.keyId)), 'wrongPassphrase');
}

export function unlockWithRecoveryKey(keyring: Keyring, typed: string): Buffer {
  const parsed = parseRecoveryKey(typed);
  if (!parsed.ok) throw new KeyringError('recoveryMistyped');
  const wrap = wrapOf(keyring, 'recovery');
  if (!wrap) throw new KeyringError('damagedKeyring');
  const kek = recoveryKek(parsed.letters, Buffer.from(wrap.salt, 'base64'));
  return checked(keyring, unseal(kek, wrap, aadOf('recovery', keyring.keyId)), 'wrongRecoveryKey');
}

export async function unlockWithKeystore(keyring: Keyring, keystore: OsKeystore): Promise<Buffer> {
  const wrap = wrapOf(keyring, 'osKeystore');
  if (!wrap) throw new KeyringError('noQuickUnlock');
  if (await keystore.unusable()) throw new KeyringError('keystoreUnavailable');
  let text: string;
  try {
    text = await keystore.decrypt(Buffer.from(wrap.blob, 'base64'));
  } catch {
    // A keystore that changed (new OS login, reinstalled keychain) must never lock the user out:
    // the passphrase and recovery key still open the folder.
    throw new KeyringError('keystoreUnavailable');
  }
  return checked(keyring, Buffer.from(text, 'base64'), 'keystoreUnavailable');
}

/** The same data key under a new passphrase; every other wrap and every file stays as it is. */
export async function changePassphrase(keyring: Keyring, dataKey: Buffer, passphrase: string, kdf: Argon2Params): Promise<Keyring> {
  checked(keyring, dataKey, 'damagedKeyring');
  const wrap = await passphraseWrap(dataKey, keyring.keyId, passphrase, kdf);
  return { ...keyring, wraps: keyring.wraps.map((w) => (w.kind === 'passphrase' ? wrap : w)) };
}

/** Adds quick unlock, refused where the keystore would keep the key in plain text. */
export async function enableQuickUnlock(keyring: Keyring, dataKey: Buffer, keystore: OsKeystore): Promise<Keyring> {
  checked(keyring, dataKey, 'damagedKeyring');
  const unusable = await keystore.unusable();
  if (unusable === 'plainText') throw new KeyringError('keystoreRefused');
  if (unusable) throw new KeyringError('keystoreUnavailable');
  const blob = (await keystore.encrypt(dataKey.toString('base64'))).toString('base64');
  return { ...keyring, wraps: [...keyring.wraps.filter((w) => w.kind !== 'osKeystore'), { kind: 'osKeystore', blob }] };
}

export function disableQuickUnlock(keyring: Keyring): Keyring {
  return { ...keyring, wraps: keyring.wraps.filter((w) => w.kind !== 'osKeystore') };
}

/** Reads a keyring file's JSON; anything that is not one is 'damagedKeyring'. */
export function parseKeyring(json: unknown): Keyring {
  const parsed = Keyring.safeParse(json);
  if (!parsed.success || !wrapOf(parsed.data, 'passphrase') || !wrapOf(parsed.data, 'recovery')) {
    throw new KeyringError('damagedKeyring');
  }
  return parsed.data;
}
