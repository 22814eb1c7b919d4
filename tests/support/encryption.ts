import { randomBytes, randomUUID } from 'node:crypto';
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
