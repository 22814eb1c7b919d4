import type { RecordBase } from '../model/record';
import { searchKey } from '../script/search';

/**
 * What a register list shows: a text query (either script), the chosen value(s) of each filter, and
 * whether soft-deleted records are listed (to restore them).
 */
export interface RegisterQuery {
  text: string;
  filters: Record<string, string[]>;
  showDeleted: boolean;
}

export const emptyQuery: RegisterQuery = { text: '', filters: {}, showDeleted: false };

/** A record with its search text folded once, so each keystroke only compares strings. */
export interface Indexed<R> {
  record: R;
  key: string;
}

export function indexRecords<R>(records: R[], searchTexts: (record: R) => string[]): Array<Indexed<R>> {
  // U+0001 keeps a match from running across two fields.
  return records.map((record) => ({ record, key: searchKey(searchTexts(record).join('\u0001')) }));
}

/**
 * The records a query keeps, in the given order. `valuesOf(record, filter)` gives a record's values
 * for a filter; a record passes a filter when one of them is chosen.
 */
export function applyQuery<R extends Pick<RecordBase, 'deletedAt'>>(
  indexed: Array<Indexed<R>>,
  query: RegisterQuery,
  valuesOf: (record: R, filter: string) => string[],
): R[] {
  const needle = searchKey(query.text.trim());
  const active = Object.entries(query.filters).filter(([, chosen]) => chosen.length > 0);
  const out: R[] = [];
  for (const { record, key } of indexed) {
    if (record.deletedAt !== null && !query.showDeleted) continue;
    if (needle && !key.includes(needle)) continue;
    if (!active.every(([filter, chosen]) => valuesOf(record, filter).some((v) => chosen.includes(v)))) continue;
    out.push(record);
  }
  return out;
}
