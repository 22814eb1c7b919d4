import './promotion.css';
import { Col, Divider, Form, Input, InputNumber, Row } from 'antd';
import { Select } from '../../ui/Select';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnerSide } from '../../../shared/model/action';
import type { Language } from '../../../shared/model/language';
import {
  eventKinds,
  eventStatuses,
  PromotionEventFields,
  promotionEventRegister,
  type EventKind,
  type EventStatus,
  type PromotionEvent,
} from '../../../shared/model/registers/event';
import { applyQuery } from '../../../shared/registers/query';
import { calendarDate, fromDay, ordinal, toDay } from '../format';
import { promotionEventsApi } from '../registerApi';
import { ClauseSelect, count, MoneyRow, SideSelect, SideTag, sides, useMoney } from '../policy/policyFormat';
import { RecordDrawer } from '../RecordDrawer';
import { statusColumn } from '../registerColumns';
import { DateInput, Field, FieldRow, useChoices } from '../RegisterField';
import { RegisterPanel, useRegisterPanelState } from '../RegisterPanel';
import { RegisterTable } from '../RegisterTable';
import { useSearchIndex } from '../useSearchIndex';
import { EventCalendar } from './EventCalendar';
import type { TagTone } from '../../ui/CellTag';

const statusColour: Record<EventStatus, TagTone> = { planned: 'default', confirmed: 'blue', held: 'green', cancelled: 'default' };

type Values = Omit<PromotionEventFields, 'startDate' | 'endDate'> & { startDate: ReturnType<typeof toDay>; endDate: ReturnType<typeof toDay> };

const toValues = (e: PromotionEvent | null): Values => ({
  name: e?.name ?? '',
  kind: e?.kind ?? 'forum',
  startDate: toDay(e?.startDate ?? null),
  endDate: toDay(e?.endDate ?? null),
  city: e?.city ?? '',
  venue: e?.venue ?? '',
  audience: e?.audience ?? '',
  leadSide: e?.leadSide ?? 'joint',
  coOrganisers: e?.coOrganisers ?? '',
  budget: e?.budget ?? null,
  currency: e?.currency ?? null,
  status: e?.status ?? 'planned',
  outcome: e?.outcome ?? { attendance: null, enquiries: null, mediaCoverage: '' },
  clauses: e?.clauses ?? ['2.3.4'],
  notes: e?.notes ?? '',
});
const toFields = (v: Values) => {
  const startDate = fromDay(v.startDate);
  return {
    ...v,
    budget: v.budget ?? null,
    currency: v.currency ?? null,
    outcome: { attendance: v.outcome.attendance ?? null, enquiries: v.outcome.enquiries ?? null, mediaCoverage: v.outcome.mediaCoverage ?? '' },
    startDate,
    // A one-day event needs only its date.
    endDate: fromDay(v.endDate) ?? startDate,
  };
};
const label = (e: Pick<PromotionEvent, 'name'>) => e.name;

