import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/audit/entry';
import { formatDateTime } from '../../../shared/i18n/formatDate';
import { noAuditFilter } from '../../../shared/audit/filter';
import type { Contact } from '../../../shared/model/contact';
import type { Meeting } from '../../../shared/model/meeting';
import type { MeetingCopy, OutstandingCopies } from '../../../shared/model/meetingCopy';
import type { PackBuildResult, PackPlan } from '../../../shared/pack/contract';
import { RecordingPrinter } from '../../../electron/pack/packPrinter';
import { pageTexts } from '../../support/pdfInspect';
import { PlaywrightPdfRenderer } from '../../support/pdfRenderer.playwright';
import { createPackMeeting } from '../../support/packMeeting';
import { useTestBackend, type TestSession } from '../../support/testBackend';

const renderer = new PlaywrightPdfRenderer();
afterAll(() => renderer.close());
const openSession = useTestBackend();
const sha256 = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

// The meeting is on 2026-11-30; "now" is after it, so its copies still out are overdue for return.
async function start(now = new Date('2026-12-03T02:00:00Z')) {
  const printer = new RecordingPrinter();
  const session = await openSession({ pdfRenderer: renderer, printer, now: () => now });
  const files = await mkdtemp(path.join(tmpdir(), 'hetao-copies-'));
  const fixture = await createPackMeeting(session.value.bind(session) as never, session.dialogs, files, { paperPages: [2, 1] });
  const contacts = await session.value<Contact[]>('contacts.list', { includeDeleted: false });
  const byName = (name: string) => contacts.find((c) => c.name === name)!;
  return { session, printer, files, byName, ...fixture };
}

async function buildCopies(session: TestSession, meetingId: string, scripts: string, recipientIds: string[], watermark = true): Promise<PackBuildResult> {
  const plan = await session.value<PackPlan>('pack.prepare', { meetingId, scripts, copies: { recipientIds, watermark } });
  return session.value<PackBuildResult>('pack.build', { meetingId, token: plan.token, taskId: randomUUID() });
}

