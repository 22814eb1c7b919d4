import { z } from 'zod';
import { Language } from './language';
import { RecordBase } from './record';

export const Settings = RecordBase.extend({
  language: Language,
  /** The folder the last export was written to, offered first next time; absent until one is (and in settings saved before it existed). */
  exportFolder: z.string().optional(),
});
export type Settings = z.infer<typeof Settings>;
