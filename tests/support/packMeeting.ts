import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { QueuedDialogs } from '../../electron/dialogs/dialogs';
import type { Action } from '../../shared/model/action';
import type { Contact } from '../../shared/model/contact';
import type { Meeting } from '../../shared/model/meeting';
import type { SubGroup } from '../../shared/model/subGroup';

/** Calls a bridge method as the app's window does and returns its value (throws on a typed error). */
export type Call = <T>(channel: string, input?: unknown) => Promise<T>;

/** A paper PDF whose every page says which paper and page it is, so tests can find it in the pack. */
export async function writePaperPdf(dir: string, fileName: string, marker: string, pages: number): Promise<string> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    pdf.addPage([595, 842]).drawText(`${marker} page ${i}`, { x: 72, y: 600, size: 18, font });
  }
  const file = path.join(dir, fileName);
  await writeFile(file, await pdf.save());
  return file;
}

export interface PackMeetingOptions {
  /** Agenda items after the standard two; default two (four in all). */
  extraItems?: number;
  /** Pages of each paper, tabled in turn under the items after the standard ones. */
  paperPages?: number[];
  /** Adds a paper that starts like a PDF but is damaged inside. */
  brokenPaper?: boolean;
}

export interface PackMeeting {
  meeting: Meeting;
  subGroup: SubGroup;
  /** The marker printed on each paper's pages, in agenda order. */
  markers: string[];
}

/**
 * A sub-group's second meeting, ready for its pack: attendance from both sides, the first meeting's
 * minutes and an action arising from it, four agenda items and three PDF papers (by default).
 */
export async function createPackMeeting(call: Call, dialogs: QueuedDialogs, filesDir: string, options: PackMeetingOptions = {}): Promise<PackMeeting> {
  const paperPages = options.paperPages ?? [3, 2, 4];
  const extraItems = options.extraItems ?? 2;
  const [subGroup] = await call<SubGroup[]>('subGroups.list');
  const person = (name: string, title: string, organisation: string, side: 'HK' | 'SZ') =>
    call<Contact>('contacts.create', { name, title, organisation, side, email: '', phone: '', memberships: [] });
  const chair = await person('陳大文', '助理署長', '創新科技署', 'HK');
  const member = await person('李明', '處長', '深圳市科技創新局', 'SZ');
  const absent = await person('黃美玲', '經理', '香港科技園公司', 'HK');

  const meetingFields = (date: string, attendance: unknown[]) => ({
    title: '',
    date,
    startTime: '14:30',
    endTime: '16:30',
    venue: 'SZ',
    venueDetail: '深圳園區會議室',
    classification: 'restricted',
    attendance,
  });
  const saveItem = (meeting: Meeting, title: string, minutes = '', decisions: string[] = []) =>
    call<Meeting>('meetings.saveItem', {
      id: meeting.id,
      revision: meeting.revision,
      itemId: null,
      item: { title, standard: null, presenterId: null, minutes, decisions },
    });

  let first = await call<Meeting>('meetings.create', { subGroupId: subGroup!.id, fields: meetingFields('2026-09-15', []), standardItems: [] });
  first = await saveItem(first, '深圳園區物業租賃安排', '與會者備悉首批物業的租賃安排。', ['秘書處於下次會議前提交租約條款。']);
  const action = await call<Action>('meetings.addActionArising', {
    meetingId: first.id,
    itemId: first.agenda[0]!.id,
    subGroupId: subGroup!.id,
    fields: { title: '提交租約條款', description: '', ownerSide: 'HK', leads: [], officerIds: [], dueDate: '2026-12-15', priority: 'normal', clauses: [] },
  });
  await call('actions.addProgress', { id: action.id, note: '已完成初稿，待雙方確認。', status: 'inProgress', byContactId: null });

  let meeting = await call<Meeting>('meetings.create', {
    subGroupId: subGroup!.id,
    fields: meetingFields('2026-11-30', [
      { contactId: chair.id, role: 'chair', presence: 'present' },
      { contactId: member.id, role: 'member', presence: 'present' },
      { contactId: absent.id, role: 'member', presence: 'apologies' },
    ]),
    standardItems: ['confirmMinutes', 'mattersArising'],
  });
  const itemTitles = ['深圳園區物業租賃進展', '港深聯合資助項目庫', ...Array.from({ length: Math.max(0, extraItems - 2) }, (_, i) => `其他議題 ${i + 1}`)];
  for (const title of itemTitles.slice(0, extraItems)) meeting = await saveItem(meeting, title);

  const markers: string[] = [];
  const paperItems = meeting.agenda.slice(2);
  for (const [i, pages] of paperPages.entries()) {
    const marker = `PAPER-${String.fromCharCode(65 + (i % 26))}${i >= 26 ? Math.floor(i / 26) : ''}`;
    markers.push(marker);
    dialogs.answerNextOpen(await writePaperPdf(filesDir, `${marker}.pdf`, marker, pages));
    const item = paperItems[Math.min(paperItems.length - 1, Math.floor((i * paperItems.length) / paperPages.length))]!;
    meeting = await call<Meeting>('meetings.addPaper', { id: meeting.id, revision: meeting.revision, itemId: item.id, title: `${marker} 租賃報告` });
  }
  if (options.brokenPaper) {
    const broken = path.join(filesDir, '損壞文件.pdf');
    await writeFile(broken, '%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF');
    dialogs.answerNextOpen(broken);
    meeting = await call<Meeting>('meetings.addPaper', { id: meeting.id, revision: meeting.revision, itemId: paperItems.at(-1)!.id, title: '損壞文件' });
  }
  return { meeting, subGroup: subGroup!, markers };
}
