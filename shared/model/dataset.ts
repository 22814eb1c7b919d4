import { z } from 'zod';
import { Action } from './action';
import { Annex } from './annex';
import { ClauseNote } from './clauseNote';
import { ReportDraft } from '../arrangement/report';
import { Contact } from './contact';
import { Meeting } from './meeting';
import { MeetingCopy } from './meetingCopy';
import { Settings } from './settings';
import { GlossaryTermRecord } from '../script/glossaryRecord';
import { RegisterImportMapping } from '../registers/importMapping';
import { SpaceUnit } from './registers/space';
import { Tenant } from './registers/tenant';
import { PolicyMeasure } from './registers/measure';
import { FundedProject } from './registers/fundedProject';
import { PromotionEvent } from './registers/event';
import { SubGroup, WorkingGroup } from './subGroup';

/**
 * The version of the stored data's shape. Raise it with a migration in electron/store/migrations.ts
 * and a fixture tests/fixtures/store-vN/ whenever a stored schema changes.
 */
export const SCHEMA_VERSION = 2;

/** Every stored collection and the schema each of its records must satisfy. */
export const collectionSchemas = {
  settings: Settings,
  workingGroup: WorkingGroup,
  subGroups: SubGroup,
  contacts: Contact,
  actions: Action,
  clauseNotes: ClauseNote,
  annexes: Annex,
  reportDrafts: ReportDraft,
  meetings: Meeting,
  meetingCopies: MeetingCopy,
  glossaryTerms: GlossaryTermRecord,
  spaceUnits: SpaceUnit,
  tenants: Tenant,
  policyMeasures: PolicyMeasure,
  fundedProjects: FundedProject,
  promotionEvents: PromotionEvent,
  registerImportMappings: RegisterImportMapping,
} as const;

export type CollectionName = keyof typeof collectionSchemas;
export type RecordOf<C extends CollectionName> = z.infer<(typeof collectionSchemas)[C]>;
export const collectionNames = Object.keys(collectionSchemas) as CollectionName[];
