import { SwapOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Switch } from 'antd';
import { Select } from '../ui/Select';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { clauseLabel, clauses } from '../../shared/arrangement/clauses';
import type { Language } from '../../shared/model/language';
import type { FundedProject } from '../../shared/model/registers/fundedProject';
import { unitLabel, type SpaceUnit } from '../../shared/model/registers/space';
import {
  holdsUnits,
  Sector,
  tenantRegister,
  TenantFields,
  TenantKind,
  TenantStatus,
  type Tenant,
} from '../../shared/model/registers/tenant';
import { applyQuery } from '../../shared/registers/query';
import { toHans, toHant } from '../../shared/script/convert';
import { fromDay, localName, toDay } from './format';
import { RecordDrawer } from './RecordDrawer';
import { dateColumn, statusColumn } from './registerColumns';
import { DateInput, Field, FieldRow, useChoices } from './RegisterField';
import { fundedProjectsApi, spaceUnitsApi, tenantsApi } from './registerApi';
import { RegisterPanel, useRegisterPanelState } from './RegisterPanel';
import { RegisterTable } from './RegisterTable';
import { useSearchIndex } from './useSearchIndex';
import { useLinkedRecords } from './useLinkedRecords';
import { CellTag, type TagTone } from '../ui/CellTag';

const statusColour: Record<TenantStatus, TagTone> = { admitted: 'blue', movedIn: 'green', left: 'default' };

type Values = Omit<TenantFields, 'name' | 'admissionDate' | 'moveInDate'> & {
  name: TenantFields['name'];
  admissionDate: ReturnType<typeof toDay>;
  moveInDate: ReturnType<typeof toDay>;
};

const toValues = (tenant: Tenant | null): Values => ({
  name: tenant?.name ?? { hant: '', hans: '', en: '' },
  kind: tenant?.kind ?? 'enterprise',
  sector: tenant?.sector ?? 'biomedicine',
  unitIds: tenant?.unitIds ?? [],
  admissionDate: toDay(tenant?.admissionDate ?? null),
  moveInDate: toDay(tenant?.moveInDate ?? null),
  headcount: tenant?.headcount ?? null,
  hkFunded: tenant?.hkFunded ?? false,
  fundedProjectId: tenant?.fundedProjectId ?? null,
  status: tenant?.status ?? 'admitted',
  notes: tenant?.notes ?? '',
  clauses: tenant?.clauses ?? ['2.1'],
});

const toFields = (values: Values) => ({
  ...values,
  name: { hant: values.name?.hant ?? '', hans: values.name?.hans ?? '', en: values.name?.en ?? '' },
  admissionDate: fromDay(values.admissionDate),
  moveInDate: fromDay(values.moveInDate),
  // A project can only be linked to a tenant marked HK-funded; unmarking drops the link.
  fundedProjectId: values.hkFunded ? (values.fundedProjectId ?? null) : null,
});

