import type { Locator, Page } from 'playwright-core';

/** The main window as a user sees it: header, language switch, tabs, dialogs. */
export class WorkbenchPage {
  constructor(readonly page: Page) {}

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  async waitForTab(name: string): Promise<void> {
    await this.tab(name).waitFor({ state: 'visible' });
  }

  /** The workbench's own tabs, not the section tabs inside a sub-group. */
  async tabNames(): Promise<string[]> {
    return (await this.page.getByRole('tablist').first().getByRole('tab').allInnerTexts()).map((t) => t.trim());
  }

  async chooseLanguage(label: '繁體' | '简体' | 'English'): Promise<void> {
    await this.page.locator('header').getByText(label, { exact: true }).click();
  }

  heading(text: string): Locator {
    return this.page.getByRole('heading', { name: text });
  }

  async openNewSubGroupDialog(addLabel: string): Promise<Locator> {
    await this.page.getByRole('button', { name: addLabel }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor({ state: 'visible' });
    return dialog;
  }

  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file, fullPage: true });
  }
}
