import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeResources } from '../../shared/i18n/resources';
import type { Language } from '../../shared/model/language';
import { useHarness } from './harness/useHarness';
import { RegistersPage } from './pages/registersPage';
import { unwrap } from '../../shared/ipc/errors';
import { fill } from './pages/scriptedPage';

const screenshots = path.resolve(process.env.SCREENSHOTS_DIR ?? 'test-results/screenshots');
const openHarness = useHarness();

const csv = (lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`;

const cases = [
  {
    language: 'zh-Hant' as Language,
    locale: 'zh-HK',
    tab: '香港科學園落戶深圳',
    floor: '3樓',
    unitsSheet: ['樓宇,樓層,單位,建築面積,使用面積,租期開始,租期結束,狀態', '1座,3樓,302,150,120,2025-01-01,2027-12-31,已承租', '2座,5樓,501,-20,10,2025-01-01,2027-12-31,已承租', '2座,5樓,502,100,80,2027-01-01,2026-01-01,已承租', '2座,6樓,601,"1,000",900,2025/1/1,2026/6/30,空置', '3座,1樓,101,200,150,1/3/2025,28/2/2030,已進駐'],
    tenantName: '香港大學深圳研究院',
    tenantHans: '香港大学深圳研究院',
    project: '跨境醫療數據平台',
    tenantsSheet: ['機構名稱,類別,行業,單位,獲批日期,進駐日期,人數', '港深微電子有限公司,企業,微電子,2座 6樓 601,2025-02-01,2025-03-01,30', '太空採礦公司,初創企業,航天,9座 901,2025-02-01,,5', '重複租用公司,企業,金融科技,1座 3樓 301,2025-02-01,,8'],
  },
  {
    language: 'zh-Hans' as Language,
    locale: 'zh-CN',
    tab: '香港科学园落户深圳',
    floor: '3楼',
    unitsSheet: ['楼宇,楼层,单位,建筑面积,使用面积,租期开始,租期结束,状态', '1座,3楼,302,150,120,2025-01-01,2027-12-31,已承租', '2座,5楼,501,-20,10,2025-01-01,2027-12-31,已承租', '2座,5楼,502,100,80,2027-01-01,2026-01-01,已承租', '2座,6楼,601,"1,000",900,2025/1/1,2026/6/30,空置', '3座,1楼,101,200,150,2025年3月1日,2030年2月28日,已进驻'],
    tenantName: '香港大學深圳研究院',
    tenantHans: '香港大学深圳研究院',
    project: '跨境医疗数据平台',
    tenantsSheet: ['机构名称,类别,行业,单位,获批日期,进驻日期,人数', '港深微电子有限公司,企业,微电子,2座 6楼 601,2025-02-01,2025-03-01,30', '太空采矿公司,初创企业,航天,9座 901,2025-02-01,,5', '重复租用公司,企业,金融科技,1座 3楼 301,2025-02-01,,8'],
  },
];

describe.each(cases)('HK Science Park registers in $language', (c) => {
  it('adds a unit, imports units and tenants with bad rows reported, links a tenant to a unit and a funded project, deletes with undo', async () => {
    const text = localeResources[c.language];
    const r = text.registers;
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-registers-'));
    const files = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-registers-files-'));
    await mkdir(screenshots, { recursive: true });
    const harness = await openHarness({ dataDir, systemLocale: c.locale, viewport: { width: 1600, height: 1000 } });
    const ui = new RegistersPage(harness.page);
    const page = harness.page;
    await ui.openSubGroup(c.tab);
    const units = await ui.openSection(r.spaceUnits.title, 'spaceUnits');
    await units.getByText(r.common.empty).waitFor();

    // A unit by hand: a usable area over the gross area is refused in the reader's script, nothing typed is lost.
    await units.getByRole('button', { name: r.spaceUnits.new }).click();
    let drawer = ui.dialog();
    await drawer.getByLabel(r.spaceUnits.fields.building).fill('1座');
    await drawer.getByLabel(r.spaceUnits.fields.floor).fill(c.floor);
    await drawer.getByLabel(r.spaceUnits.fields.grossArea).fill('120');
    await drawer.getByLabel(r.spaceUnits.fields.usableArea).fill('150');
    await drawer.getByLabel(r.spaceUnits.fields.unit, { exact: true }).fill('301');
    await drawer.getByLabel(r.spaceUnits.fields.unit, { exact: true }).press('Enter');
    await drawer.getByText(text.validation.usableOverGross).waitFor();
    expect(await drawer.getByLabel(r.spaceUnits.fields.building).inputValue()).toBe('1座');
    await ui.screenshot(path.join(screenshots, `registers-unit-invalid-${c.language}.png`));
    await drawer.getByLabel(r.spaceUnits.fields.usableArea).fill('96');
    await drawer.getByLabel(r.spaceUnits.fields.usableArea).press('Enter');
    await page.getByText(fill(r.common.createdMessage, { label: `1座 ${c.floor} 301` })).waitFor();
    await ui.row(units, '301').waitFor();

    // A sheet with good and bad rows: every bad row named with its row number and reason, nothing written before Accept.
    const unitsFile = path.join(files, 'units.csv');
    await writeFile(unitsFile, csv(c.unitsSheet));
    harness.dialogs.answerNextOpen(unitsFile);
    await units.getByRole('button', { name: r.common.import }).click();
    const wizard = ui.dialog();
    await wizard.getByText(fill(r.import.summary, { total: 5, importable: 3, invalid: 2, duplicates: 0 })).waitFor();
    await wizard.locator('[data-row-state="error"]').filter({ hasText: '501' }).getByText(`${r.spaceUnits.fields.grossArea}：${text.validation.positive}`).waitFor();
    await wizard.locator('[data-row-state="error"]').filter({ hasText: '502' }).getByText(`${r.spaceUnits.fields.leaseEnd}：${text.validation.endAfterStart}`).waitFor();
    expect(await wizard.locator('[data-row-state="error"] > :first-child').allInnerTexts()).toEqual(['3', '4']);
    await ui.screenshot(path.join(screenshots, `registers-import-units-${c.language}.png`));
    await wizard.getByRole('button', { name: fill(r.import.accept, { count: 3 }) }).click();
    await page.getByText(fill(r.import.imported, { created: 3 })).waitFor();
    await ui.row(units, '601').waitFor();

    // The same sheet again adds nothing.
    harness.dialogs.answerNextOpen(unitsFile);
    await units.getByRole('button', { name: r.common.import }).click();
    await ui.dialog().getByText(fill(r.import.summary, { total: 5, importable: 0, invalid: 2, duplicates: 3 })).waitFor();
    await page.keyboard.press('Escape');
    await ui.dialog().waitFor({ state: 'hidden' });

    // A funded project of the Joint Policy register, for the tenant to link to.
    await unwrap(
      harness.api.fundedProjects.create({
        fields: {
          reference: '', title: c.project, institution: '香港大學', principalInvestigator: '', funder: 'HK', scheme: '', amount: 5_000_000, currency: 'HKD',
          startDate: null, endDate: null, status: 'ongoing', inShenzhenPark: true, tenantId: null, clauses: ['2.3.1'], notes: '',
        },
      }),
    );

    // A tenant: the other script filled by conversion, a unit and a funded project linked.
    const tenants = await ui.openSection(r.tenants.title, 'tenants');
    await tenants.getByRole('button', { name: r.tenants.new }).click();
    drawer = ui.dialog();
    const own = c.language === 'zh-Hant' ? r.tenants.fields.nameHant : r.tenants.fields.nameHans;
    await drawer.getByLabel(own).fill(c.language === 'zh-Hant' ? c.tenantName : c.tenantHans);
    await drawer.getByRole('button', { name: r.tenants.fillOther }).click();
    const other = drawer.getByLabel(c.language === 'zh-Hant' ? r.tenants.fields.nameHans : r.tenants.fields.nameHant);
    await expect.poll(() => other.inputValue()).toBe(c.language === 'zh-Hant' ? c.tenantHans : c.tenantName);
    await ui.choose(drawer.getByLabel(r.tenants.fields.units), `1座 ${c.floor} 301`);
    await drawer.getByLabel(r.tenants.fields.hkFunded).click();
    await ui.choose(drawer.getByLabel(r.tenants.fields.fundedProject), c.project);
    await ui.screenshot(path.join(screenshots, `registers-tenant-form-${c.language}.png`));
    await drawer.getByLabel(r.tenants.fields.nameEn).fill('HKU-SIRI');
    await drawer.getByLabel(r.tenants.fields.nameEn).press('Enter');
    const shown = c.language === 'zh-Hant' ? c.tenantName : c.tenantHans;
    await page.getByText(fill(r.common.createdMessage, { label: shown })).waitFor();
    await ui.row(tenants, shown).getByText(c.project).waitFor();

    // Tenants from a sheet: an unknown unit and a unit already let are reported; the good row is added.
    const tenantsFile = path.join(files, 'tenants.csv');
    await writeFile(tenantsFile, csv(c.tenantsSheet));
    harness.dialogs.answerNextOpen(tenantsFile);
    await tenants.getByRole('button', { name: r.common.import }).click();
    const tenantWizard = ui.dialog();
    await tenantWizard.getByText(fill(r.import.summary, { total: 3, importable: 1, invalid: 2, duplicates: 0 })).waitFor();
    await tenantWizard.getByText(`${r.tenants.fields.units}：${fill(r.import.unknownUnit, { unit: '9座 901' })}`).waitFor();
    await tenantWizard.getByText(`${r.tenants.fields.sector}：${text.validation.choice}`).waitFor();
    await tenantWizard.getByText(`${r.tenants.fields.units}：${fill(r.import.unitTaken, { unit: `1座 ${c.floor} 301`, tenant: shown })}`).waitFor();
    await ui.screenshot(path.join(screenshots, `registers-import-tenants-${c.language}.png`));
    await tenantWizard.getByRole('button', { name: fill(r.import.accept, { count: 1 }) }).click();
    await page.getByText(fill(r.import.imported, { created: 1 })).waitFor();

    // Delete with Undo.
    await ui.row(tenants, shown).getByRole('button', { name: `${r.common.edit} ${shown}` }).click();
    await ui.dialog().getByRole('button', { name: r.common.delete }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: r.common.delete }).click();
    await page.getByText(fill(r.common.deletedMessage, { label: shown })).waitFor();
    await ui.row(tenants, shown).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: r.common.undo }).click();
    await page.getByText(fill(r.common.restoredMessage, { label: shown })).waitFor();
    await ui.row(tenants, shown).waitFor();

    // The units list and the glance show who holds each unit.
    const back = await ui.openSection(r.spaceUnits.title, 'spaceUnits');
    await ui.row(back, '301').getByText(shown).waitFor();
    await back.getByRole('img', { name: r.glance.chartLabel }).waitFor();
    await ui.screenshot(path.join(screenshots, `registers-units-${c.language}.png`));

    await page.getByRole('tab', { name: text.tabs.overview, exact: true }).click();
    await page.getByTestId('space-overview').waitFor();
    expect(await page.getByTestId('space-overview').innerText()).toContain(r.glance.overviewLine.split('：')[0]!.split(':')[0]!);
  });
});
