/**
 * Reading the cells officials type into their sheets: numbers with separators and units, dates in the
 * ways HK and Mainland sheets write them, yes/no words, choices named in any language.
 * Each reader returns the value, null for an empty cell, or an error message key.
 */

export type CellResult<T> = { value: T | null } | { error: string };

/** How a header or a choice word is compared: case, width, spaces and punctuation do not matter. */
export function wordKey(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s*:：\-_()（）.,，、/'"]/g, '');
}

/** 1,234.5 · 1 234.5 m² · １２３４ · 1234平方米 → 1234.5; anything else is an error. */
export function readNumber(text: string): CellResult<number> {
  const cleaned = text
    .normalize('NFKC')
    .replace(/(m2|m²|sqm|sq\.?\s*m|平方米|平方公尺|平米|人|名)$/i, '')
    .replace(/[,\s]/g, '');
  if (!cleaned) return { value: null };
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return { error: 'validation.number' };
  return { value: Number(cleaned) };
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** 2026-03-01 · 2026/3/1 · 2026.3.1 · 2026年3月1日 · 1/3/2026 (day first, as HK and the UK write it). */
export function readDate(text: string): CellResult<string> {
  const value = text.normalize('NFKC').trim();
  if (!value) return { value: null };
  let match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/.exec(value);
  if (match) {
    const date = isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
    return date ? { value: date } : { error: 'validation.date' };
  }
  match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (match) {
    const date = isoDate(Number(match[3]), Number(match[2]), Number(match[1]));
    return date ? { value: date } : { error: 'validation.date' };
  }
  return { error: 'validation.date' };
}

const yesWords = new Set(['是', '有', 'y', 'yes', 'true', '1', '✓', '✔', 'v'].map(wordKey));
const noWords = new Set(['否', '無', '无', '沒有', '没有', 'n', 'no', 'false', '0', '✗', 'x', '-'].map(wordKey));

export function readYesNo(text: string): CellResult<boolean> {
  if (!text.trim()) return { value: null };
  const key = wordKey(text);
  if (yesWords.has(key)) return { value: true };
  if (noWords.has(key)) return { value: false };
  return { error: 'validation.yesNo' };
}

/** A choice named by any of its words (its label in each language, its code, common synonyms). */
export function readChoice<T extends string>(text: string, words: Record<T, string[]>): CellResult<T> {
  if (!text.trim()) return { value: null };
  const key = wordKey(text);
  for (const [choice, list] of Object.entries(words) as Array<[T, string[]]>) {
    if (wordKey(choice) === key || list.some((word) => wordKey(word) === key)) return { value: choice };
  }
  return { error: 'validation.choice' };
}

/** "A1-301; A1-302" → ['A1-301', 'A1-302']: the separators people use in one cell. */
export function readList(text: string): string[] {
  return text
    .split(/[;；\n,，、]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** The cell's value, or null with the error added to the row's errors under `field`. */
export function readInto<T>(field: string, result: CellResult<T>, errors: Array<{ field: string | null; messageKey: string }>): T | null {
  if ('error' in result) {
    errors.push({ field, messageKey: result.error });
    return null;
  }
  return result.value;
}
