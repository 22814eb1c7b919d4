import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/backend/dispatcher';
import type { Backend } from '../../../electron/backend/openBackend';
import { appFrame, openTestBackend } from '../../support/testBackend';
import type { SubGroup } from '../../../shared/model/subGroup';

const ORIGIN = 'app://hetao';
let backend: Backend | null = null;

afterEach(async () => {
  await backend?.close();
  backend = null;
});

async function open(systemLocale = 'zh-HK') {
  const opened = await openTestBackend({ systemLocale });
  backend = opened.backend;
  return { ...opened, backend };
}

describe('isTrustedSender', () => {
  it('trusts only the app’s own top frame', () => {
    expect(isTrustedSender(appFrame, ORIGIN)).toBe(true);
    expect(isTrustedSender({ ...appFrame, isMainFrame: false }, ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/app://hetao/', isMainFrame: true }, ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: 'app://hetao.evil/index.html', isMainFrame: true }, ORIGIN)).toBe(false);
    expect(isTrustedSender({ url: 'file:///C:/index.html', isMainFrame: true }, ORIGIN)).toBe(false);
    expect(isTrustedSender(null, ORIGIN)).toBe(false);
  });
});

describe('the dispatcher', () => {
  it('refuses a call from a frame that is not the app, before looking at its arguments', async () => {
    const { backend } = await open();
    const result = await backend.dispatch('subGroups.create', { bad: true }, { url: 'https://example.org/', isMainFrame: true });
    expect(result).toEqual({ ok: false, error: { code: 'ipc.untrustedSender' } });
  });

  it('refuses unknown channels, including inherited object keys', async () => {
    const { backend } = await open();
    for (const channel of ['subGroups.drop', 'nothing.here', 'constructor.prototype', 'subGroups.toString', '__proto__.x']) {
      expect(await backend.dispatch(channel, undefined, appFrame)).toEqual({ ok: false, error: { code: 'ipc.unknownChannel' } });
    }
  });

  it('rejects invalid arguments with a message key per field, and writes nothing', async () => {
    const { backend } = await open();
    const result = await backend.dispatch('subGroups.create', { code: 'x', name: { hant: '', hans: '甲', en: '' }, remit: 5 }, appFrame);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('ipc.invalidArguments');
    expect(result.error.issues).toEqual(
      expect.arrayContaining([
        { path: 'code', messageKey: 'validation.subGroupCode' },
        { path: 'name.hant', messageKey: 'validation.required' },
        { path: 'remit', messageKey: 'validation.invalid' },
      ]),
    );
    const list = await backend.dispatch('subGroups.list', undefined, appFrame);
    expect(list.ok && list.value).toHaveLength(3);
    expect(await backend.dispatch('settings.setLanguage', 'fr', appFrame)).toMatchObject({ ok: false, error: { code: 'ipc.invalidArguments' } });
  });

  it('returns a service’s failure as a typed value the renderer can translate', async () => {
    const { backend } = await open();
    const result = await backend.dispatch('subGroups.create', { code: 'jp', name: { hant: '甲', hans: '甲', en: '' }, remit: '' }, appFrame);
    expect(result).toEqual({ ok: false, error: { code: 'subGroup.codeTaken', params: { code: 'JP' } } });
  });
});

describe('the backend on a fresh data folder', () => {
  it('seeds the working group and its three sub-groups in three languages, once', async () => {
    const { dataDir } = await open();
    const groups = await backend!.dispatch('subGroups.list', undefined, appFrame);
    expect(groups.ok && (groups.value as SubGroup[]).map((g) => [g.code, g.name.hant, g.name.hans, g.name.en])).toEqual([
      ['SP', '「香港科學園落戶深圳」專組', '「香港科学园落户深圳」专组', 'Sub-group on HK Science Park in Shenzhen'],
      ['JP', '「聯合政策」專組', '「联合政策」专组', 'Sub-group on Joint Policy'],
      ['PR', '「聯合推廣」專組', '「联合推广」专组', 'Sub-group on Joint Promotion'],
    ]);
    expect(await backend!.dispatch('app.startupNotices', undefined, appFrame)).toEqual({ ok: true, value: [{ kind: 'seeded' }] });
    await backend!.close();

    backend = (await openTestBackend({ dataDir })).backend;
    const again = await backend.dispatch('subGroups.list', undefined, appFrame);
    expect(again.ok && again.value).toHaveLength(3);
    expect(await backend.dispatch('app.startupNotices', undefined, appFrame)).toEqual({ ok: true, value: [] });
  });

  it('takes the first-run language from the OS and keeps the user’s choice afterwards', async () => {
    const { dataDir } = await open('zh-CN');
    expect(backend!.language()).toBe('zh-Hans');
    await backend!.dispatch('settings.setLanguage', 'en', appFrame);
    expect(backend!.language()).toBe('en');
    await backend!.close();
    backend = (await openTestBackend({ dataDir, systemLocale: 'zh-HK' })).backend;
    expect(backend.language()).toBe('en');
  });

  it('opens the data folder through the host when asked', async () => {
    const { dataDir, openedFolders } = await open('en');
    expect(await backend!.dispatch('app.openDataFolder', undefined, appFrame)).toEqual({ ok: true, value: undefined });
    expect(openedFolders).toEqual([dataDir]);
    const info = await backend!.dispatch('app.info', undefined, appFrame);
    expect(info).toMatchObject({ ok: true, value: { dataFolder: dataDir, backupsFolder: path.join(dataDir, 'backups'), dataProblem: null } });
  });
});
