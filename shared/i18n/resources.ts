import type { Language } from '../model/language';
import en from './locales/en.json';
import zhHans from './locales/zh-Hans.json';
import zhHant from './locales/zh-Hant.json';

/** The one key set, in three languages; tests/shared/i18n checks they match key for key. */
export const localeResources: Record<Language, typeof zhHant> = {
  'zh-Hant': zhHant,
  'zh-Hans': zhHans,
  en,
};
