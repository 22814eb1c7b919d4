import type { Locator } from 'playwright-core';
import { ScriptedPage } from './scriptedPage';

/**
 * A button's accessible name: antd spaces out two-character Chinese labels (匯出 → 匯 出), and an
 * icon adds its own name in front.
 */
const buttonName = (label: string) => new RegExp(`(^|\\s)${[...label].join('\\s?')}$`);

/** The meeting pack dialog, its print preview and the meeting's export dialog, in the script on screen. */
export class PackPage extends ScriptedPage {
  get dialog(): Locator {
    return this.page.getByRole('dialog').filter({ hasText: this.text.pack.intro });
  }

  get preview(): Locator {
    return this.page.getByRole('dialog').filter({ hasText: this.text.pack.previewTitle });
  }

  /** Opens a meeting from the sub-group's meetings section, then its pack dialog. */
  async open(meetingLabel: string): Promise<void> {
    await this.openMeeting(meetingLabel);
    await this.page.locator('.ant-drawer').getByRole('button', { name: this.text.pack.open, exact: true }).click();
    await this.dialog.waitFor();
  }

  async openMeeting(meetingLabel: string): Promise<void> {
    await this.page.getByRole('tab', { name: this.text.meetings.title, exact: true }).click();
    await this.page.getByText(meetingLabel, { exact: true }).first().click();
  }

  get exportDialog(): Locator {
    return this.page.getByRole('dialog').filter({ hasText: this.text.exports.ui.dialogTitle.replace('{{what}}', this.text.exports.ui.what.meeting) });
  }

  /** Opens the open meeting's export dialog and picks the format and script (labels as on screen). */
  async chooseExport(format: string, scripts: string): Promise<void> {
    await this.page.locator('.ant-drawer-extra').getByRole('button', { name: buttonName(this.text.exports.ui.button) }).click();
    await this.exportDialog.waitFor();
    await this.exportDialog.getByText(format, { exact: true }).click();
    await this.exportDialog.getByText(scripts, { exact: true }).click();
  }

  /** Starts the export chosen, past the conversion review question, and returns the files written. */
  async export(): Promise<string[]> {
    const dialog = this.exportDialog;
    await dialog.getByRole('button', { name: buttonName(this.text.exports.ui.start) }).click();
    const done = dialog.locator('.ant-alert-success');
    const anyway = dialog.getByRole('button', { name: buttonName(this.text.exports.ui.exportAnyway) });
    // Converted text nobody confirmed is offered for review first (once per converted script); this exports as is.
    for (;;) {
      await done.or(anyway).first().waitFor({ timeout: 60_000 });
      if (!(await anyway.isVisible())) break;
      await anyway.click();
    }
    return done.locator('li').allInnerTexts();
  }

  async closeExport(): Promise<void> {
    await this.exportDialog.locator('.ant-modal-footer').getByRole('button', { name: buttonName(this.text.exports.ui.close) }).click();
    await this.exportDialog.waitFor({ state: 'hidden' });
  }

  async build(version: 'scriptHant' | 'scriptHans' | 'scriptBoth'): Promise<void> {
    await this.dialog.getByText(this.text.pack[version], { exact: true }).click();
    await this.dialog.getByRole('button', { name: this.text.pack.build }).click();
  }

  /** The success line, once the build has finished. */
  async saved(): Promise<string> {
    const line = this.dialog.locator('.ant-alert-success');
    await line.waitFor({ timeout: 90_000 });
    return line.innerText();
  }
}
