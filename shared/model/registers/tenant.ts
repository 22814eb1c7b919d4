import { z } from 'zod';
import { readChoice, readDate, readInto, readList, readNumber, readYesNo, wordKey } from '../../registers/cells';
import type { RegisterDefinition } from '../../registers/definition';
import type { RowError } from '../../registers/importTypes';
import type { Converters } from '../../script/convert';
import { detectScript } from '../../script/detect';
import { searchKey } from '../../script/search';
import { ClauseId } from '../action';
import { LocalizedName, RecordBase } from '../record';

export const TenantKind = z.enum(['research', 'enterprise', 'startup']);
export type TenantKind = z.infer<typeof TenantKind>;
export const Sector = z.enum(['biomedicine', 'aiRobotics', 'microelectronics', 'newMaterials', 'fintech', 'other']);
export type Sector = z.infer<typeof Sector>;
export const TenantStatus = z.enum(['admitted', 'movedIn', 'left']);
export type TenantStatus = z.infer<typeof TenantStatus>;

const date = z.iso.date('validation.date').nullable();

const tenantShape = {
  name: LocalizedName,
  kind: TenantKind,
  sector: Sector,
  /** The space units it occupies; a unit is let to one tenant at a time (checked in main). */
  unitIds: z.array(z.uuid()),
  admissionDate: date,
  moveInDate: date,
  headcount: z.number('validation.number').int('validation.wholeNumber').nonnegative('validation.positive').max(1_000_000, 'validation.tooLarge').nullable(),
  /** Whether its project is already funded by HK; the funded project itself when known. */
  hkFunded: z.boolean(),
  fundedProjectId: z.uuid().nullable(),
  status: TenantStatus,
  notes: z.string().trim().max(5000, 'validation.tooLong'),
  clauses: z.array(ClauseId),
};

/** An institution or enterprise admitted to HKSTP's space in the Shenzhen Park (第二條（一）). */
export const Tenant = RecordBase.extend(tenantShape);
export type Tenant = z.infer<typeof Tenant>;

export const TenantFields = z.object(tenantShape).superRefine((fields, ctx) => {
  if (new Set(fields.unitIds).size !== fields.unitIds.length) {
    ctx.addIssue({ code: 'custom', path: ['unitIds'], message: 'validation.duplicateUnit' });
  }
  if (fields.admissionDate && fields.moveInDate && fields.moveInDate < fields.admissionDate) {
    ctx.addIssue({ code: 'custom', path: ['moveInDate'], message: 'validation.moveInBeforeAdmission' });
  }
  if (fields.fundedProjectId && !fields.hkFunded) {
    ctx.addIssue({ code: 'custom', path: ['hkFunded'], message: 'validation.linkedProjectIsFunded' });
  }
});
export type TenantFields = z.output<typeof TenantFields>;

/** A tenant that has left no longer holds its units. */
export function holdsUnits(tenant: Pick<Tenant, 'status' | 'deletedAt'>): boolean {
  return tenant.deletedAt === null && tenant.status !== 'left';
}

export const tenantKindWords: Record<TenantKind, string[]> = {
  research: ['科研機構', '科研机构', '研究機構', '研究机构', '院校', 'research institution', 'research', 'institute', 'university'],
  enterprise: ['企業', '企业', '公司', 'enterprise', 'company', 'corporate'],
  startup: ['初創企業', '初创企业', '初創', '初创', '創業公司', '创业公司', 'start-up', 'startup'],
};
export const sectorWords: Record<Sector, string[]> = {
  biomedicine: ['生物醫藥', '生物医药', '醫療', '医疗', '生物科技', 'biomedicine', 'biomedical', 'biotech', 'healthcare', 'life sciences'],
  aiRobotics: ['人工智能及機械人', '人工智能及机器人', '人工智能', '機械人', '机器人', 'AI', 'AI and robotics', 'robotics', 'artificial intelligence'],
  microelectronics: ['微電子', '微电子', '半導體', '半导体', '集成電路', '集成电路', 'microelectronics', 'semiconductors', 'ic'],
  newMaterials: ['新材料', 'new materials', 'materials', 'advanced materials'],
  fintech: ['金融科技', 'fintech', 'financial technology'],
  other: ['其他', '其它', 'other', 'others'],
};
export const tenantStatusWords: Record<TenantStatus, string[]> = {
  admitted: ['已獲批', '已获批', '已錄取', '已录取', '獲批入駐', '获批入驻', 'admitted', 'approved'],
  movedIn: ['已進駐', '已进驻', '已入駐', '已入驻', '已遷入', '已迁入', 'moved in', 'in'],
  left: ['已遷出', '已迁出', '已離開', '已离开', '已退出', 'left', 'moved out'],
};

/** What reading a tenants sheet needs: the units to name, who holds each, and the script converters. */
export interface TenantImportContext {
  /** Unit keys (see unitKeys) → unit id. */
  unitByKey: Map<string, string>;
  /** Unit id → the name of the tenant holding it now. */
  holderOf: Map<string, string>;
  converters: Converters | null;
}

