import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OWASP_MINIMUM } from '../../electron/crypto/passphraseKey';
import { unwrap } from '../../shared/ipc/errors';
import { filesHolding } from '../support/filesHolding';
import { useHarness } from './harness/useHarness';
import { WorkbenchPage } from './pages/workbenchPage';

const look = path.resolve('test-results/look/encryption');
const openHarness = useHarness();
const PASSPHRASE = '河套 深港 合作 2026';

const scripts = [
  {
    script: 'zh-Hant',
    locale: 'zh-HK',
    contact: '陳大文限閱',
    t: {
      settings: '設定及關於',
      turnOn: /啟用加密/,
      passphrase: '新密碼',
      again: '再次輸入密碼',
      next: '下一步',
      confirm: '確認並加密',
      done: /資料夾已加密。原有的未加密檔案已刪除/,
      close: '關閉',
      locked: /工作台已鎖定/,
      secret: '密碼',
      unlock: '解鎖',
      wrong: '密碼不正確。',
      useRecovery: '忘記密碼？改用復原金鑰',
      recovery: '復原金鑰',
      contacts: '通訊錄',
      overview: '總覽',
    },
  },
  {
    script: 'zh-Hans',
    locale: 'zh-CN',
    contact: '李晓明限阅',
    t: {
      settings: '设置和关于',
      turnOn: /启用加密/,
      passphrase: '新密码',
      again: '再次输入密码',
      next: '下一步',
      confirm: '确认并加密',
      done: /文件夹已加密。原有的未加密文件已删除/,
      close: '关闭',
      locked: /工作台已锁定/,
      secret: '密码',
      unlock: '解锁',
      wrong: '密码不正确。',
      useRecovery: '忘记密码？改用恢复密钥',
      recovery: '恢复密钥',
      contacts: '通讯录',
      overview: '总览',
    },
  },
] as const;

describe('encryption at rest and the app lock', () => {
  for (const { script, locale, contact, t } of scripts) {
    it(`in ${script}: turn on, lock, unlock, idle lock, restart locked, recovery key: the data is still there`, async () => {
      await mkdir(look, { recursive: true });
      const dataDir = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-'));
      const kdf = { algorithm: 'argon2id' as const, ...OWASP_MINIMUM, salt: randomBytes(16).toString('base64') };
      const harness = await openHarness({ dataDir, systemLocale: locale, backend: { kdf } });
      const page = harness.page;
      const app = new WorkbenchPage(page);
      // The page's clock, so fifteen idle minutes pass in a moment.
      await page.clock.install();
      await app.waitForTab(t.overview);
      await unwrap(
        harness.api.contacts.create({ name: contact, title: '', organisation: '', side: 'HK', email: 'restricted@example.hk', phone: '', memberships: [] }),
      );

      await page.getByRole('button', { name: t.settings }).click();
      const settings = page.getByRole('dialog').first();
      await settings.getByRole('button', { name: t.turnOn }).click();
      const turnOn = page.getByRole('dialog').last();
      await turnOn.getByLabel(t.passphrase).fill(PASSPHRASE);
      await turnOn.getByLabel(t.again).fill(PASSPHRASE);
      // Screenshots finish CSS transitions first: a button just enabled still shows its grey otherwise.
      await turnOn.screenshot({ path: path.join(look, `turn-on-${script}.png`), animations: 'disabled' });
      await turnOn.getByRole('button', { name: t.next }).click();
      const key = turnOn.getByTestId('recovery-key');
      await key.waitFor();
      const groups = (await key.locator('.recovery-key-group').allTextContents()).map((g) => g.replace(/^\d+/, ''));
      const recoveryKey = groups.join('-');
      for (const input of await turnOn.getByTestId(/^confirm-group-/).all()) {
        const group = Number((await input.getAttribute('data-testid'))!.replace('confirm-group-', ''));
        await input.fill(groups[group - 1]!);
      }
      await turnOn.screenshot({ path: path.join(look, `recovery-key-${script}.png`), animations: 'disabled' });
      await turnOn.getByRole('button', { name: t.confirm }).click();
      await page.getByText(t.done).waitFor();
      await settings.screenshot({ path: path.join(look, `settings-on-${script}.png`), animations: 'disabled' });
      expect(await filesHolding(dataDir, [contact])).toEqual([]);
      await settings.getByRole('button', { name: t.close }).first().click();

      // Ctrl+L locks: the workbench is gone, only the lock screen is left.
      await page.keyboard.press('Control+L');
      await page.getByRole('heading', { name: t.locked }).waitFor();
      expect(await page.getByRole('tab').count()).toBe(0);
      expect(await page.getByText(contact).count()).toBe(0);
      await page.getByLabel(t.secret).fill('not the passphrase');
      await page.getByRole('button', { name: t.unlock }).click();
      await page.getByText(t.wrong).waitFor();
      await page.screenshot({ path: path.join(look, `lock-screen-wrong-${script}.png`), animations: 'disabled' });
      await page.getByLabel(t.secret).fill(PASSPHRASE);
      await page.getByRole('button', { name: t.unlock }).click();
      await app.waitForTab(t.contacts);
      await page.getByRole('tab', { name: t.contacts }).click();
      await page.getByText(contact).first().waitFor();

      // Fifteen minutes without use (the default) lock the window.
      await page.clock.fastForward('16:00');
      await page.getByRole('heading', { name: t.locked }).waitFor();

      // Started again, the folder opens locked; the recovery key opens it, typed loosely.
      await harness.restart();
      await page.getByRole('heading', { name: t.locked }).waitFor();
      await page.getByRole('button', { name: t.useRecovery }).click();
      await page.getByLabel(t.recovery).fill(recoveryKey.toLowerCase().replace(/-/g, ' '));
      await page.locator('button[type=submit]:enabled').waitFor();
      await page.screenshot({ path: path.join(look, `lock-screen-recovery-${script}.png`), animations: 'disabled' });
      await page.getByRole('button', { name: t.unlock }).click();
      await app.waitForTab(t.contacts);
      await page.getByRole('tab', { name: t.contacts }).click();
      await page.getByText(contact).first().waitFor();
      await page.screenshot({ path: path.join(look, `unlocked-${script}.png`), animations: 'disabled' });
      expect(await filesHolding(dataDir, [contact])).toEqual([]);
      expect(await filesHolding(dataDir, ['restricted@example.hk'])).toEqual([]);
    });
  }
});
