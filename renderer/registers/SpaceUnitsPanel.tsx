import { Form, Input, InputNumber } from 'antd';
import { Select } from '../ui/Select';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localToday } from '../../shared/actions/dueDates';
import { clauseLabel, clauses } from '../../shared/arrangement/clauses';
import type { Language } from '../../shared/model/language';
import { spaceStatuses, spaceUnitRegister, SpaceUnitFields, unitLabel, type SpaceStatus, type SpaceUnit } from '../../shared/model/registers/space';
import { holdsUnits, type Tenant } from '../../shared/model/registers/tenant';
import { applyQuery } from '../../shared/registers/query';
import { spaceGlance } from '../../shared/registers/spaceGlance';
import { area, calendarDate, fromDay, localName, ordinal, toDay } from './format';
import { RecordDrawer } from './RecordDrawer';
import { dateColumn, statusColumn } from './registerColumns';
import { DateInput, Field, FieldRow, useChoices } from './RegisterField';
import { spaceUnitsApi, tenantsApi } from './registerApi';
import { RegisterPanel, useRegisterPanelState } from './RegisterPanel';
import { RegisterTable } from './RegisterTable';
import { SpaceGlancePanel } from './SpaceGlancePanel';
import { useSearchIndex } from './useSearchIndex';
import { useLinkedRecords } from './useLinkedRecords';
import { CellTag, type TagTone } from '../ui/CellTag';


const statusColour: Record<SpaceStatus, TagTone> = {
  negotiating: 'default',
  leased: 'blue',
  fittingOut: 'orange',
  available: 'cyan',
  occupied: 'green',
  returned: 'default',
};

type Values = Omit<SpaceUnitFields, 'leaseStart' | 'leaseEnd'> & { leaseStart: ReturnType<typeof toDay>; leaseEnd: ReturnType<typeof toDay> };

const toValues = (unit: SpaceUnit | null): Values => ({
  building: unit?.building ?? '',
  floor: unit?.floor ?? '',
  unit: unit?.unit ?? '',
  grossArea: unit?.grossArea ?? null,
  usableArea: unit?.usableArea ?? null,
  leaseStart: toDay(unit?.leaseStart ?? null),
  leaseEnd: toDay(unit?.leaseEnd ?? null),
  status: unit?.status ?? 'negotiating',
  notes: unit?.notes ?? '',
  clauses: unit?.clauses ?? ['2.1'],
});

const toFields = (values: Values) => ({ ...values, leaseStart: fromDay(values.leaseStart), leaseEnd: fromDay(values.leaseEnd) });

