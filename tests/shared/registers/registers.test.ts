import { describe, expect, it } from 'vitest';
import type { SpaceUnit } from '../../../shared/model/registers/space';
import type { Tenant } from '../../../shared/model/registers/tenant';
import { readChoice, readDate, readNumber, readYesNo } from '../../../shared/registers/cells';
import { applyQuery, emptyQuery, indexRecords } from '../../../shared/registers/query';
import { spaceGlance } from '../../../shared/registers/spaceGlance';

const base = { createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', deletedAt: null, revision: 1 };
let n = 0;
const id = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;

function unit(overrides: Partial<SpaceUnit>): SpaceUnit {
  return {
    ...base, id: id(), building: '1座', floor: '3樓', unit: '301', grossArea: 100, usableArea: 80,
    leaseStart: '2025-01-01', leaseEnd: '2028-01-01', status: 'leased', notes: '', clauses: ['2.1'], ...overrides,
  };
}

function tenant(overrides: Partial<Tenant>): Tenant {
  return {
    ...base, id: id(), name: { hant: '甲', hans: '甲', en: '' }, kind: 'enterprise', sector: 'biomedicine', unitIds: [],
    admissionDate: null, moveInDate: null, headcount: null, hkFunded: false, fundedProjectId: null, status: 'movedIn',
    notes: '', clauses: ['2.1'], ...overrides,
  };
}

describe('reading sheet cells', () => {
  it('reads numbers with separators and units, and refuses words', () => {
    expect(readNumber('1,200.5')).toEqual({ value: 1200.5 });
    expect(readNumber('１５０ m²')).toEqual({ value: 150 });
    expect(readNumber('80平方米')).toEqual({ value: 80 });
    expect(readNumber('')).toEqual({ value: null });
    expect(readNumber('about 90')).toEqual({ error: 'validation.number' });
  });

  it('reads dates as HK and Mainland sheets write them, and refuses impossible ones', () => {
    for (const text of ['2026-03-01', '2026/3/1', '2026.3.1', '2026年3月1日', '1/3/2026', '2026-03-01 00:00:00']) {
      expect(readDate(text), text).toEqual({ value: '2026-03-01' });
    }
    expect(readDate('2026-02-30')).toEqual({ error: 'validation.date' });
    expect(readDate('next spring')).toEqual({ error: 'validation.date' });
  });

  it('reads yes/no and choices named in any language', () => {
    expect(readYesNo('是')).toEqual({ value: true });
    expect(readYesNo('No')).toEqual({ value: false });
    expect(readYesNo('maybe')).toEqual({ error: 'validation.yesNo' });
    const words = { leased: ['已承租', 'Leased'], available: ['空置'] };
    expect(readChoice('已承租', words)).toEqual({ value: 'leased' });
    expect(readChoice(' LEASED ', words)).toEqual({ value: 'leased' });
    expect(readChoice('available', words)).toEqual({ value: 'available' });
    expect(readChoice('demolished', words)).toEqual({ error: 'validation.choice' });
  });
});

describe('searching and filtering a register', () => {
  it('finds a record written in Traditional with a Simplified query, and the reverse', () => {
    const units = [unit({ notes: '實驗室裝修' }), unit({ unit: '302', notes: '数据中心' }), unit({ unit: '303', deletedAt: base.createdAt })];
    const indexed = indexRecords(units, (u) => [u.building, u.unit, u.notes]);
    expect(applyQuery(indexed, { ...emptyQuery, text: '实验室' }, () => [])).toEqual([units[0]]);
    expect(applyQuery(indexed, { ...emptyQuery, text: '數據' }, () => [])).toEqual([units[1]]);
    expect(applyQuery(indexed, emptyQuery, () => [])).toEqual(units.slice(0, 2));
    expect(applyQuery(indexed, { ...emptyQuery, showDeleted: true }, () => [])).toEqual(units);
    const byUnit = applyQuery(indexed, { ...emptyQuery, filters: { unit: ['302', '303'] } }, (u) => [u.unit]);
    expect(byUnit).toEqual([units[1]]);
  });
});

describe('the science park at a glance', () => {
  it('sums leased and occupied area, counts tenants by sector, and lists leases ending within six months and vacant units', () => {
    const a = unit({ grossArea: 300, status: 'occupied' });
    const b = unit({ unit: '302', grossArea: 100, leaseEnd: '2026-05-31' });
    const c = unit({ unit: '303', grossArea: 100, status: 'available', leaseEnd: '2026-09-02' });
    const returned = unit({ unit: '304', grossArea: 500, status: 'returned' });
    const tenants = [
      tenant({ unitIds: [a.id], sector: 'fintech' }),
      tenant({ unitIds: [b.id], sector: 'fintech' }),
      tenant({ unitIds: [c.id], sector: 'biomedicine', status: 'left' }),
    ];
    const glance = spaceGlance([a, b, c, returned], tenants, '2026-03-01');
    expect(glance.leasedArea).toBe(500);
    expect(glance.occupiedArea).toBe(400);
    expect(glance.occupancy).toBeCloseTo(0.8);
    expect(glance.bySector).toEqual([{ sector: 'fintech', count: 2 }]);
    expect(glance.endingSoon.map((u) => u.unit)).toEqual(['302']);
    expect(glance.vacant.map((u) => u.unit)).toEqual(['303']);
    expect(spaceGlance([], [], '2026-03-01').occupancy).toBeNull();
  });
});
