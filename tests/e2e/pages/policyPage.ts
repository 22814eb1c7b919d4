import type { Locator } from 'playwright-core';
import { ScriptedPage } from './scriptedPage';

/** A register section of a sub-group tab (policy measures, funded projects, events), labelled in the script on screen. */
export class PolicyPage extends ScriptedPage {
  /** The open drawer or dialog on top: the stage dialog opens over the measure's drawer. */
  get drawer(): Locator {
    return this.page.locator('.ant-drawer-open .ant-drawer-section');
  }

  get modal(): Locator {
    return this.page.locator('.ant-modal').filter({ visible: true });
  }

  async openSection(name: string): Promise<Locator> {
    await this.page.getByRole('tab', { name, exact: true }).click();
    const panel = this.page.getByRole('region', { name, exact: true });
    await panel.waitFor();
    return panel;
  }

  async fill(label: string, value: string, scope: Locator = this.drawer): Promise<void> {
    await scope.getByLabel(label, { exact: true }).fill(value);
  }

  /** Picks an option of an antd select by typing, as a keyboard user would. */
  async choose(label: string, option: string, scope: Locator = this.drawer): Promise<void> {
    const input = scope.getByLabel(label, { exact: true });
    await input.click();
    await input.pressSequentially(option);
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).first().click();
    await this.page.keyboard.press('Escape');
  }

  /** A single-choice select closes on its own once an option is picked. */
  async chooseOne(label: string, option: string, scope: Locator = this.drawer): Promise<void> {
    const input = scope.getByLabel(label, { exact: true });
    await input.click();
    await input.pressSequentially(option);
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).first().click();
  }

  async setDate(label: string, date: string, scope: Locator = this.drawer): Promise<void> {
    const input = scope.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(date);
    await input.press('Tab');
  }

  row(text: string): Locator {
    return this.page.locator('.ant-table-row', { hasText: text });
  }

  async openRecord(label: string): Promise<void> {
    await this.page.getByRole('button', { name: `${this.text.registers.common.edit} ${label}`, exact: true }).click();
    await this.drawer.waitFor();
  }
}
