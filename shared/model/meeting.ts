import { z } from 'zod';
import { scriptFields } from '../script/overrides';
import { ActionFields, type Action } from './action';
import { Instant, RecordBase } from './record';
import type { Script } from '../script/script';

/*
 * Meetings (會議) of a sub-group or of the working group as a whole, with their agenda (議程), papers
 * (文件), attendance and minutes (會議紀要). The meeting pack (electron/pack/) reads these records
 * through MeetingService.packData(); the shapes below are what it relies on, so change them only by
 * adding optional/defaulted fields.
 */

/** Where a meeting is held. Both sides meet in turn, or by video conference. */
export const Venue = z.enum(['HK', 'SZ', 'video']);
export type Venue = z.infer<typeof Venue>;
export const venues = Venue.options;

export const AttendanceRole = z.enum(['chair', 'member', 'inAttendance', 'secretary']);
export type AttendanceRole = z.infer<typeof AttendanceRole>;
export const attendanceRoles = AttendanceRole.options;

/** present (出席), or absent with apologies (缺席，已致歉). */
export const Presence = z.enum(['present', 'apologies']);
export type Presence = z.infer<typeof Presence>;

/** A meeting's classification, printed on the pack's cover; see classificationLabels. */
export const Classification = z.enum(['restricted', 'confidential']);
export type Classification = z.infer<typeof Classification>;

/** The cover label of each classification in the two scripts of equal standing and English. */
export const classificationLabels: Record<Classification, { hant: string; hans: string; en: string }> = {
  restricted: { hant: '限閱文件', hans: '限阅文件', en: 'Restricted' },
  confidential: { hant: '機密文件', hans: '机密文件', en: 'Confidential' },
};

/** The banner on every page of a classified document: the document's script with the English word beside it (限閱文件 RESTRICTED). */
export function classificationBanner(classification: Classification, script: Script): string {
  return `${classificationLabels[classification][script]} ${classificationLabels[classification].en.toUpperCase()}`;
}

/** The higher of two classifications: a document is never marked below the record it prints. */
export function higherClassification(a: Classification | null, b: Classification | null): Classification | null {
  const rank = (c: Classification | null) => (c === null ? 0 : Classification.options.indexOf(c) + 1);
  return rank(a) >= rank(b) ? a : b;
}

/** draft → circulated → confirmed (at a later meeting of the same body). */
export const MinutesStatus = z.enum(['draft', 'circulated', 'confirmed']);
export type MinutesStatus = z.infer<typeof MinutesStatus>;
export const minutesStatuses = MinutesStatus.options;

/** Items most agendas carry; the UI offers them by name, in the script of the reader. */
export const StandardItem = z.enum(['confirmMinutes', 'mattersArising', 'otherBusiness', 'nextMeeting']);
export type StandardItem = z.infer<typeof StandardItem>;
export const standardItems = StandardItem.options;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** A clock time as people write it on a notice: 14:30. */
export const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'validation.time');

/**
 * A file kept in the data folder's content-addressed store (electron/attachments/): named by the
 * SHA-256 of its bytes, with what the user's file was called, its size and its media type.
 */
export const AttachmentRef = z.object({
  sha256: Sha256,
  fileName: z.string().min(1).max(260),
  size: z.number().int().nonnegative(),
  /** application/pdf for PDFs (checked by their header, not their name); other files by extension. */
  mediaType: z.string().min(1).max(120),
});
export type AttachmentRef = z.infer<typeof AttachmentRef>;

/** A paper's number in its body's series for a year: 文件第 3/2026 號 is { year: 2026, seq: 3 }. */
export const PaperNumber = z.object({ year: z.number().int().min(2000).max(2999), seq: z.number().int().positive() });
export type PaperNumber = z.infer<typeof PaperNumber>;

/** A paper (文件) tabled under an agenda item. Removing one only stamps `removedAt`, so it can be undone. */
export const Paper = z.object({
  id: z.uuid(),
  number: PaperNumber,
  /** Numbers it had before a paper numbered the same on another installation kept it (exchange). */
  formerNumbers: z.array(PaperNumber).optional(),
  title: z.string().min(1, 'validation.required').max(500, 'validation.tooLong'),
  attachment: AttachmentRef,
  addedAt: Instant,
  removedAt: Instant.nullable(),
});
export type Paper = z.infer<typeof Paper>;

export const Decision = z.object({ id: z.uuid(), text: z.string().min(1).max(5_000, 'validation.tooLong') });
export type Decision = z.infer<typeof Decision>;

