import { z } from 'zod';
import { Language } from './language';
import { RecordBase } from './record';

export const Settings = RecordBase.extend({ language: Language });
export type Settings = z.infer<typeof Settings>;
