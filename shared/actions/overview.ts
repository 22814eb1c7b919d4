import { compareReferences } from '../model/actionReference';
import type { ActionRow, ActionStatus } from '../model/action';
import { actionStatuses } from '../model/action';
import { daysBetween, dueState } from './dueDates';

export interface SubGroupProgress {
  subGroupId: string;
  total: number;
  done: number;
  /** Done as a share of actions not dropped, 0–1. */
  share: number;
}

export interface OverviewSummary {
  byStatus: Record<ActionStatus, number>;
  overdue: Array<{ action: ActionRow; daysLate: number }>;
  dueThisWeek: ActionRow[];
  recentlyUpdated: ActionRow[];
  perSubGroup: SubGroupProgress[];
}

/** The figures on the overview, across all sub-groups, for the given day. */
export function summarize(actions: ActionRow[], subGroupIds: string[], today: string, listLimit = 50): OverviewSummary {
  const byStatus = Object.fromEntries(actionStatuses.map((s) => [s, 0])) as Record<ActionStatus, number>;
  const overdue: OverviewSummary['overdue'] = [];
  const dueThisWeek: ActionRow[] = [];
  const counts = new Map(subGroupIds.map((id) => [id, { total: 0, done: 0, dropped: 0 }]));
  for (const action of actions) {
    byStatus[action.status]++;
    const state = dueState(action, today);
    if (state === 'overdue') overdue.push({ action, daysLate: daysBetween(action.dueDate!, today) });
    if (state === 'dueSoon') dueThisWeek.push(action);
    const count = counts.get(action.subGroupId);
    if (count) {
      count.total++;
      if (action.status === 'done') count.done++;
      if (action.status === 'dropped') count.dropped++;
    }
  }
  overdue.sort((a, b) => b.daysLate - a.daysLate || compareReferences(a.action.reference, b.action.reference));
  dueThisWeek.sort((a, b) => a.dueDate!.localeCompare(b.dueDate!));
  const recentlyUpdated = [...actions].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, 10);
  return {
    byStatus,
    overdue: overdue.slice(0, listLimit),
    dueThisWeek: dueThisWeek.slice(0, listLimit),
    recentlyUpdated,
    perSubGroup: [...counts].map(([subGroupId, c]) => ({
      subGroupId,
      total: c.total,
      done: c.done,
      share: c.total - c.dropped > 0 ? c.done / (c.total - c.dropped) : 0,
    })),
  };
}