/** Fills the missing script of a name from the other, when only one was written. */
function completeName(cells: Partial<Record<string, string>>, converters: Converters | null) {
  let hant = cells.nameHant ?? '';
  let hans = cells.nameHans ?? '';
  const either = cells.name ?? '';
  if (either && !hant && !hans) {
    if (detectScript(either) === 'hans') hans = either;
    else hant = either;
  }
  if (converters) {
    if (hant && !hans) hans = converters.toHans(hant);
    if (hans && !hant) hant = converters.toHant(hans);
  }
  return { hant, hans, en: cells.nameEn ?? '' };
}

export const tenantRegister: RegisterDefinition<Tenant, TenantFields, TenantImportContext> = {
  kind: 'tenants',
  fields: TenantFields,
  columns: [
    { field: 'name', aliases: ['名稱', '名称', '機構名稱', '机构名称', '企業名稱', '企业名称', '公司名稱', '公司名称', '機構', '机构', 'name', 'institution', 'company'] },
    { field: 'nameHant', aliases: ['繁體名稱', '繁体名称', '中文名稱（繁體）', 'name (traditional)', 'chinese name (traditional)'] },
    { field: 'nameHans', aliases: ['簡體名稱', '简体名称', '中文名称（简体）', 'name (simplified)', 'chinese name (simplified)'] },
    { field: 'nameEn', aliases: ['英文名稱', '英文名称', 'english name', 'name (english)'] },
    { field: 'kind', aliases: ['類別', '类别', '類型', '类型', 'kind', 'type', 'category'] },
    { field: 'sector', aliases: ['行業', '行业', '領域', '领域', '產業', '产业', 'sector', 'industry', 'field'] },
    { field: 'units', aliases: ['單位', '单位', '佔用單位', '占用单位', '租用單位', '租用单位', 'units', 'unit', 'space'] },
    { field: 'admissionDate', aliases: ['獲批日期', '获批日期', '入選日期', '入选日期', '錄取日期', 'admission date', 'admitted on', 'admitted'] },
    { field: 'moveInDate', aliases: ['進駐日期', '进驻日期', '入駐日期', '入驻日期', '遷入日期', '迁入日期', 'move-in date', 'move in', 'moved in on'] },
    { field: 'headcount', aliases: ['人數', '人数', '員工人數', '员工人数', '人員', '人员', 'headcount', 'staff', 'employees'] },
    { field: 'hkFunded', aliases: ['香港資助', '香港资助', '已獲香港資助', '已获香港资助', '港方資助', '港方资助', 'hk funded', 'hk-funded', 'funded by hk'] },
    { field: 'status', aliases: ['狀態', '状态', 'status'] },
    { field: 'notes', aliases: ['備註', '备注', 'remarks', 'note', 'notes'] },
  ],
  readRow(cells, context) {
    const errors: RowError[] = [];
    const text = (field: string) => cells[field] ?? '';
    const name = completeName(cells, context.converters);
    if (!name.hant && !name.hans && !name.en) errors.push({ field: 'name', messageKey: 'validation.required' });
    const unitIds: string[] = [];
    for (const item of readList(text('units'))) {
      const id = context.unitByKey.get(searchKey(wordKey(item)));
      if (!id) errors.push({ field: 'units', messageKey: 'registers.import.unknownUnit', params: { unit: item } });
      else if (context.holderOf.has(id)) {
        errors.push({ field: 'units', messageKey: 'registers.import.unitTaken', params: { unit: item, tenant: context.holderOf.get(id)! } });
      } else if (!unitIds.includes(id)) unitIds.push(id);
    }
    const kind = readInto('kind', readChoice(text('kind'), tenantKindWords), errors);
    const sector = readInto('sector', readChoice(text('sector'), sectorWords), errors);
    const moveInDate = readInto('moveInDate', readDate(text('moveInDate')), errors);
    const status = readInto('status', readChoice(text('status'), tenantStatusWords), errors);
    return {
      candidate: {
        name,
        kind: kind ?? 'enterprise',
        sector: sector ?? 'other',
        unitIds,
        admissionDate: readInto('admissionDate', readDate(text('admissionDate')), errors),
        moveInDate,
        headcount: readInto('headcount', readNumber(text('headcount')), errors),
        hkFunded: readInto('hkFunded', readYesNo(text('hkFunded')), errors) ?? false,
        fundedProjectId: null,
        // Without a status column, a tenant with a move-in date has moved in.
        status: status ?? (moveInDate ? 'movedIn' : 'admitted'),
        notes: text('notes'),
        clauses: ['2.1'],
      },
      errors,
    };
  },
  // The same institution written in Traditional on one sheet and Simplified on another is one tenant.
  naturalKey: (fields) => searchKey(wordKey(fields.name.hant || fields.name.hans || fields.name.en)),
  searchTexts: (tenant) => [tenant.name.hant, tenant.name.hans, tenant.name.en, tenant.notes],
  label: (fields) => fields.name.hant || fields.name.hans || fields.name.en,
  toFields: ({ name, kind, sector, unitIds, admissionDate, moveInDate, headcount, hkFunded, fundedProjectId, status, notes, clauses }) => ({
    name, kind, sector, unitIds, admissionDate, moveInDate, headcount, hkFunded, fundedProjectId, status, notes, clauses,
  }),
};
