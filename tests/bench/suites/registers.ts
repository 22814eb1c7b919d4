/**
 * The registers at size: 10,000 space units, 5,000 tenants, 5,000 funded projects and 2,000 events.
 * In Chromium with the real backend: opening a register's section (list over the bridge, then the
 * virtualised table on screen) and filtering it by text; in main: reading a 5,000-row workbook into
 * its preview and accepting it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { localeResources } from '../../../shared/i18n/resources';
import { median, type BenchSuite } from '../bench';
import { startHarness } from '../../e2e/harness/harness';
import { Store } from '../../../electron/store/store';
import { appFrame, openTestBackend } from '../../support/testBackend';

const RUNS = 5;
const text = localeResources['zh-Hant'].registers;
const sectors = ['biomedicine', 'aiRobotics', 'microelectronics', 'newMaterials', 'fintech', 'other'] as const;
const words = ['生物醫藥', '人工智能', '微電子', '新材料', '金融科技', '數據', '機械人', '檢測', '藥物', '醫療器械'];
const day = (offset: number) => new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** Fills a seeded data folder with the registers at the sizes. */
export async function generate(dataDir: string): Promise<void> {
  const seeded = await openTestBackend({ dataDir });
  await seeded.backend.close();
  const opened = await Store.open({ dataDir });
  if (opened.status !== 'ready') throw new Error('store not ready');
  const { store } = opened;
  const unitIds: string[] = [];
  const writes: Array<Promise<unknown>> = [];
  for (let i = 0; i < 10_000; i++) {
    const id = crypto.randomUUID();
    unitIds.push(id);
    writes.push(
      store.insert('spaceUnits', {
        building: `${(i % 40) + 1}座`, floor: `${(Math.floor(i / 40) % 30) + 1}樓`, unit: String(1000 + i), grossArea: 80 + (i % 400),
        usableArea: 60 + (i % 300), leaseStart: day(i % 700), leaseEnd: day(700 + (i % 1500)), status: i % 7 === 0 ? 'available' : 'leased',
        notes: `${words[i % words.length]}實驗室 ${i}`, clauses: ['2.1'],
      }, id),
    );
  }
  for (let i = 0; i < 5_000; i++) {
    const name = `${words[i % words.length]}${words[(i * 7) % words.length]}研究院 ${i}`;
    writes.push(
      store.insert('tenants', {
        name: { hant: name, hans: name, en: `Institute ${i}` }, kind: i % 3 === 0 ? 'research' : 'enterprise', sector: sectors[i % sectors.length]!,
        unitIds: [unitIds[i * 2]!], admissionDate: day(i % 500), moveInDate: day(500 + (i % 300)), headcount: 5 + (i % 80),
        hkFunded: i % 4 === 0, fundedProjectId: null, status: 'movedIn', notes: '', clauses: ['2.1'],
      }),
    );
  }
  for (let i = 0; i < 5_000; i++) {
    writes.push(
      store.insert('fundedProjects', {
        reference: `ITS/${i}/24`, title: `${words[i % words.length]}聯合研究項目 ${i}`, institution: '香港大學', principalInvestigator: '陳教授',
        funder: i % 2 ? 'HK' : 'SZ', scheme: '創新及科技基金', amount: 1_000_000 + i, currency: i % 2 ? 'HKD' : 'CNY', startDate: day(i % 400),
        endDate: day(800 + (i % 400)), status: 'ongoing', inShenzhenPark: i % 3 === 0, tenantId: null, clauses: ['2.3.1'], notes: '',
      }),
    );
  }
  for (let i = 0; i < 2_000; i++) {
    writes.push(
      store.insert('promotionEvents', {
        name: `${words[i % words.length]}推介會 ${i}`, kind: 'forum', startDate: day(i % 1000), endDate: day((i % 1000) + 1), city: '香港', venue: '會展中心',
        audience: '投資者', leadSide: 'joint', coOrganisers: '', budget: 100_000, currency: 'HKD', status: 'planned',
        outcome: { attendance: null, enquiries: null, mediaCoverage: '' }, clauses: ['2.3.4'], notes: '',
      }),
    );
  }
  await Promise.all(writes);
  await store.close();
}

