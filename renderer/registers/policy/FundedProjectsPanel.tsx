import { Card, Form, Input, Space, Switch, Typography } from 'antd';
import { Select } from '../../ui/Select';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnerSide } from '../../../shared/model/action';
import type { Language } from '../../../shared/model/language';
import { currencies } from '../../../shared/model/registers/common';
import {
  FundedProjectFields,
  fundedProjectRegister,
  projectStatuses,
  totalsByCurrency,
  type FundedProject,
  type ProjectStatus,
} from '../../../shared/model/registers/fundedProject';
import type { Tenant } from '../../../shared/model/registers/tenant';
import { applyQuery } from '../../../shared/registers/query';
import { calendarDate, fromDay, localName, ordinal, toDay } from '../format';
import { RecordDrawer } from '../RecordDrawer';
import { statusColumn } from '../registerColumns';
import { DateInput, Field, FieldRow, useChoices } from '../RegisterField';
import { fundedProjectsApi, tenantsApi } from '../registerApi';
import { useLinkedRecords } from '../useLinkedRecords';
import { RegisterPanel, useRegisterPanelState } from '../RegisterPanel';
import { RegisterTable } from '../RegisterTable';
import { useSearchIndex } from '../useSearchIndex';
import { amountText, ClauseSelect, MoneyRow, SideSelect, SideTag, sides, useMoney } from './policyFormat';
import type { TagTone } from '../../ui/CellTag';

const statusColour: Record<ProjectStatus, TagTone> = { proposed: 'default', approved: 'blue', ongoing: 'green', completed: 'cyan', terminated: 'default' };

type Values = Omit<FundedProjectFields, 'startDate' | 'endDate'> & { startDate: ReturnType<typeof toDay>; endDate: ReturnType<typeof toDay> };

const toValues = (p: FundedProject | null): Values => ({
  reference: p?.reference ?? '',
  title: p?.title ?? '',
  institution: p?.institution ?? '',
  principalInvestigator: p?.principalInvestigator ?? '',
  funder: p?.funder ?? 'HK',
  scheme: p?.scheme ?? '',
  amount: p?.amount ?? null,
  currency: p?.currency ?? null,
  startDate: toDay(p?.startDate ?? null),
  endDate: toDay(p?.endDate ?? null),
  status: p?.status ?? 'approved',
  inShenzhenPark: p?.inShenzhenPark ?? false,
  tenantId: p?.tenantId ?? null,
  clauses: p?.clauses ?? ['2.3.1'],
  notes: p?.notes ?? '',
});
const toFields = (v: Values) => ({ ...v, amount: v.amount ?? null, currency: v.currency ?? null, tenantId: v.tenantId ?? null, startDate: fromDay(v.startDate), endDate: fromDay(v.endDate) });
const label = (p: Pick<FundedProject, 'reference' | 'title'>) => fundedProjectRegister.label(p as FundedProjectFields);

