import { describe, expect, it } from 'vitest';
import { readMoney, readClauses } from '../../../shared/model/registers/common';
import { addMonths, monthCalendar, PromotionEventFields, promotionEventRegister, upcomingEvents } from '../../../shared/model/registers/event';
import { FundedProjectFields, fundedProjectRegister, totalsByCurrency } from '../../../shared/model/registers/fundedProject';
import { checkStageMove, countByStage, nextStage, PolicyMeasureFields, policyMeasureRegister, skippedStages, type StageChange } from '../../../shared/model/registers/measure';

const log = (on: string): StageChange => ({ id: crypto.randomUUID(), on, at: `${on}T02:00:00.000Z`, from: 'study', to: 'consultation', note: '' });

describe('policy measure stages', () => {
  it('moves forward, may skip a stage, and names what it skipped', () => {
    expect(checkStageMove({ stage: 'study', stageLog: [] }, { to: 'consultation', on: '2026-03-01', note: '' }, '2026-03-02')).toBeNull();
    expect(checkStageMove({ stage: 'study', stageLog: [] }, { to: 'pilot', on: '2026-03-01', note: '' }, '2026-03-02')).toBeNull();
    expect(skippedStages('study', 'pilot')).toEqual(['consultation']);
    expect(skippedStages('study', 'consultation')).toEqual([]);
    expect(nextStage('inForce')).toBe('reviewed');
    expect(nextStage('reviewed')).toBeNull();
  });

  it('refuses a move to the same stage, a future date, a date before the last change, and a silent move back', () => {
    const measure = { stage: 'consultation' as const, stageLog: [log('2026-02-10')] };
    expect(checkStageMove(measure, { to: 'consultation', on: '2026-03-01', note: '' }, '2026-03-02')).toBe('stageUnchanged');
    expect(checkStageMove(measure, { to: 'pilot', on: '2026-03-03', note: '' }, '2026-03-02')).toBe('stageDateInFuture');
    expect(checkStageMove(measure, { to: 'pilot', on: '2026-02-09', note: '' }, '2026-03-02')).toBe('stageDateBeforeLast');
    expect(checkStageMove(measure, { to: 'study', on: '2026-03-01', note: '  ' }, '2026-03-02')).toBe('stageBackNeedsNote');
    expect(checkStageMove(measure, { to: 'study', on: '2026-03-01', note: '須再研究' }, '2026-03-02')).toBeNull();
    // The same day as the last change is fine: two steps on one meeting day.
    expect(checkStageMove(measure, { to: 'pilot', on: '2026-02-10', note: '' }, '2026-03-02')).toBeNull();
  });

  it('counts live measures by stage, every stage listed', () => {
    const counts = countByStage([
      { stage: 'study', deletedAt: null },
      { stage: 'study', deletedAt: null },
      { stage: 'pilot', deletedAt: null },
      { stage: 'pilot', deletedAt: '2026-01-01T00:00:00.000Z' },
    ]);
    expect(counts).toEqual({ study: 2, consultation: 0, pilot: 1, inForce: 0, reviewed: 0 });
  });
});

describe('funding totals', () => {
  it('keeps HKD and CNY apart and sums in cents', () => {
    const result = totalsByCurrency([
      { amount: 0.1, currency: 'HKD', deletedAt: null },
      { amount: 0.2, currency: 'HKD', deletedAt: null },
      { amount: 5_000_000, currency: 'CNY', deletedAt: null },
      { amount: 999, currency: 'CNY', deletedAt: '2026-01-01T00:00:00.000Z' },
      { amount: null, currency: null, deletedAt: null },
    ]);
    expect(result.totals).toEqual([
      { currency: 'HKD', total: 0.3, count: 2 },
      { currency: 'CNY', total: 5_000_000, count: 1 },
    ]);
    expect(result.withoutAmount).toBe(1);
  });
});

const project = {
  reference: '',
  title: '跨境數據實驗室',
  institution: '香港大學',
  principalInvestigator: '',
  funder: 'HK' as const,
  scheme: '',
  amount: null,
  currency: null,
  startDate: null,
  endDate: null,
  status: 'ongoing' as const,
  inShenzhenPark: false,
  tenantId: null,
  clauses: ['2.3.1' as const],
  notes: '',
};

