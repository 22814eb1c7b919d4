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

export type ShardReading =
  | { kind: 'ok'; records: Map<string, unknown>; stamps: Record<string, Stamp>; migratedFrom: number | null }
  | { kind: 'newer'; version: number }
  | { kind: 'damaged'; reason: string };

/** Checks a parsed shard file: ours, this collection, a version we know; then migrates and validates. */
export function readShard(
  parsed: unknown,
  collection: CollectionName,
  schema: SchemaHistory,
): ShardReading {
  const envelope = Envelope.safeParse(parsed);
  if (!envelope.success) return { kind: 'damaged', reason: 'not a Hetao Desk data file' };
  const { schemaVersion, records } = envelope.data;
  if (envelope.data.collection !== collection) return { kind: 'damaged', reason: 'belongs to another collection' };
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
