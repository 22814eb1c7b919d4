import type { Locator } from 'playwright-core';
import { ScriptedPage } from './scriptedPage';

/** A body's meetings: the list, the meeting drawer and the agenda item dialog, in the script on screen. */
export class MeetingsPage extends ScriptedPage {
  get drawer(): Locator {
    return this.page.locator('.ant-drawer');
  }

  get itemDialog(): Locator {
    return this.page.locator('.ant-modal');
  }

  async openSection(): Promise<void> {
    await this.page.getByRole('tab', { name: this.text.meetings.title, exact: true }).click();
    await this.page.getByRole('button', { name: this.text.meetings.new, exact: true }).waitFor();
  }

  async startNew(): Promise<void> {
    await this.page.getByRole('button', { name: this.text.meetings.new, exact: true }).click();
    await this.drawer.getByLabel(this.text.meetings.name, { exact: true }).waitFor();
  }

  async setDate(within: Locator, label: string, value: string): Promise<void> {
    const input = within.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(value);
    await input.press('Tab');
  }

  /** Picks an option in an antd select by typing, as a keyboard user would. */
  async choose(select: Locator, option: string): Promise<void> {
    await select.click();
    await select.pressSequentially(option);
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(option).first().click();
  }

  /** The agenda's items, in order. */
  get agendaRows(): Locator {
    return this.drawer.getByRole('list', { name: this.text.meetings.tabs.agenda }).getByRole('listitem');
  }

  agendaTitles(): Promise<string[]> {
    return this.agendaRows.locator('a.ant-typography').allInnerTexts();
  }
}
