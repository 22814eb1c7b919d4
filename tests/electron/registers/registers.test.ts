import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { SpaceUnit } from '../../../shared/model/registers/space';
import type { Tenant } from '../../../shared/model/registers/tenant';
import type { SubGroup } from '../../../shared/model/subGroup';
import type { RegisterImportPreview } from '../../../shared/registers/importTypes';
import { attachedRegisters } from '../../../shared/registers/kinds';
import { useTestBackend } from '../../support/testBackend';

const open = useTestBackend();

const unit = (overrides: Partial<SpaceUnit> = {}) => ({
  building: '1座',
  floor: '3樓',
  unit: '301',
  grossArea: 120,
  usableArea: 96,
  leaseStart: '2025-01-01',
  leaseEnd: '2027-12-31',
  status: 'leased',
  notes: '',
  clauses: ['2.1'],
  ...overrides,
});

const tenant = (overrides: Record<string, unknown> = {}) => ({
  name: { hant: '港深生物科技有限公司', hans: '港深生物科技有限公司', en: 'HKSZ Biotech Ltd' },
  kind: 'enterprise',
  sector: 'biomedicine',
  unitIds: [],
  admissionDate: '2025-03-01',
  moveInDate: null,
  headcount: 12,
  hkFunded: false,
  fundedProjectId: null,
  status: 'admitted',
  notes: '',
  clauses: ['2.1'],
  ...overrides,
});

const csv = (lines: string[]) => `\uFEFF${lines.join('\r\n')}\r\n`;

describe('a register: space units', () => {
  it('creates, refuses a stale edit and a second unit with the same address, deletes and restores', async () => {
    const app = await open();
    const created = await app.value<SpaceUnit>('spaceUnits.create', { fields: unit() });
    expect(created).toMatchObject({ building: '1座', unit: '301', revision: 1, deletedAt: null });

    const edited = await app.value<SpaceUnit>('spaceUnits.update', { id: created.id, revision: 1, fields: unit({ status: 'fittingOut' }) });
    expect(edited.status).toBe('fittingOut');
    const stale = await app.call('spaceUnits.update', { id: created.id, revision: 1, fields: unit({ status: 'occupied' }) });
    expect(stale).toMatchObject({ ok: false, error: { code: 'record.changedElsewhere' } });

    // The same address written in Simplified is the same unit.
    const twice = await app.call('spaceUnits.create', { fields: unit({ building: '1座', floor: '3楼' }) });
    expect(twice).toMatchObject({ ok: false, error: { code: 'registers.duplicate', params: { label: '1座 3樓 301' } } });

    const deleted = await app.value<SpaceUnit>('spaceUnits.delete', { id: created.id });
    expect(deleted.deletedAt).not.toBeNull();
    const list = await app.value<SpaceUnit[]>('spaceUnits.list');
    expect(list.map((u) => u.id)).toEqual([created.id]);
    expect((await app.value<SpaceUnit>('spaceUnits.restore', { id: created.id })).deletedAt).toBeNull();
  });

  it('refuses impossible figures with messages for the fields concerned', async () => {
    const app = await open();
    const result = await app.call('spaceUnits.create', {
      fields: unit({ grossArea: -5, usableArea: 200, leaseStart: '2027-01-01', leaseEnd: '2026-01-01' }),
    });
    expect(result.ok).toBe(false);
    const issues = !result.ok ? result.error.issues : [];
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'fields.grossArea', messageKey: 'validation.positive' },
        { path: 'fields.leaseEnd', messageKey: 'validation.endAfterStart' },
      ]),
    );
    expect(await app.value<SpaceUnit[]>('spaceUnits.list')).toEqual([]);
  });
});

