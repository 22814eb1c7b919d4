import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  KeyringError,
  changePassphrase,
  createKeyring,
  disableQuickUnlock,
  enableQuickUnlock,
  parseKeyring,
  unlockWithKeystore,
  unlockWithPassphrase,
  unlockWithRecoveryKey,
  type Keyring,
  type OsKeystore,
} from '../../../electron/crypto/keyring';
import { OWASP_MINIMUM, calibrateArgon2 } from '../../../electron/crypto/passphraseKey';
import { confirmsGroups, groupsToConfirm, newRecoveryKey, parseRecoveryKey } from '../../../electron/crypto/recoveryKey';
import { cheapKdf } from '../../support/encryption';

// The fastest parameters a keyring may have: the tests check behaviour, the bench the real calibration.

async function reasonOf(work: () => Promise<unknown> | unknown): Promise<string> {
  try {
    await work();
    return 'opened';
  } catch (error) {
    return error instanceof KeyringError ? error.reason : String(error);
  }
}

/** A keystore that keeps its secret in memory; `basic` plays Linux's plain-text fallback. */
function fakeKeystore(state: 'ok' | 'basic' | 'gone' = 'ok'): OsKeystore & { state: typeof state } {
  const secret = randomBytes(32);
  const keystore = {
    state,
    async unusable() {
      return keystore.state === 'basic' ? ('plainText' as const) : keystore.state === 'gone' ? ('unavailable' as const) : null;
    },
    async encrypt(text: string) {
      return Buffer.concat([secret, Buffer.from(text)]);
    },
    async decrypt(blob: Buffer) {
      if (!blob.subarray(0, 32).equals(secret)) throw new Error('keystore changed');
      return blob.subarray(32).toString();
    },
  };
  return keystore;
}

describe('the recovery key', () => {
  it('is 8 groups of 4 letters a person can read aloud, and is read back however it is typed', () => {
    const key = newRecoveryKey();
    expect(key).toMatch(/^([A-HJKMNP-TV-Z]{4}-){7}[A-HJKMNP-TV-Z]{4}$/);
    const typed = key.toLowerCase().replace(/-/g, ' ');
    expect(parseRecoveryKey(typed)).toEqual({ ok: true, letters: key.replace(/-/g, '') });
  });

  it('catches a slip of one letter, a missing group and a character it never uses', () => {
    const key = newRecoveryKey();
    const slipped = (key[0] === 'A' ? 'B' : 'A') + key.slice(1);
    expect(parseRecoveryKey(slipped)).toEqual({ ok: false, reason: 'check' });
    expect(parseRecoveryKey(key.slice(0, -5))).toEqual({ ok: false, reason: 'length' });
    expect(parseRecoveryKey(key.replace(/^./, 'O'))).toEqual({ ok: false, reason: 'letters' });
  });

  it('is only accepted once the user types back the groups asked for', () => {
    const key = newRecoveryKey();
    const groups = groupsToConfirm();
    const letters = key.split('-');
    expect(confirmsGroups(key, groups, groups.map((g) => letters[g - 1]!.toLowerCase()))).toBe(true);
    expect(confirmsGroups(key, groups, groups.map(() => 'AAAA'))).toBe(false);
  });
});

