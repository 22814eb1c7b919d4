import * as path from 'node:path';
import type { CollectionName } from '../../shared/model/dataset';
import type { Stamp } from '../../shared/exchange/stamps';
import { backupTime, type Backups } from './backups';
import { DAMAGED_DIR } from './layout';
import { checksumOf, entryOf, type ManifestEntry } from './manifest';
import type { SchemaHistory } from './migrations';
import { textOf, type DataFileRead } from './readDataFile';
import { readShard, recordSchemasFingerprint, type ShardReading } from './shardFile';
import type { StoreFs } from './storeFs';

/** Why a healthy-looking folder lacks records the manifest says it had. */
export type ShardProblem = 'missing' | 'emptied' | 'rolledBack';

/** What the user is told about the data as it was opened. `movedTo` is null where the folder is read-only. */
export type StoreNotice =
  | { kind: 'recoveredFromBackup'; damagedFile: string; movedTo: string | null; backupTakenAt: string }
  | { kind: 'unrecoverable'; damagedFile: string; movedTo: string | null }
  | { kind: 'restoredFromBackup'; file: string; problem: ShardProblem; movedTo: string | null; backupTakenAt: string }
  | { kind: 'notRestored'; file: string; problem: ShardProblem; expectedRecords: number }
  | { kind: 'unreadable'; file: string; errno: string }
  | { kind: 'readOnly'; folder: string };

/** How one shard starts this session. */
/** A shard file read and checked: what the text held, if it was a file of ours. */
export type InspectedShard =
  | Exclude<DataFileRead, { kind: 'bytes' }>
  | { kind: 'text'; text: string; sha256: string; parsed: unknown; reading: ShardReading | null };

/**
 * Parses and checks what was read; `reading` is null when the text is not JSON. `expected` is the
 * manifest's entry for the file: when the bytes are those this app wrote, its records are not
 * checked one by one again (the larger part of opening the folder).
 */
export function inspectShard(
  read: DataFileRead,
  collection: CollectionName,
  schema: SchemaHistory,
  expected: ManifestEntry | undefined,
): InspectedShard {
  if (read.kind !== 'bytes') return read;
  const sha256 = checksumOf(read.bytes);
  const text = textOf(read.bytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'text', text, sha256, parsed: undefined, reading: null };
  }
  const writtenByThisApp = expected?.sha256 === sha256 && expected.checkedWith === recordSchemasFingerprint();
  return { kind: 'text', text, sha256, parsed, reading: readShard(parsed, collection, schema, writtenByThisApp) };
}

export type SettledShard = {
      kind: 'loaded';
      records: Map<string, unknown>;
      /** The records' change stamps, from the same file as the records (restored with them). */
      stamps: Record<string, Stamp>;
      /** Restored or migrated: written back so the next start is clean. */
      needsWrite: boolean;
      /** Never written this session: its file could not be read, or could not be moved aside. */
      locked: boolean;
      /** What the file on disk holds, for the manifest, when it was loaded as found. */
      found: ManifestEntry | null;
  notice: StoreNotice | null;
};

export interface RecoveryContext {
  dataDir: string;
  fs: StoreFs;
  backups: Backups;
  schema: SchemaHistory;
  now: () => Date;
  readOnly: boolean;
  /** The manifest's entries, or null when the folder has none (from before it, or lost). */
  manifest: Map<string, ManifestEntry> | null;
}

function olderThan(found: ManifestEntry, expected: ManifestEntry): boolean {
  return found.records < expected.records || found.revisions < expected.revisions;
}

function rawRecords(parsed: unknown): Record<string, unknown> {
  const records = (parsed as { records?: unknown } | null)?.records;
  return records && typeof records === 'object' ? (records as Record<string, unknown>) : {};
}

const empty = (notice: StoreNotice | null = null, locked = false): SettledShard => ({
  kind: 'loaded',
  records: new Map(),
  stamps: {},
  needsWrite: false,
  locked,
  found: null,
  notice,
});

/**
 * Decides what one shard holds this session from what was read at its place, the manifest and the
 * save points. A file is only moved aside (to `damaged/`), never deleted or overwritten unread.
 */
