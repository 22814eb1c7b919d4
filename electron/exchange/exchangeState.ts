import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import { z } from 'zod';
import { Side } from '../../shared/model/action';
import { LocalizedName } from '../../shared/model/record';
import { ExchangeLogEntry, InstallationSummary } from '../../shared/exchange/types';
import { AppError } from '../../shared/ipc/errors';
import { writeFileAtomic } from '../store/atomicJsonFile';
import { readDataFile, textOf } from '../store/readDataFile';
import { nodeFs, type StoreFs } from '../store/storeFs';
import { newKeyPair } from './keys';

export const EXCHANGE_DIR = 'exchange';

const KeyPair = z.object({ publicKey: z.string(), privateKey: z.string() });
const VersionVector = z.record(z.string(), z.number().int().nonnegative());

/** This installation: made at first open, never exchanged (its card carries only the public half). */
const StoredIdentity = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  side: Side.nullable(),
  office: LocalizedName.nullable(),
  device: z.string(),
  officerContactId: z.uuid().nullable(),
  signing: KeyPair,
  receiving: KeyPair,
});
export type StoredIdentity = z.infer<typeof StoredIdentity>;

const StoredPeer = InstallationSummary.extend({
  signingKey: z.string(),
  receivingKey: z.string(),
  fingerprint: z.string(),
  addedAt: z.string(),
  retiredAt: z.string().nullable(),
  lastSent: z.object({ at: z.string(), fileName: z.string() }).nullable(),
  lastReceived: z.object({ at: z.string(), fileName: z.string() }).nullable(),
});
export type StoredPeer = z.infer<typeof StoredPeer>;

const StateFile = z.object({
  format: z.literal('hetao-exchange'),
  identity: StoredIdentity,
  peers: z.array(StoredPeer),
  /** What each peer is known to have (the version vector its latest package carried). */
  acks: z.record(z.string(), VersionVector),
  log: z.array(ExchangeLogEntry),
  /** Packages opened here, so the folder scan shows them as opened. */
  opened: z.array(z.string()),
  folder: z.string().nullable(),
  /** Packages prepared per day, for the NNN of the next file name. */
  preparedOn: z.object({ day: z.string(), count: z.number().int().nonnegative() }).nullable(),
});
export type StateFile = z.infer<typeof StateFile>;

/**
 * The exchange's local state, one JSON file in <dataDir>/exchange/, written atomically after each
 * change: identity and keys, peers and what they have, the log, the exchange folder.
 */
export class ExchangeState {
  private chain: Promise<void> = Promise.resolve();

  private constructor(
    private readonly filePath: string,
    private readonly fs: StoreFs,
    readonly data: StateFile,
  ) {}

  /** Reads the state, or makes this installation's identity with a random id and new keys at first open (saved by the caller). */
  static async open(dataDir: string, now: () => Date, fs: StoreFs = nodeFs): Promise<ExchangeState> {
    const filePath = path.join(dataDir, EXCHANGE_DIR, 'state.json');
    const read = await readDataFile(fs, filePath);
    // A file held by a scanner for longer than the retries must not be taken for a first run: that
    // would give this installation a new identity.
    if (read.kind === 'unreadable') throw new AppError('store.unavailable');
    const parsed = StateFile.safeParse(read.kind === 'bytes' ? parseJson(textOf(read.bytes)) : null);
    if (parsed.success) return new ExchangeState(filePath, fs, parsed.data);
    if (read.kind !== 'missing') {
      // A damaged state file would lose this installation's keys: keep it aside, never overwrite it.
      await fs.rename(filePath, `${filePath}.damaged-${Date.now()}`);
    }
    const state = new ExchangeState(filePath, fs, {
      format: 'hetao-exchange',
      identity: {
        id: randomUUID(),
        createdAt: now().toISOString(),
        side: null,
        office: null,
        device: '',
        officerContactId: null,
        signing: newKeyPair('ed25519'),
        receiving: newKeyPair('x25519'),
      },
      peers: [],
      acks: {},
      log: [],
      opened: [],
      folder: null,
      preparedOn: null,
    });
    state.isNew = true;
    return state;
  }

  /** Whether a package was ever prepared or opened here: from then on peers know this installation's record ids. */
  get hasExchanged(): boolean {
    return this.data.opened.length > 0 || Object.keys(this.data.acks).length > 0 || this.data.log.some((entry) => entry.kind !== 'refused');
  }

  /** Made at this opening and not saved yet: openBackend saves it once the data folder is known to be ours to write. */
  isNew = false;

  /** Writes the state; writes queue, so an older snapshot never lands after a newer one. */
  save(): Promise<void> {
    this.isNew = false;
    const snapshot = structuredClone(this.data);
    const next = this.chain.then(async () => {
      await writeFileAtomic(this.fs, this.filePath, JSON.stringify(snapshot));
    });
    this.chain = next.catch(() => undefined);
    return next;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
