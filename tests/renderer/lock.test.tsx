import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { unwrap } from '../../renderer/api/hetao';
import type { Result } from '../../shared/ipc/errors';
import { appFrame, openTestBackend } from '../support/testBackend';
import { TestFs } from '../electron/store/helpers';
import { useRenderedApp } from './realBackend';
import { cheapKdf, memoryKeystore, turnOnEncryption } from '../support/encryption';
import type { OsKeystore } from '../../electron/crypto/keyring';

const renderApp = useRenderedApp();
const PASSPHRASE = '河套 深港 2026';

/** A data folder already encrypted (as Settings leaves it), with one contact, and its recovery key; quick unlock on if given a keystore. */
async function encryptedFolder(keystore?: OsKeystore): Promise<{ dataDir: string; recoveryKey: string }> {
  const { backend, dataDir } = await openTestBackend({ kdf: cheapKdf(), keystore });
  const call = <T,>(channel: string, input?: unknown) => unwrap(backend.dispatch(channel, input, appFrame) as Promise<Result<T>>);
  await call('contacts.create', { name: '陳大文', title: '', organisation: '', side: 'HK', email: '', phone: '', memberships: [] });
  const recoveryKey = await turnOnEncryption({ value: call }, PASSPHRASE);
  if (keystore) await call('lock.setQuickUnlock', { on: true });
  await backend.close();
  return { dataDir, recoveryKey };
}