export async function settleShard(
  ctx: RecoveryContext,
  collection: CollectionName,
  relativePath: string,
  read: InspectedShard,
): Promise<SettledShard> {
  const file = path.join(ctx.dataDir, relativePath);
  const expected = ctx.manifest?.get(relativePath.split(path.sep).join('/'));

  if (read.kind === 'unreadable') return empty({ kind: 'unreadable', file, errno: read.errno }, true);
  if (read.kind === 'missing') {
    // A folder without a manifest cannot say whether the file ever held records; its save points can.
    if (expected ? expected.records === 0 : ctx.manifest !== null) return empty();
    const copy = await newestBackupCopy(ctx, collection, relativePath, (c) => c.records > 0);
    if (copy) {
      const notice: StoreNotice = { kind: 'restoredFromBackup', file, problem: 'missing', movedTo: null, backupTakenAt: copy.takenAt };
      return { kind: 'loaded', records: copy.records, stamps: copy.stamps, needsWrite: true, locked: false, found: null, notice };
    }
    return expected ? empty({ kind: 'notRestored', file, problem: 'missing', expectedRecords: expected.records }) : empty();
  }
  if (read.kind === 'notAFile' || read.kind === 'notSealed') return recoverDamaged(ctx, collection, relativePath);

  const { parsed, reading } = read;
  // A newer file was refused before anything was settled; here it can only be damage.
  if (reading?.kind !== 'ok') return recoverDamaged(ctx, collection, relativePath);

  const found = entryOf(read.text, rawRecords(parsed), read.sha256);
  const asFound: SettledShard = {
    kind: 'loaded',
    records: reading.records,
    stamps: reading.stamps,
    needsWrite: reading.migratedFrom !== null,
    locked: false,
    found,
    notice: null,
  };
  if (!expected || expected.sha256 === found.sha256 || !olderThan(found, expected)) return asFound;

  // Fewer records or lower revisions than the store last wrote: an older copy was put back, or emptied.
  const problem: ShardProblem = found.records === 0 ? 'emptied' : 'rolledBack';
  const copy = await newestBackupCopy(ctx, collection, relativePath, (c) => c.sha256 !== found.sha256 && !olderThan(c, found));
  if (!copy) return { ...asFound, notice: { kind: 'notRestored', file, problem, expectedRecords: expected.records } };
  const movedTo = await moveAside(ctx, relativePath);
  const notice: StoreNotice = { kind: 'restoredFromBackup', file, problem, movedTo, backupTakenAt: copy.takenAt };
  return { kind: 'loaded', records: copy.records, stamps: copy.stamps, needsWrite: true, locked: movedTo === null, found: null, notice };
}

/** Moves a damaged file aside and takes the newest valid copy of it from the save points. */
async function recoverDamaged(ctx: RecoveryContext, collection: CollectionName, relativePath: string): Promise<SettledShard> {
  const damagedFile = path.join(ctx.dataDir, relativePath);
  const movedTo = await moveAside(ctx, relativePath);
  // A file that could not be moved aside is never written over, so nothing in it is lost.
  const locked = movedTo === null;
  const copy = await newestBackupCopy(ctx, collection, relativePath, () => true);
  if (copy) {
    const notice: StoreNotice = { kind: 'recoveredFromBackup', damagedFile, movedTo, backupTakenAt: copy.takenAt };
    return { kind: 'loaded', records: copy.records, stamps: copy.stamps, needsWrite: true, locked, found: null, notice };
  }
  return { kind: 'loaded', records: new Map(), stamps: {}, needsWrite: !locked, locked, found: null, notice: { kind: 'unrecoverable', damagedFile, movedTo } };
}

async function newestBackupCopy(
  ctx: RecoveryContext,
  collection: CollectionName,
  relativePath: string,
  accept: (copy: ManifestEntry) => boolean,
): Promise<{ records: Map<string, unknown>; stamps: Record<string, Stamp>; takenAt: string } | null> {
  for (const backup of await ctx.backups.list()) {
    let text: string;
    let parsed: unknown;
    try {
      text = await ctx.fs.readFile(ctx.backups.pathIn(backup, relativePath), 'utf8');
      parsed = JSON.parse(text);
    } catch {
      continue;
    }
    const reading = readShard(parsed, collection, ctx.schema);
    if (reading.kind !== 'ok' || !accept(entryOf(text, rawRecords(parsed)))) continue;
    return { records: reading.records, stamps: reading.stamps, takenAt: (backupTime(backup) ?? ctx.now()).toISOString() };
  }
  return null;
}

/** Into a place in `damaged/` that holds nothing yet; null where the folder refuses (read-only). */
async function moveAside(ctx: RecoveryContext, relativePath: string): Promise<string | null> {
  if (ctx.readOnly) return null;
  const stamp = ctx.now().toISOString().replace(/[:.]/g, '-');
  try {
    for (let n = 1; ; n++) {
      const candidate = path.join(ctx.dataDir, DAMAGED_DIR, n === 1 ? stamp : `${stamp}-${n}`, relativePath);
      const taken = await ctx.fs.lstat(candidate).then(
        () => true,
        () => false,
      );
      if (taken) continue;
      await ctx.fs.mkdir(path.dirname(candidate), { recursive: true });
      await ctx.fs.rename(path.join(ctx.dataDir, relativePath), candidate);
      return candidate;
    }
  } catch {
    return null;
  }
}
