import * as fsp from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { Store } from '../../../electron/store/store';
import { AppError } from '../../../shared/ipc/errors';
import { SettingsService } from '../../../electron/settings/settingsService';
import {
  contactFields,
  expectReady,
  idsInShards,
  listTempFiles,
  openReady,
  readJson,
  readOnlyFs,
  shardPathOf,
  tempDir,
  TestFs,
} from './helpers';

const cases = [
  ['ENOSPC', 'disk.full'],
  ['EACCES', 'disk.readOnly'],
  ['EROFS', 'disk.readOnly'],
] as const;

describe('a disk that refuses writes', () => {
  it.each(cases)('%s: the edit fails with %s, stays in memory, and is saved once the disk recovers', async (errno, code) => {
    const dataDir = await tempDir();
    const testFs = new TestFs();
    const [existingId, newId] = idsInShards('contacts', 2, true);
    const store = await openReady({ dataDir, fs: testFs.fs });
    const existing = await store.insert('contacts', contactFields('陳家豪'), existingId);
    const file = shardPathOf(dataDir, 'contacts', existingId!);
    const onDiskBefore = await fsp.readFile(file);

    testFs.failOpen = errno;
    const insert = store.insert('contacts', contactFields('李偉強'), newId);
    await expect(insert).rejects.toBeInstanceOf(AppError);
    await expect(insert).rejects.toMatchObject({ code });
    const update = store.update('contacts', existingId!, () => ({ title: '副處長' }));
    await expect(update).rejects.toMatchObject({ code });

    expect(store.get('contacts', newId!)).toMatchObject({ name: '李偉強' });
    expect(store.get('contacts', existingId!)).toMatchObject({ title: '副處長', revision: 2 });
    expect(store.saveStatus()).toEqual({ unsavedChanges: true, lastError: code });
    expect(await listTempFiles(dataDir)).toEqual([]);
    expect(await fsp.readFile(file)).toEqual(onDiskBefore);
    await expect(store.flush()).rejects.toMatchObject({ code });
    // Still failing: retrying says so and keeps the changes.
    expect(await store.retrySave()).toEqual({ unsavedChanges: true, lastError: code });

    testFs.failOpen = null;
    expect(await store.retrySave()).toEqual({ unsavedChanges: false, lastError: null });
    await store.close();

    const reopened = await openReady({ dataDir });
    expect(reopened.get('contacts', newId!)).toMatchObject({ name: '李偉強', revision: 1 });
    expect(reopened.get('contacts', existingId!)).toEqual({ ...existing, title: '副處長', revision: 2, updatedAt: expect.any(String) });
    await reopened.close();
  });

  it('removes the half-written temp file when the disk fills up during a write', async () => {
    const dataDir = await tempDir();
    const testFs = new TestFs();
    const [id] = idsInShards('contacts', 1);
    const store = await openReady({ dataDir, fs: testFs.fs });
    const saved = await store.insert('contacts', contactFields('林美玲'), id);
    const file = shardPathOf(dataDir, 'contacts', id!);

    testFs.failWrite = 'ENOSPC';
    await expect(store.update('contacts', id!, () => ({ phone: '+852 3655 5678' }))).rejects.toMatchObject({ code: 'disk.full' });
    expect(await listTempFiles(dataDir)).toEqual([]);
    expect((await readJson(file)).records[id!]).toEqual(saved);
    expect(store.saveStatus()).toEqual({ unsavedChanges: true, lastError: 'disk.full' });

    testFs.failWrite = null;
    // A later edit to the same file carries the earlier unsaved one with it.
    await store.update('contacts', id!, () => ({ email: 'lin@hkstp.org' }));
    expect(store.saveStatus()).toEqual({ unsavedChanges: false, lastError: null });
    expect((await readJson(file)).records[id!]).toMatchObject({ phone: '+852 3655 5678', email: 'lin@hkstp.org', revision: 3 });
    await store.close();
  });

  it('opens a folder on a read-only disk, shows its data, and refuses edits clearly', async () => {
    const dataDir = await tempDir();
    const store = await openReady({ dataDir });
    const contact = await store.insert('contacts', contactFields('吳曉東'));
    await store.close();

    const opened = expectReady(await Store.open({ dataDir, fs: readOnlyFs }));
    // The banner says why nothing can be saved, before the first edit fails.
    expect(opened.notices).toEqual([{ kind: 'readOnly', folder: dataDir }]);
    expect(opened.store.get('contacts', contact.id)).toEqual(contact);
    expect(opened.store.saveStatus()).toEqual({ unsavedChanges: false, lastError: null });
    await expect(opened.store.update('contacts', contact.id, () => ({ title: '科長' }))).rejects.toMatchObject({
      code: 'disk.readOnly',
    });
    expect(opened.store.get('contacts', contact.id)?.title).toBe('科長');
    await expect(opened.store.close()).rejects.toMatchObject({ code: 'disk.readOnly' });
  });

  it('opens a read-only folder that never stored settings, in the default language, without failing', async () => {
    const dataDir = await tempDir();
    const store = await openReady({ dataDir });
    await store.insert('contacts', contactFields('吳曉東'));
    await store.close();

    const opened = expectReady(await Store.open({ dataDir, fs: readOnlyFs }));
    const settings = new SettingsService(opened.store, 'zh-Hans');
    expect(await settings.get()).toMatchObject({ language: 'zh-Hans' });
    expect(opened.store.saveStatus()).toEqual({ unsavedChanges: false, lastError: null });
    await expect(settings.setLanguage('en')).rejects.toMatchObject({ code: 'disk.readOnly' });
  });
});
