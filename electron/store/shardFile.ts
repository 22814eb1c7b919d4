import { createHash } from 'node:crypto';
import { z } from 'zod';
import { collectionSchemas, type CollectionName } from '../../shared/model/dataset';
import { Stamp } from '../../shared/exchange/stamps';
import { migrateRecords, type SchemaHistory } from './migrations';

export const FILE_FORMAT = 'hetao-desk';

/** What one shard file holds on disk. Each file carries its own version, so a migration interrupted
 *  half-way leaves files that each still load. */
export interface ShardFile {
  format: typeof FILE_FORMAT;
  schemaVersion: number;
  collection: CollectionName;
  records: Record<string, unknown>;
  /** Each exchanged record's change stamp (shared/exchange/stamps.ts), written with it in the same atomic write. */
  stamps?: Record<string, Stamp>;
}

const Envelope = z.object({
  format: z.literal(FILE_FORMAT),
  schemaVersion: z.number().int().positive(),
  collection: z.string(),
  records: z.record(z.string(), z.unknown()),
  stamps: z.record(z.string(), Stamp).optional(),
});

/** The envelope of a file this app wrote itself: its records and stamps were checked before writing. */
const OwnEnvelope = Envelope.extend({ stamps: z.record(z.string(), z.unknown()).optional() });

let fingerprint: string | null = null;

/**
 * Names the record schemas this app checks with. A manifest entry carries it, so a file this app
 * wrote (same bytes, same schemas) is not checked again at each start, while an app whose schemas
 * changed (a new default, a new field) checks every file once. Refinements are not part of it.
 */
export function recordSchemasFingerprint(): string {
  if (fingerprint === null) {
    const shapes = Object.entries(collectionSchemas).map(([name, recordSchema]) => [
      name,
      z.toJSONSchema(recordSchema as z.ZodType, { unrepresentable: 'any', io: 'output' }),
    ]);
    fingerprint = createHash('sha256').update(JSON.stringify(shapes)).digest('hex').slice(0, 16);
  }
  return fingerprint;
}

/** How far ahead of this app a newer one could plausibly be. */
const PLAUSIBLE_VERSION_STEPS = 1000;

export type ShardReading =
  | { kind: 'ok'; records: Map<string, unknown>; stamps: Record<string, Stamp>; migratedFrom: number | null }
  | { kind: 'newer'; version: number }
  | { kind: 'damaged'; reason: string };

/**
 * Checks a parsed shard file: ours, this collection, a version we know; then migrates and validates.
 * `writtenByThisApp`: the bytes are those this app wrote (the manifest's checksum and schemas
 * fingerprint match), so a file of the current version is taken without checking each record again.
 */
export function readShard(
  parsed: unknown,
  collection: CollectionName,
  schema: SchemaHistory,
  writtenByThisApp = false,
): ShardReading {
  if (writtenByThisApp) {
    const own = OwnEnvelope.safeParse(parsed);
    if (own.success && own.data.collection === collection && own.data.schemaVersion === schema.version) {
      const records = new Map(Object.values(own.data.records).map((record) => [(record as { id: string }).id, record]));
      return { kind: 'ok', records, stamps: (own.data.stamps ?? {}) as Record<string, Stamp>, migratedFrom: null };
    }
  }
  const envelope = Envelope.safeParse(parsed);
  if (!envelope.success) return { kind: 'damaged', reason: 'not a Hetao Desk data file' };
  const { schemaVersion, records } = envelope.data;
  if (envelope.data.collection !== collection) return { kind: 'damaged', reason: 'belongs to another collection' };
  // A version far beyond any the app could reach is damage, not a newer app: refusing would lock the user out.
  if (schemaVersion > schema.version + PLAUSIBLE_VERSION_STEPS) return { kind: 'damaged', reason: 'nonsensical schema version' };
  if (schemaVersion > schema.version) return { kind: 'newer', version: schemaVersion };

  const migrated = migrateRecords(collection, schemaVersion, Object.values(records), schema);
  const recordSchema = collectionSchemas[collection];
  const valid = new Map<string, unknown>();
  for (const record of migrated) {
    const result = recordSchema.safeParse(record);
    if (!result.success) return { kind: 'damaged', reason: `invalid record: ${result.error.issues[0]?.path.join('.')}` };
    valid.set(result.data.id, result.data);
  }
  const stamps = Object.fromEntries(Object.entries(envelope.data.stamps ?? {}).filter(([id]) => valid.has(id)));
  return { kind: 'ok', records: valid, stamps, migratedFrom: schemaVersion < schema.version ? schemaVersion : null };
}

export function shardFileOf(
  collection: CollectionName,
  version: number,
  records: Record<string, unknown>,
  stamps: Record<string, Stamp> = {},
): ShardFile {
  return { format: FILE_FORMAT, schemaVersion: version, collection, records, stamps };
}
