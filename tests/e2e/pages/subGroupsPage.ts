import type { Locator } from 'playwright-core';
import { ScriptedPage } from './scriptedPage';

/** Setting up, editing, ordering, archiving and restoring sub-groups, in whichever script is on screen. */
export class SubGroupsPage extends ScriptedPage {
  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** The workbench's own tab bar (a sub-group holds section tabs of its own). */
  get tabBar(): Locator {
    return this.page.getByRole('tablist').first();
  }

  tab(name: string): Locator {
    return this.tabBar.getByRole('tab', { name, exact: true });
  }

  /** Without the "Tab 2 of 6" the tab list reads out for the focused tab. */
  async tabNames(): Promise<string[]> {
    return (await this.tabBar.getByRole('tab').allInnerTexts()).map(withoutPosition);
  }

  async openNew(): Promise<void> {
    await this.page.getByRole('button', { name: this.text.tabs.addSubGroup }).click();
    await this.dialog.getByLabel(this.text.subGroup.nameHant, { exact: true }).waitFor();
  }

  async openEdit(): Promise<void> {
    await this.page.getByRole('button', { name: this.text.subGroup.edit }).click();
    await this.dialog.getByLabel(this.text.subGroup.nameHant, { exact: true }).waitFor();
  }

  field(label: string): Locator {
    return this.dialog.getByLabel(label, { exact: true });
  }

  /** Picks a convenor by typing part of the name and Enter, as a keyboard user would. */
  async chooseConvenor(side: 'HK' | 'SZ', name: string): Promise<void> {
    const input = this.field(side === 'HK' ? this.text.subGroup.convenorHK : this.text.subGroup.convenorSZ);
    await input.focus();
    await input.pressSequentially(name);
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(name, { exact: false }).first().waitFor();
    await input.press('Enter');
  }

  /** Enter in a single-line field saves, as in every form of the app. */
  async saveWithEnter(): Promise<void> {
    await this.field(this.text.subGroup.nameEn).press('Enter');
    await this.dialog.waitFor({ state: 'hidden' });
  }

  async archiveOpenSubGroup(): Promise<void> {
    await this.page.getByRole('button', { name: this.text.subGroup.archive }).click();
    const confirm = this.page.getByRole('dialog').filter({ hasText: this.text.archiveSubGroup.confirmBody });
    // Once it has zoomed in: a click during the animation can be lost on a busy machine.
    await confirm.and(this.page.locator(':not(.ant-zoom-appear)')).waitFor();
    await confirm.getByRole('button', { name: this.text.archiveSubGroup.confirm, exact: true }).click();
    await confirm.waitFor({ state: 'hidden' });
  }

  archivedButton(count: number): Locator {
    return this.page.getByRole('button', { name: this.text.archivedSubGroups.button.replace('{{count}}', String(count)) });
  }

  async restore(name: string): Promise<void> {
    const restore = this.dialog.getByRole('button', { name: `${this.text.archivedSubGroups.restore} ${name}` });
    await restore.click();
    await restore.waitFor({ state: 'detached' });
  }

  /** Drags one tab onto another's place with the mouse, in small steps as a hand does. */
  async dragTab(name: string, onto: string): Promise<void> {
    // Wait for earlier notices to fade: they sit over the tab bar.
    await this.page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    const from = (await this.tab(name).boundingBox())!;
    const to = (await this.tab(onto).boundingBox())!;
    await this.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + from.width / 2 - 10, from.y + from.height / 2, { steps: 4 });
    await this.page.mouse.move(to.x + to.width / 4, to.y + to.height / 2, { steps: 12 });
    await this.page.mouse.up();
  }

  /** A screenshot once menus and dialogs have finished animating in, so it shows what the user sees. */
  async screenshot(file: string): Promise<void> {
    type AnimatedDocument = { getAnimations(): Array<{ playState: string }> };
    await this.page.waitForFunction(() =>
      (globalThis as unknown as { document: AnimatedDocument }).document.getAnimations().every((a) => a.playState !== 'running'),
    );
    await this.page.screenshot({ path: file });
  }

  /** The text of whatever has the keyboard focus. */
  async focusedText(): Promise<string> {
    type Focused = { document: { activeElement: { textContent: string | null } | null } };
    return withoutPosition(await this.page.evaluate(() => (globalThis as unknown as Focused).document.activeElement?.textContent ?? ''));
  }
}

const withoutPosition = (text: string) => text.replace(/Tab \d+ of \d+/, '').trim();
