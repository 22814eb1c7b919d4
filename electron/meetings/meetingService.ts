import { compareReferences } from '../../shared/model/actionReference';
import { checkReferences } from '../store/references';
import { inputLimits } from '../../shared/ipc/inputLimits';
import type { PrivateScratch } from './privateScratch';
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type { TFunction } from 'i18next';
import { AppError } from '../../shared/ipc/errors';
import type { Action, ActionFields } from '../../shared/model/action';
import {
  liveItems,
  livePapers,
  toMeetingRow,
  type AgendaItem,
  type AgendaItemFields,
  type Meeting,
  type MeetingFields,
  type MeetingPackData,
  type MeetingRow,
  type MinutesStatus,
  type PaperCheck,
  type PaperNumber,
  type StandardItem,
} from '../../shared/model/meeting';
import { stampScript } from '../../shared/script/overrides';
import type { ActionService } from '../actions/actionService';
import type { AttachmentStore } from '../attachments/attachmentStore';
import type { Dialogs } from '../dialogs/dialogs';
import type { Store } from '../store/store';

export interface MeetingServiceOptions {
  store: Store;
  actions: ActionService;
  attachments: AttachmentStore;
  dialogs: Dialogs;
  /** Strings in the user's language: dialog titles, standard agenda item titles. */
  t: () => TFunction;
  now: () => Date;
  /** Opens a file with the system's default application. */
  openFile: (file: string) => Promise<void>;
  /** Where a paper is copied to be opened, so the viewer never holds the stored file. */
  /** The private folder papers are copied into for viewing. */
  scratch: PrivateScratch;
}

/** Which minutes statuses may follow which: forward one step, or back one step to correct a mistake. */
const minutesSteps: Record<MinutesStatus, MinutesStatus[]> = {
  draft: ['circulated'],
  circulated: ['draft', 'confirmed'],
  confirmed: ['circulated'],
};

const OPEN_STATUSES = new Set<Action['status']>(['notStarted', 'inProgress', 'blocked']);

/**
 * Meetings (會議) of the sub-groups and of the working group: numbering, agenda, papers, attendance,
 * minutes, and actions arising. Every edit names the revision it was made on, and is refused with
 * record.changedElsewhere if the meeting has changed since.
 */
const MAX_AGENDA_ITEMS = inputLimits.listLimits.agenda!;

export class MeetingService {
  constructor(private readonly options: MeetingServiceOptions) {}

  private get store(): Store {
    return this.options.store;
  }

  /** A body's meetings (null: the working group's own), latest number first, deleted ones marked. */
  list(subGroupId: string | null): MeetingRow[] {
    return this.ofBody(subGroupId, true)
      .sort((a, b) => b.number - a.number)
      .map(toMeetingRow);
  }

  get(id: string): Meeting {
    const meeting = this.store.get('meetings', id);
    if (!meeting) throw new AppError('record.notFound');
    return meeting;
  }

  async create(subGroupId: string | null, fields: MeetingFields, standardItems: StandardItem[]): Promise<Meeting> {
    if (subGroupId !== null) {
      const subGroup = this.store.get('subGroups', subGroupId);
      if (!subGroup || subGroup.deletedAt) throw new AppError('record.notFound');
    }
    // Counted over every meeting ever made, deleted ones included, so a number is never given twice.
    const number = this.ofBody(subGroupId, true).reduce((highest, m) => Math.max(highest, m.number), 0) + 1;
    this.checkAttendance(fields);
    const t = this.options.t();
    const agenda = standardItems.map((standard) =>
      newItem({
        standard,
        title: t(`meetings.standard.${standard}`, { number: number - 1 }),
        presenterId: null,
        minutes: '',
        decisions: [],
      }),
    );
    return this.store.insert('meetings', {
      ...this.meetingFields(fields),
      subGroupId,
      number,
      agenda,
      minutes: { status: 'draft', circulatedAt: null, confirmedAt: null, confirmedAtMeetingId: null },
    });
  }

  update(id: string, revision: number, fields: MeetingFields): Promise<Meeting> {
    this.checkAttendance(fields, this.get(id).attendance.map((a) => a.contactId));
    return this.edit(id, revision, (m) => ({ ...this.meetingFields(fields), writtenIn: this.scriptOf(m, fields.title, fields.venueDetail) }));
  }

  async delete(id: string): Promise<Meeting> {
    this.get(id);
    return this.store.softDelete('meetings', id);
  }

  async restore(id: string): Promise<Meeting> {
    this.get(id);
    return this.store.restore('meetings', id);
  }

