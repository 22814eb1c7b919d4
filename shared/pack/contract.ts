import { z } from 'zod';
import { inputLimits } from '../ipc/inputLimits';
import { CopySettle, MeetingCopy, OutstandingCopies } from '../model/meetingCopy';
import { Script } from '../script/script';

/** Traditional, Simplified, or both as two files. */
export const PackScripts = z.enum(['hant', 'hans', 'both']);
export type PackScripts = z.infer<typeof PackScripts>;

export const PackFile = z.object({
  script: Script,
  path: z.string(),
  fileName: z.string(),
  pageCount: z.number().int().positive(),
  /** The numbered copy this file is (副本 3／12 · 收件人 陳大文), for a classified pack; null otherwise. */
  copy: z.object({ id: z.uuid(), number: z.number().int(), total: z.number().int(), recipientName: z.string() }).nullable(),
});
export type PackFile = z.infer<typeof PackFile>;

export const PackBuildResult = z.object({
  files: z.array(PackFile),
  /** Papers that could not be read, by file name: each has a placeholder page in the pack. */
  brokenPapers: z.array(z.string()),
});
export type PackBuildResult = z.infer<typeof PackBuildResult>;

/** Where the pack will be written, once the user chose: files by name, and which of them exist and would be replaced. */
export const PackPlan = z.object({ token: z.uuid(), files: z.array(z.string()), existing: z.array(z.string()) });
export type PackPlan = z.infer<typeof PackPlan>;

/** One generated part of a built pack, as self-contained HTML for the in-app print preview. */
export const PackPreviewSection = z.object({ title: z.string(), html: z.string(), pages: z.number().int().nonnegative() });
export type PackPreviewSection = z.infer<typeof PackPreviewSection>;

const BuiltRef = z.object({ meetingId: z.uuid(), script: Script });

/**
 * A restricted or confidential pack is made as numbered copies, one per recipient (contacts), each
 * marked on every page; `watermark` adds the recipient's name and the time across each page.
 */
export const PackCopies = z.object({
  recipientIds: z.array(z.uuid()).min(1).max(inputLimits.listLimits.recipientIds!),
  watermark: z.boolean(),
});
export type PackCopies = z.infer<typeof PackCopies>;

export const packMethods = {
  /**
   * Shows the save dialog once and says where the files go; with `both`, the Simplified file goes
   * beside the Traditional one. Null if the dialog was cancelled.
   */
  prepare: {
    input: z.object({ meetingId: z.uuid(), scripts: PackScripts, copies: PackCopies.nullable().default(null) }),
    output: PackPlan.nullable(),
  },
  /**
   * Builds the prepared pack (reporting progress under `taskId`) and writes it. A file already there,
   * other than the one the user chose in the save dialog, is replaced only with `replaceExisting`.
   */
  build: {
    input: z.object({ meetingId: z.uuid(), token: z.uuid(), taskId: z.uuid(), replaceExisting: z.boolean().default(false) }),
    output: PackBuildResult,
  },
  /** The generated parts of the pack last built for this meeting and script; pack.notBuilt if none. */
  preview: { input: BuiltRef, output: z.object({ pageCount: z.number().int(), sections: z.array(PackPreviewSection) }) },
  /** Sends the pack last built for this meeting and script (or that numbered copy of it) to the system's print dialog. */
  print: { input: BuiltRef.extend({ copyId: z.uuid().nullable().default(null) }), output: z.void() },
  /** A meeting's distribution list: its numbered copies, newest run first. */
  copies: { input: z.object({ meetingId: z.uuid() }), output: z.array(MeetingCopy) },
  /** Records a copy as returned or destroyed (or out again); refused with record.changedElsewhere when stale. */
  settleCopy: { input: CopySettle, output: MeetingCopy },
  /** Meetings already held whose copies are not all back: the overview counts them. */
  outstandingCopies: { input: z.undefined(), output: z.array(OutstandingCopies) },
};
