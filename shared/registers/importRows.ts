import { localeResources } from '../i18n/resources';
import { languages } from '../model/language';
import { wordKey } from './cells';
import type { AnyRegisterDefinition } from './definition';
import type { SheetRow } from '../sheets/sheetRow';
import type { PreviewRow, RowError } from './importTypes';


/** Remembered mappings: the header (as wordKey) → the field it filled last time, per register. */
export type RememberedMapping = Record<string, string>;

/** A field's label in each language, from the register's locale strings: registers.<kind>.fields.<field>. */
export function fieldLabels(kind: string, field: string): string[] {
  return languages.flatMap((language) => {
    const strings = (localeResources[language] as Record<string, unknown>).registers as
      | Record<string, { fields?: Record<string, string> }>
      | undefined;
    const label = strings?.[kind]?.fields?.[field];
    return label ? [label] : [];
  });
}

function headerIndex(definition: AnyRegisterDefinition): Map<string, string> {
  const index = new Map<string, string>();
  for (const column of definition.columns) {
    for (const word of [column.field, ...fieldLabels(definition.kind, column.field), ...column.aliases]) {
      if (!index.has(wordKey(word))) index.set(wordKey(word), column.field);
    }
  }
  return index;
}

/**
 * The header row: among the first ten rows, the one naming most known columns (a title line or a
 * blank line above the table is common in officials' sheets). Null if no row names any.
 */
export function findHeader(sheet: SheetRow[], definition: AnyRegisterDefinition, remembered: RememberedMapping = {}): number | null {
  const known = headerIndex(definition);
  let best: { index: number; score: number } | null = null;
  sheet.slice(0, 10).forEach((row, index) => {
    const score = row.cells.filter((cell) => cell.trim() && (known.has(wordKey(cell)) || remembered[wordKey(cell)])).length;
    if (score > 0 && (!best || score > best.score)) best = { index, score };
  });
  return (best as { index: number } | null)?.index ?? null;
}

/** Each header's field: what the user chose for that header last time, else what its words say. */
export function guessMapping(headers: string[], definition: AnyRegisterDefinition, remembered: RememberedMapping = {}): Array<string | null> {
  const known = headerIndex(definition);
  const fields = new Set(definition.columns.map((c) => c.field));
  const used = new Set<string>();
  return headers.map((header) => {
    const key = wordKey(header);
    if (!key) return null;
    const field = Object.hasOwn(remembered, key) ? remembered[key] : known.get(key);
    if (!field || !fields.has(field) || used.has(field)) return null;
    used.add(field);
    return field;
  });
}

/** The mapping to remember: every named header and the field it fills, or '' for "ignore". */
export function mappingToRemember(headers: string[], mapping: Array<string | null>): RememberedMapping {
  const out: RememberedMapping = {};
  headers.forEach((header, i) => {
    if (wordKey(header)) out[wordKey(header)] = mapping[i] ?? '';
  });
  return out;
}

export interface CheckedSheet<F> {
  rows: PreviewRow[];
  /** Valid rows that are not already in the register nor repeat an earlier row: what Accept adds. */
  accepted: Array<{ rowNumber: number; fields: F }>;
  unmappedRequired: string[];
}

/**
 * Reads every row under the header with the given mapping and checks it: the register's own reading
 * and schema, then its natural key against the register (`existing`: key → label) and earlier rows.
 * Blank rows are skipped. Pure: nothing is written.
 */
export function checkSheet<F>(
  definition: AnyRegisterDefinition,
  body: SheetRow[],
  mapping: Array<string | null>,
  context: unknown,
  existing: Map<string, string>,
): CheckedSheet<F> {
  const unmappedRequired = definition.columns.filter((c) => c.required && !mapping.includes(c.field)).map((c) => c.field);
  const rows: PreviewRow[] = [];
  const accepted: CheckedSheet<F>['accepted'] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of body) {
    if (cells.every((cell) => !cell.trim())) continue;
    const mapped: Record<string, string> = {};
    mapping.forEach((field, column) => {
      if (field) mapped[field] = (cells[column] ?? '').trim();
    });
    const read = definition.readRow(mapped, context);
    const errors: RowError[] = [...read.errors];
    const failed = new Set(errors.map((e) => e.field));
    const parsed = definition.fields.safeParse(read.candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = typeof issue.path[0] === 'string' ? issue.path[0] : null;
        if (field && failed.has(field)) continue; // the cell's own reading already said what is wrong
        const messageKey = issue.message.startsWith('validation.') ? issue.message : 'validation.invalid';
        if (!errors.some((e) => e.field === field && e.messageKey === messageKey)) errors.push({ field, messageKey });
      }
    }
    let duplicate: PreviewRow['duplicate'] = null;
    if (errors.length === 0 && parsed.success) {
      const key = definition.naturalKey(parsed.data);
      const existingLabel = existing.get(key);
      const earlierRow = seen.get(key);
      if (existingLabel !== undefined) duplicate = { existingLabel, earlierRow: null };
      else if (earlierRow !== undefined) duplicate = { existingLabel: null, earlierRow };
      else {
        seen.set(key, row);
        accepted.push({ rowNumber: row, fields: parsed.data as F });
      }
    }
    rows.push({ rowNumber: row, cells: mapped, errors, duplicate });
  }
  return { rows, accepted: unmappedRequired.length ? [] : accepted, unmappedRequired };
}
