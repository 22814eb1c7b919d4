import { expect } from 'vitest';
import type { Locator } from 'playwright-core';
import { ScriptedPage } from './scriptedPage';

/** A sub-group tab's follow-up actions and the drawer, labelled in whichever script is on screen. */
export class ActionsPage extends ScriptedPage {
  get drawer(): Locator {
    return this.page.getByRole('dialog');
  }

  async startNew(): Promise<void> {
    await this.page.getByRole('button', { name: this.text.actions.new }).click();
    await this.drawer.getByLabel(this.text.actions.name, { exact: true }).waitFor();
  }

  async fill(label: string, value: string): Promise<void> {
    await this.drawer.getByLabel(label, { exact: true }).fill(value);
  }

  /** Picks an option in an antd select by typing to search, as a keyboard user would. */
  async choose(label: string, option: string): Promise<void> {
    const input = this.drawer.getByLabel(label, { exact: true });
    await input.click();
    await input.pressSequentially(option);
    // The typed name leaves its option first and active; Enter takes it. (Clicking by title could hit the
    // previous select's dropdown while it is still fading out, where the same person is already chosen.)
    await this.page.locator(`.ant-select-item-option-active:not(.ant-select-item-option-selected)[title^="${option}"]`).first().waitFor();
    const several = await input.evaluate((el) => el.closest('.ant-select-multiple') !== null);
    await input.press('Enter');
    // A list that lets several be chosen stays open: Esc shuts it (and only it, so the drawer stays).
    if (several) await input.press('Escape');
    await expect.poll(() => input.getAttribute('aria-expanded')).toBe('false');
  }

  async pickSide(side: 'HK' | 'SZ' | 'joint'): Promise<void> {
    await this.drawer.getByText(this.text.actions.sideValue[side], { exact: true }).click();
  }

  async setDueDate(date: string): Promise<void> {
    const input = this.drawer.getByLabel(this.text.actions.dueDate, { exact: true });
    await input.click();
    await input.fill(date);
    await input.press('Tab');
  }

  /** Enter in a single-line field saves, as it does in every form of the app. */
  async saveWithEnter(): Promise<void> {
    await this.drawer.getByLabel(this.text.actions.name, { exact: true }).press('Enter');
  }

  async logProgress(note: string): Promise<void> {
    await this.fill(this.text.actions.progressNote, note);
    await this.drawer.getByRole('button', { name: this.text.actions.addProgress, exact: true }).click();
    await this.drawer.getByText(note, { exact: true }).waitFor();
  }

  async markDone(): Promise<void> {
    await this.drawer.getByRole('button', { name: this.text.actions.markDone, exact: true }).click();
    await this.drawer.getByRole('button', { name: this.text.actions.reopen, exact: true }).waitFor();
  }

  /** Closes the drawer with its Close button and waits until it is gone (Esc is the keyboard tests'). */
  async close(): Promise<void> {
    await this.drawer.getByRole('button', { name: this.text.actions.close, exact: true }).last().click();
    await this.drawer.waitFor({ state: 'hidden' });
  }

  row(reference: string): Locator {
    return this.page.locator('.ant-table-row', { hasText: reference });
  }
}
