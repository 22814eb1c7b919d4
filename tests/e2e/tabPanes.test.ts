import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { localeResources } from '../../shared/i18n/resources';
import { useHarness } from './harness/useHarness';
import { RegistersPage } from './pages/registersPage';
import { WorkbenchPage } from './pages/workbenchPage';
import { unwrap } from '../../shared/ipc/errors';

const openHarness = useHarness();

const text = localeResources['zh-Hant'];

/** Where each header cell and each cell of the first row starts, in pixels from the left. */
async function columnEdges(panel: Locator): Promise<{ header: number[]; row: number[] }> {
  const left = (cells: Locator) => cells.evaluateAll((all) => all.map((cell) => Math.round(cell.getBoundingClientRect().left)));
  return { header: await left(panel.locator('.ant-table-thead th')), row: await left(panel.locator('.ant-table-row').first().locator('.ant-table-cell')) };
}

const scrolledBy = (panel: Locator) => panel.locator('.ant-table-tbody-virtual-holder').evaluate((holder) => holder.scrollTop);

describe('a long list in a tab, shown again', () => {
  it('lines up with its header and stays where it was scrolled, in a window wider than its columns', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-panes-'));
    const harness = await openHarness({ dataDir, systemLocale: 'zh-HK', viewport: { width: 1700, height: 1000 } });
    const page = harness.page;
    const app = new WorkbenchPage(page);
    const ui = new RegistersPage(page);
    await app.waitForTab(text.tabs.overview);
    for (let i = 0; i < 40; i++) {
      const fields = { building: `${(i % 4) + 1}座`, floor: '3樓', unit: String(300 + i), grossArea: 100 + i, usableArea: 80, leaseStart: null, leaseEnd: null, status: 'leased' as const, notes: '', clauses: [] };
      await unwrap(harness.api.spaceUnits.create({ fields }));
    }

    await ui.openSubGroup('香港科學園落戶深圳');
    const units = await ui.openSection(text.registers.spaceUnits.title, 'spaceUnits');
    await units.locator('.ant-table-row').first().waitFor();
    const edges = await columnEdges(units);
    expect(edges.row).toEqual(edges.header.slice(0, edges.row.length));
    await units.locator('.ant-table-tbody-virtual-holder').hover();
    await page.mouse.wheel(0, 300);
    await expect.poll(() => scrolledBy(units)).toBeGreaterThan(0);
    const place = await scrolledBy(units);

    // Away to another section and back, then to another tab of the window and back.
    await page.getByRole('tab', { name: text.actions.title, exact: true }).click();
    await ui.openSection(text.registers.spaceUnits.title, 'spaceUnits');
    await expect.poll(async () => (await columnEdges(units)).row).toEqual(edges.row);
    expect(await scrolledBy(units)).toBe(place);

    await app.tab(text.tabs.overview).click();
    await app.tab('香港科學園落戶深圳').click();
    await units.locator('.ant-table-row').first().waitFor();
    await expect.poll(async () => (await columnEdges(units)).row).toEqual(edges.row);
    expect(await scrolledBy(units)).toBe(place);
  });
});
