import { describe, expect, it } from 'vitest';
import type { Action, ActionFields } from '../../../shared/model/action';
import type { Contact, NewContact } from '../../../shared/model/contact';
import type { SubGroup } from '../../../shared/model/subGroup';
import type { SearchResults } from '../../../shared/search/contract';
import { useTestBackend, type TestSession } from '../../support/testBackend';
import { actionForm } from '../../support/actionForm';

const openSession = useTestBackend();
let session: TestSession;
const call = <T>(channel: string, input?: unknown) => session.value<T>(channel, input);
const search = (text: string, limit?: number) => call<SearchResults>('search.all', { text, limit });

const action = (title: string, description = ''): ActionFields => actionForm(title, { description });
const contact = (fields: Partial<NewContact>): NewContact => ({
  name: '陳大文',
  title: '',
  organisation: '',
  side: 'HK',
  email: '',
  phone: '',
  memberships: [],
  ...fields,
});

async function start() {
  // A second passes with each change, so "latest first" has an order to show.
  let tick = 0;
  session = await openSession({ now: () => new Date(Date.parse('2026-11-24T02:00:00Z') + 1000 * tick++) });
  const [sp, jp] = await call<SubGroup[]>('subGroups.list');
  return { sp: sp!, jp: jp! };
}

describe('search across actions, contacts and sub-groups', () => {
  it('finds 數據 with 数据 and 数据 with 數據 in all three kinds, naming the field it matched', async () => {
    const { sp, jp } = await start();
    const hk = await call<Action>('actions.create', { subGroupId: sp.id, fields: action('跨境數據流動試點') });
    const sz = await call<Action>('actions.create', { subGroupId: jp.id, fields: action('科研设备共享', '整理可开放的数据目录。') });
    const noted = await call<Action>('actions.addProgress', { id: (await call<Action>('actions.create', { subGroupId: jp.id, fields: action('人才住房') })).id, note: '已向數據辦查詢', status: null, byContactId: null });
    const officer = await call<Contact>('contacts.create', contact({ name: '李小明', organisation: '深圳市政务服务数据管理局', side: 'SZ' }));
    const policy = await call<SubGroup>('subGroups.create', {
      code: 'DF',
      name: { hant: '「跨境數據」專組', hans: '「跨境数据」专组', en: 'Sub-group on Cross-boundary Data' },
      remit: '',
      convenors: { HK: null, SZ: null },
    });

    for (const query of ['数据', '數據']) {
      const found = await search(query);
      expect(found.actions.total).toBe(3);
      expect(found.actions.hits.map((h) => [h.id, h.field])).toEqual([
        // The title match ranks first; body matches follow, latest first.
        [hk.id, 'title'],
        [noted.id, 'progress'],
        [sz.id, 'description'],
      ]);
      expect(found.actions.hits[0]).toMatchObject({ kind: 'action', subGroupId: sp.id, code: hk.reference, text: '跨境數據流動試點', writtenIn: 'hant' });
      expect(found.actions.hits[1]).toMatchObject({ fieldPath: `progress.${noted.progress[0]!.id}.note`, text: '已向數據辦查詢' });
      expect(found.contacts.hits).toMatchObject([{ kind: 'contact', id: officer.id, field: 'organisation', title: '李小明', writtenIn: 'hans' }]);
      expect(found.subGroups.hits).toMatchObject([{ kind: 'subGroup', id: policy.id, subGroupId: policy.id, field: 'name', code: 'DF', names: policy.name }]);
    }
  });

  it('matches English without regard to case, and finds sub-groups by code and remit', async () => {
    const { sp } = await start();
    await call<Contact>('contacts.create', contact({ name: 'Alice Wong', title: 'Data Protection Officer' }));
    await call('subGroups.update', { id: sp.id, revision: sp.revision, fields: { code: sp.code, name: sp.name, remit: 'Leasing of space for the DATA centre', convenors: sp.convenors } });

    const found = await search('data');
    expect(found.contacts.hits).toMatchObject([{ title: 'Alice Wong', field: 'title', text: 'Data Protection Officer' }]);
    expect(found.subGroups.hits).toMatchObject([{ id: sp.id, field: 'remit' }]);
    expect((await search(sp.code.toLowerCase())).subGroups.hits).toMatchObject([{ id: sp.id, field: 'code' }]);
  });

  it('leaves out deleted records and archived sub-groups with their actions, which could not be opened', async () => {
    const { sp, jp } = await start();
    const gone = await call<Action>('actions.create', { subGroupId: jp.id, fields: action('已刪除的數據事項') });
    await call('actions.delete', { id: gone.id });
    await call<Action>('actions.create', { subGroupId: sp.id, fields: action('封存專組的數據事項') });
    await call('subGroups.archive', { id: sp.id });
    const kept = await call<Action>('actions.create', { subGroupId: jp.id, fields: action('仍在跟進的數據事項') });
    const left = await call<Contact>('contacts.create', contact({ name: '數據顧問' }));
    await call('contacts.delete', { id: left.id });

    const found = await search('数据');
    expect(found.actions.hits.map((h) => h.id)).toEqual([kept.id]);
    expect(found.contacts.total).toBe(0);
  });

  it('returns up to the limit of each kind with the full count, nothing for a blank query, and refuses bad arguments', async () => {
    const { jp } = await start();
    for (let i = 0; i < 5; i++) await call('actions.create', { subGroupId: jp.id, fields: action(`數據事項 ${i}`) });
    const found = await search('数据', 2);
    expect(found.actions.hits).toHaveLength(2);
    expect(found.actions.total).toBe(5);

    expect(await search('   ')).toEqual({ actions: { hits: [], total: 0 }, contacts: { hits: [], total: 0 }, subGroups: { hits: [], total: 0 } });
    expect(await session.call('search.all', { text: 'x'.repeat(501) })).toMatchObject({ ok: false, error: { code: 'ipc.invalidArguments' } });
    expect(await session.call('search.all', { text: 'x', limit: 0 })).toMatchObject({ ok: false, error: { code: 'ipc.invalidArguments' } });
  });
});
