import type { AuditFilter } from './contract';
import type { AuditEntry } from './entry';

/** Whether an entry passes the audit view's filter. Dates compare the entry's own local day (its offset kept). */
export function matchesAuditFilter(entry: AuditEntry, filter: AuditFilter): boolean {
  if (filter.officer && entry.officer !== filter.officer) return false;
  if (filter.kinds.length && !filter.kinds.includes(entry.kind)) return false;
  if (filter.recordId && entry.subject.recordId !== filter.recordId) return false;
  if (filter.document) {
    const doc = entry.subject.document;
    const needle = filter.document.toLowerCase();
    if (!doc || ![doc.fileName, doc.kind].some((text) => text?.toLowerCase().includes(needle))) return false;
  }
  const day = entry.at.slice(0, 10);
  if (filter.from && day < filter.from) return false;
  if (filter.to && day > filter.to) return false;
  return true;
}

export const noAuditFilter: AuditFilter = { officer: null, kinds: [], recordId: null, document: null, from: null, to: null };
