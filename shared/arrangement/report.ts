import { z } from 'zod';
import type { Action, ActionStatus } from '../model/action';
import { actionStatuses } from '../model/action';
import type { Annex } from '../model/annex';
import type { ClauseNote } from '../model/clauseNote';
import { CalendarDate } from '../model/action';
import { RecordBase } from '../model/record';
import { scriptFields } from '../script/overrides';
import { clauses } from './clauses';
import { actionWork, type WorkItem } from './work';

/** A report's period, both days included. */
export const ReportPeriod = z
  .object({ from: z.iso.date('validation.date'), to: z.iso.date('validation.date') })
  .refine((p) => p.from <= p.to, { message: 'validation.periodOrder', path: ['to'] });
export type ReportPeriod = z.infer<typeof ReportPeriod>;

const WordingKey = z.string().regex(/^\d(_\d){0,2}$/);

/** The key a clause's wording is kept under in a draft: 2.3.1 → 2_3_1, so `wording.2_3_1` is one field path. */
export function wordingKey(clauseId: string): string {
  return clauseId.replaceAll('.', '_');
}

/**
 * The officials' draft of one period's implementation report (實施進度報告): their own wording for
 * each clause, kept with the period and offered again as the next period's starting point.
 */
export const ReportDraft = RecordBase.extend({
  from: CalendarDate,
  to: CalendarDate,
  title: z.string().max(300, 'validation.tooLong'),
  introduction: z.string().max(20_000, 'validation.tooLong'),
  /** By wordingKey(clause id): field paths are dotted, so the key carries none. */
  wording: z.record(WordingKey, z.string().max(20_000, 'validation.tooLong')),
  ...scriptFields,
});
export type ReportDraft = z.infer<typeof ReportDraft>;

export const ReportDraftFields = z.object({
  title: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
  introduction: z.string().trim().max(20_000, 'validation.tooLong'),
  wording: z.record(WordingKey, z.string().trim().max(20_000, 'validation.tooLong')),
});
export type ReportDraftFields = z.input<typeof ReportDraftFields>;
export const ReportDraftEdit = z.object({ id: z.uuid(), revision: z.number().int().positive(), fields: ReportDraftFields });

/** One line of a clause's section: a piece of work and what happened to it. */
export interface ReportEntry {
  kind: WorkItem['kind'] | 'note' | 'annex';
  id: string;
  reference: string | null;
  meetingNumber?: number;
  /** Title or note text, as written (the exporter shows it in the reader's script). */
  text: string;
  /** The day it happened, or the due day. */
  date: string | null;
  /** Locale key of what happened or the status, e.g. actions.statusValue.done. */
  statusKey: string | null;
  /** For overdue work: days late at the period's end. */
  daysLate?: number;
}

export interface ClauseReport {
  clauseId: string;
  done: ReportEntry[];
  overdue: ReportEntry[];
  next: ReportEntry[];
  /** Entries beyond each section's limit, counted but not listed. */
  omitted: { done: number; overdue: number; next: number };
}

/**
 * Entries listed per section of a clause: the latest done, the longest overdue, the soonest next. A
 * report to the Joint Task Force names what matters and counts the rest; the figures carry the totals.
 */
export const SECTION_LIMIT = 30;

/** Figures for the report's first page; registers add occupancy, funding and events once they keep them. */
export interface ReportFigures {
  actionsByStatus: Record<ActionStatus, number>;
  actionsCompleted: number;
  notesWritten: number;
  /** Leased and occupied floor area in m², when the space register has any. */
  occupancy?: { leasedM2: number; occupiedM2: number };
  /** Approved funding of the projects active in the period, by currency. */
  fundingByCurrency?: Record<string, number>;
  eventsHeld?: number;
  meetingsHeld?: number;
}

export interface ImplementationReport {
  period: ReportPeriod;
  figures: ReportFigures;
  clauses: ClauseReport[];
}

export interface ReportSources {
  actions: readonly Action[];
  notes: readonly ClauseNote[];
  annexes: readonly Annex[];
  /** Work from other registers (measures, tenants, projects, events, meetings), already as items. */
  otherWork: readonly WorkItem[];
  /** Figures those registers contribute. */
  otherFigures?: Partial<ReportFigures>;
}

const within = (day: string | null, period: ReportPeriod) => day !== null && day >= period.from && day <= period.to;
/** How far ahead "what comes next" looks: open work due within this many days of the period's end. */
const NEXT_WINDOW_DAYS = 92;
const DATED: ReadonlySet<WorkItem['kind']> = new Set(['meeting', 'decision', 'event']);

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * The report for a period, clause by clause: what was done in it (progress notes, work that changed
 * status or stage, meetings held, annexes agreed or signed), what was overdue at its end, and what
 * comes next. Built in one pass over each source, so a year of ten years' data stays quick.
 */
