import { formatDate } from '../i18n/formatDate';
import type { Language } from '../model/language';
import type { DocScript } from './model';

/** The UI language whose locale strings a document of this script takes its labels from. */
export const languageOfScript: Record<DocScript, Language> = { hant: 'zh-Hant', hans: 'zh-Hans' };

/** A calendar date (2026-11-24) as the document's script writes it: 2026年11月24日. */
export function documentDate(isoDate: string, script: DocScript): string {
  // Calendar dates carry no time: read and print them in UTC so no time zone moves them a day.
  return formatDate(`${isoDate.slice(0, 10)}T00:00:00Z`, languageOfScript[script], 'UTC');
}

/** An instant (e.g. a progress entry's time) as the calendar date it fell on in Hong Kong and Shenzhen. */
export function documentDay(instant: string, script: DocScript): string {
  return formatDate(instant, languageOfScript[script], 'Asia/Hong_Kong');
}

/** Numbers with the grouping the script's readers expect (12,345). */
export function documentNumber(value: number, script: DocScript): string {
  return new Intl.NumberFormat(script === 'hant' ? 'zh-HK' : 'zh-CN').format(value);
}
