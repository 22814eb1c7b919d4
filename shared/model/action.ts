import { z } from 'zod';
import { clauseIds } from '../arrangement/clauses';
import { scriptFields } from '../script/overrides';
import { Instant, RecordBase } from './record';

export const Side = z.enum(['HK', 'SZ']);
export type Side = z.infer<typeof Side>;
export const OwnerSide = z.enum(['HK', 'SZ', 'joint']);
export type OwnerSide = z.infer<typeof OwnerSide>;
export const ActionStatus = z.enum(['notStarted', 'inProgress', 'blocked', 'done', 'dropped']);
export type ActionStatus = z.infer<typeof ActionStatus>;
export const actionStatuses = ActionStatus.options;
export const Priority = z.enum(['high', 'normal', 'low']);
export type Priority = z.infer<typeof Priority>;
/** A calendar date with no time, e.g. a due date: 2026-11-24. */
export const CalendarDate = z.iso.date();
export const ClauseId = z.enum(clauseIds);

export const ProgressEntry = z.object({
  id: z.uuid(),
  at: Instant,
  byContactId: z.uuid().nullable(),
  note: z.string().max(10_000, 'validation.tooLong'),
  statusChange: z.object({ from: ActionStatus, to: ActionStatus }).nullable(),
});
export type ProgressEntry = z.infer<typeof ProgressEntry>;

/** A lead officer of one side; a joint action has one for each side, each with a status. */
export const Lead = z.object({ side: Side, contactId: z.uuid(), status: ActionStatus });
export type Lead = z.infer<typeof Lead>;

/** A follow-up action (跟進事項). */
export const Action = RecordBase.extend({
  subGroupId: z.uuid(),
  /** e.g. SP-2026-014: unique in its sub-group, assigned on creation, never reused. */
  reference: z.string().regex(/^[A-Z][A-Z0-9]{1,5}-\d{4}-\d{3,}$/),
  /** References it had before another installation's action with the same one kept it (exchange); still found by search. */
  formerReferences: z.array(z.string()).optional(),
  title: z.string().min(1, 'validation.required').max(500, 'validation.tooLong'),
  description: z.string().max(20_000, 'validation.tooLong'),
  ownerSide: OwnerSide,
  leads: z.array(Lead),
  officerIds: z.array(z.uuid()),
  dueDate: CalendarDate.nullable(),
  priority: Priority,
  status: ActionStatus,
  clauses: z.array(ClauseId),
  meetingId: z.uuid().nullable(),
  /** The agenda item it arose from (with meetingId); null for data written before meetings had agendas. */
  agendaItemId: z.uuid().nullable().default(null),
  progress: z.array(ProgressEntry),
  ...scriptFields,
});
export type Action = z.infer<typeof Action>;

/** What a user fills in; checked the same way in the form and in main. */
export const ActionFields = z
  .object({
    title: z.string().trim().min(1, 'validation.required').max(500, 'validation.tooLong'),
    description: z.string().trim().max(20_000, 'validation.tooLong'),
    ownerSide: OwnerSide,
    leads: z.array(Lead),
    officerIds: z.array(z.uuid()),
    dueDate: z.iso.date('validation.date').nullable(),
    priority: Priority,
    clauses: z.array(ClauseId),
  })
  .superRefine((fields, ctx) => {
    const sides = fields.leads.map((l) => l.side);
    if (new Set(sides).size !== sides.length) ctx.addIssue({ code: 'custom', path: ['leads'], message: 'validation.oneLeadPerSide' });
    if (fields.ownerSide === 'joint' && !(sides.includes('HK') && sides.includes('SZ'))) {
      ctx.addIssue({ code: 'custom', path: ['leads'], message: 'validation.jointNeedsBothLeads' });
    }
    if (fields.ownerSide !== 'joint' && sides.some((s) => s !== fields.ownerSide)) {
      ctx.addIssue({ code: 'custom', path: ['leads'], message: 'validation.leadOfOwnerSide' });
    }
  });
export type ActionFields = z.input<typeof ActionFields>;

export const NewAction = z.object({ subGroupId: z.uuid(), fields: ActionFields });
export const ActionEdit = z.object({
  id: z.uuid(),
  /** The revision the user edited; a newer one on disk means someone else changed it meanwhile. */
  revision: z.number().int().positive(),
  fields: ActionFields,
});
export const NewProgress = z.object({
  id: z.uuid(),
  note: z.string().trim().max(10_000, 'validation.tooLong'),
  status: ActionStatus.nullable(),
  byContactId: z.uuid().nullable(),
});
export type NewProgress = z.input<typeof NewProgress>;

/**
 * An action as the list shows it: what the columns and filters need, the start of the latest
 * progress note, and nothing else, so a tab of thousands of actions crosses the bridge quickly.
 */
export type ActionRow = Pick<
  Action,
  | 'id' | 'subGroupId' | 'reference' | 'title' | 'ownerSide' | 'leads' | 'officerIds' | 'dueDate' | 'priority'
  | 'status' | 'clauses' | 'updatedAt' | 'deletedAt' | 'writtenIn' | 'scriptOverrides'
> & { latestNote: string | null };

const NOTE_PREVIEW = 120;

export function toRow(action: Action): ActionRow {
  const latest = action.progress.findLast((p) => p.note)?.note ?? null;
  return {
    id: action.id,
    subGroupId: action.subGroupId,
    reference: action.reference,
    title: action.title,
    ownerSide: action.ownerSide,
    leads: action.leads,
    officerIds: action.officerIds,
    dueDate: action.dueDate,
    priority: action.priority,
    status: action.status,
    clauses: action.clauses,
    updatedAt: action.updatedAt,
    deletedAt: action.deletedAt,
    writtenIn: action.writtenIn,
    // Only the title's correction: the list shows no other field whole.
    scriptOverrides: action.scriptOverrides?.title ? { title: action.scriptOverrides.title } : undefined,
    latestNote: latest && latest.length > NOTE_PREVIEW ? `${latest.slice(0, NOTE_PREVIEW)}…` : latest,
  };
}
