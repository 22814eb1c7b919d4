import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../store/atomicJsonFile';
import type { StoreFs } from '../store/storeFs';
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
} from './keyring';
import { calibrateArgon2, type Argon2Params } from './passphraseKey';
import { isSealedFile, sealFile } from './sealed';
import { folderBinding, isSealedLine, sealedFs } from './sealedFs';
import { ATTACHMENTS_DIR, AttachmentStore } from '../attachments/attachmentStore';
import { AUDIT_DIR } from '../audit/auditFiles';

/** Files sealed so far and in all, while an existing folder is encrypted. */
export type SealProgress = (done: number, total: number) => void;

/** Beside the records, so a copied folder can still be opened with its passphrase or recovery key. */
export const KEYRING_FILE = 'keyring.json';
/** Failed unlock attempts, so the back-off survives a restart. Holds no secret. */
export const LOCKOUT_FILE = 'lockout.json';
/** Minutes without use before the window locks, unless the user chose otherwise. */
export const DEFAULT_IDLE_MINUTES = 15;

/**
 * What stays plain in an encrypted folder: the keyring and the back-off (needed before unlocking).
 * Papers are sealed too, in chunks, by their own store (AttachmentStore), never whole.
 */
function staysPlain(relative: string): boolean {
  const [top] = relative.split('/');
  return relative === KEYRING_FILE || relative === LOCKOUT_FILE || top === ATTACHMENTS_DIR || relative.endsWith('.tmp') || relative.endsWith('.partial');
}

/** The audit trail's append-only logs: sealed line by line, since whole-file sealing cannot append. */
const isLineFile = (relative: string) => relative.split('/')[0] === AUDIT_DIR && relative.endsWith('.jsonl');

const VaultFile = z.object({
  keyring: z.unknown(),
  /** 'sealing' while an existing folder is being encrypted: plain files are still accepted then. */
  state: z.enum(['sealing', 'sealed']),
  idleMinutes: z.number().int().min(1).max(240).optional(),
});

const Lockout = z.object({ failures: z.number().int().nonnegative(), notBefore: z.number().nonnegative() });
type Lockout = z.infer<typeof Lockout>;

/** Free attempts before the back-off starts, then 2 s, 4 s … up to 5 minutes between attempts. */
const FREE_ATTEMPTS = 3;
const MAX_WAIT_MS = 5 * 60_000;

export type UnlockWith = { passphrase: string } | { recoveryKey: string } | { quick: true };

export type UnlockResult =
  | { ok: true; fs: StoreFs; dataKey: Buffer }
  | { ok: false; reason: KeyringError['reason'] | 'tooSoon'; retryAt: number | null };

/**
 * The data folder's encryption: whether it has any, setting it up, unlocking it (with a back-off
 * for failed attempts that survives a restart) and sealing an existing plain folder in a way that
 * survives being killed at any moment.
 */
export class Vault {
  constructor(
    private readonly dataDir: string,
    private readonly fs: StoreFs,
    private readonly now: () => number = Date.now,
  ) {}

  private file(name: string): string {
    return path.join(this.dataDir, name);
  }

