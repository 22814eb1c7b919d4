import { PrivateScratch } from '../../../electron/meetings/privateScratch';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Action, ActionFields } from '../../../shared/model/action';
import type { Meeting, MeetingFields, MeetingRow, PaperCheck } from '../../../shared/model/meeting';
import type { SubGroup } from '../../../shared/model/subGroup';
import { ActionService } from '../../../electron/actions/actionService';
import { ATTACHMENTS_DIR, AttachmentStore } from '../../../electron/attachments/attachmentStore';
import { QueuedDialogs } from '../../../electron/dialogs/dialogs';
import { translator } from '../../../electron/i18n/translator';
import { seedWorkingGroup } from '../../../electron/seed/seedWorkingGroup';
import { Store } from '../../../electron/store/store';
import { MeetingService } from '../../../electron/meetings/meetingService';
import { writeTestPdf } from '../../support/meetingsPdf';
import { useTestBackend, type TestSession } from '../../support/testBackend';
import { actionForm } from '../../support/actionForm';

const openSession = useTestBackend();
let session: TestSession;
let clock = new Date('2026-11-24T02:00:00Z');
const call = <T>(channel: string, input?: unknown) => session.value<T>(channel, input);

async function start() {
  clock = new Date('2026-11-24T02:00:00Z');
  session = await openSession({ now: () => clock });
  const [sp, jp] = await call<SubGroup[]>('subGroups.list');
  const files = await mkdtemp(path.join(tmpdir(), 'hetao-papers-'));
  return { sp: sp!, jp: jp!, files };
}

const fields = (overrides: Partial<MeetingFields> = {}): MeetingFields => ({
  title: '物業租賃安排',
  date: '2026-11-30',
  startTime: '14:30',
  endTime: '16:00',
  venue: 'SZ',
  venueDetail: '深圳園區會議室',
  classification: 'restricted',
  attendance: [],
  ...overrides,
});

const actionFields: ActionFields = actionForm('提交租約條款', { dueDate: '2026-12-15' });

const create = (subGroupId: string | null, overrides: Partial<MeetingFields> = {}, standardItems: string[] = []) =>
  call<Meeting>('meetings.create', { subGroupId, fields: fields(overrides), standardItems });

async function addItem(meeting: Meeting, title: string): Promise<Meeting> {
  return call<Meeting>('meetings.saveItem', {
    id: meeting.id,
    revision: meeting.revision,
    itemId: null,
    item: { title, standard: null, presenterId: null, minutes: '', decisions: [] },
  });
}

async function addPaper(meeting: Meeting, itemId: string, file: string, title = ''): Promise<Meeting> {
  session.dialogs.answerNextOpen(file);
  return call<Meeting>('meetings.addPaper', { id: meeting.id, revision: meeting.revision, itemId, title });
}

