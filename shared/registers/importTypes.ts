import { z } from 'zod';

/** One reason a sheet row cannot be imported, with the field it concerns (null: the row as a whole). */
export const RowError = z.object({
  field: z.string().nullable(),
  /** validation.* or registers.import.* */
  messageKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type RowError = z.infer<typeof RowError>;

export const PreviewRow = z.object({
  /** The row's number in the spreadsheet, as Excel shows it. */
  rowNumber: z.number().int().positive(),
  /** The mapped cells as written in the sheet, by field. */
  cells: z.record(z.string(), z.string()),
  errors: z.array(RowError),
  /** Set when the row is a record already in the register, or repeats an earlier row of the sheet. */
  duplicate: z.object({ existingLabel: z.string().nullable(), earlierRow: z.number().int().positive().nullable() }).nullable(),
});
export type PreviewRow = z.infer<typeof PreviewRow>;

/** A sheet read and checked against a register, before anything is written. */
export const RegisterImportPreview = z.object({
  token: z.uuid(),
  fileName: z.string(),
  /** The header row's cells; `mapping[i]` is the field column i fills, or null to ignore it. */
  headers: z.array(z.string()),
  mapping: z.array(z.string().nullable()),
  /** Required fields no column is mapped to: nothing can be imported until they are. */
  unmappedRequired: z.array(z.string()),
  rows: z.array(PreviewRow),
  importable: z.number().int().nonnegative(),
  invalid: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
});
export type RegisterImportPreview = z.infer<typeof RegisterImportPreview>;

export const RegisterImportResult = z.object({ created: z.number().int().nonnegative(), skipped: z.number().int().nonnegative() });
export type RegisterImportResult = z.infer<typeof RegisterImportResult>;
