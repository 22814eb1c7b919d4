import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeyringError } from '../../../electron/crypto/keyring';
import { newRecoveryKey } from '../../../electron/crypto/recoveryKey';
import { KEYRING_FILE, Vault } from '../../../electron/crypto/vault';
import { nodeFs, type StoreFs } from '../../../electron/store/storeFs';
import { contactFields, FakeClock, idsInShards, openReady, tempDir } from '../store/helpers';
import { cheapKdf } from '../../support/encryption';


/** A plain folder as today's app leaves it: records, and save points of them. */
async function plainFolder() {
  const dataDir = await tempDir();
  const clock = new FakeClock();
  const ids = idsInShards('contacts', 3);
  const store = await openReady({ dataDir, now: clock.now });
  for (const [n, id] of ids.entries()) await store.insert('contacts', contactFields(`限閱-canary-${n}`), id);
  await store.close();
  clock.advance(3_600_000);
  const again = await openReady({ dataDir, now: clock.now });
  await again.update('contacts', ids[0]!, () => ({ title: '處長-canary-9' }));
  await again.close();
  clock.advance(3_600_000);
  return { dataDir, clock, ids };
}

async function plainBytesLeft(dataDir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await fsp.readdir(dataDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if ((await fsp.readFile(file)).includes(Buffer.from('canary'))) found.push(path.relative(dataDir, file));
  }
  return found;
}

/** The real file system, killed (every call fails from then on) after `writes` atomic writes. */
function dyingFs(writes: number): StoreFs {
  let left = writes;
  const dead = () => Promise.reject(Object.assign(new Error('killed'), { code: 'EKILLED' }));
  return {
    ...nodeFs,
    rename: ((from: string, to: string) => (left-- > 0 ? nodeFs.rename(from, to) : dead())) as StoreFs['rename'],
  };
}

describe('encrypting an existing data folder', () => {
  it('seals every record file and save point, and the store reads them all back', async () => {
    const { dataDir, clock, ids } = await plainFolder();
    const vault = new Vault(dataDir, nodeFs);
    expect(await vault.state()).toBe('plain');
    const { fs } = await vault.encrypt('河套 2026', newRecoveryKey(), cheapKdf());
    expect(await vault.state()).toBe('sealed');
    expect(await plainBytesLeft(dataDir)).toEqual([]);
    const store = await openReady({ dataDir, fs, now: clock.now });
    expect(store.get('contacts', ids[0]!)?.title).toBe('處長-canary-9');
    expect(store.list('contacts')).toHaveLength(3);
    await store.close();
  });

  it('killed at any moment while sealing, the folder still opens with everything once unlocked', async () => {
    const { dataDir: original, clock, ids } = await plainFolder();
    const recovery = newRecoveryKey();
    const outcomes: string[] = [];
    for (const writes of [0, 1, 2, 3, 4, 5, 400]) {
      const dataDir = await tempDir();
      await fsp.cp(original, dataDir, { recursive: true });
      const killed = await new Vault(dataDir, dyingFs(writes)).encrypt('pass', recovery, cheapKdf()).catch(() => 'killed');
      const vault = new Vault(dataDir, nodeFs);
      if (killed !== 'killed') {
        outcomes.push('finished');
        continue;
      }
      const state = await vault.state();
      outcomes.push(state);
      if (state === 'plain') {
        // Killed before the keyring landed: still a plain folder, untouched.
        const store = await openReady({ dataDir, now: clock.now });
        expect(store.list('contacts'), `after ${writes} writes`).toHaveLength(3);
        await store.close();
        continue;
      }
      const unlocked = await vault.unlock({ recoveryKey: recovery });
      if (!unlocked.ok) throw new Error(`unlock failed after ${writes} writes: ${unlocked.reason}`);
      expect(await vault.state()).toBe('sealed');
      expect(await plainBytesLeft(dataDir), `after ${writes} writes`).toEqual([]);
      const store = await openReady({ dataDir, fs: unlocked.fs, now: clock.now });
      expect(store.get('contacts', ids[0]!)?.title, `after ${writes} writes`).toBe('處長-canary-9');
      expect(store.list('contacts')).toHaveLength(3);
      await store.close();
    }
    // Killed before the keyring, at each step of sealing, and not at all.
    expect(outcomes).toEqual(['plain', 'sealing', 'sealing', 'sealing', 'sealing', 'sealing', 'finished']);
  }, 60_000); // fourteen Argon2id derivations on a shared 2-core machine
});

describe('unlocking', () => {
  it('backs off after three wrong passphrases, and the back-off survives a restart', async () => {
    const { dataDir } = await plainFolder();
    let now = Date.parse('2026-12-02T09:00:00+08:00');
    await new Vault(dataDir, nodeFs, () => now).encrypt('right', newRecoveryKey(), cheapKdf());
    const attempt = (passphrase: string) => new Vault(dataDir, nodeFs, () => now).unlock({ passphrase });
    for (let i = 0; i < 2; i++) expect(await attempt('wrong')).toEqual({ ok: false, reason: 'wrongPassphrase', retryAt: null });
    expect(await attempt('wrong')).toEqual({ ok: false, reason: 'wrongPassphrase', retryAt: now + 2000 });
    // Even the right passphrase waits; a new Vault (the app restarted) knows of the wait.
    expect(await attempt('right')).toMatchObject({ ok: false, reason: 'tooSoon', retryAt: now + 2000 });
    now += 2000;
    expect(await attempt('wrong')).toMatchObject({ reason: 'wrongPassphrase', retryAt: now + 4000 });
    now += 4000;
    expect(await attempt('right')).toMatchObject({ ok: true });
    expect(await attempt('wrong')).toEqual({ ok: false, reason: 'wrongPassphrase', retryAt: null });
  });

  it('a mistyped recovery key costs no attempt; a damaged keyring file says so', async () => {
    const { dataDir } = await plainFolder();
    const vault = new Vault(dataDir, nodeFs);
    await vault.encrypt('right', newRecoveryKey(), cheapKdf());
    for (let i = 0; i < 5; i++) expect(await vault.unlock({ recoveryKey: 'ABCD-EFGH-JKMN' })).toMatchObject({ reason: 'recoveryMistyped' });
    expect(await vault.unlock({ passphrase: 'right' })).toMatchObject({ ok: true });
    await fsp.writeFile(path.join(dataDir, KEYRING_FILE), '{"keyring": 1');
    await expect(vault.state()).rejects.toThrow(KeyringError);
    await expect(vault.unlock({ passphrase: 'right' })).rejects.toMatchObject({ reason: 'damagedKeyring' });
  });
});
