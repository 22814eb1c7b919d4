import { z } from 'zod';
import { readChoice, readDate, readInto, readNumber, wordKey } from '../../registers/cells';
import type { RegisterDefinition } from '../../registers/definition';
import type { RowError } from '../../registers/importTypes';
import { searchKey } from '../../script/search';
import { ClauseId } from '../action';
import { RecordBase } from '../record';

/** Where a unit stands, from the first talks to its return to the Shenzhen Park. */
export const SpaceStatus = z.enum(['negotiating', 'leased', 'fittingOut', 'available', 'occupied', 'returned']);
export type SpaceStatus = z.infer<typeof SpaceStatus>;
export const spaceStatuses = SpaceStatus.options;

const area = z.number('validation.number').positive('validation.positive').max(1_000_000, 'validation.tooLarge').nullable();
const date = z.iso.date('validation.date').nullable();

const spaceUnitShape = {
  building: z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong'),
  floor: z.string().trim().max(20, 'validation.tooLong'),
  unit: z.string().trim().min(1, 'validation.required').max(40, 'validation.tooLong'),
  /** Gross and usable floor area in m². */
  grossArea: area,
  usableArea: area,
  leaseStart: date,
  leaseEnd: date,
  status: SpaceStatus,
  notes: z.string().trim().max(5000, 'validation.tooLong'),
  clauses: z.array(ClauseId),
};

/** A unit of property space HKSTP leases in the Shenzhen Park (第二條（一）). */
export const SpaceUnit = RecordBase.extend(spaceUnitShape);
export type SpaceUnit = z.infer<typeof SpaceUnit>;

/** What a user fills in for a unit, in the form or a sheet row; main checks with the same schema. */
export const SpaceUnitFields = z.object(spaceUnitShape).superRefine((fields, ctx) => {
  if (fields.grossArea !== null && fields.grossArea > 0 && fields.usableArea !== null && fields.usableArea > fields.grossArea) {
    ctx.addIssue({ code: 'custom', path: ['usableArea'], message: 'validation.usableOverGross' });
  }
  if (fields.leaseStart && fields.leaseEnd && fields.leaseEnd <= fields.leaseStart) {
    ctx.addIssue({ code: 'custom', path: ['leaseEnd'], message: 'validation.endAfterStart' });
  }
});
export type SpaceUnitFields = z.output<typeof SpaceUnitFields>;

/** "1座 3樓 301": how a unit is named in lists, messages and the tenants' sheets. */
export function unitLabel(unit: Pick<SpaceUnit, 'building' | 'floor' | 'unit'>): string {
  return [unit.building, unit.floor, unit.unit].filter(Boolean).join(' ');
}

/** The ways a sheet may name a unit: building, floor and unit, or building and unit, in either script. */
export function unitKeys(unit: Pick<SpaceUnit, 'building' | 'floor' | 'unit'>): string[] {
  return [...new Set([searchKey(wordKey(unit.building + unit.floor + unit.unit)), searchKey(wordKey(unit.building + unit.unit))])];
}

export const spaceStatusWords: Record<SpaceStatus, string[]> = {
  negotiating: ['洽談中', '洽谈中', '商談中', '商谈中', 'under negotiation', 'negotiation', 'negotiating'],
  leased: ['已租', '已承租', '已租賃', '已租赁', 'leased', 'let'],
  fittingOut: ['裝修中', '装修中', '裝修', '装修', 'fitting out', 'fit-out', 'fitout'],
  available: ['可供租用', '空置', '待租', 'available', 'vacant'],
  occupied: ['已進駐', '已进驻', '使用中', '已入駐', '已入驻', 'occupied', 'in use'],
  returned: ['已交還', '已交还', '已退租', 'returned', 'surrendered'],
};

export const spaceUnitRegister: RegisterDefinition<SpaceUnit, SpaceUnitFields> = {
  kind: 'spaceUnits',
  fields: SpaceUnitFields,
  columns: [
    { field: 'building', aliases: ['樓宇', '楼宇', '大樓', '大楼', '座', '棟', '栋', 'block', 'bldg'], required: true },
    { field: 'floor', aliases: ['層', '层', '樓層', '楼层', 'level', 'storey'] },
    { field: 'unit', aliases: ['單位', '单位', '室', '房號', '房号', 'unit no', 'room', 'suite'], required: true },
    { field: 'grossArea', aliases: ['建築面積', '建筑面积', '面積', '面积', 'gfa', 'gross area', 'area', 'area m2', '建築面積m2', '建筑面积m2'] },
    { field: 'usableArea', aliases: ['使用面積', '使用面积', '實用面積', '实用面积', 'usable area', 'net area', 'nfa'] },
    { field: 'leaseStart', aliases: ['租期開始', '租期开始', '起租日', '起租日期', 'lease start', 'start', 'from'] },
    { field: 'leaseEnd', aliases: ['租期結束', '租期结束', '租約屆滿', '租约届满', '到期日', 'lease end', 'end', 'expiry', 'to'] },
    { field: 'status', aliases: ['狀態', '状态', 'status'] },
    { field: 'notes', aliases: ['備註', '备注', 'remarks', 'note', 'notes'] },
  ],
  readRow(cells) {
    const errors: RowError[] = [];
    const text = (field: string) => cells[field] ?? '';
    const status = readInto('status', readChoice(text('status'), spaceStatusWords), errors);
    return {
      candidate: {
        building: text('building'),
        floor: text('floor'),
        unit: text('unit'),
        grossArea: readInto('grossArea', readNumber(text('grossArea')), errors),
        usableArea: readInto('usableArea', readNumber(text('usableArea')), errors),
        leaseStart: readInto('leaseStart', readDate(text('leaseStart')), errors),
        leaseEnd: readInto('leaseEnd', readDate(text('leaseEnd')), errors),
        // A sheet without a status lists space already leased: that is what HKSTP's sheets track.
        status: status ?? 'leased',
        notes: text('notes'),
        clauses: ['2.1'],
      },
      errors,
    };
  },
  naturalKey: (fields) => unitKeys(fields)[0]!,
  searchTexts: (unit) => [unit.building, unit.floor, unit.unit, unit.notes],
  label: unitLabel,
  toFields: ({ building, floor, unit, grossArea, usableArea, leaseStart, leaseEnd, status, notes, clauses }) => ({
    building, floor, unit, grossArea, usableArea, leaseStart, leaseEnd, status, notes, clauses,
  }),
};
