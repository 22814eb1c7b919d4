import { z } from 'zod';
import { Instant, RecordBase } from './record';

export const Side = z.enum(['HK', 'SZ']);
export type Side = z.infer<typeof Side>;
export const OwnerSide = z.enum(['HK', 'SZ', 'joint']);
export const ActionStatus = z.enum(['notStarted', 'inProgress', 'blocked', 'done', 'dropped']);
export type ActionStatus = z.infer<typeof ActionStatus>;
export const Priority = z.enum(['high', 'normal', 'low']);
/** A calendar date with no time, e.g. a due date: 2026-11-24. */
export const CalendarDate = z.iso.date();

export const ProgressEntry = z.object({
  id: z.uuid(),
  at: Instant,
  byContactId: z.uuid().nullable(),
  note: z.string().max(10_000, 'validation.tooLong'),
  statusChange: z.object({ from: ActionStatus, to: ActionStatus }).nullable(),
});

/** A follow-up action (跟進事項). A joint action names a lead officer on each side, each with a status. */
export const Action = RecordBase.extend({
  subGroupId: z.uuid(),
  reference: z.string().regex(/^[A-Z][A-Z0-9]{1,5}-\d{4}-\d{3,}$/),
  title: z.string().min(1, 'validation.required').max(500, 'validation.tooLong'),
  description: z.string().max(20_000, 'validation.tooLong'),
  ownerSide: OwnerSide,
  leads: z.array(z.object({ side: Side, contactId: z.uuid(), status: ActionStatus })),
  officerIds: z.array(z.uuid()),
  dueDate: CalendarDate.nullable(),
  priority: Priority,
  status: ActionStatus,
  clauses: z.array(z.string()),
  meetingId: z.uuid().nullable(),
  progress: z.array(ProgressEntry),
});
export type Action = z.infer<typeof Action>;
