/**
 * The store at ten years' size: how long opening the data folder takes (read, migrate, validate every
 * record), and how long one edit keeps the main process from doing anything else.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { randomUUID } from 'node:crypto';
import { Store } from '../../../electron/store/store';
import { median, type BenchSuite } from '../bench';
import { generateLargeDataset } from '../generate/largeDataset';

const LOAD_RUNS = 7;
const EDITS = 60;

async function openReady(dataDir: string): Promise<Store> {
  const opened = await Store.open({ dataDir });
  if (opened.status !== 'ready') throw new Error(`store did not open: ${opened.status}`);
  if (opened.notices.length) throw new Error(`store reported damage: ${JSON.stringify(opened.notices)}`);
  return opened.store;
}

const suite: BenchSuite = async (report) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hetao-bench-store-'));
  try {
    const dataset = await generateLargeDataset(dataDir);
    report('store.dataset.mb', dataset.bytes / 1_000_000);

    const loads: number[] = [];
    for (let run = 0; run < LOAD_RUNS; run++) {
      const started = performance.now();
      const store = await openReady(dataDir);
      loads.push(performance.now() - started);
      if (store.list('actions').length === 0) throw new Error('no actions loaded');
      await store.close();
    }
    report('store.load.ms', median(loads));

    // From calling update until the event loop is free again: validation and serialising the
    // shard happen on the main thread; opening, writing and renaming the file do not.
    const store = await openReady(dataDir);
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
    report('store.saveBlock.ms', median(blocks));
    await store.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
};

export default suite;
