import type { Locator } from 'playwright-core';
import { ScriptedPage } from './scriptedPage';

/** The conversion review dialog: one card per field, each with its choices and the corrected text. */
export class ConversionReviewPage extends ScriptedPage {
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
