import type { Handlers } from '../backend/dispatcher';
import { matchesAuditFilter } from '../../shared/audit/filter';
import type { AuditTrail } from './auditTrail';

/** The audit namespace's handlers: the view's list and its Verify button. */
export function auditHandlers(trail: AuditTrail): Handlers['audit'] {
  return {
    list: async ({ filter, offset, limit }) => {
      const matching = (await trail.entries()).filter((entry) => matchesAuditFilter(entry, filter)).reverse();
      return { entries: matching.slice(offset, offset + limit), total: matching.length, writeFailures: trail.writeFailures };
    },
    verify: () => trail.verify(),
  };
}