  /** Adds an item at the end of the agenda, or changes an existing one. */
  saveItem(id: string, revision: number, itemId: string | null, fields: AgendaItemFields): Promise<Meeting> {
    const meeting = this.get(id);
    // The same limit as a whole agenda sent at once: items added one by one must not pass it either.
    if (itemId === null && meeting.agenda.length >= MAX_AGENDA_ITEMS) throw new AppError('meeting.agendaFull', { limit: MAX_AGENDA_ITEMS });
    const before = itemId === null ? undefined : meeting.agenda.find((item) => item.id === itemId);
    checkReferences(this.store, 'contacts', [{ field: 'item.presenterId', id: fields.presenterId }], before?.presenterId ? [before.presenterId] : []);
    return this.edit(id, revision, (meeting) => {
      if (itemId === null) return { agenda: [...meeting.agenda, newItem(fields)] };
      const current = this.item(meeting, itemId);
      const decisions = cleanDecisions(fields.decisions).map((text, index) => ({ id: current.decisions[index]?.id ?? randomUUID(), text }));
      return {
        agenda: meeting.agenda.map((item) =>
          item.id === itemId
            ? { ...item, title: fields.title.trim(), standard: fields.standard, presenterId: fields.presenterId, minutes: fields.minutes, decisions }
            : item,
        ),
      };
    });
  }

  /** Takes an item off the agenda; it keeps its papers and can be put back with restoreItem. */
  removeItem(id: string, revision: number, itemId: string): Promise<Meeting> {
    return this.setItemRemoved(id, revision, itemId, this.options.now().toISOString());
  }

  restoreItem(id: string, revision: number, itemId: string): Promise<Meeting> {
    return this.setItemRemoved(id, revision, itemId, null);
  }

  /** `order` lists every item on the agenda, each once; removed items keep their place after them. */
  reorder(id: string, revision: number, order: string[]): Promise<Meeting> {
    return this.edit(id, revision, (meeting) => {
      const live = liveItems(meeting);
      const sameItems = order.length === live.length && new Set(order).size === order.length && live.every((i) => order.includes(i.id));
      if (!sameItems) throw new AppError('record.changedElsewhere');
      const byId = new Map(meeting.agenda.map((item) => [item.id, item]));
      return { agenda: [...order.map((itemId) => byId.get(itemId)!), ...meeting.agenda.filter((i) => i.removedAt !== null)] };
    });
  }

  /**
   * Asks the user for a file and tables it as a paper under the item, numbered next in the body's
   * series for the meeting's year. Null when the user cancels.
   */
  async addPaper(id: string, revision: number, itemId: string, title: string): Promise<Meeting | null> {
    // Refused before the dialog: the user should not pick a file for a meeting changed since.
    this.store.expectRevision('meetings', id, revision);
    const t = this.options.t();
    const chosen = await this.options.dialogs.openFile({
      title: t('meetings.papers.choose'),
      filters: [
        { name: t('meetings.papers.pdfFiles'), extensions: ['pdf'] },
        { name: t('meetings.papers.allFiles'), extensions: ['*'] },
      ],
    });
    if (chosen === null) return null;
    const attachment = await this.options.attachments.add(chosen);
    // The dialog may have stayed open while the meeting was edited elsewhere.
    return this.edit(id, revision, (meeting) => {
      const item = this.item(meeting, itemId);
      const paper = {
        id: randomUUID(),
        number: this.nextPaperNumber(meeting),
        title: title.trim() || attachment.fileName.replace(/\.[^.]+$/, '') || attachment.fileName,
        attachment,
        addedAt: this.options.now().toISOString(),
        removedAt: null,
      };
      return { agenda: meeting.agenda.map((i) => (i.id === item.id ? { ...i, papers: [...i.papers, paper] } : i)) };
    });
  }

  /** Takes a paper off its item; its number stays taken and its file stays in the data folder. */
  removePaper(id: string, revision: number, itemId: string, paperId: string): Promise<Meeting> {
    return this.setPaperRemoved(id, revision, itemId, paperId, this.options.now().toISOString());
  }

  restorePaper(id: string, revision: number, itemId: string, paperId: string): Promise<Meeting> {
    return this.setPaperRemoved(id, revision, itemId, paperId, null);
  }

  /** Whether each live paper's file is present and unchanged. */
  async checkPapers(id: string): Promise<PaperCheck[]> {
    const meeting = this.get(id);
    return Promise.all(
      livePapers(meeting).map(async ({ paper }) => ({
        paperId: paper.id,
        state: await this.options.attachments.state(paper.attachment.sha256, paper.attachment.size),
      })),
    );
  }

