import { describe, expect, it } from 'vitest';
import type { OverviewSummary } from '../../../shared/actions/overview';
import type { Action, ActionFields, ActionRow } from '../../../shared/model/action';
import type { SubGroup } from '../../../shared/model/subGroup';
import { useTestBackend, type TestSession } from '../../support/testBackend';

const openSession = useTestBackend();
let session: TestSession;

let clock = new Date('2026-11-24T02:00:00Z');
// Officers and leads must be in the contacts: each test's start() adds these two.
let HK_OFFICER = '';
let SZ_OFFICER = '';

const call = <T>(channel: string, input?: unknown) => session.value<T>(channel, input);

async function start() {
  clock = new Date('2026-11-24T02:00:00Z');
  session = await openSession({ now: () => clock });
  const [sp, jp] = await call<SubGroup[]>('subGroups.list');
  const person = (name: string, side: 'HK' | 'SZ') =>
    call<{ id: string }>('contacts.create', { name, title: '', organisation: '', side, email: '', phone: '', memberships: [] });
  HK_OFFICER = (await person('陳大文', 'HK')).id;
  SZ_OFFICER = (await person('李晓明', 'SZ')).id;
  return { sp: sp!, jp: jp!, dataDir: session.dataDir };
}

const fields = (overrides: Partial<ActionFields> = {}): ActionFields => ({
  title: '研究人才通行便利措施',
  description: '與出入境部門商討科研人員往來安排。',
  ownerSide: 'joint',
  leads: [
    { side: 'HK', contactId: HK_OFFICER, status: 'notStarted' },
    { side: 'SZ', contactId: SZ_OFFICER, status: 'notStarted' },
  ],
  officerIds: [HK_OFFICER, SZ_OFFICER],
  dueDate: '2026-12-01',
  priority: 'high',
  clauses: ['2.2'],
  ...overrides,
});

