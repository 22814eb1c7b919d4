import { languageOfScript, nameInScript } from '../../shared/model/language';
import type { TFunction } from 'i18next';
import { clauseLabel, clauses } from '../../shared/arrangement/clauses';
import { daysBetween, dueState } from '../../shared/actions/dueDates';
import { documentDate, documentNumber, pageLabel } from '../../shared/documents/labels';
import type { Block, DocumentModel } from '../../shared/documents/model';
import { actionStatuses, type Action } from '../../shared/model/action';
import type { Meeting } from '../../shared/model/meeting';
import type { SubGroup } from '../../shared/model/subGroup';
import type { ScriptedContent } from './scriptedContent';
import type { Script } from '../../shared/script/script';

export interface ReportData {
  subGroup: SubGroup;
  actions: Action[];
  /** The sub-group's meetings, latest first; their decisions are the report's recent decisions. */
  meetings: Meeting[];
  today: string;
}

const RECENT_MEETINGS = 3;

const referenceOrder = new Intl.Collator('en', { numeric: true });

/** The sub-group's progress report for the Joint Task Force: figures, overdue items, actions by clause, recent decisions. */
export async function reportDocument(t: TFunction, data: ReportData, content: ScriptedContent, footer: () => Promise<string[]>): Promise<DocumentModel> {
  const script: Script = content.script;
  const n = (value: number) => documentNumber(value, script);
  const title = t('exports.doc.report.title', { subGroup: nameInScript(data.subGroup.name, script) });
  // In reference order (JP-2026-9 before JP-2026-10), as the actions list and workbook show them; the store's order is arbitrary.
  const live = data.actions.filter((a) => a.deletedAt === null).sort((a, b) => referenceOrder.compare(a.reference, b.reference));
  const overdue = live.filter((a) => dueState(a, data.today) === 'overdue').sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : 1));
  const dueSoon = live.filter((a) => dueState(a, data.today) === 'dueSoon');
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: title },
    { kind: 'paragraph', text: t('exports.doc.report.to') },
    { kind: 'paragraph', text: t('exports.doc.prepared', { date: documentDate(data.today, script) }), tone: 'muted' },
    { kind: 'heading', level: 2, text: t('exports.doc.report.summary') },
    {
      kind: 'keyValues',
      items: [
        { key: t('exports.doc.report.figures.total'), value: n(live.length) },
        ...actionStatuses.map((s) => ({ key: t(`exports.doc.report.figures.${s}`), value: n(live.filter((a) => a.status === s).length) })),
        { key: t('exports.doc.report.figures.overdue'), value: n(overdue.length) },
        { key: t('exports.doc.report.figures.dueSoon'), value: n(dueSoon.length) },
      ],
    },
    { kind: 'heading', level: 2, text: t('exports.doc.report.overdue') },
  ];
  const col = (key: string, width: number) => ({ header: t(`exports.doc.columns.${key}`), width });
  if (overdue.length) {
    blocks.push({
      kind: 'table',
      columns: [col('reference', 14), col('title', 40), col('owner', 10), col('due', 16), { ...col('daysLate', 10), kind: 'number' }, col('status', 10)],
      rows: await Promise.all(
        overdue.map(async (a) => {
          const late = daysBetween(a.dueDate!, data.today);
          return [
            { text: a.reference },
            { text: await content.field('actions', a, 'title') },
            { text: t(`actions.sideValue.${a.ownerSide}`) },
            { text: documentDate(a.dueDate!, script), date: a.dueDate! },
            { text: n(late), number: late },
            { text: t(`actions.statusValue.${a.status}`) },
          ];
        }),
      ),
    });
  } else blocks.push({ kind: 'paragraph', text: t('exports.doc.report.noOverdue') });

  blocks.push({ kind: 'heading', level: 2, text: t('exports.doc.report.byClause') });
  const language = languageOfScript[script];
  const groups = [...clauses.map((c) => ({ label: clauseLabel(c.id, language), list: live.filter((a) => a.clauses.includes(c.id)) })), {
    label: t('exports.doc.report.noClause'),
    list: live.filter((a) => a.clauses.length === 0),
  }].filter((g) => g.list.length);
  for (const group of groups) {
    blocks.push({ kind: 'heading', level: 3, text: `${group.label}（${t('exports.doc.count', { count: group.list.length })}）` });
    blocks.push({
      kind: 'table',
      columns: [col('reference', 14), col('title', 56), col('due', 16), col('status', 14)],
      rows: await Promise.all(
        group.list.map(async (a) => [
          { text: a.reference },
          { text: await content.field('actions', a, 'title') },
          { text: a.dueDate ? documentDate(a.dueDate, script) : '', date: a.dueDate ?? undefined },
          { text: t(`actions.statusValue.${a.status}`) },
        ]),
      ),
    });
  }

  blocks.push({ kind: 'heading', level: 2, text: t('exports.doc.report.recentDecisions') });
  const recent = data.meetings.filter((m) => m.agenda.some((i) => i.removedAt === null && i.decisions.length)).slice(0, RECENT_MEETINGS);
  if (!recent.length) blocks.push({ kind: 'paragraph', text: t('exports.doc.report.noDecisions') });
  for (const meeting of recent) {
    blocks.push({ kind: 'heading', level: 3, text: `${t('meetings.numberLabel', { number: meeting.number })}（${documentDate(meeting.date, script)}）` });
    for (const item of meeting.agenda.filter((i) => i.removedAt === null)) {
      for (const decision of item.decisions) {
        blocks.push({ kind: 'paragraph', text: `• ${await content.field('meetings', meeting, `agenda.${item.id}.decisions.${decision.id}.text`)}` });
      }
    }
  }
  return {
    title,
    script,
    orientation: 'portrait',
    header: `${title} · ${t('exports.doc.edition')}`,
    footer: await footer(),
    pageLabel: pageLabel(t),
    blocks,
  };
}