  private async readJson(name: string): Promise<unknown> {
    try {
      return JSON.parse(await this.fs.readFile(this.file(name), 'utf8'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      if (error instanceof SyntaxError) return null;
      throw error;
    }
  }

  /** 'plain' for a folder never encrypted; a damaged keyring file is not mistaken for one. */
  async state(): Promise<'plain' | 'sealing' | 'sealed'> {
    const json = await this.readJson(KEYRING_FILE);
    if (json === undefined) return 'plain';
    const parsed = VaultFile.safeParse(json);
    if (!parsed.success) throw new KeyringError('damagedKeyring');
    return parsed.data.state;
  }

  private async keyring(): Promise<{ keyring: Keyring; state: 'sealing' | 'sealed'; idleMinutes?: number }> {
    const parsed = VaultFile.safeParse(await this.readJson(KEYRING_FILE));
    if (!parsed.success) throw new KeyringError('damagedKeyring');
    return { ...parsed.data, keyring: parseKeyring(parsed.data.keyring) };
  }

  private writeVault(keyring: Keyring, state: 'sealing' | 'sealed', idleMinutes?: number): Promise<void> {
    return writeFileAtomic(this.fs, this.file(KEYRING_FILE), JSON.stringify({ keyring, state, idleMinutes }, null, 2));
  }

  async saveKeyring(keyring: Keyring): Promise<void> {
    const { state, idleMinutes } = await this.keyring();
    await this.writeVault(keyring, state, idleMinutes);
  }

  /** Minutes without use before the window locks. Kept beside the keyring: it is needed while locked. */
  async idleMinutes(): Promise<number> {
    return (await this.keyring()).idleMinutes ?? DEFAULT_IDLE_MINUTES;
  }

  async setIdleMinutes(minutes: number): Promise<void> {
    const { keyring, state } = await this.keyring();
    await this.writeVault(keyring, state, minutes);
  }

  /**
   * Rewraps the data key under a new passphrase, with the same cost as the old one (calibrated once,
   * when encryption was turned on) and a fresh salt; no other file is touched.
   */
  async changePassphrase(current: string, next: string): Promise<void> {
    const { keyring } = await this.keyring();
    const dataKey = await unlockWithPassphrase(keyring, current);
    const wrap = keyring.wraps.find((w) => w.kind === 'passphrase');
    if (wrap?.kind !== 'passphrase') throw new KeyringError('damagedKeyring');
    await this.saveKeyring(await changePassphrase(keyring, dataKey, next, { ...wrap.kdf, salt: randomBytes(16).toString('base64') }));
  }

  /**
   * Whether quick unlock can be used here: 'on' when the keyring holds a keystore wrap (an attempt
   * may still fail if the keystore changed, and then the passphrase or recovery key is asked for).
   */
  async quickUnlock(keystore: OsKeystore | undefined): Promise<'on' | 'off' | 'unavailable' | 'plainText'> {
    const { keyring } = await this.keyring();
    if (keyring.wraps.some((w) => w.kind === 'osKeystore')) return 'on';
    const unusable = keystore ? await keystore.unusable() : 'unavailable';
    return unusable ?? 'off';
  }

  /** Adds or removes the keystore's wrap of the data key; no other file is touched. */
  async setQuickUnlock(dataKey: Buffer, keystore: OsKeystore | undefined, on: boolean): Promise<void> {
    const { keyring } = await this.keyring();
    if (!on) return this.saveKeyring(disableQuickUnlock(keyring));
    if (!keystore) throw new KeyringError('keystoreUnavailable');
    await this.saveKeyring(await enableQuickUnlock(keyring, dataKey, keystore));
  }

  private async lockout(): Promise<Lockout> {
    const parsed = Lockout.safeParse(await this.readJson(LOCKOUT_FILE));
    return parsed.success ? parsed.data : { failures: 0, notBefore: 0 };
  }

  /** When the next attempt is allowed (ms since the epoch), or null if it is now. */
  async retryAt(): Promise<number | null> {
    const { notBefore } = await this.lockout();
    return notBefore > this.now() ? notBefore : null;
  }

  /**
   * Encrypts a plain folder: the keyring is written first (state 'sealing'), then every file is
   * replaced by its sealed form through the atomic writer, then the state becomes 'sealed'. Killed
   * at any moment, the folder opens afterwards: plain and sealed files are both read while sealing,
   * and sealing simply carries on.
   */
  async encrypt(
    passphrase: string,
    recoveryKey: string,
    kdf?: Argon2Params,
    progress: SealProgress = () => undefined,
  ): Promise<{ fs: StoreFs; dataKey: Buffer }> {
    const { keyring, dataKey } = await createKeyring(passphrase, recoveryKey, kdf ?? (await calibrateArgon2()));
    await this.writeVault(keyring, 'sealing');
    await this.sealRemaining(dataKey, progress);
    await this.writeVault(keyring, 'sealed');
    return { fs: sealedFs(this.fs, this.dataDir, dataKey), dataKey };
  }

  /** Every file of the folder but those that stay plain: records, manifest, save points, identities, papers. */
  private async sealRemaining(dataKey: Buffer, progress: SealProgress = () => undefined): Promise<void> {
    const names = (await this.fs.readdir(this.dataDir, { recursive: true }))
      .map((name) => String(name).split(path.sep).join('/'))
      .filter((name) => !staysPlain(name))
      .sort();
    const papers = new AttachmentStore(this.dataDir, undefined, dataKey);
    const lines = sealedFs(this.fs, this.dataDir, dataKey).lines!;
    const plainPapers = await papers.plainPapers();
    const total = names.length + plainPapers.length;
    for (const [done, name] of names.entries()) {
      progress(done, total);
      const file = path.join(this.dataDir, name);
      const stat = await this.fs.stat(file).catch(() => null);
      if (!stat?.isFile()) continue;
      const bytes = await this.fs.readFile(file);
      if (isLineFile(name)) {
        // Each line sealed where it stands (lines already sealed kept), so the log reads the same.
        const text = bytes.toString('utf8');
        const sealed = text.split('\n').map((line) => (line === '' || isSealedLine(line) ? line : lines.seal(file, line))).join('\n');
        if (sealed !== text) await writeFileAtomic(this.fs, file, sealed);
        continue;
      }
      if (isSealedFile(bytes)) continue;
      await writeFileAtomic(this.fs, file, sealFile(dataKey, bytes, { relativePath: folderBinding(this.dataDir, file)!, revision: 1 }));
    }
    for (const [done, sha256] of plainPapers.entries()) {
      progress(names.length + done, total);
      await papers.sealPlainPaper(sha256);
    }
    progress(total, total);
  }

  /** Opens the folder's data key, refusing attempts made before the back-off allows. */
  async unlock(how: UnlockWith, keystore?: OsKeystore): Promise<UnlockResult> {
    const retryAt = await this.retryAt();
    if (retryAt !== null) return { ok: false, reason: 'tooSoon', retryAt };
    const { keyring, state } = await this.keyring();
    try {
      const dataKey =
        'passphrase' in how
          ? await unlockWithPassphrase(keyring, how.passphrase)
          : 'recoveryKey' in how
            ? unlockWithRecoveryKey(keyring, how.recoveryKey)
            : await unlockWithKeystore(keyring, keystore ?? refusingKeystore);
      await this.fs.rm(this.file(LOCKOUT_FILE), { force: true });
      if (state === 'sealing') {
        // Killed while sealing: finish the job before anything reads the folder.
        await this.sealRemaining(dataKey);
        await this.writeVault(keyring, 'sealed');
      }
      return { ok: true, fs: sealedFs(this.fs, this.dataDir, dataKey), dataKey };
    } catch (error) {
      if (!(error instanceof KeyringError)) throw error;
      // A mistyped recovery key is caught by its check letters before any key is tried: no penalty.
      if (error.reason === 'recoveryMistyped' || error.reason === 'noQuickUnlock' || error.reason === 'keystoreUnavailable') {
        return { ok: false, reason: error.reason, retryAt: null };
      }
      const failures = (await this.lockout()).failures + 1;
      const wait = failures < FREE_ATTEMPTS ? 0 : Math.min(MAX_WAIT_MS, 1000 * 2 ** (failures - FREE_ATTEMPTS + 1));
      const notBefore = wait ? this.now() + wait : 0;
      await writeFileAtomic(this.fs, this.file(LOCKOUT_FILE), JSON.stringify({ failures, notBefore }));
      return { ok: false, reason: error.reason, retryAt: notBefore || null };
    }
  }
}

const refusingKeystore: OsKeystore = {
  unusable: async () => 'unavailable',
  encrypt: () => Promise.reject(new Error('no keystore')),
  decrypt: () => Promise.reject(new Error('no keystore')),
};
