import { describe, expect, it } from 'vitest';
import { Store } from '../../../electron/store/store';
import { contactFields, expectReady, FakeClock, openReady, tempDir } from './helpers';

describe('a record survives closing and reopening the store', () => {
  it('keeps inserts, updates, soft deletion and restoring, with the right stamps', async () => {
    const dataDir = await tempDir();
    const clock = new FakeClock();
    const opened = expectReady(await Store.open({ dataDir, now: clock.now }));
    expect(opened.isNew).toBe(true);
    expect(opened.notices).toEqual([]);
    const store = opened.store;

    const inserted = await store.insert('contacts', contactFields('陳志明'));
    expect(inserted).toMatchObject({ name: '陳志明', revision: 1, deletedAt: null });
    expect(inserted.createdAt).toBe(inserted.updatedAt);
    const kept = await store.insert('contacts', contactFields('李嘉欣', { side: 'SZ' }));

    clock.advance(60_000);
    const updated = await store.update('contacts', inserted.id, () => ({ title: '處長' }));
    expect(updated.revision).toBe(2);
    expect(updated.createdAt).toBe(inserted.createdAt);
    expect(updated.updatedAt).not.toBe(inserted.updatedAt);

    clock.advance(60_000);
    const deleted = await store.softDelete('contacts', inserted.id);
    expect(deleted.revision).toBe(3);
    expect(deleted.deletedAt).toBe(clock.now().toISOString());
    await store.close();

    const reopened = expectReady(await Store.open({ dataDir, now: clock.now }));
    expect(reopened.isNew).toBe(false);
    expect(reopened.notices).toEqual([]);
    const again = reopened.store;
    expect(again.list('contacts').map((c) => c.id)).toEqual([kept.id]);
    expect(again.list('contacts', { includeDeleted: true }).map((c) => c.id).sort()).toEqual([inserted.id, kept.id].sort());
    expect(again.get('contacts', inserted.id)).toEqual(deleted);
    expect(again.get('contacts', kept.id)).toEqual(kept);

    clock.advance(60_000);
    const restored = await again.restore('contacts', inserted.id);
    expect(restored).toMatchObject({ deletedAt: null, revision: 4, title: '處長', createdAt: inserted.createdAt });
    expect(restored.updatedAt).toBe(clock.now().toISOString());
    await again.close();

    const third = await openReady({ dataDir, now: clock.now });
    expect(third.get('contacts', inserted.id)).toEqual(restored);
    expect(third.list('contacts')).toHaveLength(2);
    await third.close();
  });

  it('refuses a record the schema rejects, and keeps nothing of it', async () => {
    const dataDir = await tempDir();
    const store = await openReady({ dataDir });
    await expect(store.insert('contacts', contactFields(''))).rejects.toThrow(/name/);
    const contact = await store.insert('contacts', contactFields('張家豪'));
    await expect(store.update('contacts', contact.id, () => ({ side: 'Macau' as never }))).rejects.toThrow(/side/);
    expect(store.get('contacts', contact.id)).toEqual(contact);
    expect(store.list('contacts')).toEqual([contact]);
    await store.close();
  });

  it('cannot change a record’s id, creation time or revision through an update', async () => {
    const dataDir = await tempDir();
    const store = await openReady({ dataDir });
    const contact = await store.insert('contacts', contactFields('黃詠詩'));
    const updated = await store.update('contacts', contact.id, () => ({ id: 'x', createdAt: 'y', revision: 99 }) as never);
    expect(updated).toMatchObject({ id: contact.id, createdAt: contact.createdAt, revision: 2 });
    await store.close();
  });
});
