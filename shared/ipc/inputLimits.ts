/**
 * Limits every argument crossing the bridge must keep, whatever its schema says: no string, list or
 * date a person could not mean. Checked before the schema, so a 70,000-item agenda or a 50 MB title is
 * refused with the field named, and never reaches a service (or a spread into one call).
 */
export const inputLimits = {
  /** Characters in any one text: ample for a meeting's minutes or a report's wording. */
  maxStringLength: 200_000,
  /** Items in any one list unless the field names a tighter limit below. */
  maxListLength: 2_000,
  /** Tighter limits on the lists of a record, by field name. */
  listLimits: {
    agenda: 200,
    standardItems: 20,
    attendance: 500,
    officerIds: 100,
    leads: 2,
    papers: 50,
    decisions: 100,
    clauses: 200,
    memberships: 100,
    unitIds: 200,
    actionIds: 500,
    meetingIds: 500,
    recipientIds: 100,
    ids: 200,
    // One entry per column of an imported sheet: the same limit the preview applies.
    mapping: 500,
  } as Record<string, number>,
  /** Calendar dates (YYYY-MM-DD) from 1950 to 2100: due dates, meeting dates, leases. */
  earliestDate: '1950-01-01',
  latestDate: '2100-12-31',
};

/** Columns of an imported sheet: the preview refuses more, so every previewed sheet can be remapped. */
export const MAX_IMPORT_COLUMNS = inputLimits.listLimits.mapping!;

export interface LimitIssue {
  path: string;
  messageKey: 'validation.tooLong' | 'validation.tooMany' | 'validation.dateRange' | 'validation.invalid';
}

const MAX_DEPTH = 32;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every place in `value` that breaks a limit, with its path as the form names the field (agenda.3.title). */
export function inputLimitIssues(value: unknown): LimitIssue[] {
  const issues: LimitIssue[] = [];
  // An explicit stack: a deeply nested argument must not overflow the checker itself.
  const stack: Array<{ value: unknown; path: string[]; key: string }> = [{ value, path: [], key: '' }];
  while (stack.length > 0 && issues.length < 20) {
    const { value: current, path, key } = stack.pop()!;
    // No argument of the contract nests this deep; stop before the paths themselves grow large.
    if (path.length > MAX_DEPTH) {
      issues.push({ path: path.join('.'), messageKey: 'validation.invalid' });
      continue;
    }
    if (typeof current === 'string') {
      if (current.length > inputLimits.maxStringLength) issues.push({ path: path.join('.'), messageKey: 'validation.tooLong' });
      else if (ISO_DATE.test(current) && (current < inputLimits.earliestDate || current > inputLimits.latestDate)) {
        issues.push({ path: path.join('.'), messageKey: 'validation.dateRange' });
      }
    } else if (Array.isArray(current)) {
      const limit = Object.hasOwn(inputLimits.listLimits, key) ? inputLimits.listLimits[key]! : inputLimits.maxListLength;
      if (current.length > limit) {
        issues.push({ path: path.join('.'), messageKey: 'validation.tooMany' });
        continue;
      }
      current.forEach((item, i) => stack.push({ value: item, path: [...path, String(i)], key }));
    } else if (current && typeof current === 'object') {
      const entries = Object.entries(current);
      if (entries.length > inputLimits.maxListLength) {
        issues.push({ path: path.join('.'), messageKey: 'validation.tooMany' });
        continue;
      }
      for (const [k, v] of entries) stack.push({ value: v, path: [...path, k], key: k });
    }
  }
  return issues;
}