describe('tenants and their units', () => {
  it('lets a unit to one current tenant at a time, and frees it when the tenant leaves', async () => {
    const app = await open();
    const a = await app.value<SpaceUnit>('spaceUnits.create', { fields: unit() });
    const first = await app.value<Tenant>('tenants.create', { fields: tenant({ unitIds: [a.id], status: 'movedIn', moveInDate: '2025-04-01' }) });

    const second = await app.call('tenants.create', {
      fields: tenant({ name: { hant: '深港微電子', hans: '深港微电子', en: '' }, sector: 'microelectronics', unitIds: [a.id] }),
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'registers.unitTaken', params: { unit: '1座 3樓 301', tenant: '港深生物科技有限公司' } } });

    // Editing the holder itself keeps its unit.
    const kept = await app.value<Tenant>('tenants.update', { id: first.id, revision: 1, fields: tenant({ unitIds: [a.id], status: 'movedIn', headcount: 20 }) });
    expect(kept.headcount).toBe(20);

    await app.value('tenants.update', { id: first.id, revision: kept.revision, fields: tenant({ unitIds: [a.id], status: 'left' }) });
    const next = await app.value<Tenant>('tenants.create', {
      fields: tenant({ name: { hant: '深港微電子', hans: '深港微电子', en: '' }, unitIds: [a.id] }),
    });
    expect(next.unitIds).toEqual([a.id]);
  });

  it('refuses a move-in before admission and a funded-project link on a tenant not marked HK-funded', async () => {
    const app = await open();
    const result = await app.call('tenants.create', {
      fields: tenant({ moveInDate: '2025-01-01', fundedProjectId: '7d0f3a4e-1b2c-4d5e-8f90-123456789abc' }),
    });
    const keys = !result.ok ? result.error.issues?.map((i) => i.messageKey) : [];
    expect(keys).toEqual(expect.arrayContaining(['validation.moveInBeforeAdmission', 'validation.linkedProjectIsFunded']));
  });
});

