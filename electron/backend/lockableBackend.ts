import type { LockStatus } from '../../shared/lock/contract';
import { AppError, type ErrorCode } from '../../shared/ipc/errors';
import { languageForLocale, type Language } from '../../shared/model/language';
import type { Settings } from '../../shared/model/settings';
import type { TaskProgress } from '../../shared/tasks/progress';
import { KeyringError } from '../crypto/keyring';
import { confirmsGroups, groupsToConfirm, newRecoveryKey } from '../crypto/recoveryKey';
import { DEFAULT_IDLE_MINUTES, Vault, type UnlockResult, type UnlockWith } from '../crypto/vault';
import { translator } from '../i18n/translator';
import { nodeFs, type StoreFs } from '../store/storeFs';
import { createDispatcher, refusingHandlers, type Handlers } from './dispatcher';
import type { Backend, BackendOptions } from './openBackend';

/** Opens the unlocked folder through the given file system, serving the lock calls it is handed. */
export type OpenFolder = (options: BackendOptions & { lock: Handlers['lock']; dataKey: Buffer | null }) => Promise<Backend>;

export interface LockableBackend extends Backend {
  /**
   * Writes what is not yet on disk and drops the keys (nothing happens for a folder that is not
   * encrypted). Rejects with vault.unsavedChanges when the disk refuses, unless told to discard.
   */
  lock(discardUnsaved: boolean): Promise<void>;
}

const UNLOCK_FAILURES: Record<Exclude<UnlockResult, { ok: true }>['reason'], ErrorCode> = {
  tooSoon: 'vault.tooSoon',
  wrongPassphrase: 'vault.wrongPassphrase',
  recoveryMistyped: 'vault.recoveryMistyped',
  wrongRecoveryKey: 'vault.wrongRecoveryKey',
  damagedKeyring: 'vault.damagedKeyring',
  keystoreUnavailable: 'vault.quickUnlockUnavailable',
  keystoreRefused: 'vault.quickUnlockPlainText',
  noQuickUnlock: 'vault.noQuickUnlock',
};

/**
 * The backend for a data folder that may be encrypted. While it is locked nothing of the folder is
 * open and no key is held: every call but the lock screen's is refused with vault.locked. Unlocking
 * opens the full backend with the store, backups, audit trail and exchange state reading and writing
 * through the sealed file system; locking closes it again.
 */
