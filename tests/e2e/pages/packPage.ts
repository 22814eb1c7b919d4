import type { Locator } from 'playwright-core';
import { ScriptedPage, buttonName } from './scriptedPage';

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

  /** Makes the PDF for one person: their name and the time across its pages. */
  async watermarkFor(name: string): Promise<void> {
    await this.exportDialog.getByRole('combobox', { name: this.text.exports.ui.watermarkFor }).fill(name);
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first().click();
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

  /** A restricted meeting's pack without recipients: agrees to the secretariat's unnumbered file copy. */
  async confirmFileCopy(): Promise<void> {
    const confirm = this.page.getByRole('dialog').filter({ hasText: this.text.pack.copies.chooseRecipients });
    await confirm.getByRole('button', { name: this.text.pack.copies.fileCopy }).click();
    await confirm.waitFor({ state: 'hidden' });
  }

  /** Picks the recipients of numbered copies from the contacts, by name, typing to find each. */
  async chooseRecipients(names: string[]): Promise<void> {
    const select = this.dialog.getByRole('combobox', { name: this.text.pack.copies.recipients });
    for (const name of names) {
      await select.fill(name);
      await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: name }).first().click();
    }
    await select.press('Escape');
  }

  /** The numbered copies just made, one line each, and the button that prints each. */
  get copies(): Locator {
    return this.dialog.getByRole('list', { name: this.text.pack.copies.made }).getByRole('listitem');
  }

  /** The success line, once the build has finished. */
  async saved(): Promise<string> {
    const line = this.dialog.locator('.ant-alert-success');
    await line.waitFor({ timeout: 90_000 });
    return line.innerText();
  }
}