describe('importing a sheet', () => {
  it('previews every row with its problems, writes nothing until accepted, and adds nothing the second time', async () => {
    const app = await open();
    const file = path.join(app.dataDir, '科學園物業.csv');
    await writeFile(
      file,
      csv([
        '香港科學園深圳物業一覽',
        '樓宇,樓層,單位,建築面積（平方米）,使用面積,租期開始,租期結束,狀態,備註',
        '1座,3樓,301,"1,200.5",980,2025-01-01,2027-12-31,已承租,',
        '1座,3樓,302,150 m²,120,2025/1/1,2026/12/31,裝修中,',
        '2座,5樓,501,-20,10,2025-01-01,2027-12-31,已承租,面積錯誤',
        '2座,5樓,502,100,80,2027-01-01,2026-01-01,已承租,日期錯誤',
        ',6樓,601,100,80,,,已承租,沒有樓宇',
        '1座,3樓,301,1200,980,2025-01-01,2027-12-31,已承租,重複',
        '2座,6樓,602,100,80,31/12/2025,30/12/2027,空置,',
      ]),
    );
    app.dialogs.answerNextOpen(file);
    const preview = await app.value<RegisterImportPreview>('spaceUnits.importOpen');
    expect(preview.headers[0]).toBe('樓宇');
    expect(preview.mapping).toEqual(['building', 'floor', 'unit', 'grossArea', 'usableArea', 'leaseStart', 'leaseEnd', 'status', 'notes']);
    const byRow = new Map(preview.rows.map((r) => [r.rowNumber, r]));
    expect(byRow.get(5)!.errors).toEqual([{ field: 'grossArea', messageKey: 'validation.positive' }]);
    expect(byRow.get(6)!.errors).toEqual([{ field: 'leaseEnd', messageKey: 'validation.endAfterStart' }]);
    expect(byRow.get(7)!.errors).toEqual([{ field: 'building', messageKey: 'validation.required' }]);
    expect(byRow.get(8)!.duplicate).toEqual({ existingLabel: null, earlierRow: 3 });
    expect(preview).toMatchObject({ importable: 3, invalid: 3, duplicates: 1 });
    expect(await app.value<SpaceUnit[]>('spaceUnits.list')).toEqual([]);

    expect(await app.value('spaceUnits.importCommit', { token: preview.token })).toEqual({ created: 3, skipped: 0 });
    const units = await app.value<SpaceUnit[]>('spaceUnits.list');
    expect(units.find((u) => u.unit === '301')).toMatchObject({ grossArea: 1200.5, status: 'leased' });
    expect(units.find((u) => u.unit === '302')).toMatchObject({ grossArea: 150, leaseStart: '2025-01-01', status: 'fittingOut' });
    expect(units.find((u) => u.unit === '602')).toMatchObject({ leaseStart: '2025-12-31', status: 'available' });

    app.dialogs.answerNextOpen(file);
    const again = await app.value<RegisterImportPreview>('spaceUnits.importOpen');
    expect(again).toMatchObject({ importable: 0, duplicates: 4 });
    expect(again.rows.find((r) => r.rowNumber === 3)!.duplicate).toEqual({ existingLabel: '1座 3樓 301', earlierRow: null });
  });

  it('remembers a column mapping the user chose, for the next sheet with that header', async () => {
    const app = await open();
    const file = path.join(app.dataDir, 'units.csv');
    await writeFile(file, csv(['Building,Level,Room no.,Sq ft remark', 'A1,2/F,201,about 900']));
    app.dialogs.answerNextOpen(file);
    const first = await app.value<RegisterImportPreview>('spaceUnits.importOpen');
    expect(first.mapping).toEqual(['building', 'floor', null, null]);
    expect(first.unmappedRequired).toEqual(['unit']);
    expect(first.importable).toBe(0);

    const remapped = await app.value<RegisterImportPreview>('spaceUnits.importRemap', { token: first.token, mapping: ['building', 'floor', 'unit', 'notes'] });
    expect(remapped.importable).toBe(1);
    await app.value('spaceUnits.importCommit', { token: remapped.token });

    await writeFile(file, csv(['Building,Level,Room no.,Sq ft remark', 'A1,2/F,202,about 400']));
    app.dialogs.answerNextOpen(file);
    const next = await app.value<RegisterImportPreview>('spaceUnits.importOpen');
    expect(next.mapping).toEqual(['building', 'floor', 'unit', 'notes']);
    expect(next.importable).toBe(1);
  });

  it('reads an Excel workbook with date cells, and tenants naming their units, in either script', async () => {
    const app = await open();
    await app.value('spaceUnits.create', { fields: unit() });
    await app.value('spaceUnits.create', { fields: unit({ unit: '302' }) });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('租戶');
    sheet.addRow(['名称', '英文名称', '类别', '行业', '单位', '获批日期', '进驻日期', '人数', '香港资助']);
    sheet.addRow(['深港智能机器人有限公司', 'SZHK Robotics', '初创企业', '人工智能', '1座 3楼 301', new Date(Date.UTC(2025, 2, 1)), new Date(Date.UTC(2025, 5, 1)), 25, '是']);
    sheet.addRow(['港深材料研究院', '', '科研机构', '新材料', '1座 301', '2025-04-01', '', '', '否']);
    sheet.addRow(['无名公司', '', '企业', '太空采矿', '9座 901', '2025-13-01', '', 'many', '也许']);
    const file = path.join(app.dataDir, 'tenants.xlsx');
    await workbook.xlsx.writeFile(file);

    app.dialogs.answerNextOpen(file);
    const preview = await app.value<RegisterImportPreview>('tenants.importOpen');
    const bad = preview.rows.find((r) => r.rowNumber === 4)!;
    expect(bad.errors.map((e) => `${e.field}:${e.messageKey}`).sort()).toEqual(
      ['admissionDate:validation.date', 'headcount:validation.number', 'hkFunded:validation.yesNo', 'sector:validation.choice', 'units:registers.import.unknownUnit'].sort(),
    );
    // Row 3 names the unit row 2 already takes: the second claim is a problem only once the first is in.
    expect(preview.importable).toBe(2);
    const result = await app.value<{ created: number; skipped: number }>('tenants.importCommit', { token: preview.token });
    expect(result).toEqual({ created: 1, skipped: 1 });
    const [robotics] = await app.value<Tenant[]>('tenants.list');
    expect(robotics).toMatchObject({
      name: { hant: '深港智能機器人有限公司', hans: '深港智能机器人有限公司', en: 'SZHK Robotics' },
      kind: 'startup',
      sector: 'aiRobotics',
      admissionDate: '2025-03-01',
      moveInDate: '2025-06-01',
      status: 'movedIn',
      headcount: 25,
      hkFunded: true,
    });
    expect(robotics!.unitIds).toHaveLength(1);
  });

  it('says clearly when a file is not a sheet or has no column it knows', async () => {
    const app = await open();
    const binary = path.join(app.dataDir, 'scan.csv');
    await writeFile(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
    app.dialogs.answerNextOpen(binary);
    expect(await app.call('spaceUnits.importOpen')).toMatchObject({ ok: false, error: { code: 'contacts.unreadableFile', params: { fileName: 'scan.csv' } } });
    const unknown = path.join(app.dataDir, 'minutes.csv');
    await writeFile(unknown, csv(['議程,內容', '1,開會']));
    app.dialogs.answerNextOpen(unknown);
    expect(await app.call('spaceUnits.importOpen')).toMatchObject({ ok: false, error: { code: 'registers.noHeader' } });
    expect(await app.call('spaceUnits.importCommit', { token: '7d0f3a4e-1b2c-4d5e-8f90-123456789abc' })).toMatchObject({
      ok: false,
      error: { code: 'registers.importExpired' },
    });
  });
});

describe('registers attached to sub-groups', () => {
  it('gives the seeded sub-groups their registers and lets a user attach any register to their own', async () => {
    const app = await open();
    const groups = await app.value<SubGroup[]>('subGroups.list');
    expect(Object.fromEntries(groups.map((g) => [g.code, attachedRegisters(g)]))).toEqual({
      SP: ['spaceUnits', 'tenants'],
      JP: ['policyMeasures', 'fundedProjects'],
      PR: ['promotionEvents'],
    });
    const mine = await app.value<SubGroup>('subGroups.create', {
      code: 'TL',
      name: { hant: '「人才」專組', hans: '「人才」专组', en: 'Talent' },
      remit: '',
    });
    expect(attachedRegisters(mine)).toEqual([]);
    const attached = await app.value<SubGroup>('subGroups.setRegisters', { id: mine.id, revision: mine.revision, registers: ['tenants'] });
    expect(attachedRegisters(attached)).toEqual(['tenants']);
    const stale = await app.call('subGroups.setRegisters', { id: mine.id, revision: mine.revision, registers: [] });
    expect(stale).toMatchObject({ ok: false, error: { code: 'record.changedElsewhere' } });
    expect(await app.call('subGroups.setRegisters', { id: mine.id, revision: attached.revision, registers: ['ledger'] })).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidArguments' },
    });
  });
});

describe('the overview line for the science park', () => {
  it('gives leased and occupied area, occupancy, tenants and leases ending within six months', async () => {
    const app = await open({ now: () => new Date('2026-03-01T10:00:00+08:00') });
    const a = await app.value<SpaceUnit>('spaceUnits.create', { fields: unit({ grossArea: 300 }) });
    await app.value('spaceUnits.create', { fields: unit({ unit: '302', grossArea: 100, leaseEnd: '2026-06-30' }) });
    await app.value('tenants.create', { fields: tenant({ unitIds: [a.id], status: 'movedIn', moveInDate: '2025-04-01' }) });
    expect(await app.value('spaceUnits.summary')).toEqual({
      unitCount: 2, leasedArea: 400, occupiedArea: 300, occupancy: 0.75, tenantCount: 1, endingSoon: 1, vacant: 1,
    });
  });
});
