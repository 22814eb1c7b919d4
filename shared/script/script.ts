import { z } from 'zod';

/** The two scripts of equal standing: Hong Kong Traditional and Mainland Simplified. */
export const Script = z.enum(['hant', 'hans']);
export type Script = z.infer<typeof Script>;
export const scripts: readonly Script[] = Script.options;