describe('follow-up actions', () => {
  it('numbers actions per sub-group and year, and never gives a number twice, even after deletion', async () => {
    const { sp, jp } = await start();
    const first = await call<Action>('actions.create', { subGroupId: sp.id, fields: fields() });
    const second = await call<Action>('actions.create', { subGroupId: sp.id, fields: fields() });
    const other = await call<Action>('actions.create', { subGroupId: jp.id, fields: fields() });
    expect([first.reference, second.reference, other.reference]).toEqual(['SP-2026-001', 'SP-2026-002', 'JP-2026-001']);

    await call('actions.delete', { id: second.id });
    const third = await call<Action>('actions.create', { subGroupId: sp.id, fields: fields() });
    expect(third.reference).toBe('SP-2026-003');

    clock = new Date('2027-01-02T02:00:00Z');
    const nextYear = await call<Action>('actions.create', { subGroupId: sp.id, fields: fields() });
    expect(nextYear.reference).toBe('SP-2027-001');
  });

  it('requires a lead on each side for a joint action, with the reason as a message key', async () => {
    const { sp } = await start();
    const result = await session.call('actions.create', { subGroupId: sp.id, fields: fields({ leads: [fields().leads[0]!] }) });
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.invalidArguments', issues: [{ path: 'fields.leads', messageKey: 'validation.jointNeedsBothLeads' }] } });
    const wrongSide = await session.call('actions.create', { subGroupId: sp.id, fields: fields({ ownerSide: 'HK', leads: [fields().leads[1]!] }) });
    expect(wrongSide).toMatchObject({ ok: false, error: { issues: [{ messageKey: 'validation.leadOfOwnerSide' }] } });
  });

  it('logs progress with who and when, records status changes, and closes and reopens', async () => {
    const { sp } = await start();
    const action = await call<Action>('actions.create', { subGroupId: sp.id, fields: fields() });
    clock = new Date('2026-11-25T03:00:00Z');
    const started = await call<Action>('actions.addProgress', { id: action.id, note: '已約見出入境處。', status: 'inProgress', byContactId: HK_OFFICER });
    expect(started.status).toBe('inProgress');
    expect(started.progress).toEqual([
      expect.objectContaining({ at: '2026-11-25T03:00:00.000Z', byContactId: HK_OFFICER, note: '已約見出入境處。', statusChange: { from: 'notStarted', to: 'inProgress' } }),
    ]);
    // Entries are listed by date on every laptop, so each is written a minute after the last, as people do.
    clock = new Date('2026-11-25T03:01:00Z');
    const done = await call<Action>('actions.addProgress', { id: action.id, note: '', status: 'done', byContactId: null });
    expect(done.status).toBe('done');
    clock = new Date('2026-11-25T03:02:00Z');
    const reopened = await call<Action>('actions.addProgress', { id: action.id, note: '需補充資料', status: 'inProgress', byContactId: null });
    expect(reopened.progress.map((p) => p.statusChange?.to)).toEqual(['inProgress', 'done', 'inProgress']);

    await expect(call('actions.addProgress', { id: action.id, note: '  ', status: null, byContactId: null })).rejects.toThrow('action.emptyProgress');
  });

  it('refuses an edit made on an out-of-date copy, so nobody overwrites another’s change unseen', async () => {
    const { sp } = await start();
    const action = await call<Action>('actions.create', { subGroupId: sp.id, fields: fields() });
    const edited = await call<Action>('actions.update', { id: action.id, revision: action.revision, fields: fields({ title: '新標題' }) });
    expect(edited).toMatchObject({ title: '新標題', revision: 2, reference: action.reference, createdAt: action.createdAt });
    await expect(call('actions.update', { id: action.id, revision: action.revision, fields: fields() })).rejects.toThrow('record.changedElsewhere');
  });

  it('hides nothing on delete: the row is marked deleted and can be restored', async () => {
    const { sp } = await start();
    const action = await call<Action>('actions.create', { subGroupId: sp.id, fields: fields() });
    await call('actions.delete', { id: action.id });
    const { rows, total } = await call<{ rows: ActionRow[]; total: number }>('actions.list', { subGroupId: sp.id });
    expect(total).toBe(1);
    expect(rows[0]!.deletedAt).not.toBeNull();
    await call('actions.restore', { id: action.id });
    expect((await call<{ rows: ActionRow[] }>('actions.list', { subGroupId: sp.id })).rows[0]!.deletedAt).toBeNull();
  });

  it('lists the most recently updated first, a page at a time, with a short preview of the latest note', async () => {
    const { sp } = await start();
    const made: Action[] = [];
    for (let i = 0; i < 5; i++) {
      clock = new Date(Date.UTC(2026, 10, 24, 2, i));
      made.push(await call<Action>('actions.create', { subGroupId: sp.id, fields: fields({ title: `事項 ${i}` }) }));
    }
    clock = new Date('2026-11-24T03:00:00Z');
    await call('actions.addProgress', { id: made[1]!.id, note: '長'.repeat(300), status: null, byContactId: null });
    const first = await call<{ rows: ActionRow[]; total: number }>('actions.list', { subGroupId: sp.id, limit: 2 });
    expect(first.total).toBe(5);
    expect(first.rows.map((r) => r.title)).toEqual(['事項 1', '事項 4']);
    expect(first.rows[0]!.latestNote).toBe(`${'長'.repeat(120)}…`);
    const rest = await call<{ rows: ActionRow[] }>('actions.list', { subGroupId: sp.id, offset: 2 });
    expect(rest.rows.map((r) => r.title)).toEqual(['事項 3', '事項 2', '事項 0']);
  });

  it('finds actions by words in their progress notes, not only their titles', async () => {
    const { sp, jp } = await start();
    const a = await call<Action>('actions.create', { subGroupId: sp.id, fields: fields({ title: '租賃物業空間' }) });
    await call('actions.create', { subGroupId: sp.id, fields: fields({ title: '人才住房' }) });
    await call('actions.addProgress', { id: a.id, note: '已與 HKSTP 確認樓層', status: null, byContactId: null });
    await call('actions.create', { subGroupId: jp.id, fields: fields({ title: '確認樓層用途' }) });
    expect(await call<string[]>('actions.search', { subGroupId: sp.id, text: 'hkstp' })).toEqual([a.id]);
    expect(await call<string[]>('actions.search', { subGroupId: sp.id, text: '確認樓層' })).toEqual([a.id]);
    expect(await call<string[]>('actions.search', { subGroupId: null, text: '確認樓層' })).toHaveLength(2);
  });

  it('sums up the overview across sub-groups: statuses, overdue with days late, due this week, progress', async () => {
    const { sp, jp } = await start();
    const late = await call<Action>('actions.create', { subGroupId: sp.id, fields: fields({ dueDate: '2026-11-20' }) });
    await call('actions.create', { subGroupId: sp.id, fields: fields({ dueDate: '2026-11-28' }) });
    const closed = await call<Action>('actions.create', { subGroupId: jp.id, fields: fields({ dueDate: '2026-11-01' }) });
    await call('actions.addProgress', { id: closed.id, note: '完成', status: 'done', byContactId: null });
    const summary = await call<OverviewSummary>('actions.overview');
    expect(summary.byStatus).toEqual({ notStarted: 2, inProgress: 0, blocked: 0, done: 1, dropped: 0 });
    expect(summary.overdue.map((o) => [o.action.id, o.daysLate])).toEqual([[late.id, 4]]);
    expect(summary.dueThisWeek.map((a) => a.dueDate)).toEqual(['2026-11-28']);
    expect(summary.perSubGroup.find((p) => p.subGroupId === jp.id)).toMatchObject({ total: 1, done: 1, share: 1 });
    expect(summary.perSubGroup.find((p) => p.subGroupId === sp.id)).toMatchObject({ total: 2, done: 0, share: 0 });
  });

  it('refuses officers and leads who are not in the contacts, naming the field', async () => {
    const { sp } = await start();
    const stranger = '0b6f4a0e-8f4a-4c3b-9d59-8f4f0c6f0a09';
    expect(await session.call('actions.create', { subGroupId: sp.id, fields: fields({ officerIds: [HK_OFFICER, stranger] }) })).toMatchObject({
      ok: false,
      error: { code: 'record.unknownReference', params: { field: 'fields.officerIds.1' } },
    });
    const lead = { side: 'SZ' as const, contactId: stranger, status: 'notStarted' as const };
    expect(await session.call('actions.create', { subGroupId: sp.id, fields: fields({ leads: [fields().leads[0]!, lead] }) })).toMatchObject({
      ok: false,
      error: { code: 'record.unknownReference', params: { field: 'fields.leads.1.contactId' } },
    });
    // An officer deleted later does not block editing the action they are on.
    const action = await call<Action>('actions.create', { subGroupId: sp.id, fields: fields() });
    await call('contacts.delete', { id: SZ_OFFICER });
    expect(await call<Action>('actions.update', { id: action.id, revision: action.revision, fields: fields({ title: '改題' }) })).toMatchObject({ title: '改題' });
  });
});