describe('the lock screen and encryption settings', () => {
  it('offers at first run, in 简体, to encrypt the new folder before anything is in it', async () => {
    await renderApp({ systemLocale: 'zh-CN', lockGate: true, backend: { kdf: cheapKdf() } });
    const user = userEvent.setup();
    const notice = (await screen.findByText('已新建数据文件夹，并设立工作组及三个专组。')).closest('[role="alert"]') as HTMLElement;
    expect(within(notice).getByText(/请先设置密码，把整个数据文件夹加密/)).toBeVisible();
    await user.click(within(notice).getByRole('button', { name: '设置密码并加密…' }));

    const turnOn = await screen.findByRole('dialog');
    await user.type(within(turnOn).getByLabelText('新密码'), PASSPHRASE);
    await user.type(within(turnOn).getByLabelText('再次输入密码'), PASSPHRASE);
    await user.click(within(turnOn).getByRole('button', { name: '下一步' }));
    const shown = await within(turnOn).findByTestId('recovery-key');
    const groups = [...shown.querySelectorAll('.recovery-key-group')].map((g) => g.textContent!.replace(/^\d+/, ''));
    for (const input of within(turnOn).getAllByTestId(/^confirm-group-/)) {
      await user.type(input, groups[Number(input.getAttribute('data-testid')!.replace('confirm-group-', '')) - 1]!);
    }
    await user.click(within(turnOn).getByRole('button', { name: '确认并加密' }));
    expect(await screen.findByText(/文件夹已加密。原有的未加密文件已删除/)).toBeVisible();
    // Done: the offer is gone, and Settings says the folder is encrypted.
    await waitFor(() => expect(screen.queryByText('已新建数据文件夹，并设立工作组及三个专组。')).toBeNull());
    await user.click(screen.getByRole('button', { name: '设置和关于' }));
    const settings = await screen.findByRole('dialog');
    await waitFor(() => expect(within(settings).getByTestId('encryption-state').textContent).toContain('已加密'));
  });

  it('turns encryption on from Settings in 繁體, with the recovery key typed back, then locks and unlocks', async () => {
    await renderApp({ systemLocale: 'zh-HK', lockGate: true, backend: { kdf: cheapKdf() } });
    const user = userEvent.setup();
    await screen.findAllByRole('tab');
    await user.click(screen.getByRole('button', { name: '設定及關於' }));
    const settings = await screen.findByRole('dialog');
    expect(within(settings).getByTestId('encryption-state').textContent).toContain('資料夾未加密');
    await user.click(within(settings).getByRole('button', { name: /啟用加密/ }));

    const turnOn = (await screen.findAllByRole('dialog')).at(-1)!;
    expect(within(turnOn).getByText(/如同時遺失密碼和復原金鑰，資料將永久無法讀取/)).toBeTruthy();
    await user.type(within(turnOn).getByLabelText('新密碼'), 'short');
    await user.click(within(turnOn).getByRole('button', { name: '下一步' }));
    expect(await within(turnOn).findByText('密碼最少要有 8 個字元。')).toBeTruthy();
    await user.clear(within(turnOn).getByLabelText('新密碼'));
    await user.type(within(turnOn).getByLabelText('新密碼'), PASSPHRASE);
    expect(within(turnOn).getByTestId('passphrase-strength').textContent).toMatch(/^強度：/);
    await user.type(within(turnOn).getByLabelText('再次輸入密碼'), `${PASSPHRASE}x`);
    await user.click(within(turnOn).getByRole('button', { name: '下一步' }));
    expect(await within(turnOn).findByText('兩次輸入的密碼不相同。')).toBeTruthy();
    await user.clear(within(turnOn).getByLabelText('再次輸入密碼'));
    await user.type(within(turnOn).getByLabelText('再次輸入密碼'), PASSPHRASE);
    await user.click(within(turnOn).getByRole('button', { name: '下一步' }));

    const shown = await within(turnOn).findByTestId('recovery-key');
    const groups = [...shown.querySelectorAll('.recovery-key-group')].map((g) => g.textContent!.replace(/^\d+/, ''));
    expect(groups).toHaveLength(8);
    const inputs = within(turnOn).getAllByTestId(/^confirm-group-/);
    // A wrong group is refused and nothing is encrypted.
    for (const input of inputs) await user.type(input, 'AAAA');
    await user.click(within(turnOn).getByRole('button', { name: '確認並加密' }));
    expect(await within(turnOn).findByText('輸入的字母與復原金鑰不符，請核對你寫下的金鑰。')).toBeTruthy();
    for (const input of within(turnOn).getAllByTestId(/^confirm-group-/)) {
      const group = Number(input.getAttribute('data-testid')!.replace('confirm-group-', ''));
      await user.clear(input);
      await user.type(input, groups[group - 1]!.toLowerCase());
    }
    await user.click(within(turnOn).getByRole('button', { name: '確認並加密' }));
    expect(await screen.findByText(/資料夾已加密。原有的未加密檔案已刪除/)).toBeTruthy();
    await waitFor(() => expect(within(settings).getByTestId('encryption-state').textContent).toContain('資料夾已加密'));

    await user.click(within(settings).getByRole('button', { name: /立即鎖定/ }));
    expect(await screen.findByRole('heading', { name: /工作台已鎖定/ })).toBeTruthy();
    expect(screen.queryAllByRole('tab')).toHaveLength(0);
    await user.type(screen.getByLabelText('密碼'), 'not the passphrase');
    await user.click(screen.getByRole('button', { name: '解鎖' }));
    expect(await screen.findByText('密碼不正確。')).toBeTruthy();
    await user.type(screen.getByLabelText('密碼'), PASSPHRASE);
    await user.click(screen.getByRole('button', { name: '解鎖' }));
    expect(await screen.findByRole('tab', { name: '通訊錄' })).toBeTruthy();
  });

  it('unlocks in English with quick unlock where it is on, and Settings turns it off', async () => {
    const system = memoryKeystore();
    const { dataDir } = await encryptedFolder(system.keystore);
    await renderApp({ systemLocale: 'en-GB', dataDir, lockGate: true, backend: { kdf: cheapKdf(), keystore: system.keystore } });
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: /locked/i });
    await user.click(screen.getByRole('button', { name: /Quick unlock with this computer's sign-in/ }));
    await user.click(await screen.findByRole('tab', { name: 'Contacts' }));

    await user.click(screen.getByRole('button', { name: 'Settings and About' }));
    const settings = await screen.findByRole('dialog');
    const quick = within(settings).getByRole('switch', { name: 'Quick unlock on this computer (no passphrase)' });
    expect(quick).toBeChecked();
    expect(within(settings).getByTestId('quick-unlock-hint').textContent).toMatch(/^On: anyone signed in to this computer account/);
    await user.click(quick);
    await waitFor(() => expect(quick).not.toBeChecked());
    expect(within(settings).getByTestId('quick-unlock-hint').textContent).toMatch(/^When on, you can unlock without the passphrase/);
  });

  it('opens a locked folder in 简体 with the recovery key; a slip is told apart from a wrong key', async () => {
    const { dataDir, recoveryKey } = await encryptedFolder();
    await renderApp({ systemLocale: 'zh-CN', dataDir, lockGate: true, backend: { kdf: cheapKdf() } });
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { name: /工作台已锁定/ })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: '忘记密码？改用恢复密钥' }));
    await user.type(screen.getByLabelText('恢复密钥'), recoveryKey.slice(0, -1) + (recoveryKey.endsWith('A') ? 'B' : 'A'));
    await user.click(screen.getByRole('button', { name: '解锁' }));
    expect(await screen.findByText(/恢复密钥似乎打错了/)).toBeTruthy();
    await user.type(screen.getByLabelText('恢复密钥'), recoveryKey.toLowerCase().replace(/-/g, ' '));
    await user.click(screen.getByRole('button', { name: '解锁' }));
    await user.click(await screen.findByRole('tab', { name: '通讯录' }));
    expect((await screen.findAllByText(/[陳陈]大文/)).length).toBeGreaterThan(0);
  });

  it('Ctrl+L with changes the disk refused asks first, as quitting does; going back keeps the workbench', async () => {
    const disk = new TestFs();
    const { dataDir } = await encryptedFolder();
    await renderApp({ systemLocale: 'zh-HK', dataDir, lockGate: true, backend: { fs: disk.fs } });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('密碼'), PASSPHRASE);
    await user.click(screen.getByRole('button', { name: '解鎖' }));
    await screen.findByRole('tab', { name: '通訊錄' });
    disk.failOpen = 'ENOSPC';
    const refused = await window.hetao.contacts.create({ name: '未寫入', title: '', organisation: '', side: 'HK', email: '', phone: '', memberships: [] });
    expect(refused.ok).toBe(false);

    await user.keyboard('{Control>}l{/Control}');
    const ask = await screen.findByRole('dialog', { name: '部分變更尚未儲存' });
    expect(within(ask).getByText('部分變更尚未寫入磁碟：磁碟已滿。')).toBeTruthy();
    await user.click(within(ask).getByRole('button', { name: '返回程式' }));
    expect(screen.getByRole('tab', { name: '通訊錄' })).toBeTruthy();

    disk.failOpen = null;
    await user.click(screen.getByRole('button', { name: '鎖定（Ctrl+L）' }));
    expect(await screen.findByRole('heading', { name: /工作台已鎖定/ })).toBeTruthy();
  });

  it('after three wrong passphrases shows the wait and keeps the unlock button off until it is over', async () => {
    const { dataDir } = await encryptedFolder();
    await renderApp({ systemLocale: 'zh-HK', dataDir, lockGate: true });
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: /工作台已鎖定/ });
    for (let attempt = 0; attempt < 3; attempt++) {
      await user.type(screen.getByLabelText('密碼'), `wrong ${attempt}`);
      await user.click(screen.getByRole('button', { name: '解鎖' }));
      await screen.findByText('密碼不正確。');
    }
    expect(await screen.findByText(/嘗試次數過多。請於 [12] 秒後再試。/)).toBeTruthy();
    await user.type(screen.getByLabelText('密碼'), PASSPHRASE);
    expect((screen.getByRole('button', { name: '解鎖' }) as HTMLButtonElement).disabled).toBe(true);
    await waitFor(() => expect((screen.getByRole('button', { name: '解鎖' }) as HTMLButtonElement).disabled).toBe(false), { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: '解鎖' }));
    expect(await screen.findByRole('tab', { name: '通訊錄' })).toBeTruthy();
  });
});