  /** Opens a verified copy of the paper's file in the system's viewer. */
  async openPaper(id: string, itemId: string, paperId: string): Promise<void> {
    const paper = this.paper(this.get(id), itemId, paperId);
    const copy = path.join(await this.options.scratch.dir(), paper.attachment.sha256.slice(0, 16), paper.attachment.fileName);
    await this.options.attachments.copyOut(paper.attachment, copy);
    await this.options.openFile(copy);
  }

  /** Saves a copy of the paper's file where the user chooses; null when cancelled. */
  async savePaperCopy(id: string, itemId: string, paperId: string): Promise<string | null> {
    const paper = this.paper(this.get(id), itemId, paperId);
    const destination = await this.options.dialogs.saveFile({
      title: this.options.t()('meetings.papers.saveCopy'),
      defaultPath: paper.attachment.fileName,
      filters: [],
    });
    if (destination === null) return null;
    await this.options.attachments.copyOut(paper.attachment, destination);
    return destination;
  }

  /**
   * Moves the minutes one step: draft → circulated → confirmed, or one step back to correct a
   * mistake. Confirming names the later meeting of the same body at which they were confirmed.
   */
  setMinutesStatus(id: string, revision: number, status: MinutesStatus, confirmedAtMeetingId: string | null): Promise<Meeting> {
    return this.edit(id, revision, (meeting) => {
      if (!minutesSteps[meeting.minutes.status].includes(status)) {
        throw new AppError('meeting.minutesTransition', { from: meeting.minutes.status, to: status });
      }
      const at = this.options.now().toISOString();
      if (status === 'confirmed') {
        const later = confirmedAtMeetingId ? this.store.get('meetings', confirmedAtMeetingId) : undefined;
        if (!later || later.deletedAt || later.subGroupId !== meeting.subGroupId || later.number <= meeting.number) {
          throw new AppError('meeting.confirmingMeeting');
        }
        return { minutes: { ...meeting.minutes, status, confirmedAt: at, confirmedAtMeetingId: later.id } };
      }
      const circulatedAt = status === 'circulated' ? (meeting.minutes.circulatedAt ?? at) : null;
      return { minutes: { status, circulatedAt, confirmedAt: null, confirmedAtMeetingId: null } };
    });
  }

  /** Later meetings of the same body, where these minutes can be confirmed; earliest first. */
  laterMeetings(id: string): MeetingRow[] {
    const meeting = this.get(id);
    return this.ofBody(meeting.subGroupId, false)
      .filter((m) => m.number > meeting.number)
      .sort((a, b) => a.number - b.number)
      .map(toMeetingRow);
  }

  /**
   * Creates a follow-up action for an agenda item, linked back to the meeting and the item. A
   * sub-group's meeting gives its actions to that sub-group; the working group's to any sub-group.
   */
  async addActionArising(meetingId: string, itemId: string, subGroupId: string, fields: ActionFields): Promise<Action> {
    const meeting = this.get(meetingId);
    if (meeting.deletedAt) throw new AppError('record.notFound');
    this.item(meeting, itemId);
    if (meeting.subGroupId !== null && meeting.subGroupId !== subGroupId) throw new AppError('meeting.actionSubGroup');
    return this.options.actions.create(subGroupId, fields, { meetingId, agendaItemId: itemId });
  }

