import type { Locator } from 'playwright-core';
import { ScriptedPage } from './scriptedPage';

/** antd spaces out a two-character Chinese button label (匯 出): match it either way. */
export function buttonName(label: string): RegExp {
  return new RegExp(`^${[...label].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s?')}$`);
}

/** The 合作安排 tab: clauses, annexes and the report, labelled in whichever script is on screen. */
export class ArrangementPage extends ScriptedPage {
  section(name: string): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  /** The selected clause's panel, named by its heading (第二條（三）1 支持科研). */
  clause(heading: string): Locator {
    return this.page.getByRole('region', { name: heading, exact: true });
  }

  get notes(): Locator {
    return this.page.getByRole('region', { name: this.text.arrangement.notes });
  }

  async addNote(note: string): Promise<void> {
    await this.notes.getByLabel(this.text.arrangement.noteText, { exact: true }).fill(note);
    // Ctrl+Enter in the note saves.
    await this.notes.getByLabel(this.text.arrangement.noteText, { exact: true }).press('Control+Enter');
    await this.notes.locator('.clause-note').getByText(note, { exact: true }).waitFor();
  }

  get drawer(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Picks an option in an antd select of the open drawer; with `search`, by typing it first. */
  async choose(label: string, option: string, search = true): Promise<void> {
    const input = this.drawer.getByLabel(label, { exact: true });
    await input.click();
    if (search) await input.pressSequentially(option);
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).first().click();
    await this.page.keyboard.press('Escape');
  }

  /** Runs the export dialog: format and script, past the review question, until the files are written. */
  async export(format: string, scripts: string): Promise<string[]> {
    await this.page.getByRole('button', { name: this.text.arrangement.report.export }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByText(format, { exact: true }).click();
    await dialog.getByText(scripts, { exact: true }).click();
    await dialog.getByRole('button', { name: buttonName(this.text.exports.ui.start) }).click();
    const done = dialog.getByText(this.text.exports.ui.done.replace(/\{\{count\}\}.*$/, ''));
    const anyway = dialog.getByRole('button', { name: this.text.exports.ui.exportAnyway });
    // The conversion review comes first (once per converted script) when converted text was not confirmed; this exports as is.
    for (;;) {
      await done.or(anyway).first().waitFor();
      if (!(await anyway.isVisible())) break;
      await anyway.click();
    }
    const files = await dialog.locator('li').allInnerTexts();
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: buttonName(this.text.exports.ui.close) }).click();
    return files;
  }
}
