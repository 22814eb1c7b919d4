import type { Action, ActionStatus } from '../model/action';
import type { Annex } from '../model/annex';
import type { ClauseNote } from '../model/clauseNote';
import { servesNode } from './clauses';

/** The kinds of work that cite clauses; registers and meetings add theirs as they keep clause ids. */
export type WorkKind = 'action' | 'measure' | 'space' | 'tenant' | 'project' | 'event' | 'meeting' | 'decision';

/**
 * Anything that serves a clause, as the arrangement view and the report show it: enough to name it,
 * give its status and open it, whatever register it comes from.
 */
export interface WorkItem {
  kind: WorkKind;
  id: string;
  /** SP-2026-014…; null where the kind has none. */
  reference: string | null;
  /** For a meeting or its decision: the meeting's number, labelled in the reader's language (第3次會議, Meeting 3). */
  meetingNumber?: number;
  title: string;
  /** Locale key of the status, e.g. actions.statusValue.done; null where the kind has none. */
  statusKey: string | null;
  /** Open (not done, dropped or finished): what the report lists under "next". */
  open: boolean;
  subGroupId: string | null;
  /** The due date, meeting or event date. */
  date: string | null;
  clauses: string[];
  /** Changes of stage or status with their day, for the report's "done in the period". */
  changes: Array<{ on: string; toKey: string; to: string }>;
}

/** A piece of work's reference as the reader sees it: its number (SP-2026-014), or its meeting's label from the locale. */
export function workReference(item: Pick<WorkItem, 'reference' | 'meetingNumber'>, t: (key: 'meetings.numberLabel', options: { number: number }) => string): string {
  return item.meetingNumber !== undefined ? t('meetings.numberLabel', { number: item.meetingNumber }) : (item.reference ?? '');
}

/** What main answers for one node of the text. */
export interface ClauseDetail {
  nodeId: string;
  items: WorkItem[];
  notes: ClauseNote[];
  /** Annexes that amend or supplement the node or a clause inside it. */
  annexes: Annex[];
}

/** How much serves each clause, for the counts beside the tree. */
export type ClauseCounts = Record<string, { items: number; notes: number; annexes: number }>;

const closed: ReadonlySet<ActionStatus> = new Set(['done', 'dropped']);

export function actionWork(action: Action): WorkItem {
  return {
    kind: 'action',
    id: action.id,
    reference: action.reference,
    title: action.title,
    statusKey: `actions.statusValue.${action.status}`,
    open: !closed.has(action.status),
    subGroupId: action.subGroupId,
    date: action.dueDate,
    clauses: action.clauses,
    changes: action.progress.flatMap((p) =>
      p.statusChange ? [{ on: p.at.slice(0, 10), toKey: `actions.statusValue.${p.statusChange.to}`, to: p.statusChange.to }] : [],
    ),
  };
}

export function citesNode(clauses: readonly string[], nodeId: string): boolean {
  return clauses.some((c) => servesNode(c, nodeId));
}