  /** The follow-up actions arising from a meeting (not deleted), oldest first. */
  actionsArising(meetingId: string): Action[] {
    return this.store
      .list('actions')
      .filter((a) => a.meetingId === meetingId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Everything the meeting pack prints; see MeetingPackData. Papers' files are verified here. */
  async packData(id: string): Promise<MeetingPackData> {
    const meeting = this.get(id);
    const subGroup = meeting.subGroupId ? (this.store.get('subGroups', meeting.subGroupId) ?? null) : null;
    const workingGroup = this.store.list('workingGroup')[0];
    const earlier = this.ofBody(meeting.subGroupId, false).filter((m) => m.number < meeting.number);
    const previousMeeting = earlier.sort((a, b) => b.number - a.number)[0] ?? null;
    const earlierById = new Map(earlier.map((m) => [m.id, m]));
    const mattersArising = this.store
      .list('actions')
      .filter((a) => a.meetingId !== null && earlierById.has(a.meetingId))
      // Open actions, and those closed since the previous meeting, so the body sees them once more.
      .filter((a) => OPEN_STATUSES.has(a.status) || (previousMeeting !== null && a.updatedAt.slice(0, 10) >= previousMeeting.date))
      .sort((a, b) => compareReferences(a.reference, b.reference))
      .map((action) => {
        const from = earlierById.get(action.meetingId!)!;
        return { action, meetingNumber: from.number, agendaItemTitle: from.agenda.find((i) => i.id === action.agendaItemId)?.title ?? null };
      });
    const attendance = meeting.attendance.flatMap((attendee) => {
      const contact = this.store.get('contacts', attendee.contactId);
      return contact
        ? [{ ...attendee, name: contact.name, title: contact.title, organisation: contact.organisation, side: contact.side }]
        : [];
    });
    const papers = await Promise.all(
      livePapers(meeting).map(async ({ item, paper }) => {
        const state = await this.options.attachments.state(paper.attachment.sha256, paper.attachment.size);
        return { itemId: item.id, paper, state };
      }),
    );
    return {
      meeting,
      subGroup: subGroup ? { id: subGroup.id, code: subGroup.code, name: subGroup.name } : null,
      workingGroupName: workingGroup?.name ?? { hant: '', hans: '', en: '' },
      previousMeeting,
      mattersArising,
      attendance,
      papers,
    };
  }

  private ofBody(subGroupId: string | null, includeDeleted: boolean): Meeting[] {
    return this.store.list('meetings', { includeDeleted }).filter((m) => m.subGroupId === subGroupId);
  }

  /** Next in the body's series for the meeting's year; removed papers and deleted meetings keep their numbers. */
  private nextPaperNumber(meeting: Meeting): PaperNumber {
    const year = Number(meeting.date.slice(0, 4));
    let highest = 0;
    for (const m of this.ofBody(meeting.subGroupId, true)) {
      for (const item of m.agenda) for (const p of item.papers) if (p.number.year === year) highest = Math.max(highest, p.number.seq);
    }
    return { year, seq: highest + 1 };
  }

  private async edit(id: string, revision: number, change: (meeting: Meeting) => Partial<Meeting>): Promise<Meeting> {
    this.get(id);
    return this.store.update('meetings', id, revision, change);
  }

  private item(meeting: Meeting, itemId: string): AgendaItem {
    const item = meeting.agenda.find((i) => i.id === itemId);
    if (!item) throw new AppError('record.notFound');
    return item;
  }

  private paper(meeting: Meeting, itemId: string, paperId: string) {
    const paper = this.item(meeting, itemId).papers.find((p) => p.id === paperId);
    if (!paper) throw new AppError('record.notFound');
    return paper;
  }

  private setItemRemoved(id: string, revision: number, itemId: string, removedAt: string | null): Promise<Meeting> {
    return this.edit(id, revision, (meeting) => {
      this.item(meeting, itemId);
      // A restored item goes back to the end of the agenda, where the user can move it.
      const others = meeting.agenda.filter((i) => i.id !== itemId);
      const item = { ...this.item(meeting, itemId), removedAt };
      const live = others.filter((i) => i.removedAt === null);
      const removed = others.filter((i) => i.removedAt !== null);
      return { agenda: removedAt === null ? [...live, item, ...removed] : meeting.agenda.map((i) => (i.id === itemId ? item : i)) };
    });
  }

  private setPaperRemoved(id: string, revision: number, itemId: string, paperId: string, removedAt: string | null): Promise<Meeting> {
    return this.edit(id, revision, (meeting) => {
      this.paper(meeting, itemId, paperId);
      return {
        agenda: meeting.agenda.map((item) =>
          item.id === itemId ? { ...item, papers: item.papers.map((p) => (p.id === paperId ? { ...p, removedAt } : p)) } : item,
        ),
      };
    });
  }

  /** Attendees must be people in the contacts. */
  private checkAttendance(fields: MeetingFields, alreadyHeld: string[] = []): void {
    const references = fields.attendance.map((a, i) => ({ field: `fields.attendance.${i}.contactId`, id: a.contactId }));
    checkReferences(this.store, 'contacts', references, alreadyHeld);
  }

  private meetingFields(fields: MeetingFields) {
    return {
      title: fields.title.trim(),
      date: fields.date,
      startTime: fields.startTime,
      endTime: fields.endTime,
      venue: fields.venue,
      venueDetail: fields.venueDetail.trim(),
      classification: fields.classification,
      attendance: fields.attendance,
      writtenIn: stampScript([fields.title, fields.venueDetail]),
    };
  }

  private scriptOf(meeting: Meeting, ...texts: string[]) {
    return stampScript(texts, meeting.writtenIn);
  }
}

function cleanDecisions(decisions: readonly string[]): string[] {
  return decisions.map((d) => d.trim()).filter(Boolean);
}

function newItem(fields: AgendaItemFields): AgendaItem {
  return {
    id: randomUUID(),
    standard: fields.standard,
    title: fields.title.trim(),
    presenterId: fields.presenterId,
    papers: [],
    minutes: fields.minutes,
    decisions: cleanDecisions(fields.decisions).map((text) => ({ id: randomUUID(), text })),
    removedAt: null,
  };
}
