import { z } from 'zod';
import { AuditEntry, AuditEventKind } from './entry';
import { AuditVerification } from './verification';

const Day = z.string().regex(/^\d{4}-\d\d-\d\d$/);

/** The audit trail view's filter: each part optional, all of them together. */
export const AuditFilter = z.object({
  officer: z.string().max(100).nullable(),
  kinds: z.array(AuditEventKind).max(AuditEventKind.options.length),
  recordId: z.string().max(100).nullable(),
  /** Part of a document's file name or kind, e.g. 會議文件包 or meetingPack. */
  document: z.string().max(200).nullable(),
  /** Local days, inclusive, compared with the entry's own date and offset. */
  from: Day.nullable(),
  to: Day.nullable(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AuditPage = z.object({
  /** Newest first. */
  entries: z.array(AuditEntry),
  total: z.number().int(),
  /** Entries this session could not write (a failing disk); shown so a gap is never silent. */
  writeFailures: z.number().int(),
});
export type AuditPage = z.infer<typeof AuditPage>;

export const auditMethods = {
  /** The log's entries that match, newest first, a page at a time. */
  list: {
    input: z.object({ filter: AuditFilter, offset: z.number().int().nonnegative(), limit: z.number().int().positive().max(1000) }),
    output: AuditPage,
  },
  /** Checks the chain, the checkpoints and the countersignatures and names the first entry that fails. */
  verify: { input: z.undefined(), output: AuditVerification },
};
