/**
 * The child process of the crash test: opens the store and edits records as fast as it can, printing
 * `ACK <collection> <id> <revision>` once each edit is safely on disk, until the parent kills it.
 * Usage: node crashWriter.cjs <dataDir> <seed> [<data key, hex>] (with a key, through the sealed file system).
 */
import { randomUUID } from 'node:crypto';
import { sealedFs } from '../../../electron/crypto/sealedFs';
import { Store } from '../../../electron/store/store';
import { nodeFs } from '../../../electron/store/storeFs';
import type { Fields } from '../../../electron/store/store';
import { CRASH_ACTION_TITLE, CRASH_DESCRIPTION, CRASH_NAMES, CRASH_NOTES } from './crashTexts';
import { actionFields, contactFields } from './recordFields';

const [dataDir, seedArg, keyHex] = process.argv.slice(2);
let state = Number(seedArg) >>> 0 || 1;
function random(): number {
  // xorshift32: enough to vary what each run does.
  state ^= state << 13;
  state ^= state >>> 17;
  state ^= state << 5;
  return (state >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function contact(): Fields<'contacts'> {
  return contactFields(pick(CRASH_NAMES), {
    side: random() < 0.5 ? 'HK' : 'SZ',
    phone: `+852 ${Math.floor(random() * 1e8)}`,
  });
}

function action(): Fields<'actions'> {
  // A long description makes each write big enough for kills to land mid-write.
  return actionFields(randomUUID(), CRASH_ACTION_TITLE, {
    description: CRASH_DESCRIPTION.repeat(20),
    clauses: [],
  });
}

function ack(collection: string, record: { id: string; revision: number }): void {
  process.stdout.write(`ACK ${collection} ${record.id} ${record.revision}\n`);
}

async function main(): Promise<void> {
  process.stdout.write('OPENING\n');
  const opened = await Store.open({
    dataDir: dataDir!,
    fs: keyHex ? sealedFs(nodeFs, dataDir!, Buffer.from(keyHex, 'hex')) : undefined,
    backupPolicy: { keepLatest: 3, keepDaily: 2, minIntervalMs: 5 },
  });
  if (opened.status !== 'ready') {
    process.stdout.write(`REFUSED ${JSON.stringify(opened)}\n`);
    process.exit(2);
  }
  const { store, notices } = opened;
  process.stdout.write(`READY ${JSON.stringify(notices)}\n`);
  const contacts = store.list('contacts').map((c) => c.id);
  const actions = store.list('actions').map((a) => a.id);

  for (;;) {
    // Several edits at once, so that some share a write and some queue behind one.
    const batch = Array.from({ length: 1 + Math.floor(random() * 4) }, async () => {
      const roll = random();
      if (roll < 0.3 || contacts.length < 3) {
        const saved = await store.insert('contacts', contact());
        contacts.push(saved.id);
        ack('contacts', saved);
      } else if (roll < 0.45 || actions.length < 2) {
        const saved = await store.insert('actions', action());
        actions.push(saved.id);
        ack('actions', saved);
      } else if (roll < 0.8) {
        ack('contacts', await store.update('contacts', pick(contacts), () => ({ title: `第${Math.floor(random() * 100)}稿` })));
      } else {
        const saved = await store.update('actions', pick(actions), (a) => ({
          progress: [
            ...a.progress,
            { id: randomUUID(), at: new Date().toISOString(), byContactId: null, note: pick(CRASH_NOTES), statusChange: null },
          ],
        }));
        ack('actions', saved);
      }
    });
    await Promise.all(batch);
  }
}

void main();
