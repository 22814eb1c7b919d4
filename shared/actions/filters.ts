import type { ActionRow, ActionStatus, OwnerSide } from '../model/action';
import { dueState } from './dueDates';

export interface ActionFilter {
  statuses: ActionStatus[];
  sides: OwnerSide[];
  officerId: string | null;
  clause: string | null;
  due: 'any' | 'overdue' | 'dueSoon';
  showDeleted: boolean;
}

export const noFilter: ActionFilter = { statuses: [], sides: [], officerId: null, clause: null, due: 'any', showDeleted: false };

/**
 * The rows a filter keeps. `textHits` are the ids main found for the search text (null: no text);
 * an empty status or side list means any.
 */
export function filterActions(rows: ActionRow[], filter: ActionFilter, today: string, textHits: ReadonlySet<string> | null): ActionRow[] {
  return rows.filter((row) => {
    if ((row.deletedAt !== null) !== filter.showDeleted) return false;
    if (textHits && !textHits.has(row.id)) return false;
    if (filter.statuses.length && !filter.statuses.includes(row.status)) return false;
    if (filter.sides.length && !filter.sides.includes(row.ownerSide)) return false;
    if (filter.officerId && !row.officerIds.includes(filter.officerId) && !row.leads.some((l) => l.contactId === filter.officerId)) return false;
    if (filter.clause && !row.clauses.includes(filter.clause as ActionRow['clauses'][number])) return false;
    if (filter.due !== 'any' && dueState(row, today) !== filter.due) return false;
    return true;
  });
}
