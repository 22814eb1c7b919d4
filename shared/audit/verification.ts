import { z } from 'zod';

export const AuditFailureReason = z.enum([
  /** The entry does not follow the one before: one of the two was changed, or entries were removed, inserted or reordered. */
  'chainBroken',
  /** A checkpoint's root differs from the log's: entries from `entry` up to the checkpoint were rewritten. */
  'checkpointMismatch',
  /** A checkpoint or countersignature covers entries the log no longer has. */
  'truncated',
  /** A checkpoint is not signed by the log's installation. */
  'badSignature',
  /** A countersignature is not signed by the peer it names, or names a peer this installation does not know. */
  'badCountersignature',
]);
export type AuditFailureReason = z.infer<typeof AuditFailureReason>;

export const AuditVerification = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  checkpoints: z.number().int(),
  /** Entries covered by the newest checkpoint another installation countersigned (or the verifier holds). */
  countersignedEntries: z.number().int(),
  countersignedBy: z.array(z.string()),
  failure: z
    .object({
      reason: AuditFailureReason,
      /** The first entry that fails (0-based position), or null when a signature fails. */
      entry: z.number().int().nullable(),
      /** The checkpoint's size, for checkpoint, truncation and signature failures. */
      checkpointSize: z.number().int().nullable(),
    })
    .nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
