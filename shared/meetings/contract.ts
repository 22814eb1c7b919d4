import { z } from 'zod';
import { Action } from '../model/action';
import {
  ActionArising,
  AgendaItemRef,
  AgendaItemSave,
  AgendaReorder,
  Meeting,
  MeetingEdit,
  NewMeeting,
  PaperAdd,
  PaperCheck,
  PaperRef,
  MinutesChange,
  type MeetingRow,
} from '../model/meeting';

const id = z.object({ id: z.uuid() });
const paperAt = z.object({ id: z.uuid(), itemId: z.uuid(), paperId: z.uuid() });

/**
 * The `meetings` namespace of the bridge (window.hetao.meetings). Every edit carries the meeting's
 * revision and is refused with record.changedElsewhere when it is stale; each returns the meeting as stored.
 */
export const meetingMethods = {
  /** A body's meetings (subGroupId null: the working group's own), latest first, deleted ones marked. */
  list: { input: z.object({ subGroupId: z.uuid().nullable() }), output: z.array(z.custom<MeetingRow>()) },
  get: { input: id, output: Meeting },
  create: { input: NewMeeting, output: Meeting },
  update: { input: MeetingEdit, output: Meeting },
  delete: { input: id, output: Meeting },
  restore: { input: id, output: Meeting },
  saveItem: { input: AgendaItemSave, output: Meeting },
  removeItem: { input: AgendaItemRef, output: Meeting },
  restoreItem: { input: AgendaItemRef, output: Meeting },
  reorder: { input: AgendaReorder, output: Meeting },
  /** Shows the open dialog and tables the chosen file; null if cancelled. attachment.* errors name the file. */
  addPaper: { input: PaperAdd, output: Meeting.nullable() },
  removePaper: { input: PaperRef, output: Meeting },
  restorePaper: { input: PaperRef, output: Meeting },
  /** Whether each live paper's file is in the data folder and unchanged. */
  checkPapers: { input: id, output: z.array(PaperCheck) },
  openPaper: { input: paperAt, output: z.void() },
  /** Shows the save dialog and writes a copy of the paper there; the path, or null if cancelled. */
  savePaperCopy: { input: paperAt, output: z.string().nullable() },
  setMinutesStatus: { input: MinutesChange, output: Meeting },
  /** Later meetings of the same body, at which these minutes may be confirmed. */
  laterMeetings: { input: id, output: z.array(z.custom<MeetingRow>()) },
  addActionArising: { input: ActionArising, output: Action },
  actionsArising: { input: id, output: z.array(Action) },
} as const;
