import { z } from 'zod';
import { Action } from './action';
import { Contact } from './contact';
import { Settings } from './settings';
import { GlossaryTermRecord } from '../script/glossaryRecord';
import { SubGroup, WorkingGroup } from './subGroup';

/**
 * The version of the stored data's shape. Raise it with a migration in electron/store/migrations.ts
 * and a fixture tests/fixtures/store-vN/ whenever a stored schema changes.
 */
export const SCHEMA_VERSION = 1;

/** Every stored collection and the schema each of its records must satisfy. */
export const collectionSchemas = {
  settings: Settings,
  workingGroup: WorkingGroup,
  subGroups: SubGroup,
  contacts: Contact,
  actions: Action,
  glossaryTerms: GlossaryTermRecord,
} as const;

export type CollectionName = keyof typeof collectionSchemas;
export type RecordOf<C extends CollectionName> = z.infer<(typeof collectionSchemas)[C]>;
export const collectionNames = Object.keys(collectionSchemas) as CollectionName[];
