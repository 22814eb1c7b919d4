import type { Locator, Page } from 'playwright-core';
import { localeResources } from '../../../shared/i18n/resources';
import type { Language } from '../../../shared/model/language';

/** The meeting pack dialog and its print preview, in the script on screen. */
export class PackPage {
  readonly text: (typeof localeResources)['zh-Hant'];

  constructor(
    readonly page: Page,
    language: Language,
  ) {
    this.text = localeResources[language];
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog').filter({ hasText: this.text.pack.intro });
  }

  get preview(): Locator {
    return this.page.getByRole('dialog').filter({ hasText: this.text.pack.previewTitle });
  }

  /** Opens a meeting from the sub-group's meetings section, then its pack dialog. */
  async open(meetingLabel: string): Promise<void> {
    await this.page.getByRole('tab', { name: this.text.meetings.title, exact: true }).click();
    await this.page.getByText(meetingLabel, { exact: true }).first().click();
    await this.page.locator('.ant-drawer').getByRole('button', { name: this.text.pack.open, exact: true }).click();
    await this.dialog.waitFor();
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
