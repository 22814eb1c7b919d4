import { languageOfScript, nameInScript } from '../../shared/model/language';
import type { TFunction } from 'i18next';
import { findNode } from '../../shared/arrangement/arrangementText';
import { clauseLabel } from '../../shared/arrangement/clauses';
import type { ImplementationReport, ReportDraft, ReportEntry } from '../../shared/arrangement/report';
import { documentDate, documentNumber, pageLabel } from '../../shared/documents/labels';
import type { Block, DocumentModel } from '../../shared/documents/model';
import { actionStatuses } from '../../shared/model/action';
import { annexLabel } from '../../shared/model/annex';
import type { Store } from '../store/store';
import type { ScriptedContent } from '../exports/scriptedContent';
import { otherFigures, otherWorkSources } from './workSources';
import { buildReport, wordingKey } from '../../shared/arrangement/report';
import { AppError } from '../../shared/ipc/errors';
import type { Script } from '../../shared/script/script';

/** A report draft with the report built for its period: what the export writes. */
export interface ImplementationReportData {
  draft: ReportDraft;
  report: ImplementationReport;
  store: Store;
}

export function implementationReportData(store: Store, draftId: string): ImplementationReportData {
  const draft = store.get('reportDrafts', draftId);
  if (!draft || draft.deletedAt) throw new AppError('record.notFound');
  const period = { from: draft.from, to: draft.to };
  const report = buildReport(
    {
      actions: store.list('actions'),
      notes: store.list('clauseNotes'),
      annexes: store.list('annexes'),
      otherWork: otherWorkSources(store).flatMap((source) => source()),
      otherFigures: otherFigures(store, period),
    },
    period,
  );
  return { draft, report, store };
}

/** Entries in the export, for its progress. */
export function entryCount(data: ImplementationReportData): number {
  return data.report.clauses.reduce((n, c) => n + c.done.length + c.overdue.length + c.next.length, 0) + 1;
}

/** An entry's reference and text in the document's script: bilingual names picked, user text converted. */
async function entryTexts(entry: ReportEntry, store: Store, content: ScriptedContent, t: TFunction): Promise<{ reference: string; text: string }> {
  const script = content.script;
  const plain = { reference: entry.reference ?? '', text: entry.text };
  switch (entry.kind) {
    case 'action': {
      const action = store.get('actions', entry.id);
      return action ? { reference: action.reference, text: await content.field('actions', action, 'title') } : plain;
    }
    case 'note': {
      const note = store.get('clauseNotes', entry.id);
      return note ? { reference: '', text: await content.field('clauseNotes', note, 'note') } : plain;
    }
    case 'annex': {
      const annex = store.get('annexes', entry.id);
      return annex ? { reference: annexLabel(annex, languageOfScript[script]), text: nameInScript(annex.title, script) } : plain;
    }
    case 'measure': {
      const measure = store.get('policyMeasures', entry.id);
      return measure ? { reference: '', text: nameInScript(measure.title, script) } : plain;
    }
    case 'tenant': {
      const tenant = store.get('tenants', entry.id);
      return tenant ? { reference: '', text: nameInScript(tenant.name, script) } : plain;
    }
    case 'project': {
      const project = store.get('fundedProjects', entry.id);
      return project ? { reference: project.reference, text: await content.field('fundedProjects', project, 'title') } : plain;
    }
    case 'event': {
      const event = store.get('promotionEvents', entry.id);
      return event ? { reference: '', text: await content.field('promotionEvents', event, 'name') } : plain;
    }
    case 'meeting': {
      const meeting = store.get('meetings', entry.id);
      return meeting ? { reference: t('meetings.numberLabel', { number: meeting.number }), text: await content.field('meetings', meeting, 'title') } : plain;
    }
    case 'decision': {
      for (const meeting of store.list('meetings')) {
        for (const item of meeting.agenda) {
          if (!item.decisions.some((d) => d.id === entry.id)) continue;
          const text = await content.field('meetings', meeting, `agenda.${item.id}.decisions.${entry.id}.text`);
          return { reference: t('meetings.numberLabel', { number: meeting.number }), text };
        }
      }
      return plain;
    }
    default:
      return plain;
  }
}

/**
 * The implementation report to the Joint Task Force (實施進度報告), in one script: the officials'
 * title and introduction, summary figures, then each clause with their wording and what was done,
 * what is overdue and what comes next. Their text and the records' text are converted as on screen.
 */
