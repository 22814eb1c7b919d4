import { languageOfScript, nameInScript } from '../../shared/model/language';
import type { TFunction } from 'i18next';
import { clauseLabel } from '../../shared/arrangement/clauses';
import { documentDate, documentDay, pageLabel } from '../../shared/documents/labels';
import type { Block, Cell, Column, DocumentModel, SheetModel, WorkbookModel } from '../../shared/documents/model';
import type { Action } from '../../shared/model/action';
import type { Contact } from '../../shared/model/contact';
import { shortSubGroupName, type SubGroup } from '../../shared/model/subGroup';
import { checkpoint, type RenderProgress } from '../documents/output/progress';
import type { ScriptedContent } from './scriptedContent';
import { Script } from '../../shared/script/script';

/** The actions to export, grouped as on screen: one group per sub-group, in tab order. */
export interface ActionGroup {
  subGroup: SubGroup;
  actions: Action[];
}

export interface ActionExport {
  groups: ActionGroup[];
  /** The one sub-group exported, or null for the overview's export across all. */
  subGroup: SubGroup | null;
  contacts: Map<string, Contact>;
  includeLog: boolean;
  /** ISO date the document is prepared on. */
  today: string;
}

/** One action's cells in one script, converted; reused by every layout. */
interface ActionText {
  reference: string;
  title: string;
  owner: string;
  officers: string;
  due: string;
  dueDate: string | null;
  status: string;
  clauses: string;
  latest: string;
  latestDate: string | null;
  log: Array<{ date: string; at: string; status: string; note: string }>;
}

export function actionsTitle(t: TFunction, script: Script, subGroup: SubGroup | null): string {
  return t('exports.doc.actionsTitle', { subGroup: subGroup ? nameInScript(subGroup.name, script) : t('exports.doc.actionsAll') });
}

/** Labels each action repeats (status, side, clause), looked up once per export rather than once per action. */
interface Labels {
  status: (status: string) => string;
  side: (side: string) => string;
  clause: (id: string) => string;
}

function memo(of: (key: string) => string): (key: string) => string {
  const known = new Map<string, string>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) known.set(key, (value = of(key)));
    return value;
  };
}

function labelsFor(script: Script, t: TFunction): Labels {
  const language = languageOfScript[script];
  return {
    status: memo((s) => t(`actions.statusValue.${s}`)),
    side: memo((s) => t(`actions.sideValue.${s}`)),
    clause: memo((c) => clauseLabel(c, language)),
  };
}

async function actionText(action: Action, data: ActionExport, content: ScriptedContent, labels: Labels): Promise<ActionText> {
  const script = content.script;
  const name = async (id: string) => {
    const contact = data.contacts.get(id);
    return contact ? content.field('contacts', contact, 'name') : '';
  };
  const people = [...new Set([...action.leads.map((l) => l.contactId), ...action.officerIds])];
  const officers = (await Promise.all(people.map(name))).filter(Boolean).join('、');
  const latestEntry = action.progress.findLast((p) => p.note);
  const log = data.includeLog
    ? await Promise.all(
        action.progress.map(async (p) => ({
          at: p.at,
          date: documentDay(p.at, script),
          status: p.statusChange ? `${labels.status(p.statusChange.from)} → ${labels.status(p.statusChange.to)}` : '',
          note: p.note ? await content.field('actions', action, `progress.${p.id}.note`) : '',
        })),
      )
    : [];
  return {
    reference: action.reference,
    title: await content.field('actions', action, 'title'),
    owner: labels.side(action.ownerSide),
    officers,
    due: action.dueDate ? documentDate(action.dueDate, script) : '',
    dueDate: action.dueDate,
    status: labels.status(action.status),
    clauses: action.clauses.map(labels.clause).join('、'),
    latest: latestEntry ? await content.field('actions', action, `progress.${latestEntry.id}.note`) : '',
    latestDate: latestEntry ? latestEntry.at.slice(0, 10) : null,
    log,
  };
}

/** Every action of every group in one script, in order, yielding now and then so the window stays responsive. */
export async function actionTexts(data: ActionExport, content: ScriptedContent, t: TFunction, progress?: RenderProgress): Promise<ActionText[][]> {
  const labels = labelsFor(content.script, t);
  let done = 0;
  const out: ActionText[][] = [];
  for (const group of data.groups) {
    const texts: ActionText[] = [];
    for (const action of group.actions) {
      texts.push(await actionText(action, data, content, labels));
      await checkpoint(++done, progress);
    }
    out.push(texts);
  }
  return out;
}

function columns(t: TFunction): Column[] {
  const c = (key: string, width: number, kind?: Column['kind']): Column => ({ header: t(`exports.doc.columns.${key}`), width, kind });
  return [c('reference', 12), c('title', 27), c('owner', 7), c('officers', 11), c('due', 17, 'date'), c('status', 8), c('clauses', 13), c('latest', 33)];
}

function row(a: ActionText): Cell[] {
  return [
    { text: a.reference },
    { text: a.title },
    { text: a.owner },
    { text: a.officers },
    { text: a.due, date: a.dueDate ?? undefined },
    { text: a.status },
    { text: a.clauses },
    { text: a.latest },
  ];
}

