import { z } from 'zod';
import { Script } from '../script/script';

/** Traditional, Simplified, or both as two files. */
export const PackScripts = z.enum(['hant', 'hans', 'both']);
export type PackScripts = z.infer<typeof PackScripts>;

export const PackFile = z.object({
  script: Script,
  path: z.string(),
  fileName: z.string(),
  pageCount: z.number().int().positive(),
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

export const packMethods = {
  /**
   * Shows the save dialog once and says where the files go; with `both`, the Simplified file goes
   * beside the Traditional one. Null if the dialog was cancelled.
   */
  prepare: { input: z.object({ meetingId: z.uuid(), scripts: PackScripts }), output: PackPlan.nullable() },
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
  /** Sends the pack last built for this meeting and script to the system's print dialog. */
  print: { input: BuiltRef, output: z.void() },
};