export async function openLockableBackend(options: BackendOptions, openFolder: OpenFolder): Promise<LockableBackend> {
  const baseFs: StoreFs = options.fs ?? nodeFs;
  const clock = () => (options.now?.() ?? new Date()).getTime();
  const vault = new Vault(options.dataDir, baseFs, clock);
  let current: Backend | null = null;
  // The open folder's data key, held only while unlocked: turning quick unlock on wraps it.
  let currentKey: Buffer | null = null;
  let encrypted = false;
  let damagedKeyring = false;
  try {
    encrypted = (await vault.state()) !== 'plain';
  } catch (error) {
    if (!(error instanceof KeyringError)) throw error;
    // Never taken for a plain folder: that would start an empty one over the sealed records.
    encrypted = true;
    damagedKeyring = true;
  }
  let language: Language = languageForLocale(options.systemLocale);
  let pendingRecovery: { recoveryKey: string; groups: number[] } | null = null;
  const settingsListeners = new Set<(settings: Settings) => void>();
  const progressListeners = new Set<(progress: TaskProgress) => void>();

  // One lock operation at a time: two unlocks, or an unlock racing a lock, must not open two stores.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  const open = async (fs: StoreFs, dataKey: Buffer | null) => {
    const backend = await openFolder({ ...options, fs, dataKey, lock: handlers });
    for (const listener of settingsListeners) backend.onSettingsChanged(listener);
    for (const listener of progressListeners) backend.onTaskProgress(listener);
    current = backend;
    currentKey = dataKey;
  };

  const closeCurrent = async (discardUnsaved: boolean) => {
    const backend = current;
    if (!backend) return;
    language = backend.language();
    try {
      await backend.close();
    } catch (error) {
      const reason = error instanceof AppError ? error.code : 'disk.writeFailed';
      if (!discardUnsaved) throw new AppError('vault.unsavedChanges', { reason });
    }
    current = null;
    currentKey = null;
  };

  const status = async (): Promise<LockStatus> => {
    const readable = encrypted && !damagedKeyring;
    return {
      encrypted,
      locked: encrypted && current === null,
      retryAt: readable ? await vault.retryAt() : null,
      language: current?.language() ?? language,
      idleMinutes: readable ? await vault.idleMinutes() : DEFAULT_IDLE_MINUTES,
      damagedKeyring,
      quickUnlock: readable ? await vault.quickUnlock(options.keystore) : 'unavailable',
    };
  };

  const unlock = (how: UnlockWith) =>
    serial(async () => {
      if (current) return status();
      if (damagedKeyring) throw new AppError('vault.damagedKeyring');
      const result = await vault.unlock(how, options.keystore).catch((error: unknown) => {
        if (error instanceof KeyringError) throw new AppError('vault.damagedKeyring');
        throw error;
      });
      if (!result.ok) {
        const seconds = result.retryAt === null ? 0 : Math.ceil((result.retryAt - clock()) / 1000);
        throw new AppError(UNLOCK_FAILURES[result.reason], { seconds });
      }
      await open(result.fs, result.dataKey);
      return status();
    });

  const requireEncrypted = () => {
    if (!encrypted) throw new AppError('vault.notEncrypted');
  };

  const handlers: Handlers['lock'] = {
    status,
    unlockWithPassphrase: ({ passphrase }) => unlock({ passphrase }),
    unlockWithRecoveryKey: ({ recoveryKey }) => unlock({ recoveryKey }),
    prepareEncryption: async () => {
      if (encrypted) throw new AppError('vault.alreadyEncrypted');
      pendingRecovery = { recoveryKey: newRecoveryKey(), groups: groupsToConfirm() };
      return pendingRecovery;
    },
    turnOn: ({ passphrase, typedGroups, taskId }) =>
      serial(async () => {
        if (encrypted) throw new AppError('vault.alreadyEncrypted');
        const pending = pendingRecovery;
        if (!pending || !confirmsGroups(pending.recoveryKey, pending.groups, typedGroups)) {
          throw new AppError('vault.recoveryNotConfirmed');
        }
        await closeCurrent(false);
        const label = translator(language)('encryption.turnOn.sealing');
        const progress = (done: number, total: number) => {
          for (const listener of progressListeners) listener({ taskId, done, total: Math.max(total, 1), label });
        };
        try {
          const sealed = await vault.encrypt(passphrase, pending.recoveryKey, options.kdf, progress);
          encrypted = true;
          pendingRecovery = null;
          await open(sealed.fs, sealed.dataKey);
        } catch (error) {
          // Stopped before the keyring was written: still the plain folder it was. After: locked,
          // and unlocking with the new passphrase finishes the sealing.
          encrypted = (await vault.state()) !== 'plain';
          if (!encrypted) await open(baseFs, null);
          throw error;
        }
        return status();
      }),
    changePassphrase: ({ current: typed, next }) =>
      serial(async () => {
        requireEncrypted();
        try {
          await vault.changePassphrase(typed, next);
        } catch (error) {
          if (error instanceof KeyringError) {
            throw new AppError(error.reason === 'wrongPassphrase' ? 'vault.wrongPassphrase' : 'vault.damagedKeyring');
          }
          throw error;
        }
      }),
    setIdleMinutes: async ({ minutes }) => {
      requireEncrypted();
      await vault.setIdleMinutes(minutes);
      return status();
    },
    unlockQuick: () => unlock({ quick: true }),
    setQuickUnlock: ({ on }) =>
      serial(async () => {
        requireEncrypted();
        if (!currentKey) throw new AppError('vault.locked');
        try {
          await vault.setQuickUnlock(currentKey, options.keystore, on);
        } catch (error) {
          if (!(error instanceof KeyringError)) throw error;
          throw new AppError(UNLOCK_FAILURES[error.reason as keyof typeof UNLOCK_FAILURES] ?? 'vault.damagedKeyring');
        }
        return status();
      }),
    lockNow: ({ discardUnsaved }) =>
      serial(async () => {
        requireEncrypted();
        await closeCurrent(discardUnsaved);
        return status();
      }),
  };

  const locked = createDispatcher(
    {
      ...refusingHandlers(async () => {
        throw new AppError('vault.locked');
      }),
      lock: handlers,
    },
    options.appOrigin,
  );

  // A listener stays through locking and unlocking: each backend opened is told of it.
  const relay =
    <L,>(listeners: Set<L>, subscribe: (backend: Backend, listener: L) => () => void) =>
    (listener: L) => {
      listeners.add(listener);
      const stop = current ? subscribe(current, listener) : undefined;
      return () => {
        listeners.delete(listener);
        stop?.();
      };
    };

  if (!encrypted) await open(baseFs, null);

  return {
    dispatch: (channel, input, sender) => (current ?? { dispatch: locked }).dispatch(channel, input, sender),
    language: () => current?.language() ?? language,
    onSettingsChanged: relay(settingsListeners, (backend, listener) => backend.onSettingsChanged(listener)),
    onTaskProgress: relay(progressListeners, (backend, listener) => backend.onTaskProgress(listener)),
    lock: (discardUnsaved) => (encrypted ? serial(() => closeCurrent(discardUnsaved)) : Promise.resolve()),
    close: () => serial(async () => current?.close()),
  };
}
