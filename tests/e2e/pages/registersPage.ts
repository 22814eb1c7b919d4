import type { Locator, Page } from 'playwright-core';
import { motionEnded } from './scriptedPage';

/** A sub-group's register sections as a user sees them: section tabs, filter bar, table, drawer, import wizard. */
export class RegistersPage {
  constructor(readonly page: Page) {}

  async openSubGroup(tabName: string): Promise<void> {
    await this.page.getByRole('tab', { name: tabName, exact: true }).click();
  }

  async openSection(name: string, register: string): Promise<Locator> {
    await this.page.getByRole('tab', { name, exact: true }).click();
    const panel = this.page.locator(`section[data-register="${register}"]`);
    await panel.waitFor({ state: 'visible' });
    return panel;
  }

  /** The open drawer or modal. */
  dialog(): Locator {
    return this.page.locator('.ant-drawer-open [role="dialog"], .ant-modal-wrap:not([style*="display: none"]) [role="dialog"]').last();
  }

  row(panel: Locator, text: string): Locator {
    return panel.locator('.ant-table-row').filter({ has: this.page.getByText(text, { exact: true }) });
  }

  /** Picks an option in an antd select by typing and choosing it. */
  async choose(select: Locator, option: string): Promise<void> {
    await select.click();
    await select.fill(option);
    await this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: option }).first().click();
  }

  async screenshot(file: string): Promise<void> {
    await motionEnded(this.page);
    await this.page.screenshot({ path: file, fullPage: true });
  }
}