/** 香港科學園落戶深圳: the institutions and enterprises admitted to HKSTP's space, their units and funding. */
export function TenantsPanel({ language }: { language: Language }) {
  const { t } = useTranslation();
  const choices = useChoices();
  const [form] = Form.useForm<Values>();
  const label = (tenant: Tenant) => localName(tenant.name, language);
  const panel = useRegisterPanelState('tenants', tenantsApi, label);
  const { records, query, open } = panel;
  const units = useLinkedRecords<SpaceUnit>('spaceUnits', spaceUnitsApi);
  // The funded-projects pool is the Joint Policy register; a tenant links to one of its projects by id.
  const projects = useLinkedRecords<FundedProject>('fundedProjects', fundedProjectsApi);
  const hkFunded = Form.useWatch('hkFunded', form);

  const unitById = useMemo(() => new Map(units.map((u) => [u.id, u])), [units]);
  const projectById = useMemo(() => new Map(projects.map((p) => [p.id, p])), [projects]);
  const indexed = useSearchIndex(records, tenantRegister.searchTexts, query.text);
  const visible = useMemo(
    () =>
      applyQuery(indexed, query, (tenant, filter) =>
        filter === 'kind'
          ? [tenant.kind]
          : filter === 'sector'
            ? [tenant.sector]
            : filter === 'status'
              ? [tenant.status]
              : [tenant.hkFunded ? 'yes' : 'no'],
      ),
    [indexed, query],
  );

  const columns: ColumnsType<Tenant> = useMemo(() => {
    const unitText = (id: string) => {
      const unit = unitById.get(id);
      if (!unit) return '';
      return unit.deletedAt ? t('registers.tenants.unitDeleted', { unit: unitLabel(unit) }) : unitLabel(unit);
    };
    return [
      {
        key: 'name',
        title: t('registers.tenants.fields.name'),
        width: 260,
        sorter: (a, b) => localName(a.name, language).localeCompare(localName(b.name, language), language),
        render: (_: unknown, tenant) => (
          <div>
            <strong>{localName(tenant.name, language)}</strong>
            {tenant.name.en && language !== 'en' && <span className="row-note">{tenant.name.en}</span>}
          </div>
        ),
      },
      { key: 'kind', title: t('registers.tenants.fields.kind'), dataIndex: 'kind', width: 110, render: (kind: TenantKind) => t(`registers.tenants.kind.${kind}`) },
      {
        key: 'sector',
        title: t('registers.tenants.fields.sector'),
        dataIndex: 'sector',
        width: 150,
        sorter: (a, b) => Sector.options.indexOf(a.sector) - Sector.options.indexOf(b.sector),
        render: (sector: Sector) => t(`registers.tenants.sector.${sector}`),
      },
      { key: 'units', title: t('registers.tenants.fields.units'), width: 180, render: (_: unknown, tenant) => tenant.unitIds.map(unitText).filter(Boolean).join('、') },
      dateColumn('tenants', 'admissionDate', t, language),
      dateColumn('tenants', 'moveInDate', t, language),
      { key: 'headcount', title: t('registers.tenants.fields.headcount'), dataIndex: 'headcount', width: 80, align: 'right', sorter: (a, b) => (a.headcount ?? 0) - (b.headcount ?? 0) },
      {
        key: 'hkFunded',
        title: t('registers.tenants.fields.hkFunded'),
        width: 200,
        render: (_: unknown, tenant) =>
          tenant.hkFunded ? (
            <span>
              <CellTag tone="red">{t('registers.tenants.yes')}</CellTag>
              {tenant.fundedProjectId ? projectById.get(tenant.fundedProjectId)?.title ?? '' : ''}
            </span>
          ) : (
            t('registers.tenants.no')
          ),
      },
      statusColumn('tenants', TenantStatus.options, statusColour, t, 100),
    ];
  }, [t, language, unitById, projectById]);

  // A unit another current tenant holds is not offered; main refuses it anyway.
  const unitOptions = useMemo(() => {
    const editing = open !== null && open !== 'new' ? open.id : null;
    const taken = new Set((records ?? []).filter((x) => holdsUnits(x) && x.id !== editing).flatMap((x) => x.unitIds));
    return units.filter((u) => !u.deletedAt && !taken.has(u.id)).map((u) => ({ value: u.id, label: unitLabel(u) }));
  }, [units, records, open]);

  /** Fills the Traditional or Simplified name from the other, whichever is empty. */
  const fillOtherScript = async () => {
    const name = form.getFieldValue('name') as Values['name'];
    if (name.hant && !name.hans) form.setFieldValue(['name', 'hans'], await toHans(name.hant));
    else if (name.hans && !name.hant) form.setFieldValue(['name', 'hant'], await toHant(name.hans));
  };

  return (
    <RegisterPanel
      panel={panel}
      importColumns={tenantRegister.columns}
      count={visible.length}
      filters={[
        { key: 'kind', label: t('registers.tenants.filterKind'), options: choices(TenantKind.options, 'registers.tenants.kind') },
        { key: 'sector', label: t('registers.tenants.filterSector'), options: choices(Sector.options, 'registers.tenants.sector') },
        { key: 'status', label: t('registers.tenants.filterStatus'), options: choices(TenantStatus.options, 'registers.tenants.status') },
        {
          key: 'hkFunded',
          label: t('registers.tenants.filterFunded'),
          options: [
            { value: 'yes', label: t('registers.tenants.yes') },
            { value: 'no', label: t('registers.tenants.no') },
          ],
        },
      ]}
    >
      <RegisterTable<Tenant> {...panel.tableProps(visible)} columns={columns} width={1450} />
      <RecordDrawer<Tenant, TenantFields, Values>
        key={panel.drawerKey}
        {...panel.drawer}
        name="tenants"
        schema={TenantFields}
        form={form}
        toValues={toValues}
        toFields={toFields}
      >
        <FieldRow align="bottom">
          <Field span={11} name={['name', 'hant']} label={t('registers.tenants.fields.nameHant')} required>
            <Input autoFocus />
          </Field>
          <Field span={2}>
            <Button icon={<SwapOutlined />} onClick={() => void fillOtherScript()} aria-label={t('registers.tenants.fillOther')} title={t('registers.tenants.fillOther')} />
          </Field>
          <Field span={11} name={['name', 'hans']} label={t('registers.tenants.fields.nameHans')} required>
            <Input />
          </Field>
        </FieldRow>
        <Field name={['name', 'en']} label={t('registers.tenants.fields.nameEn')}>
          <Input />
        </Field>
        <FieldRow>
          <Field span={8} name="kind">
            <Select options={choices(TenantKind.options, 'registers.tenants.kind')} />
          </Field>
          <Field span={8} name="sector">
            <Select options={choices(Sector.options, 'registers.tenants.sector')} />
          </Field>
          <Field span={8} name="status">
            <Select options={choices(TenantStatus.options, 'registers.tenants.status')} />
          </Field>
        </FieldRow>
        <Field name="unitIds" label={t('registers.tenants.fields.units')}>
          <Select mode="multiple" showSearch optionFilterProp="label" options={unitOptions} />
        </Field>
        <FieldRow>
          <Field span={8} name="admissionDate">
            <DateInput />
          </Field>
          <Field span={8} name="moveInDate">
            <DateInput />
          </Field>
          <Field span={8} name="headcount">
            <InputNumber min={0} precision={0} style={{ width: '100%' }} />
          </Field>
        </FieldRow>
        <FieldRow>
          <Field span={8} name="hkFunded" checkbox>
            <Switch />
          </Field>
          <Field span={16} name="fundedProjectId" label={t('registers.tenants.fields.fundedProject')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              disabled={!hkFunded}
              notFoundContent={t('registers.tenants.noFundedProject')}
              options={projects.filter((p) => !p.deletedAt).map((p) => ({ value: p.id, label: p.title }))}
            />
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