/** 香港科學園落戶深圳: the units of space HKSTP leases in the Shenzhen Park, with the sub-group's figures at a glance. */
export function SpaceUnitsPanel({ language }: { language: Language }) {
  const { t } = useTranslation();
  const choices = useChoices();
  const [form] = Form.useForm<Values>();
  const panel = useRegisterPanelState('spaceUnits', spaceUnitsApi, unitLabel);
  const { records, query } = panel;
  const tenants = useLinkedRecords<Tenant>('tenants', tenantsApi);
  const today = localToday(new Date());

  const holder = useMemo(() => {
    const map = new Map<string, Tenant>();
    for (const tenant of tenants) if (holdsUnits(tenant)) for (const id of tenant.unitIds) map.set(id, tenant);
    return map;
  }, [tenants]);
  const indexed = useSearchIndex(records, spaceUnitRegister.searchTexts, query.text);
  const visible = useMemo(
    () =>
      applyQuery(indexed, query, (unit, filter) =>
        filter === 'status' ? [unit.status] : filter === 'building' ? [unit.building] : [holder.has(unit.id) ? 'let' : 'vacant'],
      ),
    [indexed, query, holder],
  );
  const glance = useMemo(() => spaceGlance(records ?? [], tenants, today), [records, tenants, today]);
  const soon = useMemo(() => new Set(glance.endingSoon.map((u) => u.id)), [glance]);
  const buildings = useMemo(() => [...new Set((records ?? []).map((u) => u.building))].sort(), [records]);

  const columns: ColumnsType<SpaceUnit> = useMemo(
    () => [
      { key: 'building', title: t('registers.spaceUnits.fields.building'), dataIndex: 'building', width: 130, sorter: (a, b) => ordinal(a.building, b.building) },
      { key: 'floor', title: t('registers.spaceUnits.fields.floor'), dataIndex: 'floor', width: 80, sorter: (a, b) => a.floor.localeCompare(b.floor, undefined, { numeric: true }) },
      { key: 'unit', title: t('registers.spaceUnits.fields.unit'), dataIndex: 'unit', width: 90, sorter: (a, b) => a.unit.localeCompare(b.unit, undefined, { numeric: true }) },
      {
        key: 'grossArea',
        title: t('registers.spaceUnits.fields.grossArea'),
        dataIndex: 'grossArea',
        width: 120,
        align: 'right',
        sorter: (a, b) => (a.grossArea ?? 0) - (b.grossArea ?? 0),
        render: (value: number | null) => area(value, language),
      },
      {
        key: 'usableArea',
        title: t('registers.spaceUnits.fields.usableArea'),
        dataIndex: 'usableArea',
        width: 120,
        align: 'right',
        sorter: (a, b) => (a.usableArea ?? 0) - (b.usableArea ?? 0),
        render: (value: number | null) => area(value, language),
      },
      dateColumn('spaceUnits', 'leaseStart', t, language),
      {
        key: 'leaseEnd',
        title: t('registers.spaceUnits.fields.leaseEnd'),
        dataIndex: 'leaseEnd',
        width: 190,
        sorter: (a, b) => ordinal(a.leaseEnd, b.leaseEnd),
        render: (value: string | null, unit) => (
          <>
            {calendarDate(value, language)} {soon.has(unit.id) && <CellTag tone="volcano">{t('registers.spaceUnits.leaseEndsSoon')}</CellTag>}
          </>
        ),
      },
      statusColumn('spaceUnits', spaceStatuses, statusColour, t, 110),
      {
        key: 'tenant',
        title: t('registers.spaceUnits.fields.tenant'),
        width: 200,
        render: (_: unknown, unit) => {
          const tenant = holder.get(unit.id);
          return tenant ? localName(tenant.name, language) : <span className="ant-typography ant-typography-secondary">{t('registers.spaceUnits.noTenant')}</span>;
        },
      },
    ],
    [t, language, holder, soon],
  );

  return (
    <RegisterPanel
      panel={panel}
      importColumns={spaceUnitRegister.columns}
      head={<SpaceGlancePanel glance={glance} language={language} />}
      count={visible.length}
      filters={[
        { key: 'status', label: t('registers.spaceUnits.filterStatus'), options: choices(spaceStatuses, 'registers.spaceUnits.status') },
        { key: 'building', label: t('registers.spaceUnits.filterBuilding'), options: buildings.map((b) => ({ value: b, label: b })) },
        {
          key: 'vacancy',
          label: t('registers.spaceUnits.filterVacancy'),
          options: (['vacant', 'let'] as const).map((v) => ({ value: v, label: t(`registers.spaceUnits.vacancy.${v}`) })),
        },
      ]}
    >
      <RegisterTable<SpaceUnit> {...panel.tableProps(visible)} columns={columns} width={1400} />
      <RecordDrawer<SpaceUnit, SpaceUnitFields, Values>
        key={panel.drawerKey}
        {...panel.drawer}
        name="spaceUnits"
        schema={SpaceUnitFields}
        form={form}
        toValues={toValues}
        toFields={toFields}
      >
        <FieldRow>
          <Field span={10} name="building" required>
            <Input autoFocus />
          </Field>
          <Field span={6} name="floor">
            <Input />
          </Field>
          <Field span={8} name="unit" required>
            <Input />
          </Field>
        </FieldRow>
        <FieldRow>
          <Field span={12} name="grossArea">
            <InputNumber min={0} style={{ width: '100%' }} />
          </Field>
          <Field span={12} name="usableArea">
            <InputNumber min={0} style={{ width: '100%' }} />
          </Field>
        </FieldRow>
        <FieldRow>
          <Field span={8} name="leaseStart">
            <DateInput />
          </Field>
          <Field span={8} name="leaseEnd">
            <DateInput />
          </Field>
          <Field span={8} name="status">
            <Select options={choices(spaceStatuses, 'registers.spaceUnits.status')} />
          </Field>
        </FieldRow>
        <Field name="clauses" label={t('registers.common.clauses')}>
          <Select mode="multiple" options={clauses.map((c) => ({ value: c.id, label: clauseLabel(c.id, language) }))} />
        </Field>
        <Field name="notes">
          <Input.TextArea rows={3} />
        </Field>
      </RecordDrawer>
    </RegisterPanel>
  );
}
