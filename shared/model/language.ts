import { z } from 'zod';

/** UI languages: Hong Kong Traditional, Mainland Simplified, English. */
export const Language = z.enum(['zh-Hant', 'zh-Hans', 'en']);
export type Language = z.infer<typeof Language>;
export const languages = Language.options;

/** Picks the UI language closest to an OS locale such as zh-HK, zh-TW, zh-CN or en-GB. */
export function languageForLocale(locale: string): Language {
  const tag = locale.toLowerCase();
  if (/^zh[-_](hk|tw|mo|hant)/.test(tag)) return 'zh-Hant';
  if (tag.startsWith('zh')) return 'zh-Hans';
  return 'en';
}

/** Picks the form of a localized name that fits the reader's language. */
export function nameIn(name: { hant: string; hans: string; en: string }, language: Language): string {
  if (language === 'zh-Hant') return name.hant;
  if (language === 'zh-Hans') return name.hans;
  return name.en || name.hant;
}

/**
 * The BCP 47 tag of each UI language, for the document's `lang`: a screen reader picks a Hong Kong or a
 * Mainland voice by it, and CJK fonts their glyph forms.
 */
export const languageTag = { 'zh-Hant': 'zh-Hant-HK', 'zh-Hans': 'zh-Hans-CN', en: 'en' } as const satisfies Record<Language, string>;

/** The tag of text written in one script, for content shown in a script other than the interface's. */
export const scriptTag = { hant: 'zh-Hant-HK', hans: 'zh-Hans-CN' } as const;
