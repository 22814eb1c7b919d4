import { Store } from '../../../electron/store/store';
const dir = process.argv[2]!;
for (let run = 0; run < 3; run++) {
  const o = await Store.open({ dataDir: dir });
  if (o.status === 'ready') await o.store.close();
}
