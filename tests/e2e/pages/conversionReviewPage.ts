import type { Locator, Page } from 'playwright-core';
import { localeResources } from '../../../shared/i18n/resources';
import type { Language } from '../../../shared/model/language';

/** The conversion review dialog: one card per field, each with its choices and the corrected text. */
export class ConversionReviewPage {
  readonly text: (typeof localeResources)['zh-Hant'];

  constructor(
    readonly page: Page,
    language: Language,
  ) {
    this.text = localeResources[language];
  }

  get dialog(): Locator {
    return this.page.locator('.ant-modal', { has: this.page.locator('.ant-modal-title', { hasText: this.text.script.review.open.slice(0, 2) }) });
  }

  field(path: string): Locator {
    return this.dialog.locator(`[data-field="${path}"]`);
  }

  /** Types the corrected other-script text of a field and stores it. */
  async correct(path: string, label: string, corrected: string): Promise<void> {
    const card = this.field(path);
    await card.getByLabel(`${label} · ${this.text.script.review.correctedText}`).fill(corrected);
    await card.getByRole('button', { name: this.text.script.review.confirm }).click();
    await card.getByText(this.text.script.corrected, { exact: true }).waitFor();
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.dialog.waitFor({ state: 'hidden' });
  }
}
