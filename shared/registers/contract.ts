import { MAX_IMPORT_COLUMNS } from '../ipc/inputLimits';
import { z } from 'zod';
import { RegisterImportPreview, RegisterImportResult } from './importTypes';

const id = z.object({ id: z.uuid() });

/**
 * The methods every register exposes on the bridge, as `window.hetao.<kind>.<method>`. Its records'
 * schema and its fields' schema make each register's namespace fully typed.
 */
export function registerMethods<R extends z.ZodType, F extends z.ZodType>(record: R, fields: F) {
  return {
    /**
     * Every record, most recently updated first, soft-deleted ones included (marked) so they can be
     * restored; a page of them when asked, so a list of thousands paints its first rows at once.
     */
    list: {
      input: z.object({ offset: z.number().int().nonnegative(), limit: z.number().int().positive() }).optional(),
      output: z.array(record),
    },
    get: { input: id, output: record },
    create: { input: z.object({ fields }), output: record },
    /** Refused with record.changedElsewhere when `revision` is not the stored one. */
    update: { input: z.object({ id: z.uuid(), revision: z.number().int().positive(), fields }), output: record },
    delete: { input: id, output: record },
    restore: { input: id, output: record },
    /** Shows the open dialog and reads the chosen sheet with the remembered mapping; null if cancelled. */
    importOpen: { input: z.undefined(), output: RegisterImportPreview.nullable() },
    /** Checks the opened sheet again with another column mapping. */
    importRemap: { input: z.object({ token: z.uuid(), mapping: z.array(z.string().nullable()).max(MAX_IMPORT_COLUMNS) }), output: RegisterImportPreview },
    /** Adds the previewed sheet's valid, new rows, once the user accepts, and remembers the mapping. */
    importCommit: { input: z.object({ token: z.uuid() }), output: RegisterImportResult },
  } as const;
}
