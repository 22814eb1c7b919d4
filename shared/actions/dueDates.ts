/** A calendar date (YYYY-MM-DD) as the laptop's clock reads it now. */
export function localToday(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole days from `from` to `to`, both YYYY-MM-DD: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export type DueState = 'overdue' | 'dueSoon' | 'later' | 'none' | 'closed';

/** How urgent an action is: overdue, due within 7 days, later; closed ones never are. */
export function dueState(action: { dueDate: string | null; status: string }, today: string): DueState {
  if (action.status === 'done' || action.status === 'dropped') return 'closed';
  if (!action.dueDate) return 'none';
  const days = daysBetween(today, action.dueDate);
  if (days < 0) return 'overdue';
  return days <= 7 ? 'dueSoon' : 'later';
}