const messages = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`) ?? [];

describe('validation', () => {
  it('wants a currency with an amount and an amount with a currency', () => {
    expect(messages(FundedProjectFields.safeParse({ ...project, amount: 100 }))).toEqual(['currency:validation.currencyNeeded']);
    expect(messages(FundedProjectFields.safeParse({ ...project, currency: 'CNY' }))).toEqual(['amount:validation.amountNeeded']);
    expect(FundedProjectFields.safeParse({ ...project, amount: 100, currency: 'CNY' }).success).toBe(true);
  });

  it('wants amounts positive, in cents at most', () => {
    expect(messages(FundedProjectFields.safeParse({ ...project, amount: -5, currency: 'HKD' }))).toEqual(['amount:validation.positive']);
    expect(messages(FundedProjectFields.safeParse({ ...project, amount: 1.005, currency: 'HKD' }))).toEqual(['amount:validation.amountCents']);
  });

  it('wants a project to end after it starts, an event on or after its first day', () => {
    expect(messages(FundedProjectFields.safeParse({ ...project, startDate: '2026-05-01', endDate: '2026-05-01' }))).toEqual(['endDate:validation.endAfterStart']);
    const event = promotionEventRegister.readRow({ name: '河套創科論壇', startDate: '2026-06-02', endDate: '2026-06-01', city: '深圳' }, undefined);
    expect(messages(PromotionEventFields.safeParse(event.candidate))).toEqual(['endDate:validation.endBeforeStart']);
    const oneDay = promotionEventRegister.readRow({ name: '河套創科論壇', startDate: '2026-06-02', city: '深圳' }, undefined);
    expect(PromotionEventFields.safeParse(oneDay.candidate).success).toBe(true);
  });

  it('wants each measure to name a clause of the arrangement', () => {
    const read = policyMeasureRegister.readRow({ titleHant: '跨境數據', titleHans: '跨境数据' }, { converters: null });
    expect(messages(PolicyMeasureFields.safeParse(read.candidate))).toEqual(['clauses:validation.clauseNeeded']);
  });
});

describe('reading sheet cells', () => {
  it('reads amounts as officials write them, with the currency they carry', () => {
    expect(readMoney('HK$1,200,000')).toEqual({ value: { amount: 1_200_000, currency: 'HKD' } });
    expect(readMoney('500萬元')).toEqual({ value: { amount: 5_000_000, currency: null } });
    expect(readMoney('¥3.5万')).toEqual({ value: { amount: 35_000, currency: 'CNY' } });
    expect(readMoney('2,000,000 港元')).toEqual({ value: { amount: 2_000_000, currency: 'HKD' } });
    expect(readMoney('RMB 1.2m')).toEqual({ value: { amount: 1_200_000, currency: 'CNY' } });
    expect(readMoney('')).toEqual({ value: null });
    expect(readMoney('待定')).toEqual({ error: 'validation.number' });
  });

  it('reads clauses by id or by label in either script or English', () => {
    expect(readClauses('第二條（三）1、2.2; Article 2(3)4')).toEqual({ value: ['2.3.1', '2.2', '2.3.4'] });
    expect(readClauses('第二条（三）3')).toEqual({ value: ['2.3.3'] });
    expect(readClauses('第九條')).toEqual({ error: 'validation.clause' });
  });

  it('flags a currency in the amount cell that contradicts the currency column', () => {
    const read = fundedProjectRegister.readRow({ title: 'A', institution: 'B', amount: 'HK$100', currency: '人民幣' }, { tenantByName: new Map() });
    expect(read.errors).toEqual([{ field: 'currency', messageKey: 'validation.currencyConflict' }]);
  });

  it('links a project to a tenant named in either script, and reports an unknown one', () => {
    const tenants = new Map([['香港大学深圳研究院', 't-1']]);
    const known = fundedProjectRegister.readRow({ title: 'A', institution: 'B', tenant: '香港大學深圳研究院' }, { tenantByName: tenants });
    expect(known.candidate.tenantId).toBe('t-1');
    expect(known.candidate.inShenzhenPark).toBe(true);
    const unknown = fundedProjectRegister.readRow({ title: 'A', institution: 'B', tenant: '不存在公司' }, { tenantByName: tenants });
    expect(unknown.errors[0]).toMatchObject({ field: 'tenant', messageKey: 'validation.unknownTenant' });
  });

  it('treats a measure, project or event written in either script as the same record', () => {
    const hant = policyMeasureRegister.readRow({ title: '研究數據資源跨境互通', clauses: '2.2' }, { converters: null });
    const hans = policyMeasureRegister.readRow({ title: '研究数据资源跨境互通', clauses: '2.2' }, { converters: null });
    const key = (c: unknown) => policyMeasureRegister.naturalKey(policyMeasureRegister.fields.parse(c));
    // Without converters each row keeps only its own script, and the keys still agree.
    expect(key({ ...hant.candidate, title: { hant: '研究數據資源跨境互通', hans: '研究數據資源跨境互通', en: '' } })).toBe(
      key({ ...hans.candidate, title: { hant: '研究数据资源跨境互通', hans: '研究数据资源跨境互通', en: '' } }),
    );
    const p = (title: string, institution: string) => fundedProjectRegister.naturalKey({ ...project, title, institution });
    expect(p('跨境數據實驗室', '香港大學')).toBe(p('跨境数据实验室', '香港大学'));
    expect(fundedProjectRegister.naturalKey({ ...project, reference: 'ITS/123/24' })).toBe(
      fundedProjectRegister.naturalKey({ ...project, reference: 'its/123/24', title: 'other' }),
    );
  });
});

describe('month calendar', () => {
  const events = [
    { id: 'fair', startDate: '2026-05-30', endDate: '2026-06-02' },
    { id: 'forum', startDate: '2026-06-15', endDate: '2026-06-15' },
    { id: 'july', startDate: '2026-07-10', endDate: '2026-07-11' },
  ];

  it('lays a month out in whole weeks, Monday first', () => {
    const weeks = monthCalendar('2026-06', events);
    // 1 June 2026 is a Monday; 30 June a Tuesday.
    expect(weeks[0]![0]!.date).toBe('2026-06-01');
    expect(weeks.at(-1)!.at(-1)!.date).toBe('2026-07-05');
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    expect(weeks.flat().filter((d) => d.inMonth)).toHaveLength(30);
  });

  it('shows a multi-day event on each of its days, including across the month edge', () => {
    const days = monthCalendar('2026-06', events).flat();
    const on = (date: string) => days.find((d) => d.date === date)!.eventIds;
    expect(on('2026-06-01')).toEqual(['fair']);
    expect(on('2026-06-02')).toEqual(['fair']);
    expect(on('2026-06-03')).toEqual([]);
    expect(on('2026-06-15')).toEqual(['forum']);
    const may = monthCalendar('2026-05', events).flat();
    expect(may.find((d) => d.date === '2026-05-31')!.eventIds).toEqual(['fair']);
    expect(may[0]!.date).toBe('2026-04-27');
  });

  it('moves across years', () => {
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });

  it('lists coming events soonest first, leaving out past, cancelled and deleted ones', () => {
    const list = upcomingEvents(
      [
        { id: 'past', startDate: '2026-01-01', endDate: '2026-01-02', status: 'held' as const, deletedAt: null },
        { id: 'running', startDate: '2026-02-27', endDate: '2026-03-02', status: 'confirmed' as const, deletedAt: null },
        { id: 'later', startDate: '2026-04-01', endDate: '2026-04-01', status: 'planned' as const, deletedAt: null },
        { id: 'soon', startDate: '2026-03-05', endDate: '2026-03-05', status: 'planned' as const, deletedAt: null },
        { id: 'off', startDate: '2026-03-03', endDate: '2026-03-03', status: 'cancelled' as const, deletedAt: null },
        { id: 'gone', startDate: '2026-03-04', endDate: '2026-03-04', status: 'planned' as const, deletedAt: '2026-02-01T00:00:00.000Z' },
      ],
      '2026-03-01',
      2,
    );
    expect(list.map((e) => e.id)).toEqual(['running', 'soon']);
  });
});
