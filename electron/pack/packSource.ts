import type { TFunction } from 'i18next';
import { formatDate } from '../../shared/i18n/formatDate';
import { languageOfScript, nameInScript } from '../../shared/model/language';
import { classificationBanner, type AttachmentRef, type MeetingPackData } from '../../shared/model/meeting';
import type { Script } from '../../shared/script/script';
import type { ScriptFields } from '../../shared/script/overrides';
import type { PackContent, PackPaper } from './packContent';

/** What the pack reads of a meeting: MeetingPackData, gathered by MeetingService.packData. */
export type PackSourceData = MeetingPackData;

export interface PackSourceDeps {
  /** A record's field in `script`: its hand correction if current, else the conversion. */
  field(record: ScriptFields, field: string, script: Script): Promise<{ text: string }>;
  /** Any text into `script` (names, organisations). */
  convert(text: string, script: Script): Promise<string>;
  /** A paper's bytes, checked against its recorded hash (AttachmentStore.read). */
  readPaper(attachment: AttachmentRef): Promise<Uint8Array>;
  /** Labels in the pack's language. */
  t: TFunction;
}

const governments: Record<Script, [string, string]> = {
  hant: ['香港特別行政區政府', '深圳市人民政府'],
  hans: ['香港特别行政区政府', '深圳市人民政府'],
};

/** The ideographic space Chinese documents set between a label and its text. */
const WIDE_SPACE = '\u3000';


/** 第3次會議: the one label, from the locale, in the pack's script. */
export function meetingLabel(number: number, t: TFunction): string {
  return t('meetings.numberLabel', { number });
}

function paperLabel(number: { year: number; seq: number }, script: Script): string {
  return `文件第 ${number.seq}/${number.year} ${script === 'hant' ? '號' : '号'}`;
}

/** One script's pack content from the meeting's records, text in that script. */
export async function packContentFrom(data: PackSourceData, script: Script, deps: PackSourceDeps): Promise<PackContent> {
  const { meeting } = data;
  const { t } = deps;
  const language = languageOfScript[script];
  const field = async (record: ScriptFields, path: string) => (await deps.field(record, path, script)).text;
  const live = (m: MeetingPackData['meeting']) => m.agenda.filter((item) => item.removedAt === null);

  const papersByItem = new Map<string, PackPaper[]>();
  for (const { itemId, paper, state } of data.papers) {
    const title = `${paperLabel(paper.number, script)}${WIDE_SPACE}${await field(meeting, `agenda.${itemId}.papers.${paper.id}.title`)}`;
    const list = papersByItem.get(itemId) ?? [];
    list.push({
      name: paper.attachment.fileName,
      title,
      // A missing or altered file fails here, and the pack gets a placeholder page naming it.
      load: () => (state === 'ok' ? deps.readPaper(paper.attachment) : Promise.reject(new Error('attachment missing'))),
    });
    papersByItem.set(itemId, list);
  }

  const agenda = await Promise.all(
    live(meeting).map(async (item, i) => ({
      number: String(i + 1),
      title: await field(meeting, `agenda.${item.id}.title`),
      papers: papersByItem.get(item.id) ?? [],
    })),
  );

  const previous = data.previousMeeting;
  let previousMinutes: PackContent['previousMinutes'] = null;
  if (previous) {
    const paragraphs: string[] = [];
    for (const [i, item] of live(previous).entries()) {
      paragraphs.push(`${i + 1}. ${await field(previous, `agenda.${item.id}.title`)}`);
      if (item.minutes.trim()) paragraphs.push(await field(previous, `agenda.${item.id}.minutes`));
      for (const decision of item.decisions) {
        paragraphs.push(`${t('packDoc.decision')}：${await field(previous, `agenda.${item.id}.decisions.${decision.id}.text`)}`);
      }
    }
    previousMinutes = { title: t('packDoc.minutesOf', { meeting: meetingLabel(previous.number, t) }), paragraphs };
  }

  const mattersArising = await Promise.all(
    data.mattersArising.map(async ({ action }) => {
      const latest = action.progress.findLast((p) => p.note.trim());
      return {
        reference: action.reference,
        title: await field(action, 'title'),
        owner: t(`actions.sideValue.${action.ownerSide}`),
        dueDate: action.dueDate ? formatDate(action.dueDate, language, 'UTC') : '—',
        status: t(`actions.statusValue.${action.status}`),
        latestNote: latest ? await field(action, `progress.${latest.id}.note`) : '',
      };
    }),
  );

  const attendance = await Promise.all(
    data.attendance.map(async (a) => {
      const role = a.role === 'chair' || a.role === 'secretary' ? `（${t(`packDoc.role.${a.role}`)}）` : '';
      const post = [a.title, a.organisation].filter(Boolean).join('，');
      return {
        name: `${await deps.convert(a.name, script)}${role}`,
        post: await deps.convert(post, script),
        side: a.side,
        attendance:
          a.presence === 'apologies' ? ('absent' as const) : a.role === 'inAttendance' || a.role === 'secretary' ? ('inAttendance' as const) : ('present' as const),
      };
    }),
  );

  const title = meeting.title.trim() ? `${meetingLabel(meeting.number, t)}${WIDE_SPACE}${await field(meeting, 'title')}` : meetingLabel(meeting.number, t);
  const time = meeting.startTime ? (meeting.endTime ? `${meeting.startTime}–${meeting.endTime}` : meeting.startTime) : null;
  const venueDetail = meeting.venueDetail.trim() ? await field(meeting, 'venueDetail') : '';
  return {
    script,
    governments: governments[script],
    groupName: nameInScript(data.subGroup?.name ?? data.workingGroupName, script),
    meetingTitle: title,
    date: formatDate(meeting.date, language, 'UTC'),
    time,
    venue: [t(`packDoc.venueValue.${meeting.venue}`), venueDetail].filter(Boolean).join(WIDE_SPACE),
    classification: meeting.classification ? classificationBanner(meeting.classification, script) : null,
    agenda,
    attendance,
    previousMinutes,
    mattersArising,
  };
}
