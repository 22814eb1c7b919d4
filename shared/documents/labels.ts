import { formatDate } from '../i18n/formatDate';
import type { Language } from '../model/language';
import type { DocScript } from './model';

/** The UI language whose locale strings a document of this script takes its labels from. */
export const languageOfScript: Record<DocScript, Language> = { hant: 'zh-Hant', hans: 'zh-Hans' };

// Exports write the same few thousand calendar dates tens of thousands of times.
const calendarDates: Record<DocScript, Map<string, string>> = { hant: new Map(), hans: new Map() };
const CALENDAR_DATES_KEPT = 20_000;

/** A calendar date (2026-11-24) as the document's script writes it: 2026年11月24日. */
export function documentDate(isoDate: string, script: DocScript): string {
  const day = isoDate.slice(0, 10);
  const known = calendarDates[script];
  let text = known.get(day);
  if (text === undefined) {
    // Calendar dates carry no time: read and print them in UTC so no time zone moves them a day.
    text = formatDate(`${day}T00:00:00Z`, languageOfScript[script], 'UTC');
    if (known.size >= CALENDAR_DATES_KEPT) known.clear();
    known.set(day, text);
  }
  return text;
}

/** An instant (e.g. a progress entry's time) as the calendar date it fell on in Hong Kong and Shenzhen. */
export function documentDay(instant: string, script: DocScript): string {
  return formatDate(instant, languageOfScript[script], 'Asia/Hong_Kong');
}

/** Numbers with the grouping the script's readers expect (12,345). */
export function documentNumber(value: number, script: DocScript): string {
  return new Intl.NumberFormat(script === 'hant' ? 'zh-HK' : 'zh-CN').format(value);
}