function logBlocks(t: TFunction, texts: ActionText[]): Block[] {
  const blocks: Block[] = [{ kind: 'heading', level: 2, text: t('exports.doc.progressLog') }];
  for (const a of texts) {
    blocks.push({ kind: 'heading', level: 3, text: `${a.reference} ${a.title}` });
    if (!a.log.length) {
      blocks.push({ kind: 'paragraph', text: t('exports.doc.noProgress'), tone: 'muted' });
      continue;
    }
    blocks.push({
      kind: 'table',
      columns: [
        { header: t('exports.doc.log.date'), width: 14 },
        { header: t('exports.doc.log.status'), width: 18 },
        { header: t('exports.doc.log.note'), width: 68 },
      ],
      rows: a.log.map((l) => [{ text: l.date, date: l.at.slice(0, 10) }, { text: l.status }, { text: l.note }]),
    });
  }
  return blocks;
}

function frame(t: TFunction, script: Script, data: ActionExport, footer: string[], blocks: Block[], parallel = false): DocumentModel {
  const title = actionsTitle(t, script, data.subGroup);
  return {
    title,
    script,
    parallel,
    orientation: 'landscape',
    header: `${title} · ${parallel ? t('exports.doc.parallelColumn') : t('exports.doc.edition')}`,
    footer,
    pageLabel: pageLabel(t),
    blocks,
  };
}

/** The action list as a document (DOCX, PDF): a table per sub-group, optionally each action's progress log. */
export function actionsDocument(t: TFunction, script: Script, data: ActionExport, texts: ActionText[][], footer: string[]): DocumentModel {
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: actionsTitle(t, script, data.subGroup) },
    { kind: 'paragraph', text: t('exports.doc.prepared', { date: documentDate(data.today, script) }), tone: 'muted' },
  ];
  data.groups.forEach((group, i) => {
    const list = texts[i]!;
    if (data.subGroup === null) blocks.push({ kind: 'heading', level: 2, text: nameInScript(group.subGroup.name, script) });
    blocks.push({ kind: 'paragraph', text: t('exports.doc.count', { count: list.length }) });
    if (list.length) blocks.push({ kind: 'table', columns: columns(t), rows: list.map(row) });
    if (data.includeLog && list.length) blocks.push(...logBlocks(t, list));
  });
  return frame(t, script, data, footer, blocks);
}

/** The action list as a workbook: one sheet per sub-group, dates as dates; the log on a sheet of its own. */
export function actionsWorkbook(t: TFunction, script: Script, data: ActionExport, texts: ActionText[][], footer: string[]): WorkbookModel {
  const cols = [...columns(t)];
  cols.splice(7, 0, { header: t('exports.doc.columns.latestDate'), width: 12, kind: 'date' });
  const sheets: SheetModel[] = data.groups.map((group, i) => ({
    name: shortSubGroupName(nameInScript(group.subGroup.name, script)) || group.subGroup.code,
    columns: cols,
    rows: texts[i]!.map((a) => {
      const cells = row(a);
      cells.splice(7, 0, { text: a.latestDate ? documentDate(a.latestDate, script) : '', date: a.latestDate ?? undefined });
      return cells;
    }),
  }));
  if (data.includeLog) {
    sheets.push({
      name: t('exports.doc.progressLog'),
      columns: [
        { header: t('exports.doc.columns.reference'), width: 12 },
        { header: t('exports.doc.log.date'), width: 12, kind: 'date' },
        { header: t('exports.doc.log.status'), width: 16 },
        { header: t('exports.doc.log.note'), width: 60 },
      ],
      rows: texts.flat().flatMap((a) => a.log.map((l) => [{ text: a.reference }, { text: l.date, date: l.at.slice(0, 10) }, { text: l.status }, { text: l.note }])),
    });
  }
  return { title: actionsTitle(t, script, data.subGroup), script, sheets, footer };
}

function summary(t: TFunction, a: ActionText): string {
  const line = (key: string, value: string) => (value ? `${t(`exports.doc.columns.${key}`)}：${value}` : '');
  return [a.title, line('owner', [a.owner, a.officers].filter(Boolean).join(' · ')), line('due', a.due), line('status', a.status), line('clauses', a.clauses), line('latest', a.latest)]
    .filter(Boolean)
    .join('\n');
}

/** 繁體 and 简体 side by side: each action's text in both scripts, labels in each column's own script. */
export function actionsParallel(
  translators: Record<Script, TFunction>,
  data: ActionExport,
  texts: Record<Script, ActionText[][]>,
  footer: string[],
): DocumentModel {
  const t = translators.hant;
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: actionsTitle(t, 'hant', data.subGroup) },
    { kind: 'heading', level: 1, text: actionsTitle(translators.hans, 'hans', data.subGroup), script: 'hans' },
    { kind: 'paragraph', text: t('exports.doc.parallelNote'), tone: 'muted' },
    { kind: 'paragraph', text: translators.hans('exports.doc.parallelNote'), tone: 'muted', script: 'hans' },
  ];
  data.groups.forEach((group, i) => {
    if (data.subGroup === null) blocks.push({ kind: 'heading', level: 2, text: `${group.subGroup.name.hant}／${group.subGroup.name.hans}` });
    const hant = texts.hant[i]!;
    const hans = texts.hans[i]!;
    if (!hant.length) return;
    blocks.push({
      kind: 'table',
      columns: [
        { header: t('exports.doc.columns.reference'), width: 12 },
        { header: t('exports.doc.parallelColumn'), width: 44 },
        { header: translators.hans('exports.doc.parallelColumn'), width: 44 },
      ],
      headerScripts: [undefined, undefined, 'hans'],
      rows: hant.map((a, j) => [{ text: a.reference }, { text: summary(t, a) }, { text: summary(translators.hans, hans[j]!), script: 'hans' }]),
    });
  });
  return frame(t, 'hant', data, footer, blocks, true);
}
