import { safeStorage } from 'electron';
import type { OsKeystore } from './keyring';

/**
 * Quick unlock through Electron's safeStorage (DPAPI on Windows, Keychain on macOS, the desktop's
 * secret service on Linux). Linux's basic_text backend keeps the key under a hard-coded password, so
 * it is reported as plain text and quick unlock is refused rather than silently weaker.
 */
export const electronKeystore: OsKeystore = {
  async unusable() {
    if (!(await safeStorage.isAsyncEncryptionAvailable())) return 'unavailable';
    if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return 'plainText';
    return null;
  },
  encrypt: (text) => safeStorage.encryptStringAsync(text),
  async decrypt(blob) {
    return (await safeStorage.decryptStringAsync(blob)).result;
  },
};