/** 聯合推廣: promotion events and campaigns, listed beside a month calendar. */
export function PromotionEventsPanel({ language }: { language: Language }) {
  const { t } = useTranslation();
  const choices = useChoices();
  const money = useMoney(language);
  const [form] = Form.useForm<Values>();
  const panel = useRegisterPanelState('promotionEvents', promotionEventsApi, label);
  const { records, query } = panel;

  const indexed = useSearchIndex(records, promotionEventRegister.searchTexts, query.text);
  const visible = useMemo(
    () => applyQuery(indexed, query, (e, filter) => (filter === 'kind' ? [e.kind] : filter === 'status' ? [e.status] : [e.leadSide])),
    [indexed, query],
  );

  const columns: ColumnsType<PromotionEvent> = useMemo(
    () => [
      { key: 'name', title: t('registers.promotionEvents.fields.name'), dataIndex: 'name', width: 240, sorter: (a, b) => a.name.localeCompare(b.name) },
      {
        key: 'kind',
        title: t('registers.promotionEvents.fields.kind'),
        dataIndex: 'kind',
        width: 100,
        sorter: (a, b) => eventKinds.indexOf(a.kind) - eventKinds.indexOf(b.kind),
        render: (kind: EventKind) => t(`registers.promotionEvents.kind.${kind}`),
      },
      {
        key: 'dates',
        title: t('registers.promotionEvents.dates'),
        width: 210,
        defaultSortOrder: 'descend',
        sorter: (a, b) => ordinal(a.startDate, b.startDate),
        render: (_: unknown, e) =>
          e.endDate === e.startDate ? calendarDate(e.startDate, language) : `${calendarDate(e.startDate, language)} – ${calendarDate(e.endDate, language)}`,
      },
      { key: 'city', title: t('registers.promotionEvents.fields.city'), dataIndex: 'city', width: 90, sorter: (a, b) => a.city.localeCompare(b.city) },
      { key: 'venue', title: t('registers.promotionEvents.fields.venue'), dataIndex: 'venue', width: 150, ellipsis: true },
      {
        key: 'leadSide',
        title: t('registers.promotionEvents.fields.leadSide'),
        dataIndex: 'leadSide',
        width: 90,
        render: (side: OwnerSide) => <SideTag side={side} />,
      },
      {
        key: 'budget',
        title: t('registers.promotionEvents.fields.budget'),
        width: 150,
        align: 'right',
        sorter: (a, b) => ordinal(a.currency, b.currency) || (a.budget ?? 0) - (b.budget ?? 0),
        render: (_: unknown, e) => money(e.budget, e.currency),
      },
      statusColumn('promotionEvents', eventStatuses, statusColour, t, 100),
      {
        key: 'attendance',
        title: t('registers.promotionEvents.fields.attendance'),
        width: 100,
        align: 'right',
        sorter: (a, b) => (a.outcome.attendance ?? -1) - (b.outcome.attendance ?? -1),
        render: (_: unknown, e) => count(e.outcome.attendance, language),
      },
    ],
    [t, language, money],
  );

  return (
    <RegisterPanel
      panel={panel}
      importColumns={promotionEventRegister.columns}
      count={visible.length}
      filters={[
        { key: 'kind', label: t('registers.promotionEvents.filterKind'), options: choices(eventKinds, 'registers.promotionEvents.kind') },
        { key: 'status', label: t('registers.promotionEvents.filterStatus'), options: choices(eventStatuses, 'registers.promotionEvents.status') },
        { key: 'leadSide', label: t('registers.promotionEvents.filterSide'), options: choices(sides, 'registers.side') },
      ]}
    >
      <Row gutter={16}>
        <Col xs={24} xxl={15}>
          <RegisterTable<PromotionEvent> {...panel.tableProps(visible)} columns={columns} width={1250} />
        </Col>
        <Col xs={24} xxl={9}>
          <EventCalendar events={visible} language={language} onOpen={panel.setOpen} />
        </Col>
      </Row>
      <RecordDrawer<PromotionEvent, PromotionEventFields, Values>
        key={panel.drawerKey}
        {...panel.drawer}
        schema={PromotionEventFields}
        form={form}
        toValues={toValues}
        toFields={toFields}
      >
        <FieldRow>
          <Field span={16} name="name" required>
            <Input autoFocus />
          </Field>
          <Field span={8} name="kind">
            <Select options={choices(eventKinds, 'registers.promotionEvents.kind')} />
          </Field>
        </FieldRow>
        <FieldRow>
          <Field span={8} name="startDate" required>
            <DateInput />
          </Field>
          <Field span={8} name="endDate">
            <DateInput />
          </Field>
          <Field span={8} name="status">
            <Select options={choices(eventStatuses, 'registers.promotionEvents.status')} />
          </Field>
        </FieldRow>
        <FieldRow>
          <Field span={8} name="city" required>
            <Input />
          </Field>
          <Field span={16} name="venue">
            <Input />
          </Field>
        </FieldRow>
        <Field name="audience">
          <Input />
        </Field>
        <FieldRow>
          <Field span={8} name="leadSide">
            <SideSelect />
          </Field>
          <Field span={16} name="coOrganisers">
            <Input />
          </Field>
        </FieldRow>
        <MoneyRow amount="budget" />
        <Divider titlePlacement="start">{t('registers.promotionEvents.fields.outcome')}</Divider>
        <FieldRow>
          <Field span={12} name={['outcome', 'attendance']} label={t('registers.promotionEvents.fields.attendance')}>
            <InputNumber style={{ width: '100%' }} min={0} precision={0} />
          </Field>
          <Field span={12} name={['outcome', 'enquiries']} label={t('registers.promotionEvents.fields.enquiries')}>
            <InputNumber style={{ width: '100%' }} min={0} precision={0} />
          </Field>
        </FieldRow>
        <Field name={['outcome', 'mediaCoverage']} label={t('registers.promotionEvents.fields.mediaCoverage')}>
          <Input.TextArea rows={2} />
        </Field>
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
