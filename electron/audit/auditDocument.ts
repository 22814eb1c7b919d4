import type { TFunction } from 'i18next';
import type { AuditFilter } from '../../shared/audit/contract';
import type { AuditEntry } from '../../shared/audit/entry';
import { entryTime, subjectText } from '../../shared/audit/subjectText';
import { documentDate, pageLabel } from '../../shared/documents/labels';
import type { Cell, Column, DocumentModel, WorkbookModel } from '../../shared/documents/model';
import type { Script } from '../../shared/script/script';

/** The audit trail as exported: the entries the view's filter keeps, newest first, and who the officers are. */
export interface AuditExport {
  entries: AuditEntry[];
  filter: AuditFilter;
  /** The officer's name in the document's script, by contact id. */
  officers: Map<string, string>;
  today: string;
}

function table(t: TFunction, data: AuditExport): { columns: Column[]; rows: Cell[][] } {
  const columns: Column[] = [
    { header: t('audit.columns.seq'), width: 1, kind: 'number' },
    { header: t('audit.columns.at'), width: 3 },
    { header: t('audit.columns.officer'), width: 2 },
    { header: t('audit.columns.kind'), width: 2 },
    { header: t('audit.columns.subject'), width: 6 },
  ];
  const rows = data.entries.map((e): Cell[] => [
    { text: String(e.seq + 1), number: e.seq + 1 },
    { text: entryTime(e) },
    { text: e.officer ? (data.officers.get(e.officer) ?? e.officer) : t('audit.noOfficer') },
    { text: t(`audit.kinds.${e.kind}`) },
    { text: subjectText(e, t) },
  ]);
  return { columns, rows };
}

/** The filter as a reader of the paper needs it: which entries were left out. */
function filterLines(t: TFunction, data: AuditExport): Array<{ key: string; value: string }> {
  const { filter } = data;
  const items: Array<{ key: string; value: string }> = [];
  if (filter.officer) items.push({ key: t('audit.filter.officer'), value: data.officers.get(filter.officer) ?? filter.officer });
  if (filter.kinds.length) items.push({ key: t('audit.filter.kind'), value: filter.kinds.map((k) => t(`audit.kinds.${k}`)).join('、') });
  if (filter.recordId) items.push({ key: t('audit.filter.record'), value: filter.recordId });
  if (filter.document) items.push({ key: t('audit.filter.document'), value: filter.document });
  if (filter.from || filter.to) items.push({ key: t('audit.filter.dates'), value: `${filter.from ?? '…'} – ${filter.to ?? '…'}` });
  return items;
}

export function auditWorkbook(t: TFunction, script: Script, data: AuditExport, footer: string[]): WorkbookModel {
  const filters = filterLines(t, data).map((i) => `${i.key}：${i.value}`);
  return { title: t('audit.title'), script, sheets: [{ name: t('audit.title'), ...table(t, data) }], footer: [...filters, ...footer] };
}

export function auditDocument(t: TFunction, script: Script, data: AuditExport, footer: string[]): DocumentModel {
  const title = t('audit.title');
  const filters = filterLines(t, data);
  return {
    title,
    script,
    orientation: 'landscape',
    header: `${title} · ${documentDate(data.today, script)}`,
    footer,
    pageLabel: pageLabel(t),
    blocks: [
      { kind: 'heading', level: 1, text: title },
      { kind: 'paragraph', text: t('exports.doc.prepared', { date: documentDate(data.today, script) }), tone: 'muted' },
      ...(filters.length ? [{ kind: 'keyValues' as const, items: filters }] : []),
      { kind: 'table', ...table(t, data) },
    ],
  };
}
