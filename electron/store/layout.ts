import * as path from 'node:path';
import type { CollectionName } from '../../shared/model/dataset';

/**
 * How many files each collection is split into. An edit rewrites only its record's file, so the time
 * one save blocks the main process stays small however much data ten years bring.
 */
export const shardCounts: Record<CollectionName, number> = {
  settings: 1,
  workingGroup: 1,
  subGroups: 1,
  contacts: 8,
  actions: 64,
  clauseNotes: 4,
  annexes: 1,
  reportDrafts: 1,
  meetings: 8,
  meetingCopies: 4,
  glossaryTerms: 1,
  spaceUnits: 16,
  tenants: 16,
  policyMeasures: 1,
  fundedProjects: 16,
  promotionEvents: 8,
  registerImportMappings: 1,
};

export const COLLECTIONS_DIR = 'collections';
export const BACKUPS_DIR = 'backups';
export const DAMAGED_DIR = 'damaged';

/** FNV-1a over the id: stable across runs and platforms, so a record always lives in the same file. */
export function shardOf(id: string, shards: number): number {
  if (shards === 1) return 0;
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

/** Path of a shard file relative to the data folder, e.g. collections/actions/07.json. */
export function shardRelativePath(collection: CollectionName, index: number): string {
  return path.join(COLLECTIONS_DIR, collection, `${String(index).padStart(2, '0')}.json`);
}
