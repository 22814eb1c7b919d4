import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OverviewSummary } from '../../../shared/actions/overview';
import type { Action, ActionFields } from '../../../shared/model/action';
import type { Contact, NewContact } from '../../../shared/model/contact';
import type { SubGroup } from '../../../shared/model/subGroup';
import { useTestBackend, type TestSession } from '../../support/testBackend';
import { actionForm } from '../../support/actionForm';

const openSession = useTestBackend();
let session: TestSession;
let clock = new Date('2026-11-24T02:00:00Z');

const call = <T>(channel: string, input?: unknown) => session.value<T>(channel, input);

async function start(dataDir?: string) {
  clock = new Date('2026-11-24T02:00:00Z');
  session = await openSession({ now: () => clock, ...(dataDir ? { dataDir } : {}) });
  const [sp, jp, pr] = await call<SubGroup[]>('subGroups.list');
  return { sp: sp!, jp: jp!, pr: pr! };
}

const person = (name: string, side: Contact['side']): NewContact => ({
  name,
  title: '',
  organisation: side === 'HK' ? '創新科技及工業局' : '深圳市科技创新局',
  side,
  email: '',
  phone: '',
  memberships: [],
});

const talent = {
  code: 'TA',
  name: { hant: '「人才」專組', hans: '「人才」专组', en: 'Sub-group on Talent' },
  remit: '研究吸引人才措施。',
};

const fieldsOf = (s: SubGroup) => ({ code: s.code, name: s.name, remit: s.remit, convenors: s.convenors });

const action = (): ActionFields => actionForm('研究人才通行便利措施');