describe('numbered copies of a classified pack', () => {
  it('marks every page of each copy 副本 N／T · 收件人 in its script, with the recipient and time across the page, and records who has which', async () => {
    const { session, files, byName, meeting, markers } = await start();
    const chan = byName('陳大文');
    const lee = byName('李明');
    session.dialogs.answerNextSave(path.join(files, '文件包.pdf'));
    const plan = await session.value<PackPlan>('pack.prepare', { meetingId: meeting.id, scripts: 'both', copies: { recipientIds: [chan.id, lee.id], watermark: true } });
    // One file per recipient and script; the Simplified ones beside the first, named in Simplified.
    expect(plan.files).toEqual([
      '文件包.pdf',
      '「香港科學園落戶深圳」專組第2次會議會議文件包（繁體版）－副本2（李明）.pdf',
      '“香港科学园落户深圳”专组第2次会议会议文件包（简体版）－副本1（陈大文）.pdf',
      '“香港科学园落户深圳”专组第2次会议会议文件包（简体版）－副本2（李明）.pdf',
    ]);
    const built = await session.value<PackBuildResult>('pack.build', { meetingId: meeting.id, token: plan.token, taskId: randomUUID() });
    expect(built.files.map((f) => [f.script, f.copy?.number, f.copy?.total, f.copy?.recipientName])).toEqual([
      ['hant', 1, 2, '陳大文'],
      ['hant', 2, 2, '李明'],
      ['hans', 1, 2, '陈大文'],
      ['hans', 2, 2, '李明'],
    ]);

    for (const file of built.files) {
      const pages = await pageTexts(file.path);
      const drawn = await pageTexts(file.path, 'raw');
      expect(pages.length).toBe(file.pageCount);
      const line = `副本 ${file.copy!.number}／2 · 收件人 ${file.copy!.recipientName}`;
      pages.forEach((text, i) => {
        // The copy line on every page, papers included, beside the pack's own banner and page number.
        expect(text, `${file.fileName} page ${i + 1}`).toContain(line);
        expect(text).toContain(file.script === 'hant' ? '限閱文件 RESTRICTED' : '限阅文件 RESTRICTED');
        expect(text).toContain(file.script === 'hant' ? `第 ${i + 1} 頁，共 ${pages.length} 頁` : `第 ${i + 1} 页，共 ${pages.length} 页`);
        // The watermark, drawn last: the recipient's name and the time, in the copy's script.
        // (The time as this machine's clock reads it; pdftotext drops the spaces between Chinese words.)
        const time = formatDateTime('2026-12-03T02:00:00Z', file.script === 'hant' ? 'zh-Hant' : 'zh-Hans').replace(/\s/g, '');
        expect(drawn[i]!.replace(/[ \t]/g, '').trim().endsWith(`${file.copy!.recipientName}\n${time}`), drawn[i]).toBe(true);
      });
      // The papers are still there, under the marks.
      expect(pages.join('\n')).toContain(`${markers[0]} page 2`);
    }

    // The distribution list: each copy once, both scripts' files with the hashes of what was written.
    const copies = await session.value<MeetingCopy[]>('pack.copies', { meetingId: meeting.id });
    expect(copies.map((c) => [c.number, c.total, c.recipientId, c.recipientName, c.state, c.means, c.classification])).toEqual([
      [1, 2, chan.id, '陳大文', 'out', 'exported', 'restricted'],
      [2, 2, lee.id, '李明', 'out', 'exported', 'restricted'],
    ]);
    expect(copies[0]!.issuedAt).toBe('2026-12-03T02:00:00.000Z');
    for (const file of built.files) {
      const copy = copies.find((c) => c.id === file.copy!.id)!;
      expect(copy.files.find((f) => f.script === file.script)).toEqual({ script: file.script, fileName: file.fileName, sha256: await sha256(file.path) });
    }
  }, 120_000);

  it('without a watermark, prints copy by copy (the list says printed), logs each copy by number, and the file copy stays unnumbered', async () => {
    const { session, files, printer, byName, meeting } = await start();
    session.dialogs.answerNextSave(path.join(files, 'pack.pdf'));
    const auditBefore = (await session.value<{ entries: AuditEntry[] }>('audit.list', { filter: noAuditFilter, offset: 0, limit: 1000 })).entries.length;
    const built = await buildCopies(session, meeting.id, 'hant', [byName('黃美玲').id, byName('李明').id], false);
    const pages = await pageTexts(built.files[1]!.path);
    expect(pages[0]).toContain('副本 2／2 · 收件人 李明');
    expect((await pageTexts(built.files[1]!.path, 'raw'))[0]).not.toContain('2026年12月3日');

    // A run of copies is printed one copy at a time.
    expect(await session.call('pack.print', { meetingId: meeting.id, script: 'hant' })).toMatchObject({ ok: false, error: { code: 'pack.copyRequired' } });
    await session.value('pack.print', { meetingId: meeting.id, script: 'hant', copyId: built.files[1]!.copy!.id });
    expect(printer.printed).toEqual([built.files[1]!.path]);
    const copies = await session.value<MeetingCopy[]>('pack.copies', { meetingId: meeting.id });
    expect(copies.map((c) => c.means)).toEqual(['exported', 'printed']);

    const log = (await session.value<{ entries: AuditEntry[] }>('audit.list', { filter: noAuditFilter, offset: 0, limit: 1000 })).entries.slice(0, -auditBefore || undefined);
    const documents = log.filter((e) => e.kind === 'pack.built' || e.kind === 'pack.printed').map((e) => [e.kind, e.subject.document!.copyNumber, e.subject.document!.fileName]);
    expect(documents).toEqual(
      expect.arrayContaining([
        ['pack.built', 1, built.files[0]!.fileName],
        ['pack.built', 2, built.files[1]!.fileName],
        ['pack.printed', 2, built.files[1]!.fileName],
      ]),
    );
    // Each copy is a record the log names as created.
    expect(log.filter((e) => e.kind === 'record.created' && e.subject.collection === 'meetingCopies')).toHaveLength(2);

    // Without recipients (the dialog asks first), the secretariat's file copy: unnumbered, not on the list.
    session.dialogs.answerNextSave(path.join(files, 'file-copy.pdf'));
    const plan = await session.value<PackPlan>('pack.prepare', { meetingId: meeting.id, scripts: 'hant' });
    const fileCopy = await session.value<PackBuildResult>('pack.build', { meetingId: meeting.id, token: plan.token, taskId: randomUUID() });
    expect(fileCopy.files.map((f) => f.copy)).toEqual([null]);
    expect((await pageTexts(fileCopy.files[0]!.path))[0]).not.toContain('副本');
    expect(await session.value<MeetingCopy[]>('pack.copies', { meetingId: meeting.id })).toHaveLength(2);
  }, 120_000);

  it('a copy is marked returned or destroyed with the day and who confirmed it; the overview counts those still out once the meeting is held', async () => {
    const { session, files, byName, meeting } = await start();
    session.dialogs.answerNextSave(path.join(files, 'pack.pdf'));
    await buildCopies(session, meeting.id, 'hans', [byName('陳大文').id, byName('李明').id, byName('黃美玲').id]);
    expect(await session.value<OutstandingCopies[]>('pack.outstandingCopies')).toEqual([
      { meetingId: meeting.id, subGroupId: meeting.subGroupId, meetingNumber: 2, meetingDate: '2026-11-30', count: 3 },
    ]);
    const [first, second] = await session.value<MeetingCopy[]>('pack.copies', { meetingId: meeting.id });
    const secretary = byName('黃美玲');

    // Returned and destroyed need the day and who confirmed it.
    expect(await session.call('pack.settleCopy', { id: first!.id, revision: first!.revision, state: 'returned', on: null, confirmedById: null })).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidArguments' },
    });
    const returned = await session.value<MeetingCopy>('pack.settleCopy', { id: first!.id, revision: first!.revision, state: 'returned', on: '2026-12-02', confirmedById: secretary.id });
    expect([returned.state, returned.settledOn, returned.confirmedById]).toEqual(['returned', '2026-12-02', secretary.id]);
    // Handed over in an exchange package, then destroyed: recorded by hand.
    const destroyed = await session.value<MeetingCopy>('pack.settleCopy', {
      id: second!.id,
      revision: second!.revision,
      state: 'destroyed',
      on: '2026-12-03',
      confirmedById: secretary.id,
      means: 'exchange',
    });
    expect([destroyed.state, destroyed.means]).toEqual(['destroyed', 'exchange']);
    // A mark made on an old view of the copy is refused, not silently applied over the newer one.
    expect(await session.call('pack.settleCopy', { id: first!.id, revision: first!.revision, state: 'destroyed', on: '2026-12-03', confirmedById: secretary.id })).toMatchObject({
      ok: false,
      error: { code: 'record.changedElsewhere' },
    });
    expect((await session.value<OutstandingCopies[]>('pack.outstandingCopies')).map((m) => m.count)).toEqual([1]);

    // A mistaken mark is taken back: the copy is out again, its day and confirmer cleared.
    const reopened = await session.value<MeetingCopy>('pack.settleCopy', { id: first!.id, revision: returned.revision, state: 'out', on: null, confirmedById: null });
    expect([reopened.state, reopened.settledOn, reopened.confirmedById]).toEqual(['out', null, null]);
    expect((await session.value<OutstandingCopies[]>('pack.outstandingCopies')).map((m) => m.count)).toEqual([2]);
  }, 120_000);

  it('before the meeting is held, copies out are not yet counted as unreturned', async () => {
    const { session, files, byName, meeting } = await start(new Date('2026-11-29T02:00:00Z'));
    session.dialogs.answerNextSave(path.join(files, 'pack.pdf'));
    await buildCopies(session, meeting.id, 'hant', [byName('李明').id]);
    expect(await session.value<Meeting>('meetings.get', { id: meeting.id })).toMatchObject({ date: '2026-11-30' });
    expect(await session.value<OutstandingCopies[]>('pack.outstandingCopies')).toEqual([]);
  }, 120_000);
});
