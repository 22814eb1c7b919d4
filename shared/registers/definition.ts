import type { z } from 'zod';
import type { RecordBase } from '../model/record';
import type { RegisterKind } from './kinds';
import type { RowError } from './importTypes';

/** A column a sheet may have for a register: the field it fills and the header texts it goes by. */
export interface ImportColumn {
  field: string;
  /** Header texts besides the field's label in each language (which are always recognised). */
  aliases: string[];
  /** A sheet without this column cannot be imported. */
  required?: boolean;
}

/** What one sheet row became: the candidate fields (checked next with `fields`) and what could not be read. */
export interface ReadRow {
  candidate: Record<string, unknown>;
  errors: RowError[];
}

/**
 * Everything the generic register machinery needs to know about one register, as pure data and
 * functions: shared by main (service, import) and renderer (search, form checks).
 * `Ctx` is what reading a sheet row needs from other registers, e.g. the units a tenant occupies.
 */
export interface RegisterDefinition<R extends RecordBase, F, Ctx = void> {
  kind: RegisterKind;
  /** What a user fills in, by hand or in a sheet row; the form, the bridge and main check with it. */
  fields: z.ZodType<F>;
  /** Sheet columns, in the order the mapping step lists them. */
  columns: ImportColumn[];
  /** Reads one row's mapped cells (trimmed text by field) into candidate fields. */
  readRow(cells: Partial<Record<string, string>>, context: Ctx): ReadRow;
  /**
   * Two records with the same key are the same thing (the same unit, the same tenant in either
   * script): import skips a row whose key is already there, so one sheet imported twice adds nothing.
   */
  naturalKey(fields: F): string;
  /** The texts search looks in; matched in either script. */
  searchTexts(record: R): string[];
  /** How a record is named in messages, e.g. "A1 3/F 301". */
  label(fields: F): string;
  /** The editable fields of a stored record. */
  toFields(record: R): F;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRegisterDefinition = RegisterDefinition<any, any, any>;
