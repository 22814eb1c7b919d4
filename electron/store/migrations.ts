import { SCHEMA_VERSION, type CollectionName } from '../../shared/model/dataset';

/**
 * One step of the stored shape, from version `from` to `from + 1`. Each shard file is migrated on its
 * own, so a step sees one collection's records at a time and must not assume others are loaded.
 */
export interface Migration {
  from: number;
  migrate(collection: CollectionName, records: unknown[]): unknown[];
}

/** The version the app writes and the steps that bring older files up to it. */
export interface SchemaHistory {
  version: number;
  migrations: readonly Migration[];
}

/**
 * 1 → 2: records keep their shape; shard files gain change stamps for the exchange, which the store
 * gives every record it opens without one, as written by this installation (Store.stampUnstamped).
 */
const changeStamps: Migration = { from: 1, migrate: (_collection, records) => records };

export const appSchema: SchemaHistory = { version: SCHEMA_VERSION, migrations: [changeStamps] };

export function migrateRecords(
  collection: CollectionName,
  fromVersion: number,
  records: unknown[],
  schema: SchemaHistory,
): unknown[] {
  let current = records;
  for (let v = fromVersion; v < schema.version; v++) {
    const step = schema.migrations.find((m) => m.from === v);
    if (!step) throw new Error(`No migration from schema version ${v}`);
    current = step.migrate(collection, current);
  }
  return current;
}
