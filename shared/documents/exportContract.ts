import { z } from 'zod';
import { ExportRequest, type ExportDone, type ExportPlan } from './exportRequest';
import type { DocumentModel } from './model';

const Version = z.enum(['hant', 'hans', 'parallel']);

export const exportMethods = {
  /**
   * Shows the save dialog and prepares the export: the files it will write, those that already exist
   * (to be replaced only if the user agrees), and per converted script the fields still to review.
   * Null if the dialog was cancelled.
   */
  prepare: { input: ExportRequest, output: z.custom<ExportPlan>().nullable() },
  /** Writes the prepared files (all or none), reporting progress under `taskId`; cancel with tasks.cancel. */
  write: { input: z.object({ token: z.uuid(), replace: z.boolean(), taskId: z.uuid() }), output: z.custom<ExportDone>() },
  /** Opens the folder a prepared export writes to. */
  openFolder: { input: z.object({ token: z.uuid() }), output: z.void() },
  /** One version as a document, for the in-app preview. */
  preview: { input: z.object({ request: ExportRequest, version: Version }), output: z.custom<DocumentModel>() },
  /** Prints one version through the system's print dialog. */
  print: { input: z.object({ request: ExportRequest, version: Version }), output: z.void() },
};
