/**
 * The store at ten years' size: how long opening the data folder takes (read, migrate, validate every
 * record), and how long one edit keeps the main process from doing anything else; then the same
 * folder encrypted (every file sealed), opened and edited through the sealed file system.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomBytes, randomUUID } from 'node:crypto';
import { OWASP_MINIMUM } from '../../../electron/crypto/passphraseKey';
import { newRecoveryKey } from '../../../electron/crypto/recoveryKey';
import { Vault } from '../../../electron/crypto/vault';
import { nodeFs, type StoreFs } from '../../../electron/store/storeFs';
import { Store } from '../../../electron/store/store';
import { median, type BenchSuite } from '../bench';
import { generateLargeDataset } from '../generate/largeDataset';

const LOAD_RUNS = 7;
const EDITS = 60;

async function openReady(dataDir: string, fs?: StoreFs): Promise<Store> {
  const opened = await Store.open({ dataDir, fs });
  if (opened.status !== 'ready') throw new Error(`store did not open: ${opened.status}`);
  if (opened.notices.length) throw new Error(`store reported damage: ${JSON.stringify(opened.notices)}`);
  return opened.store;
}

const suite: BenchSuite = async (report) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hetao-bench-store-'));
  try {
    const dataset = await generateLargeDataset(dataDir);
    report('store.dataset.mb', dataset.bytes / 1_000_000);

    const measure = async (fs: StoreFs | undefined, suffix: string) => {
      const loads: number[] = [];
      for (let run = 0; run < LOAD_RUNS; run++) {
        const started = performance.now();
        const store = await openReady(dataDir, fs);
        loads.push(performance.now() - started);
        if (store.list('actions').length === 0) throw new Error('no actions loaded');
        await store.close();
      }
      report(`store.load${suffix}.ms`, median(loads));

      // From calling update until the event loop is free again: validation, serialising (and
      // sealing) the shard happen on the main thread; opening, writing and renaming the file do not.
      const store = await openReady(dataDir, fs);
      const blocks: number[] = [];
      for (let edit = 0; edit < EDITS; edit++) {
        const id = dataset.actionIds[(edit * 7919) % dataset.actionIds.length]!;
        const started = performance.now();
        const saved = store.update('actions', id, (action) => ({
          progress: [
            ...action.progress,
            { id: randomUUID(), at: new Date().toISOString(), byContactId: null, note: '已於會上匯報最新進展。', statusChange: null },
          ],
        }));
        await new Promise<void>((resolve) => setImmediate(resolve));
        blocks.push(performance.now() - started);
        await saved;
      }
      report(`store.saveBlock${suffix}.ms`, median(blocks));
      await store.close();
    };
    await measure(undefined, '');
    // The cheapest passphrase derivation: unlocking is crypto.unlock.ms; this is the folder's cost.
    const kdf = { algorithm: 'argon2id' as const, ...OWASP_MINIMUM, salt: randomBytes(16).toString('base64') };
    const { fs } = await new Vault(dataDir, nodeFs).encrypt('河套 bench', newRecoveryKey(), kdf);
    await measure(fs, '.encrypted');
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
};

export default suite;