export function buildReport(sources: ReportSources, period: ReportPeriod): ImplementationReport {
  const byClause = new Map<string, ClauseReport>(clauses.map((c) => [c.id, { clauseId: c.id, done: [], overdue: [], next: [], omitted: { done: 0, overdue: 0, next: 0 } }]));
  const horizon = addDays(period.to, NEXT_WINDOW_DAYS);
  const actionsByStatus = Object.fromEntries(actionStatuses.map((s) => [s, 0])) as Record<ActionStatus, number>;
  let actionsCompleted = 0;

  const place = (clauseIds: readonly string[], section: 'done' | 'overdue' | 'next', entry: ReportEntry) => {
    for (const id of new Set(clauseIds)) byClause.get(id)?.[section].push(entry);
  };

  const placeWork = (item: WorkItem, createdOn: string | null) => {
    if (createdOn !== null && createdOn > period.to) return;
    const base = { kind: item.kind, id: item.id, reference: item.reference, meetingNumber: item.meetingNumber, text: item.title };
    if (DATED.has(item.kind)) {
      // Meetings, decisions and events happen on their day: held in the period, or coming after it.
      if (within(item.date, period)) place(item.clauses, 'done', { ...base, date: item.date, statusKey: item.statusKey });
      else if (item.date !== null && item.date > period.to && item.date <= horizon) place(item.clauses, 'next', { ...base, date: item.date, statusKey: item.statusKey });
      return;
    }
    const changed = item.changes.filter((c) => within(c.on, period)).at(-1);
    if (changed) place(item.clauses, 'done', { ...base, date: changed.on, statusKey: changed.toKey });
    if (!item.open) return;
    if (item.date !== null && item.date < period.to) {
      place(item.clauses, 'overdue', { ...base, date: item.date, statusKey: item.statusKey, daysLate: daysBetween(item.date, period.to) });
    } else if (item.date === null || item.date <= horizon) {
      place(item.clauses, 'next', { ...base, date: item.date, statusKey: item.statusKey });
    }
  };

  for (const action of sources.actions) {
    if (action.deletedAt) continue;
    const createdOn = action.createdAt.slice(0, 10);
    if (createdOn <= period.to) actionsByStatus[statusAt(action, period.to)]++;
    const item = actionWork(action);
    // An action closed after the period was still open at its end.
    const closedLater = !item.open && item.changes.some((c) => c.on > period.to);
    if (item.changes.some((c) => within(c.on, period) && c.to === 'done')) actionsCompleted++;
    placeWork(closedLater ? { ...item, open: true } : item, createdOn);
  }
  for (const item of sources.otherWork) placeWork(item, null);

  let notesWritten = 0;
  for (const note of sources.notes) {
    if (note.deletedAt || !within(note.on, period)) continue;
    notesWritten++;
    place([note.clauseId], 'done', { kind: 'note', id: note.id, reference: null, text: note.note, date: note.on, statusKey: null });
  }

  for (const annex of sources.annexes) {
    if (annex.deletedAt) continue;
    const ids = annex.clauses.map((c) => c.clauseId);
    const milestones = [
      ['agreed', annex.agreedOn],
      ['signed', annex.signedOn],
      ['inForce', annex.inForceFrom],
    ] as const;
    const reached = milestones.filter(([, on]) => within(on, period)).at(-1);
    const base = { kind: 'annex' as const, id: annex.id, reference: null, text: annex.title.hant };
    if (reached) place(ids, 'done', { ...base, date: reached[1], statusKey: `arrangement.annexStatus.${reached[0]}` });
    if (annex.status !== 'inForce') place(ids, 'next', { ...base, date: null, statusKey: `arrangement.annexStatus.${annex.status}` });
  }

  for (const report of byClause.values()) {
    report.done.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
    report.overdue.sort((a, b) => (b.daysLate ?? 0) - (a.daysLate ?? 0));
    report.next.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
    report.omitted = {
      done: Math.max(0, report.done.length - SECTION_LIMIT),
      overdue: Math.max(0, report.overdue.length - SECTION_LIMIT),
      next: Math.max(0, report.next.length - SECTION_LIMIT),
    };
    report.done = report.done.slice(-SECTION_LIMIT);
    report.overdue = report.overdue.slice(0, SECTION_LIMIT);
    report.next = report.next.slice(0, SECTION_LIMIT);
  }

  return {
    period,
    figures: { actionsByStatus, actionsCompleted, notesWritten, ...sources.otherFigures },
    clauses: [...byClause.values()],
  };
}

/** An action's status at the end of a day, replayed from its log (before any change: the first change's "from"). */
export function statusAt(action: Action, day: string): ActionStatus {
  const changes = action.progress.filter((p) => p.statusChange);
  let status: ActionStatus = changes[0]?.statusChange!.from ?? action.status;
  for (const entry of changes) {
    if (entry.at.slice(0, 10) > day) break;
    status = entry.statusChange!.to;
  }
  return status;
}
