import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventSummary, PromotionEvent } from '../../../shared/model/registers/event';
import type { FundedProject, FundingSummary } from '../../../shared/model/registers/fundedProject';
import type { MeasureSummary, PolicyMeasure } from '../../../shared/model/registers/measure';
import type { RegisterImportPreview } from '../../../shared/registers/importTypes';
import { useTestBackend } from '../../support/testBackend';

const open = useTestBackend();
const fixedNow = () => new Date('2026-03-10T04:00:00.000Z');

const projectFields = {
  reference: 'ITS/001/26',
  title: '跨境醫療數據平台',
  institution: '香港中文大學',
  principalInvestigator: '陳大文',
  funder: 'HK',
  scheme: '創新及科技基金',
  amount: 3_000_000,
  currency: 'HKD',
  startDate: '2026-01-01',
  endDate: '2027-12-31',
  status: 'ongoing',
  inShenzhenPark: true,
  tenantId: null,
  clauses: ['2.3.1'],
  notes: '',
};

describe('policy measures', () => {
  it('a new data folder starts with the arrangement’s measures, under study since the signing', async () => {
    const session = await open({ now: fixedNow });
    const measures = await session.value<PolicyMeasure[]>('policyMeasures.list');
    expect(measures.length).toBeGreaterThanOrEqual(16);
    const pool = measures.find((m) => m.seedKey === 'fundedProjectsPool')!;
    expect(pool.title).toMatchObject({ hant: '建立港深聯合資助項目庫，分享項目資訊', hans: '建立港深联合资助项目库，分享项目信息' });
    expect(pool.clauses).toEqual(['2.3.1']);
    expect(pool.stage).toBe('study');
    expect(pool.stageLog[0]).toMatchObject({ on: '2021-09-06', from: null, to: 'study' });
  });

  it('an existing data folder gets them once; deleting them all does not bring them back', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hetao-policy-'));
    await cp(path.join(__dirname, '../../fixtures/store-v1'), dataDir, { recursive: true });
    let session = await open({ dataDir, now: fixedNow });
    const seeded = await session.value<PolicyMeasure[]>('policyMeasures.list');
    expect(seeded.length).toBeGreaterThanOrEqual(16);
    for (const m of seeded) await session.value('policyMeasures.delete', { id: m.id });
    await session.backend.close();
    session = await open({ dataDir, now: fixedNow });
    const again = await session.value<PolicyMeasure[]>('policyMeasures.list');
    expect(again).toHaveLength(seeded.length);
    expect(again.every((m) => m.deletedAt !== null)).toBe(true);
  });

  it('moves through its stages with a dated log, and refuses moves that make no sense', async () => {
    // The log is kept in order of when each move was recorded, so each is recorded a minute after the last.
    let minutes = 0;
    const session = await open({ now: () => new Date(fixedNow().getTime() + 60_000 * minutes++) });
    let measure = await session.value<PolicyMeasure>('policyMeasures.create', {
      fields: { title: { hant: '跨境科研數據試點', hans: '跨境科研数据试点', en: '' }, clauses: ['2.2'], leadSide: 'joint', nextStep: '', nextStepDate: null, actionIds: [], meetingIds: [], notes: '' },
    });
    expect(measure.stage).toBe('study');
    expect(measure.stageLog).toEqual([]);
    const move = (to: string, on: string, note = '') => session.call<PolicyMeasure>('policyMeasures.changeStage', { id: measure.id, revision: measure.revision, move: { to, on, note } });
    for (const [to, on] of [['consultation', '2026-01-05'], ['pilot', '2026-02-01'], ['inForce', '2026-03-01'], ['reviewed', '2026-03-10']] as const) {
      const result = await move(to, on);
      if (!result.ok) throw new Error(result.error.code);
      measure = result.value;
    }
    expect(measure.stage).toBe('reviewed');
    expect(measure.stageLog.map((e) => `${e.on} ${e.from}→${e.to}`)).toEqual([
      '2026-01-05 study→consultation',
      '2026-02-01 consultation→pilot',
      '2026-03-01 pilot→inForce',
      '2026-03-10 inForce→reviewed',
    ]);
    expect(await move('inForce', '2026-03-10')).toMatchObject({ ok: false, error: { code: 'measure.stageBackNeedsNote' } });
    expect(await move('inForce', '2026-03-11', '重新實施')).toMatchObject({ ok: false, error: { code: 'measure.stageDateInFuture' } });
    expect(await move('inForce', '2026-02-28', '重新實施')).toMatchObject({ ok: false, error: { code: 'measure.stageDateBeforeLast' } });
    expect(await move('reviewed', '2026-03-10')).toMatchObject({ ok: false, error: { code: 'measure.stageUnchanged' } });
    // Editing the fields leaves the stage and its log alone.
    const edited = await session.value<PolicyMeasure>('policyMeasures.update', {
      id: measure.id,
      revision: measure.revision,
      fields: { ...measure, nextStep: '向專責小組匯報', stage: 'study' },
    });
    expect(edited.stage).toBe('reviewed');
    expect(edited.stageLog).toHaveLength(4);
    expect(await move('inForce', '2026-03-10', 'x')).toMatchObject({ ok: false, error: { code: 'record.changedElsewhere' } });
    const summary = await session.value<MeasureSummary>('policyMeasures.summary');
    expect(summary.byStage.reviewed).toBe(1);
    expect(summary.total).toBe(summary.byStage.study + 1);
  });

  it('refuses invalid arguments with the failing fields named', async () => {
    const session = await open({ now: fixedNow });
    const result = await session.call('policyMeasures.create', { fields: { title: { hant: '', hans: '', en: '' }, clauses: [], leadSide: 'both' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('ipc.invalidArguments');
    expect(result.error.issues?.map((i) => i.messageKey)).toEqual(expect.arrayContaining(['validation.required', 'validation.clauseNeeded', 'validation.leadSide']));
  });
});

describe('joint funded-projects pool', () => {
  it('totals funding per currency and never adds HKD to CNY', async () => {
    const session = await open({ now: fixedNow });
    await session.value('fundedProjects.create', { fields: projectFields });
    await session.value('fundedProjects.create', { fields: { ...projectFields, reference: 'SZ-2026-7', funder: 'SZ', amount: 1_500_000.5, currency: 'CNY' } });
    await session.value('fundedProjects.create', { fields: { ...projectFields, reference: 'SZ-2026-8', funder: 'SZ', amount: 500_000, currency: 'CNY', inShenzhenPark: false } });
    await session.value('fundedProjects.create', { fields: { ...projectFields, reference: 'J-1', funder: 'joint', amount: null, currency: null } });
    const summary = await session.value<FundingSummary>('fundedProjects.summary');
    expect(summary.totals).toEqual([
      { currency: 'HKD', total: 3_000_000, count: 1 },
      { currency: 'CNY', total: 2_000_000.5, count: 2 },
    ]);
    expect(summary).toMatchObject({ total: 4, inShenzhenPark: 3, withoutAmount: 1 });
  });

  it('refuses an amount without currency, a link to a tenant that is not there, and the same project twice', async () => {
    const session = await open({ now: fixedNow });
    const noCurrency = await session.call('fundedProjects.create', { fields: { ...projectFields, currency: null } });
    expect(noCurrency).toMatchObject({ ok: false, error: { code: 'ipc.invalidArguments', issues: [{ path: 'fields.currency', messageKey: 'validation.currencyNeeded' }] } });
    const ghost = await session.call('fundedProjects.create', { fields: { ...projectFields, tenantId: crypto.randomUUID() } });
    expect(ghost).toMatchObject({ ok: false, error: { code: 'registers.unknownRecord' } });
    await session.value('fundedProjects.create', { fields: projectFields });
    const twice = await session.call('fundedProjects.create', { fields: { ...projectFields, title: '另一名稱' } });
    expect(twice).toMatchObject({ ok: false, error: { code: 'registers.duplicate' } });
  });

  it('links a project to a tenant of the Science Park register', async () => {
    const session = await open({ now: fixedNow });
    const tenant = await session.value<{ id: string }>('tenants.create', {
      fields: {
        name: { hant: '香港大學深圳研究院', hans: '香港大学深圳研究院', en: 'HKU-SIRI' },
        kind: 'research', sector: 'biomedicine', unitIds: [], admissionDate: null, moveInDate: null, headcount: null,
        hkFunded: true, fundedProjectId: null, status: 'admitted', notes: '', clauses: ['2.1'],
      },
    });
    const linked = await session.value<FundedProject>('fundedProjects.create', { fields: { ...projectFields, tenantId: tenant.id } });
    expect(linked.tenantId).toBe(tenant.id);
  });

  it('imports a sheet: good rows added, bad rows reported by row number and reason, nothing twice', async () => {
    const session = await open({ now: fixedNow });
    const file = path.join(session.dataDir, '..', `pool-${Date.now()}.csv`);
    await writeFile(
      file,
      [
        '港深聯合資助項目庫（2026年3月）',
        '項目編號,項目名稱,機構,項目負責人,資助方,金額,貨幣,開始日期,結束日期,狀態',
        'ITS/100/25,智能製造感測器,香港科技大學,李小明,香港,"HK$2,400,000",,2025-09-01,2027-08-31,進行中',
        'SZ-25-03,细胞治疗平台,深圳湾实验室,王芳,深圳,500万元,人民币,2025/7/1,2026/6/30,已获批',
        'ITS/101/25,金額缺貨幣,香港大學,,香港,1000000,,2025-01-01,2026-01-01,進行中',
        'ITS/102/25,日期顛倒,香港大學,,香港,,,2026-05-01,2025-05-01,進行中',
        'ITS/103/25,未知資助方,香港大學,,火星,,,,,進行中',
        'ITS/100/25,智能製造感測器（重複）,香港科技大學,,香港,,,,,進行中',
      ].join('\r\n'),
    );
    session.dialogs.answerNextOpen(file);
    const preview = await session.value<RegisterImportPreview>('fundedProjects.importOpen');
    expect(preview.unmappedRequired).toEqual([]);
    expect(preview.importable).toBe(2);
    const bad = preview.rows.filter((r) => r.errors.length).map((r) => [r.rowNumber, r.errors.map((e) => `${e.field}:${e.messageKey}`)]);
    expect(bad).toEqual([
      [5, ['currency:validation.currencyNeeded']],
      [6, ['endDate:validation.endAfterStart']],
      [7, ['funder:validation.choice']],
    ]);
    expect(preview.rows.find((r) => r.rowNumber === 8)!.duplicate).toEqual({ existingLabel: null, earlierRow: 3 });
    // Nothing is written before the user accepts.
    expect(await session.value<FundedProject[]>('fundedProjects.list')).toEqual([]);
    expect(await session.value('fundedProjects.importCommit', { token: preview.token })).toEqual({ created: 2, skipped: 0 });
    const projects = await session.value<FundedProject[]>('fundedProjects.list');
    expect(projects.find((p) => p.reference === 'SZ-25-03')).toMatchObject({ amount: 5_000_000, currency: 'CNY', funder: 'SZ', status: 'approved', startDate: '2025-07-01' });
    expect(projects.find((p) => p.reference === 'ITS/100/25')).toMatchObject({ amount: 2_400_000, currency: 'HKD' });

    session.dialogs.answerNextOpen(file);
    const again = await session.value<RegisterImportPreview>('fundedProjects.importOpen');
    expect(again.importable).toBe(0);
    expect(again.duplicates).toBe(3);
  });
});

describe('promotion events', () => {
  it('lists the coming events for the overview, soonest first', async () => {
    const session = await open({ now: fixedNow });
    const event = (name: string, startDate: string, status = 'planned') => ({
      name, kind: 'forum', startDate, endDate: startDate, city: '香港', venue: '', audience: '', leadSide: 'joint', coOrganisers: '',
      budget: null, currency: null, status, outcome: { attendance: null, enquiries: null, mediaCoverage: '' }, clauses: ['2.3.4'], notes: '',
    });
    await session.value('promotionEvents.create', { fields: event('河套論壇', '2026-04-20') });
    await session.value('promotionEvents.create', { fields: event('已舉行的路演', '2026-02-01', 'held') });
    await session.value('promotionEvents.create', { fields: event('創科博覽', '2026-03-12') });
    await session.value('promotionEvents.create', { fields: event('取消的展覽', '2026-03-11', 'cancelled') });
    const summary = await session.value<EventSummary>('promotionEvents.summary');
    expect(summary.upcoming.map((e: PromotionEvent) => e.name)).toEqual(['創科博覽', '河套論壇']);
    expect(summary.byStatus).toEqual({ planned: 2, confirmed: 0, held: 1, cancelled: 1 });
  });
});
