import { z } from 'zod';
import { Language } from '../model/language';

/** Shortest passphrase accepted; the settings screen hints at strength above it. */
export const MIN_PASSPHRASE_LENGTH = 8;
export const IDLE_MINUTE_CHOICES = [5, 10, 15, 30, 60] as const;

const Passphrase = z.string().min(1).max(1024);
const NewPassphrase = Passphrase.min(MIN_PASSPHRASE_LENGTH, 'validation.passphraseTooShort');

/** What the window needs before anything else: whether to show the lock screen, and how. */
export const LockStatus = z.object({
  /** Whether the data folder is encrypted at rest. */
  encrypted: z.boolean(),
  /** Locked: only these calls are answered until it is unlocked. */
  locked: z.boolean(),
  /** When the next unlock attempt is allowed (ms since the epoch), after failed attempts; null: now. */
  retryAt: z.number().nullable(),
  /** The user's language when last unlocked in this session, else the system's: the lock screen's. */
  language: Language,
  idleMinutes: z.number().int(),
  /** The keyring file cannot be read: no passphrase or recovery key can open the folder here. */
  damagedKeyring: z.boolean(),
  /**
   * Quick unlock through the operating system's keystore: 'on'; 'off' (can be turned on);
   * 'unavailable' (no keystore here); 'plainText' (Linux would keep the key under a fixed password: refused).
   */
  quickUnlock: z.enum(['on', 'off', 'unavailable', 'plainText']),
});
export type LockStatus = z.infer<typeof LockStatus>;

export const lockMethods = {
  status: { input: z.undefined(), output: LockStatus },
  /** Refused with vault.wrongPassphrase (or vault.tooSoon while backing off); opens the data on success. */
  unlockWithPassphrase: { input: z.object({ passphrase: Passphrase }), output: LockStatus },
  unlockWithRecoveryKey: { input: z.object({ recoveryKey: z.string().min(1).max(200) }), output: LockStatus },
  /** A new recovery key for the user to write down, and which of its groups to type back to confirm. */
  prepareEncryption: {
    input: z.undefined(),
    output: z.object({ recoveryKey: z.string(), groups: z.array(z.number().int()) }),
  },
  /** Encrypts the folder with the passphrase and the prepared recovery key, once its groups are typed back. */
  turnOn: {
    input: z.object({ passphrase: NewPassphrase, typedGroups: z.array(z.string().max(20)).max(8), taskId: z.uuid() }),
    output: LockStatus,
  },
  /** Rewraps the data key only: as quick for ten years of records as for ten. */
  changePassphrase: { input: z.object({ current: Passphrase, next: NewPassphrase }), output: z.void() },
  setIdleMinutes: { input: z.object({ minutes: z.number().int().min(1).max(240) }), output: LockStatus },
  /**
   * Writes what is not yet on disk, then drops the keys. Refused with vault.unsavedChanges when the
   * disk refuses the writes, unless the user chose to discard them.
   */
  lockNow: { input: z.object({ discardUnsaved: z.boolean() }), output: LockStatus },
  /** Opens the data with the key the operating system keeps for this login; never the only way in. */
  unlockQuick: { input: z.undefined(), output: LockStatus },
  /** Turns quick unlock on (refused where the keystore is plain text) or off; only while unlocked. */
  setQuickUnlock: { input: z.object({ on: z.boolean() }), output: LockStatus },
};
