import type { CollectionName } from '../model/dataset';
import { collectionNames } from '../model/dataset';

/**
 * Collections that stay on this installation: its settings and import mappings (the identity, the
 * peers, the exchange log and the conflict cards live beside the data, in electron/exchange). Every
 * other collection is exchanged.
 */
export const localCollections: readonly CollectionName[] = ['settings', 'registerImportMappings'];
export const exchangedCollections: readonly CollectionName[] = collectionNames.filter((c) => !localCollections.includes(c));
export const isExchanged = (collection: string): collection is CollectionName =>
  (exchangedCollections as readonly string[]).includes(collection);

/**
 * An array of objects that merges as a set: each entry by its key, each entry field on its own.
 * `sortBy` names the field entries are kept in order of (progress by date); without it the order
 * the users gave is kept, and a reorder is a change of its own.
 */
export interface KeyedSet {
  key: string;
  sortBy?: string;
  sets?: Record<string, KeyedSet>;
}

/** How a collection's records break into fields for stamping and merging. */
export interface RecordShape {
  sets: Record<string, KeyedSet>;
  /** Objects merged key by key (script corrections by field path, report wording by clause). */
  maps: readonly string[];
}

const scriptMaps = ['scriptOverrides'] as const;

const shapes: Partial<Record<CollectionName, RecordShape>> = {
  actions: { sets: { progress: { key: 'id', sortBy: 'at' } }, maps: scriptMaps },
  meetings: {
    sets: {
      attendance: { key: 'contactId' },
      agenda: { key: 'id', sets: { papers: { key: 'id' }, decisions: { key: 'id' } } },
    },
    maps: scriptMaps,
  },
  annexes: { sets: { drafts: { key: 'id', sortBy: 'version' } }, maps: scriptMaps },
  policyMeasures: { sets: { stageLog: { key: 'id', sortBy: 'at' } }, maps: scriptMaps },
  reportDrafts: { sets: {}, maps: [...scriptMaps, 'wording'] },
};

export function shapeOf(collection: string): RecordShape {
  return shapes[collection as CollectionName] ?? { sets: {}, maps: scriptMaps };
}

/**
 * Fields every record has that are not merged as fields: the id is the record, createdAt is fixed,
 * the revision is this installation's own counter for the screens' optimistic check, and
 * updatedAt is the latest of the sides' wall clocks (only shown).
 */
export const recordBaseFields: ReadonlySet<string> = new Set(['id', 'createdAt', 'updatedAt', 'revision']);

/** Fields whose any two non-null values mean the same thing: deleted on both sides is deleted. */
export const whenFields: ReadonlySet<string> = new Set(['deletedAt', 'removedAt', 'archivedAt']);
