import { z } from 'zod';
import { RecordBase } from '../model/record';
import { RegisterKind } from './kinds';

/** The column mapping a user last accepted for a register's sheets: header (as wordKey) → field, '' for ignored. */
export const RegisterImportMapping = RecordBase.extend({
  kind: RegisterKind,
  mapping: z.record(z.string(), z.string()),
});
export type RegisterImportMapping = z.infer<typeof RegisterImportMapping>;
