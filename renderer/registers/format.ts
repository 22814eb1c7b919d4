import dayjs, { type Dayjs } from 'dayjs';
import { formatDate } from '../../shared/i18n/formatDate';
import type { Language } from '../../shared/model/language';
import { nameIn } from '../../shared/model/language';

const numberLocale: Record<Language, string> = { 'zh-Hant': 'zh-HK', 'zh-Hans': 'zh-CN', en: 'en-GB' };

/** A calendar date (YYYY-MM-DD) as the reader's script writes it; the date itself, whatever the time zone. */
export function calendarDate(date: string | null, language: Language): string {
  return date ? formatDate(`${date}T00:00:00Z`, language, 'UTC') : '';
}

export function area(value: number | null, language: Language): string {
  return value === null ? '' : value.toLocaleString(numberLocale[language], { maximumFractionDigits: 2 });
}

export function percent(value: number | null, language: Language): string {
  return value === null ? '—' : value.toLocaleString(numberLocale[language], { style: 'percent', maximumFractionDigits: 1 });
}

export const toDay = (date: string | null): Dayjs | null => (date ? dayjs(date) : null);
export const fromDay = (day: Dayjs | null | undefined): string | null => (day ? day.format('YYYY-MM-DD') : null);

/** A register name in the reader's script. */
export const localName = nameIn;

/** Plain code-unit order: ISO dates sort by time, and it is cheaper than localeCompare. */
export const ordinal = (a: string | null, b: string | null) => ((a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0);
