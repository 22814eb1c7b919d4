import { z } from 'zod';
import { Script } from '../script/script';
import { Classification } from './meeting';
import { Instant, RecordBase } from './record';

/*
 * Numbered copies (副本) of a restricted or confidential meeting pack, and their distribution: who
 * received copy N of a run, when and how, and whether it has come back or been destroyed. One
 * record per copy, beside the meeting rather than inside it, so recording a copy never makes the
 * meeting's open drawer stale; the records travel in exchange packages like every other collection.
 */

/** How the copy left the app: saved as a file, printed from it, or sent across in an exchange package. */
export const CopyMeans = z.enum(['exported', 'printed', 'exchange']);
export type CopyMeans = z.infer<typeof CopyMeans>;
export const copyMeans = CopyMeans.options;

/** out (在外) until someone confirms it was returned (已交回) or destroyed (已銷毀). */
export const CopyState = z.enum(['out', 'returned', 'destroyed']);
export type CopyState = z.infer<typeof CopyState>;

/** A copy's file in one script: what it was called and the SHA-256 of the bytes written. */
export const CopyFile = z.object({ script: Script, fileName: z.string().max(260), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type CopyFile = z.infer<typeof CopyFile>;

export const MeetingCopy = RecordBase.extend({
  meetingId: z.uuid(),
  /** The copies made together: 副本 3／12 is number 3 of a run of 12. */
  runId: z.uuid(),
  number: z.number().int().positive(),
  total: z.number().int().positive(),
  /** The contact who received it, and the name printed on every page as it was then. */
  recipientId: z.uuid(),
  recipientName: z.string().max(200),
  classification: Classification,
  issuedAt: Instant,
  /** The officer of the installation that made it, when known. */
  issuedById: z.uuid().nullable(),
  means: CopyMeans,
  /** Both scripts of one copy carry the same number. */
  files: z.array(CopyFile).max(2),
  state: CopyState,
  /** The day it was returned or destroyed, and the contact who confirmed it. */
  settledOn: z.iso.date().nullable(),
  confirmedById: z.uuid().nullable(),
});
export type MeetingCopy = z.infer<typeof MeetingCopy>;

/** Records a copy as returned or destroyed (or, to correct a mistake, out again). */
export const CopySettle = z
  .object({
    id: z.uuid(),
    revision: z.number().int().positive(),
    state: CopyState,
    on: z.iso.date('validation.date').nullable(),
    confirmedById: z.uuid().nullable(),
    /** How it went out, when corrected by hand (a copy handed over in an exchange package); files and prints are recorded as they happen. */
    means: CopyMeans.optional(),
  })
  .superRefine((settle, ctx) => {
    if (settle.state !== 'out' && settle.on === null) ctx.addIssue({ code: 'custom', path: ['on'], message: 'validation.required' });
    if (settle.state !== 'out' && settle.confirmedById === null) ctx.addIssue({ code: 'custom', path: ['confirmedById'], message: 'validation.required' });
  });
export type CopySettle = z.input<typeof CopySettle>;

/** A meeting that has been held with copies still out: the overview counts them. */
export const OutstandingCopies = z.object({
  meetingId: z.uuid(),
  subGroupId: z.uuid().nullable(),
  meetingNumber: z.number().int(),
  meetingDate: z.iso.date(),
  count: z.number().int().positive(),
});
export type OutstandingCopies = z.infer<typeof OutstandingCopies>;
