import { mkdtemp } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateLargeDataset } from './largeDataset';
import { Store } from '../../../electron/store/store';
const dir = await mkdtemp(path.join(os.tmpdir(), 'prof-'));
await generateLargeDataset(dir);
for (let run = 0; run < 6; run++) {
  const t = performance.now();
  const o = await Store.open({ dataDir: dir });
  const t1 = performance.now();
  if (o.status === 'ready') await o.store.close();
  console.log('open', (t1 - t).toFixed(0));
}
console.log(dir);