/**
 * One item of the agenda, in agenda order. Actions arising are real follow-up actions (collection
 * `actions`) whose meetingId and agendaItemId point back here; MeetingService.actionsArising lists them.
 */
export const AgendaItem = z.object({
  id: z.uuid(),
  /** Null for an item the user wrote; a standard item's title is the user's, prefilled in their script. */
  standard: StandardItem.nullable(),
  title: z.string().min(1, 'validation.required').max(500, 'validation.tooLong'),
  presenterId: z.uuid().nullable(),
  papers: z.array(Paper),
  /** What the minutes record under this item. */
  minutes: z.string().max(50_000, 'validation.tooLong'),
  decisions: z.array(Decision),
  /** Removed from the agenda (kept, with its papers, so the removal can be undone). */
  removedAt: Instant.nullable(),
});
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Attendee = z.object({ contactId: z.uuid(), role: AttendanceRole, presence: Presence });
export type Attendee = z.infer<typeof Attendee>;

/** The minutes' progress; confirmation names the later meeting of the same body that confirmed them. */
export const Minutes = z.object({
  status: MinutesStatus,
  circulatedAt: Instant.nullable(),
  confirmedAt: Instant.nullable(),
  confirmedAtMeetingId: z.uuid().nullable(),
});
export type Minutes = z.infer<typeof Minutes>;

export const Meeting = RecordBase.extend({
  /** Null for a meeting of the working group as a whole. */
  subGroupId: z.uuid().nullable(),
  /** 第3次會議: the body's meetings numbered in sequence from 1, assigned on creation, never reused. */
  number: z.number().int().positive(),
  /** Numbers it had before a meeting of the same body numbered the same on another installation kept it (exchange). */
  formerNumbers: z.array(z.number().int().positive()).optional(),
  title: z.string().max(500, 'validation.tooLong'),
  /** Local calendar date and clock times (Hong Kong and Shenzhen share UTC+8). */
  date: z.iso.date(),
  startTime: ClockTime.nullable(),
  endTime: ClockTime.nullable(),
  venue: Venue,
  /** The room or address, or the video link's description. */
  venueDetail: z.string().max(500, 'validation.tooLong'),
  classification: Classification.nullable(),
  attendance: z.array(Attendee),
  agenda: z.array(AgendaItem),
  minutes: Minutes,
  ...scriptFields,
});
export type Meeting = z.infer<typeof Meeting>;

/** What a user fills in for the meeting itself; checked the same way in the form and in main. */
export const MeetingFields = z
  .object({
    title: z.string().trim().max(500, 'validation.tooLong'),
    date: z.iso.date('validation.date'),
    startTime: ClockTime.nullable(),
    endTime: ClockTime.nullable(),
    venue: Venue,
    venueDetail: z.string().trim().max(500, 'validation.tooLong'),
    classification: Classification.nullable(),
    attendance: z.array(Attendee),
  })
  .superRefine((fields, ctx) => {
    const ids = fields.attendance.map((a) => a.contactId);
    if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['attendance'], message: 'validation.duplicateAttendee' });
    const valid = (time: string | null) => time !== null && ClockTime.safeParse(time).success;
    if (valid(fields.startTime) && valid(fields.endTime) && fields.endTime! <= fields.startTime!) {
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'validation.endTime' });
    }
  });
export type MeetingFields = z.input<typeof MeetingFields>;

export const NewMeeting = z.object({
  /** Null: the working group's own meeting. */
  subGroupId: z.uuid().nullable(),
  fields: MeetingFields,
  /** Standard items to start the agenda with, in this order. */
  standardItems: z.array(StandardItem),
});
export type NewMeeting = z.input<typeof NewMeeting>;

const Revisioned = { id: z.uuid(), revision: z.number().int().positive() };

export const MeetingEdit = z.object({ ...Revisioned, fields: MeetingFields });

export const AgendaItemFields = z.object({
  title: z.string().trim().min(1, 'validation.required').max(500, 'validation.tooLong'),
  standard: StandardItem.nullable(),
  presenterId: z.uuid().nullable(),
  minutes: z.string().max(50_000, 'validation.tooLong'),
  /** Each decision's text; empty lines are dropped. Ids are kept by position when editing. */
  decisions: z.array(z.string().trim().max(5_000, 'validation.tooLong')).max(200),
});
export type AgendaItemFields = z.input<typeof AgendaItemFields>;

/** Adds an item at the end (itemId null) or replaces an existing item's fields. */
export const AgendaItemSave = z.object({ ...Revisioned, itemId: z.uuid().nullable(), item: AgendaItemFields });
/** Removes an item from the agenda, or restores a removed one. */
export const AgendaItemRef = z.object({ ...Revisioned, itemId: z.uuid() });
/** The agenda's new order: every current item id, each once. */
export const AgendaReorder = z.object({ ...Revisioned, order: z.array(z.uuid()).max(500) });

