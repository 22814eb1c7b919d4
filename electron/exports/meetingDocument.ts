import { nameInScript } from '../../shared/model/language';
import type { TFunction } from 'i18next';
import { documentDate, pageLabel } from '../../shared/documents/labels';
import type { Block, Cell, DocumentModel } from '../../shared/documents/model';
import type { Action } from '../../shared/model/action';
import type { Contact } from '../../shared/model/contact';
import type { AgendaItem, Meeting } from '../../shared/model/meeting';
import type { SubGroup } from '../../shared/model/subGroup';
import type { ScriptedContent } from './scriptedContent';
import { Script } from '../../shared/script/script';

export interface MeetingData {
  meeting: Meeting;
  /** Null for a meeting of the working group as a whole. */
  body: SubGroup | null;
  bodyName: { hant: string; hans: string };
  contacts: Map<string, Contact>;
  /** Follow-up actions arising, by agenda item id. */
  arising: Map<string, Action[]>;
}

export function meetingTitle(t: TFunction, script: Script, data: MeetingData): string {
  return `${nameInScript(data.bodyName, script)}${t('meetings.numberLabel', { number: data.meeting.number })}`;
}

const items = (meeting: Meeting) => meeting.agenda.filter((i) => i.removedAt === null);

async function itemTitle(item: AgendaItem, meeting: Meeting, content: ScriptedContent): Promise<string> {
  return content.field('meetings', meeting, `agenda.${item.id}.title`);
}

/** A meeting's agenda, attendance list and minutes with decisions and actions arising, in one script. */
export async function meetingDocument(t: TFunction, data: MeetingData, content: ScriptedContent, footer: () => Promise<string[]>): Promise<DocumentModel> {
  const script = content.script;
  const { meeting } = data;
  const title = meetingTitle(t, script, data);
  const name = async (id: string | null) => {
    const contact = id ? data.contacts.get(id) : undefined;
    return contact ? content.field('contacts', contact, 'name') : '';
  };
  const when = [documentDate(meeting.date, script), [meeting.startTime, meeting.endTime].filter(Boolean).join('–')].filter(Boolean).join(' ');
  const blocks: Block[] = [
    { kind: 'heading', level: 1, text: title },
    {
      kind: 'keyValues',
      items: [
        ...(meeting.title ? [{ key: t('meetings.name'), value: await content.field('meetings', meeting, 'title') }] : []),
        { key: t('meetings.date'), value: when },
        { key: t('meetings.venue'), value: [t(`meetings.venueValue.${meeting.venue}`), await content.field('meetings', meeting, 'venueDetail')].filter(Boolean).join(' · ') },
      ],
    },
    { kind: 'heading', level: 2, text: t('meetings.tabs.agenda') },
  ];
  const agenda = items(meeting);
  const agendaRows: Cell[][] = [];
  for (const [i, item] of agenda.entries()) agendaRows.push([{ text: String(i + 1), number: i + 1 }, { text: await itemTitle(item, meeting, content) }, { text: await name(item.presenterId) }]);
  blocks.push({
    kind: 'table',
    columns: [{ header: '#', width: 6, kind: 'number' }, { header: t('meetings.agenda.itemTitle'), width: 64 }, { header: t('meetings.agenda.presenter'), width: 30 }],
    rows: agendaRows,
  });

  blocks.push({ kind: 'heading', level: 2, text: t('meetings.tabs.attendance') });
  const attendance: Cell[][] = [];
  for (const a of meeting.attendance) {
    const contact = data.contacts.get(a.contactId);
    attendance.push([
      { text: await name(a.contactId) },
      { text: contact ? await content.field('contacts', contact, 'organisation') : '' },
      { text: t(`meetings.attendance.roleValue.${a.role}`) },
      { text: t(`meetings.attendance.presenceValue.${a.presence}`) },
    ]);
  }
  if (attendance.length) {
    blocks.push({
      kind: 'table',
      columns: [
        { header: t('meetings.attendance.contact'), width: 25 },
        { header: t('contacts.fields.organisation'), width: 35 },
        { header: t('meetings.attendance.role'), width: 15 },
        { header: t('meetings.attendance.presence'), width: 25 },
      ],
      rows: attendance,
    });
  } else blocks.push({ kind: 'paragraph', text: t('meetings.attendance.empty'), tone: 'muted' });

  blocks.push({ kind: 'heading', level: 2, text: t('meetings.tabs.minutes') });
  for (const [i, item] of agenda.entries()) {
    blocks.push({ kind: 'heading', level: 3, text: `${i + 1}. ${await itemTitle(item, meeting, content)}` });
    const minutes = await content.field('meetings', meeting, `agenda.${item.id}.minutes`);
    blocks.push({ kind: 'paragraph', text: minutes || t('meetings.minutes.noMinutes'), tone: minutes ? 'normal' : 'muted' });
    for (const decision of item.decisions) {
      blocks.push({ kind: 'paragraph', text: `${t('meetings.agenda.decisionsTitle')}：${await content.field('meetings', meeting, `agenda.${item.id}.decisions.${decision.id}.text`)}`, tone: 'emphasis' });
    }
    const arising = data.arising.get(item.id) ?? [];
    if (arising.length) {
      const rows: Cell[][] = [];
      for (const action of arising) {
        rows.push([
          { text: action.reference },
          { text: await content.field('actions', action, 'title') },
          { text: t(`actions.sideValue.${action.ownerSide}`) },
          { text: action.dueDate ? documentDate(action.dueDate, script) : '', date: action.dueDate ?? undefined },
        ]);
      }
      blocks.push({
        kind: 'table',
        columns: [
          { header: t('exports.doc.columns.reference'), width: 16 },
          { header: t('meetings.arising.title'), width: 54 },
          { header: t('exports.doc.columns.owner'), width: 12 },
          { header: t('exports.doc.columns.due'), width: 18 },
        ],
        rows,
      });
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

/** The agenda with 繁體 and 简体 side by side. */
export async function meetingParallel(translators: Record<Script, TFunction>, data: MeetingData, content: Record<Script, ScriptedContent>, footer: string[]): Promise<DocumentModel> {
  const { meeting } = data;
  const rows: Cell[][] = [];
  for (const [i, item] of items(meeting).entries()) {
    rows.push([
      { text: String(i + 1), number: i + 1 },
      { text: await itemTitle(item, meeting, content.hant) },
      { text: await itemTitle(item, meeting, content.hans), script: 'hans' },
    ]);
  }
  const title = meetingTitle(translators.hant, 'hant', data);
  return {
    title,
    script: 'hant',
    parallel: true,
    orientation: 'portrait',
    header: `${title} · ${translators.hant('meetings.tabs.agenda')}`,
    footer,
    pageLabel: pageLabel(translators.hant),
    blocks: [
      { kind: 'heading', level: 1, text: `${title} ${translators.hant('meetings.tabs.agenda')}` },
      { kind: 'heading', level: 1, text: `${meetingTitle(translators.hans, 'hans', data)} ${translators.hans('meetings.tabs.agenda')}`, script: 'hans' },
      { kind: 'paragraph', text: `${documentDate(meeting.date, 'hant')} ／ ${documentDate(meeting.date, 'hans')}` },
      {
        kind: 'table',
        columns: [
          { header: '#', width: 6, kind: 'number' },
          { header: translators.hant('exports.doc.parallelColumn'), width: 47 },
          { header: translators.hans('exports.doc.parallelColumn'), width: 47 },
        ],
        headerScripts: [undefined, undefined, 'hans'],
        rows,
      },
    ],
  };
}