describe('the keyring', () => {
  it('opens with the passphrase or the recovery key, and both give the same data key', async () => {
    const recovery = newRecoveryKey();
    const { keyring, dataKey } = await createKeyring('河套 合作區 2026', recovery, cheapKdf());
    expect((await unlockWithPassphrase(keyring, '河套 合作區 2026')).equals(dataKey)).toBe(true);
    expect(unlockWithRecoveryKey(keyring, recovery).equals(dataKey)).toBe(true);
    expect(JSON.stringify(keyring)).not.toContain(dataKey.toString('base64'));
  });

  it('tells a wrong passphrase, a mistyped and a wrong recovery key apart', async () => {
    const { keyring } = await createKeyring('correct horse', newRecoveryKey(), cheapKdf());
    expect(await reasonOf(() => unlockWithPassphrase(keyring, 'Correct horse'))).toBe('wrongPassphrase');
    expect(await reasonOf(() => unlockWithRecoveryKey(keyring, 'ABCD-EFGH'))).toBe('recoveryMistyped');
    expect(await reasonOf(() => unlockWithRecoveryKey(keyring, newRecoveryKey()))).toBe('wrongRecoveryKey');
  });

  it('detects a wrapped key that was altered, and a keyring that is not one', async () => {
    const recovery = newRecoveryKey();
    const { keyring } = await createKeyring('pass', recovery, cheapKdf());
    const altered: Keyring = structuredClone(keyring);
    const wrap = altered.wraps[0] as { sealed: string };
    const bytes = Buffer.from(wrap.sealed, 'base64');
    bytes[3]! ^= 1;
    wrap.sealed = bytes.toString('base64');
    expect(await reasonOf(() => unlockWithPassphrase(altered, 'pass'))).toBe('wrongPassphrase');
    // The recovery key still opens it: one damaged wrap never locks the user out.
    expect(await reasonOf(() => unlockWithRecoveryKey(altered, recovery))).toBe('opened');
    expect(await reasonOf(() => parseKeyring({ format: 1, keyId: keyring.keyId, wraps: [] }))).toBe('damagedKeyring');
    expect(await reasonOf(() => parseKeyring('{not json'))).toBe('damagedKeyring');
  });

  it('a keyring from another folder names another key', async () => {
    const mine = await createKeyring('pass', newRecoveryKey(), cheapKdf());
    const theirs = await createKeyring('pass', newRecoveryKey(), cheapKdf());
    const mixed: Keyring = { ...theirs.keyring, keyId: mine.keyring.keyId };
    expect(await reasonOf(() => unlockWithPassphrase(mixed, 'pass'))).toBe('wrongPassphrase');
  });

  it('changes the passphrase by rewrapping only: the data key and the recovery key stay', async () => {
    const recovery = newRecoveryKey();
    const { keyring, dataKey } = await createKeyring('old', recovery, cheapKdf());
    const changed = await changePassphrase(keyring, dataKey, 'new', cheapKdf());
    expect((await unlockWithPassphrase(changed, 'new')).equals(dataKey)).toBe(true);
    expect(await reasonOf(() => unlockWithPassphrase(changed, 'old'))).toBe('wrongPassphrase');
    expect(unlockWithRecoveryKey(changed, recovery).equals(dataKey)).toBe(true);
    expect(changed.keyId).toBe(keyring.keyId);
  });

  it('quick unlock works through the keystore, is refused on a plain-text keystore, and is never the only way in', async () => {
    const { keyring, dataKey } = await createKeyring('pass', newRecoveryKey(), cheapKdf());
    expect(await reasonOf(() => enableQuickUnlock(keyring, dataKey, fakeKeystore('basic')))).toBe('keystoreRefused');
    const keystore = fakeKeystore();
    const quick = await enableQuickUnlock(keyring, dataKey, keystore);
    expect((await unlockWithKeystore(quick, keystore)).equals(dataKey)).toBe(true);
    // The OS keystore changed (a new login, a restored machine): quick unlock fails, the passphrase still works.
    expect(await reasonOf(() => unlockWithKeystore(quick, fakeKeystore()))).toBe('keystoreUnavailable');
    expect((await unlockWithPassphrase(quick, 'pass')).equals(dataKey)).toBe(true);
    expect(await reasonOf(() => unlockWithKeystore(disableQuickUnlock(quick), keystore))).toBe('noQuickUnlock');
  });

  it('calibrates Argon2id never below OWASP minimum, whatever the machine', async () => {
    // On a slow laptop every derivation takes too long: calibration lowers the cost, but never
    // under m = 19 MiB, t = 2.
    let t = 0;
    const slow = await calibrateArgon2(() => (t += 10_000));
    expect(slow.memoryKiB).toBeGreaterThanOrEqual(OWASP_MINIMUM.memoryKiB);
    expect(slow.iterations).toBeGreaterThanOrEqual(OWASP_MINIMUM.iterations);
  });
});
