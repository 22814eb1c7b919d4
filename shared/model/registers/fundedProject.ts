import { z } from 'zod';
import { ClauseId, OwnerSide } from '../action';
import { RecordBase } from '../record';
import { readChoice, readDate, readInto, readYesNo, wordKey } from '../../registers/cells';
import type { RegisterDefinition } from '../../registers/definition';
import type { RowError } from '../../registers/importTypes';
import { searchKey } from '../../script/search';
import { Amount, checkDateRange, checkMoney, Currency, foldedKey, OptionalDate, readAmountAndCurrency, readClauses, sideWords } from './common';

export const ProjectStatus = z.enum(['proposed', 'approved', 'ongoing', 'completed', 'terminated']);
export type ProjectStatus = z.infer<typeof ProjectStatus>;
export const projectStatuses = ProjectStatus.options;

/** A project in the HK–Shenzhen joint funded-projects pool (港深聯合資助項目庫, 第二條（三）1). */
export const FundedProject = RecordBase.extend({
  /** The funder's own project number (e.g. ITS/123/24), when it has one. */
  reference: z.string().max(60, 'validation.tooLong'),
  title: z.string().min(1, 'validation.required').max(500, 'validation.tooLong'),
  institution: z.string().max(300, 'validation.tooLong'),
  principalInvestigator: z.string().max(200, 'validation.tooLong'),
  funder: OwnerSide,
  scheme: z.string().max(300, 'validation.tooLong'),
  amount: z.number().positive().nullable(),
  currency: Currency.nullable(),
  startDate: z.iso.date().nullable(),
  endDate: z.iso.date().nullable(),
  status: ProjectStatus,
  inShenzhenPark: z.boolean(),
  tenantId: z.uuid().nullable(),
  clauses: z.array(ClauseId),
  notes: z.string().max(20_000, 'validation.tooLong'),
});
export type FundedProject = z.infer<typeof FundedProject>;

export const FundedProjectFields = z
  .object({
    reference: z.string().trim().max(60, 'validation.tooLong'),
    title: z.string().trim().min(1, 'validation.required').max(500, 'validation.tooLong'),
    institution: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
    principalInvestigator: z.string().trim().max(200, 'validation.tooLong'),
    funder: z.enum(OwnerSide.options, 'validation.funder'),
    scheme: z.string().trim().max(300, 'validation.tooLong'),
    amount: Amount.nullable(),
    currency: z.enum(Currency.options, 'validation.currency').nullable(),
    startDate: OptionalDate,
    endDate: OptionalDate,
    status: z.enum(ProjectStatus.options, 'validation.projectStatus'),
    inShenzhenPark: z.boolean(),
    tenantId: z.uuid().nullable(),
    clauses: z.array(ClauseId).min(1, 'validation.clauseNeeded'),
    notes: z.string().trim().max(20_000, 'validation.tooLong'),
  })
  .superRefine((f, ctx) => {
    checkMoney(f.amount, f.currency, ctx);
    checkDateRange(f.startDate, f.endDate, ctx, false);
  });
export type FundedProjectFields = z.output<typeof FundedProjectFields>;

export interface CurrencyTotal {
  currency: Currency;
  total: number;
  count: number;
}

/**
 * Funding per currency, HKD and CNY each on its own line: no exchange rate is assumed, so totals are
 * never added across currencies. Summed in cents so 0.1 + 0.2 stays 0.30. `withoutAmount` counts
 * projects whose amount is not yet known.
 */
export function totalsByCurrency(
  records: ReadonlyArray<{ amount: number | null; currency: Currency | null; deletedAt: string | null }>,
): { totals: CurrencyTotal[]; withoutAmount: number } {
  const cents = new Map<Currency, { sum: number; count: number }>();
  let withoutAmount = 0;
  for (const r of records) {
    if (r.deletedAt) continue;
    if (r.amount === null || r.currency === null) {
      withoutAmount++;
      continue;
    }
    const entry = cents.get(r.currency) ?? { sum: 0, count: 0 };
    entry.sum += Math.round(r.amount * 100);
    entry.count++;
    cents.set(r.currency, entry);
  }
  const totals = Currency.options.flatMap((currency) => {
    const entry = cents.get(currency);
    return entry ? [{ currency, total: entry.sum / 100, count: entry.count }] : [];
  });
  return { totals, withoutAmount };
}

export const projectStatusWords: Record<ProjectStatus, string[]> = {
  proposed: ['申請中', '申请中', '已申請', '已申请', '擬議', '拟议', '待批', 'proposed', 'applied', 'pending'],
  approved: ['已批', '已批准', '已獲批', '已获批', '獲批', '获批', '已立項', '已立项', 'approved', 'awarded'],
  ongoing: ['進行中', '进行中', '執行中', '执行中', '在研', 'ongoing', 'in progress', 'running'],
  completed: ['已完成', '完成', '已結項', '已结项', '已結題', '已结题', 'completed', 'done', 'finished'],
  terminated: ['已終止', '已终止', '終止', '终止', '已撤銷', '已撤销', 'terminated', 'withdrawn', 'cancelled'],
};

/** What reading a projects sheet needs: the tenants, by each form of their names (folded), to link. */
export interface ProjectImportContext {
  tenantByName: Map<string, string>;
}

