import type { Script } from '../../shared/script/script';

/** One attendee line: who, for which side, and how they attend. */
export interface PackAttendee {
  name: string;
  post: string;
  side: 'HK' | 'SZ' | 'other';
  attendance: 'present' | 'inAttendance' | 'absent';
}

/** A follow-up action from an earlier meeting, as the matters-arising table shows it. */
export interface PackMatter {
  reference: string;
  title: string;
  owner: string;
  dueDate: string;
  status: string;
  latestNote: string;
}

/** A paper to merge after its separator page; `load` reads its bytes only when the pack is built. */
export interface PackPaper {
  /** How the user knows it, e.g. its file name: named in the report if it cannot be read. */
  name: string;
  title: string;
  load(): Promise<Uint8Array>;
}

export interface PackAgendaItem {
  /** As printed, e.g. "1" or "3(a)". */
  number: string;
  title: string;
  papers: PackPaper[];
}

/**
 * Everything printed in one script's pack, already written in that script: the meeting source
 * converts stored text (toHant/toHans) before it reaches the builder, which only lays it out.
 */
export interface PackContent {
  script: Script;
  /** The two governments, as the cover names them. */
  governments: [string, string];
  groupName: string;
  /** e.g. 第三次會議 */
  meetingTitle: string;
  date: string;
  time: string | null;
  venue: string;
  /** e.g. 限閱文件; printed on the cover and in every page header when set. */
  classification: string | null;
  agenda: PackAgendaItem[];
  attendance: PackAttendee[];
  previousMinutes: { title: string; paragraphs: string[] } | null;
  mattersArising: PackMatter[];
}