export async function implementationReportDocument(
  t: TFunction,
  data: ImplementationReportData,
  content: ScriptedContent,
  footer: () => Promise<string[]>,
): Promise<DocumentModel> {
  const script: Script = content.script;
  const language = languageOfScript[script];
  const n = (value: number) => documentNumber(value, script);
  const { draft, report } = data;
  const title = (await content.field('reportDrafts', draft, 'title')) || t('arrangement.reportTab');
  const figures = report.figures;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: title },
    { kind: 'paragraph', text: t('exports.doc.report.to') },
    { kind: 'paragraph', text: t('arrangement.doc.period', { from: documentDate(draft.from, script), to: documentDate(draft.to, script) }), tone: 'muted' },
  ];
  const introduction = await content.field('reportDrafts', draft, 'introduction');
  if (introduction) for (const text of introduction.split(/\n+/)) blocks.push({ kind: 'paragraph', text });

  blocks.push({ kind: 'heading', level: 2, text: t('arrangement.report.figures') });
  blocks.push({
    kind: 'keyValues',
    items: [
      ...actionStatuses.map((s) => ({ key: `${t('arrangement.doc.actions')}（${t(`actions.statusValue.${s}`)}）`, value: n(figures.actionsByStatus[s]) })),
      { key: t('arrangement.report.actionsCompleted'), value: n(figures.actionsCompleted) },
      { key: t('arrangement.report.notesWritten'), value: n(figures.notesWritten) },
      { key: t('arrangement.report.meetingsHeld'), value: n(figures.meetingsHeld ?? 0) },
      { key: t('arrangement.report.eventsHeld'), value: n(figures.eventsHeld ?? 0) },
      ...(figures.occupancy
        ? [{ key: t('arrangement.report.occupancy'), value: t('arrangement.report.area', { occupied: n(figures.occupancy.occupiedM2), leased: n(figures.occupancy.leasedM2) }) }]
        : []),
      ...Object.entries(figures.fundingByCurrency ?? {}).map(([currency, amount]) => ({ key: `${t('arrangement.report.funding')}（${currency}）`, value: n(amount) })),
    ],
  });

  const col = (key: string, width: number) => ({ header: t(`arrangement.doc.col.${key}`), width });
  const section = async (heading: string, entries: ReportEntry[], omitted: number, withLate: boolean) => {
    blocks.push({ kind: 'heading', level: 3, text: heading });
    if (!entries.length) return void blocks.push({ kind: 'paragraph', text: t('arrangement.report.nothing'), tone: 'muted' });
    const rows = [];
    for (const entry of entries) {
      const { reference, text } = await entryTexts(entry, data.store, content, t);
      const status = entry.statusKey ? t(entry.statusKey) : '';
      rows.push([
        { text: t(`arrangement.kind.${entry.kind}`) },
        { text: reference },
        { text },
        { text: withLate && entry.daysLate !== undefined ? `${status}（${t('arrangement.report.daysLate', { count: entry.daysLate })}）` : status },
        { text: entry.date ? documentDate(entry.date, script) : '', date: entry.date ?? undefined },
      ]);
    }
    blocks.push({ kind: 'table', columns: [col('kind', 12), col('reference', 14), col('item', 44), col('status', 16), col('date', 16)], rows });
    if (omitted) blocks.push({ kind: 'paragraph', text: t('arrangement.report.omitted', { count: omitted }), tone: 'muted' });
  };

  for (const clause of report.clauses) {
    const node = findNode(clause.clauseId);
    blocks.push({ kind: 'heading', level: 2, text: [clauseLabel(clause.clauseId, language), node?.heading[script]].filter(Boolean).join('\u3000') });
    const key = wordingKey(clause.clauseId);
    if (draft.wording[key]) {
      const converted = await content.field('reportDrafts', draft, `wording.${key}`);
      for (const text of converted.split(/\n+/)) blocks.push({ kind: 'paragraph', text });
    }
    await section(t('arrangement.report.done'), clause.done, clause.omitted.done, false);
    await section(t('arrangement.report.overdue'), clause.overdue, clause.omitted.overdue, true);
    await section(t('arrangement.report.next'), clause.next, clause.omitted.next, false);
  }

  return {
    title,
    script,
    orientation: 'portrait',
    header: `${t('arrangement.reportTab')} · ${documentDate(draft.from, script)}–${documentDate(draft.to, script)} · ${t('exports.doc.edition')}`,
    footer: await footer(),
    pageLabel: pageLabel(t),
    blocks,
  };
}