export const PaperAdd = z.object({
  ...Revisioned,
  itemId: z.uuid(),
  /** Defaults to the file's name without its extension when blank. */
  title: z.string().trim().max(500, 'validation.tooLong'),
});
export const PaperRef = z.object({ ...Revisioned, itemId: z.uuid(), paperId: z.uuid() });

export const MinutesChange = z.object({
  ...Revisioned,
  status: MinutesStatus,
  /** Required to confirm: the later meeting of the same body at which they were confirmed. */
  confirmedAtMeetingId: z.uuid().nullable(),
});

/** An action arising from an agenda item: created as a follow-up action linked back to it. */
export const ActionArising = z.object({
  meetingId: z.uuid(),
  itemId: z.uuid(),
  /** The sub-group that follows it up; for a sub-group's meeting it must be that sub-group. */
  subGroupId: z.uuid(),
  fields: ActionFields,
});

/** Whether a paper's file is in the data folder and unchanged. */
export const AttachmentState = z.enum(['ok', 'missing', 'damaged']);
export type AttachmentState = z.infer<typeof AttachmentState>;
export const PaperCheck = z.object({ paperId: z.uuid(), state: AttachmentState });
export type PaperCheck = z.infer<typeof PaperCheck>;

/** A meeting as the list shows it. */
export type MeetingRow = Pick<
  Meeting,
  'id' | 'subGroupId' | 'number' | 'title' | 'date' | 'startTime' | 'venue' | 'classification' | 'deletedAt' | 'updatedAt'
> & { minutesStatus: MinutesStatus; itemCount: number; paperCount: number };

export function toMeetingRow(meeting: Meeting): MeetingRow {
  return {
    id: meeting.id,
    subGroupId: meeting.subGroupId,
    number: meeting.number,
    title: meeting.title,
    date: meeting.date,
    startTime: meeting.startTime,
    venue: meeting.venue,
    classification: meeting.classification,
    deletedAt: meeting.deletedAt,
    updatedAt: meeting.updatedAt,
    minutesStatus: meeting.minutes.status,
    itemCount: liveItems(meeting).length,
    paperCount: livePapers(meeting).length,
  };
}

/** The agenda as it stands: items not removed, in order. */
export function liveItems(meeting: Meeting): AgendaItem[] {
  return meeting.agenda.filter((item) => item.removedAt === null);
}

/** Papers not removed, in agenda order (item by item, each item's papers in the order tabled). */
export function livePapers(meeting: Meeting): Array<{ item: AgendaItem; paper: Paper }> {
  return liveItems(meeting).flatMap((item) => item.papers.filter((p) => p.removedAt === null).map((paper) => ({ item, paper })));
}

/**
 * Everything the meeting pack prints, gathered by MeetingService.packData(meetingId):
 * cover (body, number, date, venue, classification), agenda, attendance, the previous meeting's
 * minutes, matters arising, and each paper in agenda order with the file to merge.
 */
export interface MeetingPackData {
  meeting: Meeting;
  /** Null for a working-group meeting; then `workingGroupName` names the body. */
  subGroup: { id: string; code: string; name: { hant: string; hans: string; en: string } } | null;
  workingGroupName: { hant: string; hans: string; en: string };
  /** The same body's meeting numbered just before this one (not deleted), if any, with its minutes. */
  previousMeeting: Meeting | null;
  /**
   * Follow-up actions arising from earlier meetings of the same body (not deleted), with their status:
   * open ones, and those closed since the previous meeting was held.
   */
  mattersArising: Array<{ action: Action; meetingNumber: number; agendaItemTitle: string | null }>;
  /** Attendees with the contact's name and organisation as stored; unknown contacts are skipped. */
  attendance: Array<Attendee & { name: string; title: string; organisation: string; side: 'HK' | 'SZ' | 'other' }>;
  /** Live papers in agenda order, each with whether its file is there and intact (read through the attachment store). */
  papers: Array<{ itemId: string; paper: Paper; state: AttachmentState }>;
}

/** 文件第 3/2026 號 / 文件第 3/2026 号 / Paper No. 3/2026. */
export function paperNumberLabel(number: PaperNumber, script: 'hant' | 'hans' | 'en'): string {
  const n = `${number.seq}/${number.year}`;
  if (script === 'hant') return `文件第 ${n} 號`;
  if (script === 'hans') return `文件第 ${n} 号`;
  return `Paper No. ${n}`;
}
