import { z } from 'zod';
import { quotesIn } from '../script/quotes';
import type { Script } from '../script/script';

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

/** Picks the form of a localized name that fits the reader's language, its quotation marks that script's way. */
export function nameIn(name: { hant: string; hans: string; en: string }, language: Language): string {
  if (language === 'zh-Hant') return quotesIn(name.hant, 'hant');
  if (language === 'zh-Hans') return quotesIn(name.hans, 'hans');
  return name.en || name.hant;
}

/** A name (or any text kept in both scripts) in one script, for documents: 「聯合政策」專組 / “联合政策”专组. */
export function nameInScript(name: { hant: string; hans: string }, script: Script): string {
  return quotesIn(name[script], script);
}
/**
 * The BCP 47 tag of each UI language, for the document's `lang`: a screen reader picks a Hong Kong or a
 * Mainland voice by it, and CJK fonts their glyph forms.
 */
export const languageTag = { 'zh-Hant': 'zh-Hant-HK', 'zh-Hans': 'zh-Hans-CN', en: 'en' } as const satisfies Record<Language, string>;

/** The tag of text written in one script, for content shown in a script other than the interface's. */
export const scriptTag = { hant: languageTag['zh-Hant'], hans: languageTag['zh-Hans'] } as const satisfies Record<Script, string>;

/** The language whose labels, dates and sort order a document in one script uses. */
export const languageOfScript: Record<Script, Language> = { hant: 'zh-Hant', hans: 'zh-Hans' };

/** The script content is read in: the UI language's, or none in English (text is shown as typed). */
export function readerScriptOf(language: Language): Script | null {
  return language === 'zh-Hant' ? 'hant' : language === 'zh-Hans' ? 'hans' : null;
}

/** The scripts a document or pack is made in until the user chooses: the reader's, and for English readers both, neither having precedence. */
export function documentScriptsFor(language: Language): Script | 'both' {
  return readerScriptOf(language) ?? 'both';
}