/** The keys a tenant's names are found by in a sheet: any of its three names, in either script. */
export function tenantNameKeys(name: { hant: string; hans: string; en: string }): string[] {
  return [name.hant, name.hans, name.en].filter(Boolean).map((n) => searchKey(wordKey(n)));
}

export const fundedProjectRegister: RegisterDefinition<FundedProject, FundedProjectFields, ProjectImportContext> = {
  kind: 'fundedProjects',
  fields: FundedProjectFields,
  columns: [
    { field: 'reference', aliases: ['項目編號', '项目编号', '編號', '编号', '檔號', 'project no', 'project number', 'ref', 'reference'] },
    { field: 'title', aliases: ['項目名稱', '项目名称', '項目', '项目', '名稱', '名称', 'project', 'project title', 'title'], required: true },
    { field: 'institution', aliases: ['機構', '机构', '承擔機構', '承担机构', '申請機構', '申请机构', '依託單位', '依托单位', 'institution', 'organisation', 'organization'] },
    { field: 'principalInvestigator', aliases: ['項目負責人', '项目负责人', '負責人', '负责人', '首席研究員', '首席研究员', 'pi', 'principal investigator', 'investigator'] },
    { field: 'funder', aliases: ['資助方', '资助方', '出資方', '出资方', 'funder', 'funded by', 'funding side'] },
    { field: 'scheme', aliases: ['資助計劃', '资助计划', '計劃', '计划', '專項', '专项', 'scheme', 'programme', 'program', 'fund'] },
    { field: 'amount', aliases: ['金額', '金额', '資助金額', '资助金额', '撥款', '拨款', 'amount', 'funding', 'grant'] },
    { field: 'currency', aliases: ['貨幣', '货币', '幣種', '币种', 'currency', 'ccy'] },
    { field: 'startDate', aliases: ['開始日期', '开始日期', '起始日期', '開始', '开始', 'start date', 'start', 'from'] },
    { field: 'endDate', aliases: ['結束日期', '结束日期', '完成日期', '結束', '结束', 'end date', 'end', 'to'] },
    { field: 'status', aliases: ['狀態', '状态', '進度', '进度', 'status'] },
    { field: 'inShenzhenPark', aliases: ['深圳園區', '深圳园区', '在深圳園區', '在深圳园区', 'in shenzhen park', 'shenzhen park'] },
    { field: 'tenant', aliases: ['進駐機構', '进驻机构', '園區機構', '园区机构', '租戶', '租户', 'tenant', 'linked tenant'] },
    { field: 'clauses', aliases: ['條款', '条款', 'clause', 'clauses'] },
    { field: 'notes', aliases: ['備註', '备注', 'remarks', 'note', 'notes'] },
  ],
  readRow(cells, context) {
    const errors: RowError[] = [];
    const text = (field: string) => cells[field] ?? '';
    const { amount, currency } = readAmountAndCurrency(text('amount'), text('currency'), errors);
    const funder = readInto('funder', readChoice(text('funder'), sideWords), errors);
    const status = readInto('status', readChoice(text('status'), projectStatusWords), errors);
    let tenantId: string | null = null;
    if (text('tenant')) {
      tenantId = context.tenantByName.get(searchKey(wordKey(text('tenant')))) ?? null;
      if (!tenantId) errors.push({ field: 'tenant', messageKey: 'validation.unknownTenant', params: { name: text('tenant') } });
    }
    const clauses = readInto('clauses', readClauses(text('clauses')), errors);
    return {
      candidate: {
        reference: text('reference'),
        title: text('title'),
        institution: text('institution'),
        principalInvestigator: text('principalInvestigator'),
        // The pool is HK's and Shenzhen's funded projects; a sheet without the column is usually HK's own list.
        funder: funder ?? 'HK',
        scheme: text('scheme'),
        amount,
        currency,
        startDate: readInto('startDate', readDate(text('startDate')), errors),
        endDate: readInto('endDate', readDate(text('endDate')), errors),
        status: status ?? 'ongoing',
        inShenzhenPark: readInto('inShenzhenPark', readYesNo(text('inShenzhenPark')), errors) ?? tenantId !== null,
        tenantId,
        clauses: clauses?.length ? clauses : ['2.3.1'],
        notes: text('notes'),
      },
      errors,
    };
  },
  // A funder's project number names a project; without one, its title at its institution does.
  naturalKey: (f) => (f.reference ? `ref:${foldedKey(f.reference)}` : `title:${foldedKey(f.title, f.institution)}`),
  searchTexts: (p) => [p.reference, p.title, p.institution, p.principalInvestigator, p.scheme, p.notes],
  label: (f) => (f.reference ? `${f.reference} ${f.title}` : f.title),
  toFields: (p) => ({
    reference: p.reference,
    title: p.title,
    institution: p.institution,
    principalInvestigator: p.principalInvestigator,
    funder: p.funder,
    scheme: p.scheme,
    amount: p.amount,
    currency: p.currency,
    startDate: p.startDate,
    endDate: p.endDate,
    status: p.status,
    inShenzhenPark: p.inShenzhenPark,
    tenantId: p.tenantId,
    clauses: p.clauses,
    notes: p.notes,
  }),
};

export interface FundingSummary {
  total: number;
  inShenzhenPark: number;
  totals: CurrencyTotal[];
  withoutAmount: number;
}
