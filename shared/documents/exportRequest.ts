import { z } from 'zod';
import { AuditFilter } from '../audit/contract';
import { ActionStatus, OwnerSide } from '../model/action';
import { Classification } from '../model/meeting';
import type { FieldRef } from '../script/fieldReview';

export const ExportFormat = z.enum(['xlsx', 'csv', 'docx', 'pdf']);
export type ExportFormat = z.infer<typeof ExportFormat>;
/** 繁體, 简体, a pair of files, or one document with both side by side. */
export const ExportScripts = z.enum(['hant', 'hans', 'both', 'parallel']);
export type ExportScripts = z.infer<typeof ExportScripts>;

/** The action list's filter as the screen holds it (shared/actions/filters.ts). */
export const ExportActionFilter = z.object({
  statuses: z.array(ActionStatus),
  sides: z.array(OwnerSide),
  officerId: z.uuid().nullable(),
  clause: z.string().max(20).nullable(),
  due: z.enum(['any', 'overdue', 'dueSoon']),
  showDeleted: z.boolean(),
});

export const ExportTarget = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('actions'),
    /** Null: every open sub-group, from the overview. */
    subGroupId: z.uuid().nullable(),
    filter: ExportActionFilter,
    /** The search text typed above the list. */
    text: z.string().max(500),
    includeLog: z.boolean(),
  }),
  z.object({ kind: z.literal('contacts') }),
  z.object({ kind: z.literal('report'), subGroupId: z.uuid() }),
  z.object({ kind: z.literal('meeting'), meetingId: z.uuid() }),
  /** The implementation report to the Joint Task Force, from a period's draft (electron/arrangement). */
  z.object({ kind: z.literal('implementationReport'), draftId: z.uuid() }),
  /** The audit trail, with the view's filter applied (newest first, as the view lists it). */
  z.object({ kind: z.literal('audit'), filter: AuditFilter }),
]);
export type ExportTarget = z.infer<typeof ExportTarget>;
export type ExportKind = ExportTarget['kind'];

export const ExportRequest = z.object({
  target: ExportTarget,
  format: ExportFormat,
  scripts: ExportScripts,
  /** Marks the document; a meeting's own classification applies whatever is asked (higherClassification). */
  classification: Classification.nullable().optional(),
  /** The contact a classified PDF is for: their name and the time are printed across every page. */
  watermarkFor: z.uuid().nullable().optional(),
});
export type ExportRequest = z.infer<typeof ExportRequest>;

/** What each document is offered as: formats, and whether the side-by-side layout exists for it. */
export const exportOffers: Record<ExportKind, { formats: ExportFormat[]; parallel: boolean }> = {
  actions: { formats: ['xlsx', 'docx', 'pdf'], parallel: true },
  // CSV reads back into the contacts importer, and into any other system.
  contacts: { formats: ['xlsx', 'csv'], parallel: false },
  report: { formats: ['docx', 'pdf'], parallel: false },
  meeting: { formats: ['docx', 'pdf'], parallel: true },
  implementationReport: { formats: ['docx', 'pdf'], parallel: false },
  audit: { formats: ['xlsx', 'pdf'], parallel: false },
};

export function isOffered(request: ExportRequest): boolean {
  const offer = exportOffers[request.target.kind];
  return offer.formats.includes(request.format) && (request.scripts !== 'parallel' || (offer.parallel && request.format !== 'xlsx' && request.format !== 'csv'));
}

/** Prepared, not yet written: where the files go, which exist already, and what still needs review. */
export interface ExportPlan {
  token: string;
  folder: string;
  files: string[];
  /** Of `files`, those that exist and would be replaced. */
  existing: string[];
  /** Per converted script, the fields whose conversion choices nobody confirmed. */
  review: Array<{ script: 'hant' | 'hans'; fields: FieldRef[] }>;
  /** Records (actions, contacts) in the export. */
  count: number;
}

export interface ExportDone {
  folder: string;
  files: string[];
}
