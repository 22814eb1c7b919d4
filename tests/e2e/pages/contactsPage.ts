import type { Locator, Page } from 'playwright-core';

/** The contacts tab as a user sees it: toolbar, table, the contact form and the import preview. */
export class ContactsPage {
  constructor(readonly page: Page) {}

  async open(tabName: string): Promise<void> {
    await this.page.getByRole('tab', { name: tabName, exact: true }).click();
    await this.page.locator('section.contacts-view').waitFor({ state: 'visible' });
  }

  button(name: string | RegExp): Locator {
    return this.page.locator('section.contacts-view').getByRole('button', { name });
  }

  row(name: string): Locator {
    return this.page.locator('section.contacts-view tbody tr').filter({ has: this.page.getByText(name, { exact: true }) });
  }

  async names(): Promise<string[]> {
    return (await this.page.locator('section.contacts-view tbody tr td:first-child strong').allInnerTexts()).map((t) => t.trim());
  }

  dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file, fullPage: true });
  }
}
