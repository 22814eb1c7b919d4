import type { Locator } from 'playwright-core';
import { expect } from 'vitest';
import { ScriptedPage, fill, buttonName } from './scriptedPage';

/** The Exchange place (交換 / 交换) and the header's conflict count, found by their labels in the window's script. */
export class ExchangePage extends ScriptedPage {
  get ex() {
    return this.text.exchange;
  }

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: this.ex.tab, exact: true }).click();
  }

  async section(key: keyof ExchangePage['ex']['sections']): Promise<Locator> {
    const place = this.page.getByRole('region', { name: this.ex.title, exact: true });
    await place.getByRole('tablist').first().getByRole('tab', { name: new RegExp(`^${this.ex.sections[key]}`) }).click();
    const names = { identity: this.ex.identity.title, peers: this.ex.peers.title, packages: this.ex.sections.packages, conflicts: this.ex.conflicts.title, log: this.ex.log.title };
    const region = this.page.getByRole('region', { name: names[key], exact: true });
    await region.waitFor();
    return region;
  }

  /** Fills in this laptop's identity in the set-up dialog and saves it. */
  async setUp(values: { side: 'HK' | 'SZ'; office: { hant: string; hans: string; en: string }; device: string; officer: string }): Promise<void> {
    const panel = await this.section('identity');
    await panel.getByRole('button', { name: buttonName(this.ex.identity.setUp) }).click();
    const dialog = this.page.getByRole('dialog', { name: this.ex.identity.dialogTitle });
    await dialog.getByText(this.ex.side[values.side], { exact: true }).click();
    await dialog.getByLabel(this.ex.identity.officeHant).fill(values.office.hant);
    await dialog.getByLabel(this.ex.identity.officeHans).fill(values.office.hans);
    await dialog.getByLabel(this.ex.identity.officeEn).fill(values.office.en);
    await dialog.getByLabel(this.ex.identity.device).fill(values.device);
    await dialog.getByLabel(this.ex.identity.officer).click();
    await this.page.locator('.ant-select-dropdown').getByText(values.officer).click();
    await dialog.getByRole('button', { name: buttonName(this.ex.identity.save) }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** The fingerprint groups shown in a container (the identity panel or the enrol dialog). */
  async fingerprint(container: Locator): Promise<string> {
    return (await container.getByRole('list', { name: this.ex.enrol.fingerprint }).getByRole('listitem').allInnerTexts()).join(' ');
  }

  async exportCard(): Promise<void> {
    const panel = await this.section('identity');
    await panel.getByRole('button', { name: buttonName(this.ex.identity.exportCard) }).click();
  }

  /** Opens the card the open dialog answers with; returns the enrol dialog. */
  async readCard(): Promise<Locator> {
    const panel = await this.section('peers');
    await panel.getByRole('button', { name: buttonName(this.ex.peers.add) }).click();
    const dialog = this.page.getByRole('dialog', { name: this.ex.enrol.title });
    await dialog.waitFor();
    return dialog;
  }

  async confirmAndAdd(dialog: Locator, office: string): Promise<void> {
    await dialog.getByRole('checkbox', { name: fill(this.ex.enrol.confirm, { office }) }).check();
    await dialog.getByRole('button', { name: buttonName(this.ex.enrol.add) }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async chooseFolder(): Promise<void> {
    const panel = await this.section('packages');
    await panel.getByRole('button', { name: buttonName(this.ex.folder.choose) }).click();
    await panel.getByRole('button', { name: buttonName(this.ex.folder.rescan) }).waitFor();
  }

  /** Prepares a package for the peers named (office · officer · device lines), into the exchange folder. */
  async prepareFor(peerLines: RegExp[]): Promise<{ dialog: Locator; done: Locator }> {
    const panel = await this.section('packages');
    await panel.getByRole('button', { name: buttonName(this.ex.prepare.button) }).click();
    const dialog = this.page.getByRole('dialog', { name: this.ex.prepare.title });
    for (const line of peerLines) {
      const box = dialog.getByRole('checkbox', { name: line });
      if (!(await box.isChecked())) await box.check();
    }
    await dialog.getByRole('button', { name: buttonName(this.ex.prepare.start) }).click();
    const done = dialog.locator('.ant-alert-success');
    await done.waitFor({ timeout: 60_000 });
    return { dialog, done };
  }

  async closeDialog(dialog: Locator): Promise<void> {
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: buttonName(this.ex.close) }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Looks at the exchange folder again and opens the package not yet opened there; returns the result shown. */
  async openFromFolder(): Promise<Locator> {
    const panel = await this.section('packages');
    const waiting = panel.getByRole('region', { name: this.ex.folder.found }).locator('tr', { hasText: this.ex.folder.stateValue.new });
    // A package another laptop just wrote may arrive a moment later, as through a sync tool.
    await expect.poll(async () => {
      await panel.getByRole('button', { name: buttonName(this.ex.folder.rescan) }).click();
      return waiting.count();
    }, { timeout: 30_000 }).toBeGreaterThan(0);
    const row = waiting.first();
    // The result names the file opened: waiting for it, not for the previous package's result.
    const fileName = (await row.locator('td').first().innerText()).split('\n')[0]!.trim();
    await row.getByRole('button', { name: new RegExp(`^${this.ex.folder.open} `) }).click();
    const result = panel.getByRole('status').filter({ hasText: fileName }).filter({ has: this.page.locator('.exchange-open-result') });
    await result.waitFor({ timeout: 60_000 });
    return result;
  }

  headerCount(count: number): Locator {
    return this.page.locator('header').getByRole('button', { name: fill(this.ex.conflicts.headerLabel, { count }) });
  }

  /** Settles every field of the card naming `label` with the same choice. */
  async settle(label: string, choice: 'keepMine' | 'takeTheirs'): Promise<Locator> {
    const cards = await this.section('conflicts');
    const card = cards.getByRole('group', { name: new RegExp(label) });
    for (const group of await card.getByRole('radiogroup').all()) await group.getByRole('radio', { name: this.ex.conflicts[choice] }).check();
    await card.getByRole('button', { name: buttonName(this.ex.conflicts.settle) }).click();
    return cards;
  }
}
