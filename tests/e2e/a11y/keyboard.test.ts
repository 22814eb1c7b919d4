import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { localeResources } from '../../../shared/i18n/resources';
import type { Language } from '../../../shared/model/language';
import { useHarness } from '../harness/useHarness';
import { WorkbenchPage } from '../pages/workbenchPage';
import { seedWorkbench } from './a11ySeed';
import { buttonName } from '../pages/scriptedPage';

const openHarness = useHarness();

/** Presses Tab until `target` has the focus, as a keyboard user moves through the window. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach ${String(target)} in ${limit} presses`);
}

const cases: Array<{ language: Language; locale: string }> = [
  { language: 'zh-Hant', locale: 'zh-HK' },
  { language: 'zh-Hans', locale: 'zh-CN' },
];

describe.each(cases)('without a mouse in $language', ({ language, locale }) => {
  it('sets up a sub-group, adds an action and closes it, by Tab, typing, arrows, Enter and Esc', async () => {
    const t = localeResources[language];
    const seeded = await seedWorkbench(locale);
    const harness = await openHarness({ dataDir: seeded.dataDir, systemLocale: locale, viewport: { width: 1366, height: 768 } });
    const page = harness.page;
    const app = new WorkbenchPage(page);
    await app.waitForTab(t.tabs.overview);

    // A sub-group: the dialog opens on its first field; Tab through the names and the code; Enter sets it up.
    const add = page.getByRole('button', { name: buttonName(t.tabs.addSubGroup) });
    await tabTo(page, add);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: t.newSubGroup.title });
    await dialog.waitFor();
    // Typing starts once the cursor is in the first field, as a person waits to see it there.
    const firstField = dialog.getByLabel(t.subGroup.nameHant, { exact: true });
    await expect.poll(() => firstField.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.type('「數據流通」專組');
    await page.keyboard.press('Tab');
    await page.keyboard.type('「数据流通」专组');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('DF');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    const tab = app.tab(language === 'zh-Hant' ? '數據流通' : '数据流通');
    await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');

    // An action: Enter on 新增跟進事項, type its title, Enter saves; mark it done; Esc closes and the focus returns.
    const newAction = page.getByRole('button', { name: buttonName(t.actions.new) }).locator('visible=true');
    await tabTo(page, newAction);
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog');
    const title = drawer.getByLabel(t.actions.name, { exact: true });
    await title.waitFor();
    await tabTo(page, title);
    await page.keyboard.type('研究港深科研數據跨境流通試點');
    await page.keyboard.press('Enter');
    const reference = `DF-${new Date().getFullYear()}-001`;
    await drawer.locator('.ant-drawer-title').getByText(reference, { exact: true }).waitFor();
    await tabTo(page, drawer.getByRole('button', { name: t.actions.markDone, exact: true }));
    await page.keyboard.press('Enter');
    await drawer.getByRole('button', { name: t.actions.reopen, exact: true }).waitFor();
    // A list opened and closed by Esc: the next Esc, as soon as the list is shut, closes the drawer
    // (a list still playing its closing animation used to take it).
    const officers = drawer.getByRole('combobox', { name: t.actions.officers });
    await tabTo(page, officers);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => officers.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => officers.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await page.locator('.ant-table-row:visible', { hasText: reference }).getByText(t.actions.statusValue.done).waitFor();
    await expect.poll(() => newAction.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

  }, 300_000);

  it('exports the sub-group’s actions in both scripts, by Tab, arrows, Enter and Esc', async () => {
    const t = localeResources[language];
    const seeded = await seedWorkbench(locale);
    const harness = await openHarness({ dataDir: seeded.dataDir, systemLocale: locale, viewport: { width: 1366, height: 768 } });
    const page = harness.page;
    const app = new WorkbenchPage(page);
    await app.waitForTab(t.tabs.overview);
    const label = language === 'zh-Hant' ? '香港科學園落戶深圳' : '香港科学园落户深圳';
    const subGroupTab = page.locator('[role="tab"]').filter({ hasText: label });
    // The tab list is one stop for Tab; arrows move along it and Enter opens the tab. (A focused tab is
    // found by its text: antd adds an English "Tab 1 of 7" to its name while it has the focus.)
    await tabTo(page, page.getByRole('tab', { selected: true }));
    const focused = async () => {
      const tab = page.locator('[role="tab"]:focus');
      return (await tab.count()) > 0 && ((await tab.textContent()) ?? '').endsWith(label);
    };
    for (let i = 0; i < 10 && !(await focused()); i++) await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => subGroupTab.getAttribute('aria-selected')).toBe('true');

    // The list's export button opens the dialog; the script choice is a radio group moved by arrows.
    const list = page.getByRole('region', { name: t.actions.title });
    const open = list.getByRole('button', { name: buttonName(t.exports.ui.button) }).first();
    await tabTo(page, open);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: t.exports.ui.dialogTitle.replace('{{what}}', t.exports.ui.what.actions) });
    await dialog.waitFor();
    const both = dialog.getByRole('radio', { name: t.exports.ui.scripts.both, exact: true });
    // Tab stops at the group's chosen radio.
    await tabTo(page, dialog.locator(`input[name="${await both.getAttribute('name')}"]:checked`));
    for (let i = 0; i < 4 && !(await both.isChecked()); i++) await page.keyboard.press('ArrowDown');
    expect(await both.isChecked()).toBe(true);

    const out = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-keyboard-export-'));
    harness.dialogs.answerNextSave(path.join(out, 'actions.xlsx'));
    await tabTo(page, dialog.getByRole('button', { name: t.exports.ui.start, exact: true }));
    await page.keyboard.press('Enter');
    // Each converted version asks to be reviewed first; Enter on 仍然匯出 goes past it.
    const done = dialog.getByText(t.exports.ui.done.replace('{{count}}', '2'));
    const anyway = dialog.getByRole('button', { name: t.exports.ui.exportAnyway, exact: true });
    for (let step = 0; step < 3; step++) {
      await done.or(anyway).first().waitFor({ timeout: 60_000 });
      if (await done.isVisible()) break;
      await tabTo(page, anyway);
      await page.keyboard.press('Enter');
      await anyway.waitFor({ state: 'detached', timeout: 60_000 }).catch(() => undefined);
    }
    await done.waitFor();
    expect((await readdir(out)).sort()).toHaveLength(2);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // Focus is back on the button that opened the dialog.
    await expect.poll(() => open.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
  }, 300_000);
});
