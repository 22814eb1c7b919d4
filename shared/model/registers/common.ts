import { z } from 'zod';
import { clauses, type ClauseId } from '../../arrangement/clauses';
import { readChoice, readInto, readList, wordKey } from '../../registers/cells';
import type { RowError } from '../../registers/importTypes';
import type { Converters } from '../../script/convert';
import { detectScript } from '../../script/detect';
import { searchKey } from '../../script/search';
import type { OwnerSide } from '../action';

/**
 * Pieces the policy and promotion registers share: money always with its currency, date ranges, and
 * the checks both the form and main apply. General message keys (validation.number, positive, tooLarge,
 * endAfterStart) come with the registers framework; the rest are in shared/i18n/locales/policy.json.
 */

/** The two currencies of the arrangement's two sides; amounts are never added across them. */
export const Currency = z.enum(['HKD', 'CNY']);
export type Currency = z.infer<typeof Currency>;
export const currencies = Currency.options;

/** A positive amount with at most two decimals, below a trillion (a typing slip, not a budget). */
export const Amount = z
  .number('validation.number')
  .positive('validation.positive')
  .max(1e12, 'validation.tooLarge')
  .refine((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6, 'validation.amountCents');

export const OptionalDate = z.iso.date('validation.date').nullable();

type IssueContext = { addIssue(issue: { code: 'custom'; path: string[]; message: string }): void };

/** A currency goes with an amount and an amount with its currency: neither alone means anything. */
export function checkMoney(amount: number | null, currency: Currency | null, ctx: IssueContext, fields = { amount: 'amount', currency: 'currency' }): void {
  if (amount !== null && currency === null) ctx.addIssue({ code: 'custom', path: [fields.currency], message: 'validation.currencyNeeded' });
  if (amount === null && currency !== null) ctx.addIssue({ code: 'custom', path: [fields.amount], message: 'validation.amountNeeded' });
}

/** `end` must come after `start` (on or after it when `sameDayAllowed`, as for a one-day event). */
export function checkDateRange(start: string | null, end: string | null, ctx: IssueContext, sameDayAllowed: boolean): void {
  if (!start || !end) return;
  if (end < start || (!sameDayAllowed && end === start)) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: sameDayAllowed ? 'validation.endBeforeStart' : 'validation.endAfterStart' });
  }
}

/** The arrangement's clauses in a cell: ids (2.3.1) or labels in either script or English, several per cell. */
export function readClauses(text: string): { value: ClauseId[] } | { error: string } {
  const found: ClauseId[] = [];
  for (const item of readList(text)) {
    const key = wordKey(item);
    const clause = clauses.find((c) => [c.id, c.hant, c.hans, c.en].some((word) => wordKey(word) === key));
    if (!clause) return { error: 'validation.clause' };
    if (!found.includes(clause.id)) found.push(clause.id);
  }
  return { value: found };
}

/** The words sheets use for the side that leads or funds. */
export const sideWords: Record<OwnerSide, string[]> = {
  HK: ['香港', '港方', '香港特區政府', '香港特区政府', 'HKSAR', 'Hong Kong', 'HK'],
  SZ: ['深圳', '深方', '深圳市政府', 'Shenzhen', 'SZ'],
  joint: ['聯合', '联合', '雙方', '双方', '共同', '港深', '深港', '港深聯合', '港深联合', 'joint', 'both'],
};

export const currencyWords: Record<Currency, string[]> = {
  HKD: ['港元', '港幣', '港币', 'HK$', 'HKD', 'HK dollars'],
  CNY: ['人民幣', '人民币', '元人民幣', '元人民币', 'RMB', 'CNY', '¥', '￥', 'yuan'],
};

const unitMultipliers: Array<[RegExp, number]> = [
  [/(億|亿)$/, 1e8],
  [/(萬|万)$/, 1e4],
  [/(million|mn|m)$/i, 1e6],
];

/**
 * An amount as officials type it: 1,200,000 · HK$1.2m · ¥500萬 · 500万元 · 3,000,000 港元. The currency
 * written with it, if any, comes back too, so a sheet without a currency column still says which.
 */
export function readMoney(text: string): { value: { amount: number; currency: Currency | null } | null } | { error: string } {
  let rest = text.normalize('NFKC').trim().replace(/[,\s]/g, '');
  if (!rest) return { value: null };
  let currency: Currency | null = null;
  for (const [code, words] of Object.entries(currencyWords) as Array<[Currency, string[]]>) {
    for (const word of [...words].sort((a, b) => b.length - a.length)) {
      const w = word.normalize('NFKC').replace(/\s/g, '');
      if (rest.toUpperCase().startsWith(w.toUpperCase())) rest = rest.slice(w.length);
      else if (rest.toUpperCase().endsWith(w.toUpperCase())) rest = rest.slice(0, -w.length);
      else continue;
      currency = code;
      break;
    }
    if (currency) break;
  }
  rest = rest.replace(/元$/, '');
  let factor = 1;
  for (const [pattern, multiplier] of unitMultipliers) {
    if (pattern.test(rest)) {
      rest = rest.replace(pattern, '');
      factor = multiplier;
      break;
    }
  }
  if (!/^\d+(\.\d+)?$/.test(rest)) return { error: 'validation.number' };
  return { value: { amount: Math.round(Number(rest) * factor * 100) / 100, currency } };
}

/**
 * Amount and currency from their two cells: the currency column wins when it names one; one written
 * in the amount cell that contradicts it is an error rather than a guess.
 */
export function readAmountAndCurrency(
  amountText: string,
  currencyText: string,
  errors: RowError[],
  amountField = 'amount',
): { amount: number | null; currency: Currency | null } {
  const money = readInto(amountField, readMoney(amountText), errors);
  const currency = readInto('currency', readChoice(currencyText, currencyWords), errors);
  if (money?.currency && currency && money.currency !== currency) {
    errors.push({ field: 'currency', messageKey: 'validation.currencyConflict' });
  }
  return { amount: money?.amount ?? null, currency: currency ?? money?.currency ?? null };
}

/** Fills the missing script of a bilingual text from the other, when a sheet gives only one. */
export function completeScripts(hantCell: string, hansCell: string, eitherCell: string, converters: Converters | null): { hant: string; hans: string } {
  let hant = hantCell;
  let hans = hansCell;
  if (eitherCell && !hant && !hans) {
    if (detectScript(eitherCell) === 'hans') hans = eitherCell;
    else hant = eitherCell;
  }
  if (converters) {
    if (hant && !hans) hans = converters.toHans(hant);
    if (hans && !hant) hant = converters.toHant(hans);
  }
  return { hant, hans };
}

/** Folds a text for natural keys: script, width, case, spaces and punctuation do not tell two records apart. */
export function foldedKey(...parts: string[]): string {
  return parts.map((part) => searchKey(wordKey(part))).join('|');
}