/** 港深聯合資助項目庫: the joint funded-projects pool, with funding totalled per currency for what the filters show. */
export function FundedProjectsPanel({ language }: { language: Language }) {
  const { t } = useTranslation();
  const choices = useChoices();
  const money = useMoney(language);
  const [form] = Form.useForm<Values>();
  const panel = useRegisterPanelState('fundedProjects', fundedProjectsApi, label);
  const { records, query, open } = panel;
  // The tenants, for the tenant column and picker, read once the projects are listed: thousands of
  // each would otherwise cross the bridge together and delay the list.
  const tenants = useLinkedRecords<Tenant>('tenants', tenantsApi, records !== null);

  const tenantById = useMemo(() => new Map(tenants.map((x) => [x.id, x])), [tenants]);
  const indexed = useSearchIndex(records, fundedProjectRegister.searchTexts, query.text);
  const visible = useMemo(
    () =>
      applyQuery(indexed, query, (p, filter) =>
        filter === 'funder' ? [p.funder] : filter === 'status' ? [p.status] : filter === 'currency' ? [p.currency ?? ''] : [p.inShenzhenPark ? 'in' : 'out'],
      ),
    [indexed, query],
  );
  const totals = useMemo(() => totalsByCurrency(visible), [visible]);

  const columns: ColumnsType<FundedProject> = useMemo(
    () => [
      { key: 'reference', title: t('registers.fundedProjects.fields.reference'), dataIndex: 'reference', width: 120, sorter: (a, b) => ordinal(a.reference, b.reference) },
      { key: 'title', title: t('registers.fundedProjects.fields.title'), dataIndex: 'title', width: 280, sorter: (a, b) => a.title.localeCompare(b.title) },
      { key: 'institution', title: t('registers.fundedProjects.fields.institution'), dataIndex: 'institution', width: 180, sorter: (a, b) => a.institution.localeCompare(b.institution) },
      { key: 'pi', title: t('registers.fundedProjects.fields.principalInvestigator'), dataIndex: 'principalInvestigator', width: 120 },
      {
        key: 'funder',
        title: t('registers.fundedProjects.fields.funder'),
        dataIndex: 'funder',
        width: 90,
        sorter: (a, b) => sides.indexOf(a.funder) - sides.indexOf(b.funder),
        render: (side: OwnerSide) => <SideTag side={side} />,
      },
      { key: 'scheme', title: t('registers.fundedProjects.fields.scheme'), dataIndex: 'scheme', width: 150, ellipsis: true },
      {
        key: 'amount',
        title: t('registers.fundedProjects.fields.amount'),
        width: 170,
        align: 'right',
        // Within one currency by amount; currencies are never compared by value.
        sorter: (a, b) => ordinal(a.currency, b.currency) || (a.amount ?? 0) - (b.amount ?? 0),
        render: (_: unknown, p) => money(p.amount, p.currency),
      },
      {
        key: 'period',
        title: t('registers.fundedProjects.period'),
        width: 230,
        sorter: (a, b) => ordinal(a.startDate, b.startDate),
        render: (_: unknown, p) => [calendarDate(p.startDate, language), calendarDate(p.endDate, language)].filter(Boolean).join(' – '),
      },
      statusColumn('fundedProjects', projectStatuses, statusColour, t, 100),
      {
        key: 'park',
        title: t('registers.fundedProjects.filterPark'),
        width: 110,
        render: (_: unknown, p) => (p.inShenzhenPark ? t('registers.fundedProjects.inPark') : ''),
      },
      {
        key: 'tenant',
        title: t('registers.fundedProjects.fields.tenant'),
        width: 180,
        render: (_: unknown, p) => {
          const tenant = p.tenantId ? tenantById.get(p.tenantId) : undefined;
          return tenant ? localName(tenant.name, language) : '';
        },
      },
    ],
    [t, language, money, tenantById],
  );

  const tenantOptions = tenants
    .filter((x) => !x.deletedAt || x.id === (open !== null && open !== 'new' ? open.tenantId : null))
    .map((x) => ({ value: x.id, label: localName(x.name, language) }));

  const totalsCard = (
    <Card size="small" style={{ marginBottom: 12 }} title={t('registers.fundedProjects.totals')} data-testid="funding-totals">
      {totals.totals.length === 0 ? (
        <Typography.Text type="secondary">{t('registers.fundedProjects.noTotals')}</Typography.Text>
      ) : (
        <Space size="large" wrap>
          {totals.totals.map((line) => (
            <Typography.Text strong key={line.currency} data-currency={line.currency}>
              {t('registers.fundedProjects.totalLine', { currency: t(`registers.currency.${line.currency}`), amount: amountText(line.total, language), count: line.count })}
            </Typography.Text>
          ))}
        </Space>
      )}
      {totals.withoutAmount > 0 && (
        <Typography.Text type="secondary" style={{ marginLeft: 16 }}>
          {t('registers.fundedProjects.withoutAmount', { count: totals.withoutAmount })}
        </Typography.Text>
      )}
    </Card>
  );

  return (
    <RegisterPanel
      panel={panel}
      importColumns={fundedProjectRegister.columns}
      head={totalsCard}
      count={visible.length}
      filters={[
        { key: 'funder', label: t('registers.fundedProjects.filterFunder'), options: choices(sides, 'registers.side') },
        { key: 'status', label: t('registers.fundedProjects.filterStatus'), options: choices(projectStatuses, 'registers.fundedProjects.status') },
        { key: 'currency', label: t('registers.fundedProjects.filterCurrency'), options: choices(currencies, 'registers.currency') },
        {
          key: 'park',
          label: t('registers.fundedProjects.filterPark'),
          options: [
            { value: 'in', label: t('registers.fundedProjects.inPark') },
            { value: 'out', label: t('registers.fundedProjects.notInPark') },
          ],
        },
      ]}
    >
      <RegisterTable<FundedProject> {...panel.tableProps(visible)} columns={columns} width={1750} />
      <RecordDrawer<FundedProject, FundedProjectFields, Values>
        key={panel.drawerKey}
        {...panel.drawer}
        schema={FundedProjectFields}
        form={form}
        toValues={toValues}
        toFields={toFields}
      >
        <FieldRow>
          <Field span={8} name="reference">
            <Input autoFocus />
          </Field>
          <Field span={16} name="title" required>
            <Input />
          </Field>
        </FieldRow>
        <FieldRow>
          <Field span={14} name="institution" required>
            <Input />
          </Field>
          <Field span={10} name="principalInvestigator">
            <Input />
          </Field>
        </FieldRow>
        <FieldRow>
          <Field span={8} name="funder">
            <SideSelect />
          </Field>
          <Field span={16} name="scheme">
            <Input />
          </Field>
        </FieldRow>
        <MoneyRow amount="amount" />
        <FieldRow>
          <Field span={8} name="startDate">
            <DateInput />
          </Field>
          <Field span={8} name="endDate">
            <DateInput />
          </Field>
          <Field span={8} name="status">
            <Select options={choices(projectStatuses, 'registers.fundedProjects.status')} />
          </Field>
        </FieldRow>
        <FieldRow>
          <Field span={8} name="inShenzhenPark" checkbox>
            <Switch />
          </Field>
          <Field span={16} name="tenantId">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('registers.fundedProjects.noTenant')}
              options={tenantOptions}
              // A tenant's space is in the Shenzhen Park, so its project runs there.
              onChange={(tenantId: string | undefined) => tenantId && form.setFieldValue('inShenzhenPark', true)}
            />
          </Field>
        </FieldRow>
        <Field name="clauses" label={t('registers.common.clauses')} required>
          <ClauseSelect language={language} />
        </Field>
        <Field name="notes">
          <Input.TextArea rows={3} />
        </Field>
      </RecordDrawer>
    </RegisterPanel>
  );
}
