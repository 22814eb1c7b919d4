import type { Language } from '../model/language';

const intlLocale: Record<Language, string> = { 'zh-Hant': 'zh-HK', 'zh-Hans': 'zh-CN', en: 'en-GB' };

// Building a DateTimeFormat costs far more than formatting with one; exports format 100,000 dates.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A date as each script writes it: 2026年11月24日 in Chinese, 24 Nov 2026 in English. */
export function formatDate(iso: string, language: Language, timeZone?: string): string {
  const key = `${language}|${timeZone ?? ''}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[language], { year: 'numeric', month: language === 'en' ? 'short' : 'long', day: 'numeric', timeZone });
    dateFormats.set(key, format);
  }
  return format.format(new Date(iso));
}

/** A date with its time, for stamps such as "backup taken at". */
export function formatDateTime(iso: string, language: Language, timeZone?: string): string {
  return new Intl.DateTimeFormat(intlLocale[language], {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}