/** Clicks a section tab; resolves with the milliseconds until its table shows rows. */
export const timeOpen = (tabName: string, register: string) => `new Promise((resolve) => {
  const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent === ${JSON.stringify(tabName)});
  const started = performance.now();
  tab.click();
  const check = () => {
    if (document.querySelector('section[data-register="${register}"] .ant-table-row')) resolve(performance.now() - started);
    else requestAnimationFrame(check);
  };
  check();
})`;

/** Types a query into the section's search; resolves with the milliseconds until the count shows the result. */
export const timeFilter = (register: string, query: string) => `new Promise((resolve) => {
  const section = document.querySelector('section[data-register="${register}"]');
  const input = section.querySelector('input[type="search"]');
  const count = section.querySelector('.register-count');
  const before = count.textContent;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const started = performance.now();
  setValue.call(input, ${JSON.stringify(query)});
  input.dispatchEvent(new Event('input', { bubbles: true }));
  const check = () => {
    if (count.textContent !== before) resolve(performance.now() - started);
    else requestAnimationFrame(check);
  };
  check();
})`;

export const sections = [
  { subGroup: '香港科學園落戶深圳', tab: text.spaceUnits.title, register: 'spaceUnits', query: '醫療器械', total: 10_000 },
  { subGroup: '香港科學園落戶深圳', tab: text.tenants.title, register: 'tenants', query: '检测药物', total: 5_000 },
  { subGroup: '聯合政策', tab: text.fundedProjects.title, register: 'fundedProjects', query: '機械人', total: 5_000 },
  { subGroup: '聯合推廣', tab: text.promotionEvents.title, register: 'promotionEvents', query: '数据推介', total: 2_000 },
];

async function timeImport(report: (name: string, value: number) => void): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hetao-bench-import-'));
  try {
    const app = await openTestBackend({ dataDir });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('物業');
    sheet.addRow(['樓宇', '樓層', '單位', '建築面積（平方米）', '使用面積', '租期開始', '租期結束', '狀態', '備註']);
    for (let i = 0; i < 5_000; i++) {
      sheet.addRow([`${(i % 20) + 1}座`, `${(i % 30) + 1}樓`, String(i), 100 + (i % 50), i % 97 === 0 ? -1 : 80, new Date(Date.UTC(2025, 0, 1)), '2028-12-31', '已承租', '']);
    }
    const file = path.join(dataDir, 'units.xlsx');
    await workbook.xlsx.writeFile(file);
    const started = performance.now();
    app.dialogs.answerNextOpen(file);
    const preview = (await app.backend.dispatch('spaceUnits.importOpen', undefined, appFrame)) as { ok: true; value: { token: string; importable: number } };
    await app.backend.dispatch('spaceUnits.importCommit', { token: preview.value.token }, appFrame);
    report('registers.import5k.s', (performance.now() - started) / 1000);
    report('registers.import5k.rows', preview.value.importable);
    await app.backend.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

const suite: BenchSuite = async (report) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hetao-bench-registers-'));
  try {
    await generate(dataDir);
    const harness = await startHarness({ dataDir, viewport: { width: 1600, height: 1000 } });
    const opens = new Map<string, number[]>();
    const filters = new Map<string, number[]>();
    for (let run = 0; run < RUNS; run++) {
      for (const s of sections) {
        await harness.page.reload();
        await harness.page.getByRole('tab', { name: s.subGroup, exact: true }).click();
        opens.set(s.register, [...(opens.get(s.register) ?? []), await harness.page.evaluate<number>(timeOpen(s.tab, s.register))]);
        // The first rows paint before the rest arrive; a filter is timed over the whole register.
        await harness.page.locator(`section[data-register="${s.register}"] .register-count`).filter({ hasText: String(s.total) }).waitFor();
        filters.set(s.register, [...(filters.get(s.register) ?? []), await harness.page.evaluate<number>(timeFilter(s.register, s.query))]);
      }
    }
    await harness.close();
    for (const s of sections) {
      report(`registers.open.${s.register}.ms`, median(opens.get(s.register)!));
      report(`registers.filter.${s.register}.ms`, median(filters.get(s.register)!));
    }
    // The headline figures: the slowest register.
    report('registers.open.ms', Math.max(...sections.map((s) => median(opens.get(s.register)!))));
    report('registers.filter.ms', Math.max(...sections.map((s) => median(filters.get(s.register)!))));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  await timeImport(report);
};

export default suite;
