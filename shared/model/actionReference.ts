/**
 * Action numbers: the sub-group's code, the year and a number in that year's series (SP-2026-014).
 * Issued here, and ordered here, so a list, an export and a pack put SP-2026-999 before SP-2026-1000.
 */

const series = /^(.*)-(\d{4})-(\d+)$/;

/** The next number in a sub-group's series for the year, counted over every action it ever had (deleted ones too), so none is given twice. */
export function nextActionReference(code: string, year: number, subGroupActions: Iterable<{ reference: string }>): string {
  let highest = 0;
  for (const { reference } of subGroupActions) {
    const match = series.exec(reference);
    if (match && Number(match[2]) === year) highest = Math.max(highest, Number(match[3]));
  }
  return `${code}-${year}-${String(highest + 1).padStart(3, '0')}`;
}

/** The code and year of a reference, for issuing another in the same series. */
export function referenceSeries(reference: string): { code: string; year: number } | null {
  const match = series.exec(reference);
  return match ? { code: match[1]!, year: Number(match[2]) } : null;
}

// One collator: localeCompare with options builds one per comparison.
const referenceOrder = new Intl.Collator('en', { numeric: true });

/** Code, then year, then number as a number. */
export function compareReferences(a: string, b: string): number {
  return referenceOrder.compare(a, b);
}