describe('sub-groups', () => {
  it('sets up a sub-group with a convenor on each side, and seeded ones start with none', async () => {
    const { sp } = await start();
    expect(sp.convenors).toEqual({ HK: null, SZ: null });
    const chan = await call<Contact>('contacts.create', person('陳大文', 'HK'));
    const li = await call<Contact>('contacts.create', person('李明', 'SZ'));
    const created = await call<SubGroup>('subGroups.create', { ...talent, code: 'ta', convenors: { HK: chan.id, SZ: li.id } });
    expect(created).toMatchObject({ code: 'TA', convenors: { HK: chan.id, SZ: li.id }, archivedAt: null, sortOrder: 3 });
    // Without convenors at all, as the dialog sends when none is picked yet.
    const plain = await call<SubGroup>('subGroups.create', { ...talent, code: 'TB' });
    expect(plain.convenors).toEqual({ HK: null, SZ: null });
  });

  it('refuses a convenor from the other side or one no longer in contacts', async () => {
    const { sp } = await start();
    const li = await call<Contact>('contacts.create', person('李明', 'SZ'));
    const wrongSide = await session.call('subGroups.create', { ...talent, convenors: { HK: li.id, SZ: null } });
    expect(wrongSide).toMatchObject({ ok: false, error: { code: 'subGroup.convenorWrongSide', params: { name: '李明' } } });

    await call('contacts.delete', { id: li.id });
    const gone = await session.call('subGroups.update', { id: sp.id, revision: sp.revision, fields: { ...fieldsOf(sp), convenors: { HK: null, SZ: li.id } } });
    expect(gone).toMatchObject({ ok: false, error: { code: 'subGroup.convenorNotFound' } });
  });

  it('keeps a convenor who has since left contacts when something else is edited', async () => {
    const { sp } = await start();
    const chan = await call<Contact>('contacts.create', person('陳大文', 'HK'));
    const withConvenor = await call<SubGroup>('subGroups.update', { id: sp.id, revision: sp.revision, fields: { ...fieldsOf(sp), convenors: { HK: chan.id, SZ: null } } });
    await call('contacts.delete', { id: chan.id });
    const renamed = await call<SubGroup>('subGroups.update', {
      id: sp.id,
      revision: withConvenor.revision,
      fields: { ...fieldsOf(withConvenor), remit: '新的職責。' },
    });
    expect(renamed).toMatchObject({ remit: '新的職責。', convenors: { HK: chan.id, SZ: null } });
  });

  it('renames in all three scripts, and refuses an edit made to a stale copy', async () => {
    const { jp } = await start();
    const name = { hant: '「聯合政策研究」專組', hans: '「联合政策研究」专组', en: 'Sub-group on Joint Policy Research' };
    const renamed = await call<SubGroup>('subGroups.update', { id: jp.id, revision: jp.revision, fields: { ...fieldsOf(jp), name } });
    expect(renamed.name).toEqual(name);
    expect(renamed.revision).toBe(jp.revision + 1);

    const stale = await session.call('subGroups.update', { id: jp.id, revision: jp.revision, fields: { ...fieldsOf(jp), remit: '舊副本' } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'record.changedElsewhere' } });
    const [, stored] = await call<SubGroup[]>('subGroups.list');
    expect(stored).toMatchObject({ name, remit: jp.remit });
  });

  it('lets the code change until an action uses it, never to another sub-group’s code', async () => {
    const { sp, jp } = await start();
    const taken = await session.call('subGroups.update', { id: jp.id, revision: jp.revision, fields: { ...fieldsOf(jp), code: 'SP' } });
    expect(taken).toMatchObject({ ok: false, error: { code: 'subGroup.codeTaken', params: { code: 'SP' } } });

    const recoded = await call<SubGroup>('subGroups.update', { id: jp.id, revision: jp.revision, fields: { ...fieldsOf(jp), code: 'jpol' } });
    expect(recoded.code).toBe('JPOL');

    const first = await call<Action>('actions.create', { subGroupId: sp.id, fields: action() });
    expect(first.reference).toBe('SP-2026-001');
    // Deleted actions still carry the code in their references.
    await call('actions.delete', { id: first.id });
    const fixed = await session.call('subGroups.update', { id: sp.id, revision: sp.revision, fields: { ...fieldsOf(sp), code: 'HKSP' } });
    expect(fixed).toMatchObject({ ok: false, error: { code: 'subGroup.codeFixed', params: { code: 'SP' } } });
    // The name can still change.
    const renamed = await call<SubGroup>('subGroups.update', { id: sp.id, revision: sp.revision, fields: { ...fieldsOf(sp), remit: '更新職責' } });
    expect(renamed).toMatchObject({ code: 'SP', remit: '更新職責' });
  });

  it('checks every field as the form does, in message keys', async () => {
    const { sp } = await start();
    const result = await session.call('subGroups.update', {
      id: sp.id,
      revision: sp.revision,
      fields: { ...fieldsOf(sp), code: '1X', name: { hant: ' ', hans: '专组', en: '' } },
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'ipc.invalidArguments',
        issues: expect.arrayContaining([
          { path: 'fields.code', messageKey: 'validation.subGroupCode' },
          { path: 'fields.name.hant', messageKey: 'validation.required' },
        ]),
      },
    });
    const bad = await session.call('subGroups.update', { id: 'not-an-id', revision: 0 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'ipc.invalidArguments' } });
  });

  it('archives a sub-group: kept with its actions, left out of the overview, restored in place', async () => {
    const { sp, jp, pr } = await start();
    await call<Action>('actions.create', { subGroupId: jp.id, fields: { ...action(), dueDate: '2026-11-01' } });
    const done = await call<Action>('actions.create', { subGroupId: sp.id, fields: action() });
    await call('actions.addProgress', { id: done.id, note: '', status: 'done', byContactId: null });

    const before = await call<OverviewSummary>('actions.overview');
    expect(before.overdue).toHaveLength(1);
    expect(before.byStatus.notStarted).toBe(1);

    clock = new Date('2026-11-25T03:00:00Z');
    const archived = await call<SubGroup>('subGroups.archive', { id: jp.id });
    expect(archived.archivedAt).toBe('2026-11-25T03:00:00.000Z');

    const after = await call<OverviewSummary>('actions.overview');
    expect(after.overdue).toHaveLength(0);
    expect(after.byStatus).toMatchObject({ notStarted: 0, done: 1 });
    expect(after.perSubGroup.map((p) => p.subGroupId)).toEqual([sp.id, pr.id]);
    // Its actions are still there for whoever opens them.
    const kept = await call<{ total: number }>('actions.list', { subGroupId: jp.id });
    expect(kept.total).toBe(1);

    const restored = await call<SubGroup>('subGroups.restore', { id: jp.id });
    expect(restored.archivedAt).toBeNull();
    expect((await call<SubGroup[]>('subGroups.list')).map((s) => s.code)).toEqual(['SP', 'JP', 'PR']);
    expect((await call<OverviewSummary>('actions.overview')).overdue).toHaveLength(1);

    const missing = await session.call('subGroups.archive', { id: '0b6f4a0e-8f4a-4c3b-9d59-8f4f0c6f0a09' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'record.notFound' } });
  });

  it('saves the tab order, keeps archived ones after, and the order survives a restart', async () => {
    const { sp, jp, pr } = await start();
    const extra = await call<SubGroup>('subGroups.create', talent);
    await call('subGroups.archive', { id: jp.id });

    const reordered = await call<SubGroup[]>('subGroups.reorder', { ids: [sp.id, extra.id, pr.id] });
    expect(reordered.map((s) => s.code)).toEqual(['SP', 'TA', 'PR', 'JP']);
    // Only the records whose place changed were rewritten.
    expect(reordered.find((s) => s.id === sp.id)!.revision).toBe(1);
    expect(reordered.find((s) => s.id === extra.id)!.revision).toBe(2);

    const duplicate = await session.call('subGroups.reorder', { ids: [sp.id, sp.id] });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'ipc.invalidArguments', issues: [{ messageKey: 'validation.duplicateId' }] } });
    const unknown = await session.call('subGroups.reorder', { ids: ['0b6f4a0e-8f4a-4c3b-9d59-8f4f0c6f0a09'] });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'record.notFound' } });

    const dataDir = session.dataDir;
    await session.backend.close();
    await start(dataDir);
    expect((await call<SubGroup[]>('subGroups.list')).map((s) => s.code)).toEqual(['SP', 'TA', 'PR', 'JP']);
  });

  it('opens a v1 data folder, written before convenors existed, and names convenors there', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hetao-subgroups-v1-'));
    await cp(path.resolve('tests/fixtures/store-v1'), dataDir, { recursive: true });
    await start(dataDir);
    const list = await call<SubGroup[]>('subGroups.list');
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((s) => s.convenors.HK === null && s.convenors.SZ === null)).toBe(true);

    const chan = await call<Contact>('contacts.create', person('陳大文', 'HK'));
    const first = list[0]!;
    const named = await call<SubGroup>('subGroups.update', { id: first.id, revision: first.revision, fields: { ...fieldsOf(first), convenors: { HK: chan.id, SZ: null } } });
    expect(named.convenors.HK).toBe(chan.id);
  });
});
