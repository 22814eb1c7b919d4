import { formatDate } from '../i18n/formatDate';
import { languageOfScript } from '../model/language';
import type { Script } from '../script/script';

// Exports write the same few thousand calendar dates tens of thousands of times.
const calendarDates: Record<Script, Map<string, string>> = { hant: new Map(), hans: new Map() };
const CALENDAR_DATES_KEPT = 20_000;

/** A calendar date (2026-11-24) as the document's script writes it: 2026年11月24日. */
export function documentDate(isoDate: string, script: Script): string {
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
export function documentDay(instant: string, script: Script): string {
  return formatDate(instant, languageOfScript[script], 'Asia/Hong_Kong');
}

/** Numbers with the grouping the script's readers expect (12,345). */
export function documentNumber(value: number, script: Script): string {
  return new Intl.NumberFormat(script === 'hant' ? 'zh-HK' : 'zh-CN').format(value);
}

/** The words around a page number (第 3 頁 / Page 3), in the document's language. */
export function pageLabel(t: (key: 'exports.doc.pageBefore' | 'exports.doc.pageAfter') => string): [before: string, after: string] {
  return [t('exports.doc.pageBefore'), t('exports.doc.pageAfter')];
}
