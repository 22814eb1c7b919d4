import type { Locator, Page } from 'playwright-core';
import { localeResources } from '../../../shared/i18n/resources';
import type { Language } from '../../../shared/model/language';

type Ui = (typeof localeResources)['zh-Hant']['exports']['ui'];

/** The export dialog as a user meets it, labelled in whichever script is on screen. */
export class ExportsPage {
  readonly ui: Ui;

  constructor(
    readonly page: Page,
    language: Language,
  ) {
    this.ui = localeResources[language].exports.ui;
  }

  /** The dialog, found by its title (e.g. 匯出跟進事項). */
  dialog(what: keyof Ui['what']): Locator {
    return this.page.getByRole('dialog', { name: this.ui.dialogTitle.replace('{{what}}', this.ui.what[what]) });
  }

  /** Opens the dialog from a toolbar button inside `within` (the actions list, or the sub-group's header). */
  async open(within: Locator | Page, buttonName: string, what: keyof Ui['what']): Promise<Locator> {
    // The button's name starts with its icon's.
    await within.getByRole('button', { name: new RegExp(`${buttonName}$`) }).first().click();
    const dialog = this.dialog(what);
    await dialog.waitFor({ state: 'visible' });
    return dialog;
  }

  async choose(dialog: Locator, label: string): Promise<void> {
    await dialog.getByRole('radio', { name: label, exact: true }).check();
  }

  /**
   * Starts the export (the save dialog answers with what the test queued), goes past the "not yet
   * reviewed" step for each converted version as a user in a hurry would, and waits for the result.
   */
  async exportAnyway(dialog: Locator, fileCount: number): Promise<void> {
    await this.footerButton(dialog, this.ui.start).click();
    const done = dialog.getByText(this.ui.done.replace('{{count}}', String(fileCount)));
    const anyway = this.footerButton(dialog, this.ui.exportAnyway);
    for (;;) {
      await done.or(anyway).first().waitFor({ timeout: 60_000 });
      if (await done.isVisible()) return;
      // Each converted version has its own review step; the last one starts writing.
      await anyway.click();
    }
  }

  footerButton(dialog: Locator, name: string): Locator {
    return dialog.locator('.ant-modal-footer').getByRole('button', { name, exact: true });
  }
}
