import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/model/contact';
import type { SubGroup } from '../../../shared/model/subGroup';
import { useTestBackend } from '../../support/testBackend';

const openSession = useTestBackend();

async function open(systemLocale = 'zh-HK') {
  const session = await openSession({ systemLocale });
  const { value } = session;
  const subGroups = await value<SubGroup[]>('subGroups.list');
  return { ...session, subGroups };
}

const chan = { name: '陳大文', title: '首席助理秘書長', organisation: '創新科技及工業局', side: 'HK', email: 'tm.chan@itib.gov.hk', phone: '+852 2810 2000', memberships: [] };

describe('the contacts service', () => {
  it('creates, lists by name, updates, deletes softly and restores', async () => {
    const { value, subGroups } = await open();
    const created = await value<Contact>('contacts.create', { ...chan, memberships: [{ subGroupId: subGroups[1]!.id, role: 'convenor' }] });
    expect(created).toMatchObject({ name: '陳大文', side: 'HK', revision: 1, deletedAt: null });
    await value('contacts.create', { ...chan, name: '王小明', organisation: '深圳市科技创新局', side: 'SZ', email: '', phone: '' });
    await value('contacts.create', { ...chan, name: '丁一', organisation: '香港科技園公司', email: '' });
    // Traditional Chinese sorts by stroke count: 丁 (2) 王 (4) 陳 (16).
    expect((await value<Contact[]>('contacts.list', { includeDeleted: false })).map((c) => c.name)).toEqual(['丁一', '王小明', '陳大文']);

    const updated = await value<Contact>('contacts.update', { id: created.id, revision: 1, contact: { ...chan, title: '副秘書長' } });
    expect(updated).toMatchObject({ title: '副秘書長', revision: 2, memberships: [] });

    await value('contacts.delete', { id: created.id });
    expect((await value<Contact[]>('contacts.list', { includeDeleted: false })).map((c) => c.name)).not.toContain('陳大文');
    const withDeleted = await value<Contact[]>('contacts.list', { includeDeleted: true });
    expect(withDeleted.find((c) => c.id === created.id)?.deletedAt).not.toBeNull();
    await value('contacts.restore', { id: created.id });
    expect((await value<Contact[]>('contacts.list', { includeDeleted: false })).map((c) => c.name)).toContain('陳大文');
  });

  it('validates with message keys the form shows, and writes nothing', async () => {
    const { call, value } = await open();
    const result = await call('contacts.create', { ...chan, name: '  ', side: 'Macau', email: 'not-an-email', phone: 'call me' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('ipc.invalidArguments');
    expect(result.error.issues).toEqual(
      expect.arrayContaining([
        { path: 'name', messageKey: 'validation.required' },
        { path: 'side', messageKey: 'validation.contactSide' },
        { path: 'email', messageKey: 'validation.email' },
        { path: 'phone', messageKey: 'validation.phone' },
      ]),
    );
    expect(await value('contacts.list', { includeDeleted: true })).toEqual([]);
  });

  it('refuses a duplicate (same email, or same name and organisation) and an unknown sub-group', async () => {
    const { call, value } = await open();
    await value('contacts.create', chan);
    expect(await call('contacts.create', { ...chan, name: '陳小文' })).toEqual({
      ok: false,
      error: { code: 'contacts.duplicate', params: { name: '陳大文' } },
    });
    expect(await call('contacts.create', { ...chan, email: '', organisation: ' 創新科技及工業局 ' })).toMatchObject({
      ok: false,
      error: { code: 'contacts.duplicate' },
    });
    const unknown = await call('contacts.create', {
      ...chan,
      email: 'other@example.org',
      name: '李四',
      memberships: [{ subGroupId: '00000000-0000-4000-8000-000000000000', role: 'member' }],
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'contacts.unknownSubGroup' } });
  });

  it('refuses an edit made to an out-of-date copy', async () => {
    const { call, value } = await open();
    const created = await value<Contact>('contacts.create', chan);
    await value('contacts.update', { id: created.id, revision: 1, contact: { ...chan, title: 'A' } });
    expect(await call('contacts.update', { id: created.id, revision: 1, contact: { ...chan, title: 'B' } })).toMatchObject({
      ok: false,
      error: { code: 'record.changedElsewhere' },
    });
  });
});
