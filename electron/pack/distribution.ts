import { randomUUID } from 'node:crypto';
import { localToday } from '../../shared/actions/dueDates';
import { AppError } from '../../shared/ipc/errors';
import type { Classification } from '../../shared/model/meeting';
import type { CopyFile, CopySettle, MeetingCopy, OutstandingCopies } from '../../shared/model/meetingCopy';
import type { Store } from '../store/store';

/** One copy of a run as the pack service made it: who it is for, and its file in each script. */
export interface IssuedCopy {
  recipientId: string;
  recipientName: string;
  files: CopyFile[];
}

/**
 * The distribution list of numbered copies (副本): recorded when a run is written, updated when a
 * copy is printed, returned or destroyed. Copies are never deleted: the list is the record of who
 * has held a restricted paper.
 */
export class Distribution {
  constructor(
    private readonly deps: {
      store: Store;
      now: () => Date;
      /** The officer of this installation, a contact id, when known. */
      officer: () => string | null;
    },
  ) {}

  /** A meeting's copies, newest run first, each run in copy order. */
  list(meetingId: string): MeetingCopy[] {
    return this.deps.store
      .list('meetingCopies')
      .filter((copy) => copy.meetingId === meetingId)
      .sort((a, b) => b.issuedAt.localeCompare(a.issuedAt) || a.runId.localeCompare(b.runId) || a.number - b.number);
  }

  async recordRun(meetingId: string, classification: Classification, copies: readonly IssuedCopy[]): Promise<MeetingCopy[]> {
    const runId = randomUUID();
    const issuedAt = this.deps.now().toISOString();
    const recorded: MeetingCopy[] = [];
    for (const [i, copy] of copies.entries()) {
      recorded.push(
        await this.deps.store.insert('meetingCopies', {
          meetingId,
          runId,
          number: i + 1,
          total: copies.length,
          recipientId: copy.recipientId,
          recipientName: copy.recipientName,
          classification,
          issuedAt,
          issuedById: this.deps.officer(),
          means: 'exported',
          files: copy.files,
          state: 'out',
          settledOn: null,
          confirmedById: null,
        }),
      );
    }
    return recorded;
  }

  /** The copy was sent to the printer from the app: the list says it was printed. */
  async markPrinted(copyId: string): Promise<MeetingCopy> {
    if (!this.deps.store.get('meetingCopies', copyId)) throw new AppError('record.notFound');
    return this.deps.store.update('meetingCopies', copyId, () => ({ means: 'printed' as const }));
  }

  async settle(settle: CopySettle): Promise<MeetingCopy> {
    const copy = this.deps.store.get('meetingCopies', settle.id);
    if (!copy) throw new AppError('record.notFound');
    if (settle.confirmedById !== null && !this.deps.store.get('contacts', settle.confirmedById)) throw new AppError('record.notFound');
    const out = settle.state === 'out';
    return this.deps.store.update('meetingCopies', settle.id, settle.revision, () => ({
      state: settle.state,
      settledOn: out ? null : settle.on,
      confirmedById: out ? null : settle.confirmedById,
      ...(settle.means ? { means: settle.means } : {}),
    }));
  }

  /** Meetings already held (before today) with copies not yet returned or destroyed. */
  outstanding(): OutstandingCopies[] {
    const today = localToday(this.deps.now());
    const counts = new Map<string, number>();
    for (const copy of this.deps.store.list('meetingCopies')) {
      if (copy.state === 'out') counts.set(copy.meetingId, (counts.get(copy.meetingId) ?? 0) + 1);
    }
    const found: OutstandingCopies[] = [];
    for (const [meetingId, count] of counts) {
      const meeting = this.deps.store.get('meetings', meetingId);
      if (!meeting || meeting.deletedAt !== null || meeting.date >= today) continue;
      found.push({ meetingId, subGroupId: meeting.subGroupId, meetingNumber: meeting.number, meetingDate: meeting.date, count });
    }
    return found.sort((a, b) => a.meetingDate.localeCompare(b.meetingDate));
  }

}