describe('meetings', () => {
  it('numbers each body’s meetings in sequence, never reusing a deleted meeting’s number', async () => {
    const { sp, jp } = await start();
    const first = await create(sp.id);
    const second = await create(sp.id);
    const other = await create(jp.id);
    const wg = await create(null);
    expect([first.number, second.number, other.number, wg.number]).toEqual([1, 2, 1, 1]);
    await call('meetings.delete', { id: second.id });
    expect((await create(sp.id)).number).toBe(3);
    const rows = await call<MeetingRow[]>('meetings.list', { subGroupId: sp.id });
    expect(rows.map((r) => [r.number, r.deletedAt !== null])).toEqual([
      [3, false],
      [2, true],
      [1, false],
    ]);
    expect((await call<MeetingRow[]>('meetings.list', { subGroupId: null })).map((r) => r.id)).toEqual([wg.id]);
  });

  it('starts the agenda with the chosen standard items, titled in the user’s script', async () => {
    const { sp } = await start();
    const meeting = await create(sp.id, {}, ['confirmMinutes', 'mattersArising', 'otherBusiness', 'nextMeeting']);
    expect(meeting.agenda.map((i) => [i.standard, i.title])).toEqual([
      ['confirmMinutes', '通過上次會議紀要'],
      ['mattersArising', '續議事項'],
      ['otherBusiness', '其他事項'],
      ['nextMeeting', '下次會議日期'],
    ]);
    await call('settings.setLanguage', 'zh-Hans');
    const simplified = await create(sp.id, {}, ['mattersArising']);
    expect(simplified.agenda[0]!.title).toBe('续议事项');
  });

  it('refuses an edit made on a stale revision, and invalid times and duplicate attendees with message keys', async () => {
    const { sp } = await start();
    const meeting = await create(sp.id);
    await call('meetings.update', { id: meeting.id, revision: meeting.revision, fields: fields({ title: '新主題' }) });
    const stale = await session.call('meetings.update', { id: meeting.id, revision: meeting.revision, fields: fields() });
    expect(stale).toMatchObject({ ok: false, error: { code: 'record.changedElsewhere' } });

    const badTime = await session.call('meetings.create', { subGroupId: sp.id, fields: fields({ startTime: '25:00' }), standardItems: [] });
    expect(badTime).toMatchObject({ ok: false, error: { code: 'ipc.invalidArguments', issues: [{ messageKey: 'validation.time' }] } });
    const endFirst = await session.call('meetings.create', { subGroupId: sp.id, fields: fields({ endTime: '14:00' }), standardItems: [] });
    expect(endFirst).toMatchObject({ ok: false, error: { issues: [{ path: 'fields.endTime', messageKey: 'validation.endTime' }] } });
    const person = '0b6f4a0e-8f4a-4c3b-9d59-8f4f0c6f0a01';
    const twice = await session.call('meetings.create', {
      subGroupId: sp.id,
      fields: fields({
        attendance: [
          { contactId: person, role: 'chair', presence: 'present' },
          { contactId: person, role: 'member', presence: 'apologies' },
        ],
      }),
      standardItems: [],
    });
    expect(twice).toMatchObject({ ok: false, error: { issues: [{ messageKey: 'validation.duplicateAttendee' }] } });
  });

  it('reorders the agenda, and a removed item can be put back with its papers', async () => {
    const { sp, files } = await start();
    let meeting = await create(sp.id, {}, ['confirmMinutes', 'otherBusiness']);
    meeting = await addItem(meeting, '租賃進度');
    const [confirm, aob, lease] = meeting.agenda;
    meeting = await call<Meeting>('meetings.reorder', { id: meeting.id, revision: meeting.revision, order: [confirm!.id, lease!.id, aob!.id] });
    expect(meeting.agenda.map((i) => i.title)).toEqual(['通過上次會議紀要', '租賃進度', '其他事項']);

    const partial = await session.call('meetings.reorder', { id: meeting.id, revision: meeting.revision, order: [lease!.id, aob!.id] });
    expect(partial).toMatchObject({ ok: false, error: { code: 'record.changedElsewhere' } });

    meeting = await addPaper(meeting, lease!.id, await writeTestPdf(files, 'lease.pdf', ['Lease terms']));
    meeting = await call<Meeting>('meetings.removeItem', { id: meeting.id, revision: meeting.revision, itemId: lease!.id });
    expect((await call<MeetingRow[]>('meetings.list', { subGroupId: sp.id }))[0]).toMatchObject({ itemCount: 2, paperCount: 0 });
    meeting = await call<Meeting>('meetings.restoreItem', { id: meeting.id, revision: meeting.revision, itemId: lease!.id });
    const restored = meeting.agenda.find((i) => i.id === lease!.id)!;
    expect(restored.removedAt).toBeNull();
    expect(restored.papers).toHaveLength(1);
  });

  it('numbers papers per body and year, keeps removed papers’ numbers, and stores each file by its hash', async () => {
    const { sp, jp, files } = await start();
    let meeting = await addItem(await create(sp.id), '租賃進度');
    const itemId = meeting.agenda[0]!.id;
    const pdf = await writeTestPdf(files, '租約條款.pdf', ['Lease terms']);
    meeting = await addPaper(meeting, itemId, pdf, '租約條款擬稿');
    meeting = await addPaper(meeting, itemId, await writeTestPdf(files, 'plan.pdf', ['Floor plan']));
    const [first, second] = meeting.agenda[0]!.papers;
    expect(first).toMatchObject({ number: { year: 2026, seq: 1 }, title: '租約條款擬稿' });
    expect(first!.attachment).toMatchObject({ fileName: '租約條款.pdf', mediaType: 'application/pdf' });
    expect(second).toMatchObject({ number: { year: 2026, seq: 2 }, title: 'plan' });

    const bytes = await readFile(pdf);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(first!.attachment).toMatchObject({ sha256, size: bytes.length });
    expect(await readFile(path.join(session.dataDir, ATTACHMENTS_DIR, sha256))).toEqual(bytes);

    meeting = await call<Meeting>('meetings.removePaper', { id: meeting.id, revision: meeting.revision, itemId, paperId: second!.id });
    meeting = await addPaper(meeting, itemId, pdf, '再次提交');
    expect(meeting.agenda[0]!.papers.map((p) => p.number.seq)).toEqual([1, 2, 3]);
    // The same file attached twice is stored once.
    expect((await readdir(path.join(session.dataDir, ATTACHMENTS_DIR))).sort()).toHaveLength(2);

    // Another body has its own series; the meeting's year starts a new one.
    const other = await addItem(await create(jp.id), '政策');
    const otherPaper = await addPaper(other, other.agenda[0]!.id, pdf);
    expect(otherPaper.agenda[0]!.papers[0]!.number).toEqual({ year: 2026, seq: 1 });
    const nextYear = await addItem(await create(sp.id, { date: '2027-01-15' }), '年度計劃');
    const paper2027 = await addPaper(nextYear, nextYear.agenda[0]!.id, pdf);
    expect(paper2027.agenda[0]!.papers[0]!.number).toEqual({ year: 2027, seq: 1 });
  });

  it('keeps every paper when the meeting itself is edited, and cancelling the dialog changes nothing', async () => {
    const { sp, files } = await start();
    let meeting = await addItem(await create(sp.id), '租賃進度');
    meeting = await addPaper(meeting, meeting.agenda[0]!.id, await writeTestPdf(files, 'a.pdf', ['A']));
    meeting = await call<Meeting>('meetings.update', { id: meeting.id, revision: meeting.revision, fields: fields({ title: '改期', venue: 'video' }) });
    expect(meeting.agenda[0]!.papers).toHaveLength(1);
    session.dialogs.answerNextOpen(null);
    expect(await call('meetings.addPaper', { id: meeting.id, revision: meeting.revision, itemId: meeting.agenda[0]!.id, title: '' })).toBeNull();
    expect((await call<Meeting>('meetings.get', { id: meeting.id })).revision).toBe(meeting.revision);
  });

  it('keeps a non-PDF file as a file, and refuses a file over the size limit with its name and the limit', async () => {
    const { sp, files } = await start();
    let meeting = await addItem(await create(sp.id), '財務');
    const sheet = path.join(files, 'budget.xlsx');
    await writeFile(sheet, 'not really a workbook');
    meeting = await addPaper(meeting, meeting.agenda[0]!.id, sheet);
    expect(meeting.agenda[0]!.papers[0]!.attachment.mediaType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const fake = path.join(files, 'fake.pdf');
    await writeFile(fake, 'plain text');
    meeting = await addPaper(meeting, meeting.agenda[0]!.id, fake);
    expect(meeting.agenda[0]!.papers[1]!.attachment.mediaType).toBe('application/octet-stream');

    const big = path.join(files, 'scan.pdf');
    await writeFile(big, '%PDF-1.7\n');
    await truncate(big, 200 * 1024 * 1024 + 1);
    session.dialogs.answerNextOpen(big);
    const refused = await session.call('meetings.addPaper', { id: meeting.id, revision: meeting.revision, itemId: meeting.agenda[0]!.id, title: '' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'attachment.tooLarge', params: { fileName: 'scan.pdf', limitMb: 200 } } });
    session.dialogs.answerNextOpen(path.join(files, 'gone.pdf'));
    const gone = await session.call('meetings.addPaper', { id: meeting.id, revision: meeting.revision, itemId: meeting.agenda[0]!.id, title: '' });
    expect(gone).toMatchObject({ ok: false, error: { code: 'attachment.unreadable', params: { fileName: 'gone.pdf' } } });
    expect((await readdir(path.join(session.dataDir, ATTACHMENTS_DIR))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reports a missing or damaged paper file without failing, and refuses to open it', async () => {
    const { sp, files } = await start();
    let meeting = await addItem(await create(sp.id), '租賃進度');
    const itemId = meeting.agenda[0]!.id;
    meeting = await addPaper(meeting, itemId, await writeTestPdf(files, 'a.pdf', ['A']));
    meeting = await addPaper(meeting, itemId, await writeTestPdf(files, 'b.pdf', ['B']));
    meeting = await addPaper(meeting, itemId, await writeTestPdf(files, 'c.pdf', ['C']));
    const [a, b, c] = meeting.agenda[0]!.papers;
    const stored = (sha: string) => path.join(session.dataDir, ATTACHMENTS_DIR, sha);
    await rm(stored(b!.attachment.sha256));
    const damaged = await readFile(stored(c!.attachment.sha256));
    damaged.writeUInt8(damaged.readUInt8(damaged.length - 2) ^ 0xff, damaged.length - 2);
    await writeFile(stored(c!.attachment.sha256), damaged);

    expect(await call<PaperCheck[]>('meetings.checkPapers', { id: meeting.id })).toEqual([
      { paperId: a!.id, state: 'ok' },
      { paperId: b!.id, state: 'missing' },
      { paperId: c!.id, state: 'damaged' },
    ]);
    const open = (paperId: string) => session.call('meetings.openPaper', { id: meeting.id, itemId, paperId });
    expect(await open(b!.id)).toMatchObject({ ok: false, error: { code: 'attachment.missing', params: { fileName: 'b.pdf' } } });
    expect(await open(c!.id)).toMatchObject({ ok: false, error: { code: 'attachment.damaged', params: { fileName: 'c.pdf' } } });
    expect(await open(a!.id)).toMatchObject({ ok: true });
    expect(path.basename(session.openedFolders[0]!)).toBe('a.pdf');

    const saveTo = path.join(files, 'copy', 'a-copy.pdf');
    session.dialogs.answerNextSave(saveTo);
    expect(await call('meetings.savePaperCopy', { id: meeting.id, itemId, paperId: a!.id })).toBe(saveTo);
    expect(await readFile(saveTo)).toEqual(await readFile(path.join(files, 'a.pdf')));
  });

  it('moves minutes from draft to circulated to confirmed at a later meeting of the same body only', async () => {
    const { sp, jp } = await start();
    let first = await create(sp.id);
    const second = await create(sp.id, { date: '2027-01-20' });
    const otherBody = await create(jp.id);
    const step = (status: string, confirmedAtMeetingId: string | null = null) =>
      session.call<Meeting>('meetings.setMinutesStatus', { id: first.id, revision: first.revision, status, confirmedAtMeetingId });

    expect(await step('confirmed', second.id)).toMatchObject({ ok: false, error: { code: 'meeting.minutesTransition' } });
    clock = new Date('2026-12-02T02:00:00Z');
    first = await call<Meeting>('meetings.setMinutesStatus', { id: first.id, revision: first.revision, status: 'circulated', confirmedAtMeetingId: null });
    expect(first.minutes).toMatchObject({ status: 'circulated', circulatedAt: '2026-12-02T02:00:00.000Z' });

    expect(await step('confirmed', null)).toMatchObject({ ok: false, error: { code: 'meeting.confirmingMeeting' } });
    expect(await step('confirmed', otherBody.id)).toMatchObject({ ok: false, error: { code: 'meeting.confirmingMeeting' } });
    expect(await step('confirmed', first.id)).toMatchObject({ ok: false, error: { code: 'meeting.confirmingMeeting' } });
    expect((await call<MeetingRow[]>('meetings.laterMeetings', { id: first.id })).map((m) => m.id)).toEqual([second.id]);

    clock = new Date('2027-01-20T03:00:00Z');
    const confirmed = await step('confirmed', second.id);
    expect(confirmed).toMatchObject({ ok: true, value: { minutes: { status: 'confirmed', confirmedAtMeetingId: second.id, confirmedAt: '2027-01-20T03:00:00.000Z' } } });
    first = (confirmed as { value: Meeting }).value;
    // A confirmation recorded by mistake can be taken back one step.
    first = await call<Meeting>('meetings.setMinutesStatus', { id: first.id, revision: first.revision, status: 'circulated', confirmedAtMeetingId: null });
    expect(first.minutes).toMatchObject({ status: 'circulated', confirmedAtMeetingId: null, circulatedAt: '2026-12-02T02:00:00.000Z' });
  });

  it('makes an action arising a real follow-up action linked to the meeting and agenda item', async () => {
    const { sp, jp } = await start();
    let meeting = await addItem(await create(sp.id), '租賃進度');
    const itemId = meeting.agenda[0]!.id;
    const action = await call<Action>('meetings.addActionArising', { meetingId: meeting.id, itemId, subGroupId: sp.id, fields: actionFields });
    expect(action).toMatchObject({ reference: 'SP-2026-001', meetingId: meeting.id, agendaItemId: itemId, status: 'notStarted' });
    expect(await call<Action>('actions.get', { id: action.id })).toMatchObject({ agendaItemId: itemId });
    expect((await call<Action[]>('meetings.actionsArising', { id: meeting.id })).map((a) => a.id)).toEqual([action.id]);

    const elsewhere = await session.call('meetings.addActionArising', { meetingId: meeting.id, itemId, subGroupId: jp.id, fields: actionFields });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'meeting.actionSubGroup' } });
    // The working group's meeting gives its actions to whichever sub-group follows them up.
    meeting = await addItem(await create(null), '統籌');
    const wgAction = await call<Action>('meetings.addActionArising', { meetingId: meeting.id, itemId: meeting.agenda[0]!.id, subGroupId: jp.id, fields: actionFields });
    expect(wgAction).toMatchObject({ reference: 'JP-2026-001', meetingId: meeting.id });
  });

  it('gathers the pack’s data: previous minutes, matters arising from earlier meetings, attendance, papers in agenda order', async () => {
    const { store, service, actions, dialogs, files, attachments } = await directServices();
    const [sp] = store.list('subGroups').sort((a, b) => a.sortOrder - b.sortOrder);
    const chan = await store.insert('contacts', {
      name: '陳大文', title: '高級經理', organisation: '香港科技園公司', side: 'HK', email: '', phone: '', memberships: [],
    });
    let first = await service.create(sp!.id, fields({ date: '2026-10-01' }), []);
    first = await service.saveItem(first.id, first.revision, null, { title: '租賃進度', standard: null, presenterId: null, minutes: '雙方同意租約條款。', decisions: [] });
    const itemId = first.agenda[0]!.id;
    const open = await service.addActionArising(first.id, itemId, sp!.id, actionFields);
    const done = await service.addActionArising(first.id, itemId, sp!.id, { ...actionFields, title: '確認交付時間表' });
    await actions.addProgress({ id: done.id, note: '已完成', status: 'done', byContactId: null });
    const unrelated = await actions.create(sp!.id, actionFields);

    let second = await service.create(sp!.id, fields({ attendance: [{ contactId: chan.id, role: 'chair', presence: 'present' }] }), ['confirmMinutes', 'otherBusiness']);
    second = await service.saveItem(second.id, second.revision, null, { title: '新項目', standard: null, presenterId: chan.id, minutes: '', decisions: [] });
    const [confirm, aob, fresh] = second.agenda;
    second = await service.reorder(second.id, second.revision, [confirm!.id, fresh!.id, aob!.id]);
    dialogs.answerNextOpen(await writeTestPdf(files, 'aob.pdf', ['AOB']));
    second = (await service.addPaper(second.id, second.revision, aob!.id, ''))!;
    dialogs.answerNextOpen(await writeTestPdf(files, 'fresh.pdf', ['Fresh']));
    second = (await service.addPaper(second.id, second.revision, fresh!.id, ''))!;

    const pack = await service.packData(second.id);
    expect(pack.subGroup).toMatchObject({ id: sp!.id, code: 'SP' });
    expect(pack.meeting).toMatchObject({ number: 2, classification: 'restricted', venue: 'SZ' });
    expect(pack.previousMeeting?.id).toBe(first.id);
    expect(pack.previousMeeting?.agenda[0]!.minutes).toBe('雙方同意租約條款。');
    // Closed since the previous meeting, still shown once; an action not from a meeting is not a matter arising.
    expect(pack.mattersArising.map((m) => [m.action.id, m.action.status, m.meetingNumber, m.agendaItemTitle])).toEqual([
      [open.id, 'notStarted', 1, '租賃進度'],
      [done.id, 'done', 1, '租賃進度'],
    ]);
    expect(pack.mattersArising.some((m) => m.action.id === unrelated.id)).toBe(false);
    expect(pack.attendance).toEqual([{ contactId: chan.id, role: 'chair', presence: 'present', name: '陳大文', title: '高級經理', organisation: '香港科技園公司', side: 'HK' }]);
    expect(pack.papers.map((p) => [p.itemId, p.paper.attachment.fileName, p.state])).toEqual([
      [fresh!.id, 'fresh.pdf', 'ok'],
      [aob!.id, 'aob.pdf', 'ok'],
    ]);
    expect(Buffer.from(await attachments.read(pack.papers[0]!.paper.attachment))).toEqual(await readFile(path.join(files, 'fresh.pdf')));
    await store.close();
  });

  it('loads actions written before agenda items existed, with no agenda item', async () => {
    const { store } = await directServices(path.resolve('tests/fixtures/store-v1'));
    const actions = store.list('actions', { includeDeleted: true });
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a.agendaItemId === null)).toBe(true);
    await store.close();
  });
});

/** The services on their own, for what the bridge does not expose (the pack's data). */
async function directServices(copyFrom?: string) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'hetao-meetings-'));
  if (copyFrom) await cp(copyFrom, dataDir, { recursive: true });
  const opened = await Store.open({ dataDir, now: () => clock });
  if (opened.status !== 'ready') throw new Error('store not ready');
  const store = opened.store;
  if (opened.isNew) await seedWorkingGroup(store);
  const actions = new ActionService(store, () => clock);
  const dialogs = new QueuedDialogs();
  const attachments = new AttachmentStore(dataDir);
  const service = new MeetingService({
    store,
    actions,
    attachments,
    dialogs,
    t: () => translator('zh-Hant'),
    now: () => clock,
    openFile: async () => undefined,
    scratch: new PrivateScratch(dataDir),
  });
  const files = await mkdtemp(path.join(tmpdir(), 'hetao-papers-'));
  return { store, service, actions, dialogs, files, attachments };
}
