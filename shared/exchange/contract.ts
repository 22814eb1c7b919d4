import { z } from 'zod';
import {
  CardPreview,
  Conflict,
  ExchangeLogEntry,
  FolderState,
  Identity,
  IdentityFields,
  MarkedRecord,
  OpenResult,
  Peer,
  PrepareResult,
  SettleChoice,
} from './types';

const none = z.undefined();

/**
 * The `exchange` namespace of the bridge (window.hetao.exchange): this installation's identity,
 * its peers, packages prepared and opened, the exchange folder and the conflicts a person settles.
 * Refusals are AppErrors `exchange.*` (shared/i18n/locales/exchangeErrors.json).
 */
export const exchangeMethods = {
  identity: { input: none, output: Identity },
  /** Side, office, device and officer; until set, packages cannot be prepared (exchange.notConfigured). */
  setUpIdentity: { input: IdentityFields, output: Identity },
  /** Shows the save dialog and writes this installation's contact card; null if cancelled. */
  exportCard: { input: none, output: z.object({ path: z.string() }).nullable() },
  /** Shows the open dialog and reads a contact card without changing anything; null if cancelled. */
  readCard: { input: none, output: CardPreview.nullable() },
  /** Adds the card read under `token` as a peer, once the user has compared the fingerprint. */
  addPeer: { input: z.object({ token: z.uuid(), fingerprintConfirmed: z.literal(true) }), output: Peer },
  /** Every peer, retired ones included, in the order they were added. */
  peers: { input: none, output: z.array(Peer) },
  /** New packages from a retired peer are refused; its old ones still verify. */
  retirePeer: { input: z.object({ id: z.uuid() }), output: Peer },
  /**
   * Writes one package for the chosen peers (save dialog, or straight into the exchange folder with
   * `toFolder`), reporting progress under `taskId`; null if the dialog was cancelled.
   */
  prepare: {
    input: z.object({ peerIds: z.array(z.uuid()).min(1).max(20), toFolder: z.boolean(), taskId: z.uuid().optional() }),
    output: PrepareResult.nullable(),
  },
  /** Checks a package whole, then merges it: from the open dialog, or one the folder scan found. Null if cancelled. */
  open: {
    input: z.object({
      source: z.discriminatedUnion('kind', [z.object({ kind: z.literal('choose') }), z.object({ kind: z.literal('found'), packageId: z.uuid() })]),
      taskId: z.uuid().optional(),
    }),
    output: OpenResult.nullable(),
  },
  /** The exchange folder and the packages found in it now (files still being copied are left for later). */
  folder: { input: none, output: FolderState },
  chooseFolder: { input: none, output: FolderState },
  clearFolder: { input: none, output: FolderState },
  /** Packages prepared, opened and refused, newest first. */
  log: { input: none, output: z.array(ExchangeLogEntry) },
  /** Conflict cards to settle, oldest first. */
  conflicts: { input: none, output: z.array(Conflict) },
  /** Settles some or all fields of one card; the settlement travels in the next package. Returns the cards left. */
  settle: { input: z.object({ id: z.uuid(), choices: z.array(SettleChoice).min(1).max(200) }), output: z.array(Conflict) },
  /** Records in conflict, for markers in lists and warnings before exports and packages. */
  marked: { input: none, output: z.array(MarkedRecord) },
} as const;
