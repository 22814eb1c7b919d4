import { randomBytes, randomUUID } from 'node:crypto';
import type { OsKeystore } from '../../electron/crypto/keyring';
import { OWASP_MINIMUM, type Argon2Params } from '../../electron/crypto/passphraseKey';

/** The cheapest derivation the vault accepts: tests about the lock or sealing, not the key's cost. */
export const cheapKdf = (): Argon2Params => ({ algorithm: 'argon2id', ...OWASP_MINIMUM, salt: randomBytes(16).toString('base64') });

/** Turns encryption on as the settings screen does: the recovery key is typed back first. Returns the recovery key. */
export async function turnOnEncryption(session: { value<T>(channel: string, input?: unknown): Promise<T> }, passphrase: string): Promise<string> {
  const { recoveryKey, groups } = await session.value<{ recoveryKey: string; groups: number[] }>('lock.prepareEncryption');
  const letters = recoveryKey.replace(/-/g, '');
  const typedGroups = groups.map((g) => letters.slice((g - 1) * 4, g * 4).toLowerCase());
  await session.value('lock.turnOn', { passphrase, typedGroups, taskId: randomUUID() });
  return recoveryKey;
}

/**
 * The operating system's keystore as a stand-in: what it is given is kept for this "login" only;
 * `newLogin()` forgets it (a new Windows profile, a reinstalled keychain), `backend` can be made
 * Linux's plain-text store.
 */
interface MemoryKeystore {
  keystore: OsKeystore;
  newLogin(): void;
  backend: 'safe' | 'plainText';
}

export function memoryKeystore(): MemoryKeystore {
  let login = new Map<string, string>();
  const control: MemoryKeystore = {
    backend: 'safe',
    newLogin: () => {
      login = new Map();
    },
    keystore: {
      unusable: async () => (control.backend === 'plainText' ? 'plainText' : null),
      encrypt: async (text: string) => {
        const blob = randomUUID();
        login.set(blob, text);
        return Buffer.from(blob);
      },
      decrypt: async (blob: Buffer) => {
        const text = login.get(blob.toString());
        if (text === undefined) throw new Error('not this login');
        return text;
      },
    },
  };
  return control;
}
