import { SwapOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Divider, Form, Input, Steps, Timeline, Typography } from 'antd';
import { Select } from '../../ui/Select';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { daysBetween, localToday } from '../../../shared/actions/dueDates';
import { clauseLabel, clauses } from '../../../shared/arrangement/clauses';
import type { ActionRow, OwnerSide } from '../../../shared/model/action';
import { nameIn, type Language } from '../../../shared/model/language';
import type { MeetingRow } from '../../../shared/model/meeting';
import {
  measureStages,
  nextStage,
  PolicyMeasureFields,
  policyMeasureRegister,
  skippedStages,
  type MeasureStage,
  type PolicyMeasure,
} from '../../../shared/model/registers/measure';
import { applyQuery } from '../../../shared/registers/query';
import { toHans, toHant } from '../../../shared/script/convert';
import { api, unwrap } from '../../api/hetao';
import { ClauseLinks } from '../../arrangement/clauseNavigation';
import { calendarDate, fromDay, ordinal, toDay } from '../format';
import { RecordDrawer } from '../RecordDrawer';
import { DateInput, Field, FieldRow, useChoices } from '../RegisterField';
import { RegisterPanel, useRegisterPanelState } from '../RegisterPanel';
import { RegisterTable } from '../RegisterTable';
import { useSearchIndex } from '../useSearchIndex';
import { policyMeasuresApi } from '../registerApi';
import { ClauseSelect, SideSelect, SideTag, sides } from './policyFormat';
import { StageMoveDialog } from './StageMoveDialog';
import { CellTag, type TagTone } from '../../ui/CellTag';

const stageColour: Record<MeasureStage, TagTone> = { study: 'default', consultation: 'gold', pilot: 'orange', inForce: 'green', reviewed: 'cyan' };

type Values = Omit<PolicyMeasureFields, 'nextStepDate'> & { nextStepDate: ReturnType<typeof toDay> };

const toValues = (m: PolicyMeasure | null): Values => ({
  title: m?.title ?? { hant: '', hans: '', en: '' },
  clauses: m?.clauses ?? [],
  leadSide: m?.leadSide ?? 'joint',
  nextStep: m?.nextStep ?? '',
  nextStepDate: toDay(m?.nextStepDate ?? null),
  actionIds: m?.actionIds ?? [],
  meetingIds: m?.meetingIds ?? [],
  notes: m?.notes ?? '',
});
const toFields = (values: Values) => ({ ...values, nextStepDate: fromDay(values.nextStepDate) });

/** 聯合政策: the policy measures the two governments agreed to explore, each moved through its stages with a dated log. */
export function PolicyMeasuresPanel({ subGroupId, language }: { subGroupId: string; language: Language }) {
  const { t } = useTranslation();
  const choices = useChoices();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const label = (m: Pick<PolicyMeasure, 'title'>) => nameIn(m.title, language);
  const panel = useRegisterPanelState('policyMeasures', policyMeasuresApi, label);
  const { records, query, open } = panel;
  const [moving, setMoving] = useState<PolicyMeasure | null>(null);
  const [actions, setActions] = useState<ActionRow[]>([]);
  const [meetings, setMeetings] = useState<MeetingRow[]>([]);
  // What was typed in the drawer when a stage move replaced its record; put back once the drawer reset.
  const typed = useRef<Values | null>(null);
  const today = localToday(new Date());

  useEffect(() => {
    void unwrap(api().actions.list({ subGroupId })).then((list) => setActions(list.rows), () => setActions([]));
    void unwrap(api().meetings.list({ subGroupId })).then(setMeetings, () => setMeetings([]));
  }, [subGroupId]);
  useEffect(() => {
    if (typed.current) form.setFieldsValue(typed.current);
    typed.current = null;
  }, [open, form]);

  const indexed = useSearchIndex(records, policyMeasureRegister.searchTexts, query.text);
  const visible = useMemo(
    () =>
      applyQuery(indexed, query, (m, filter) => (filter === 'stage' ? [m.stage] : filter === 'leadSide' ? [m.leadSide] : m.clauses)),
    [indexed, query],
  );

  const columns: ColumnsType<PolicyMeasure> = useMemo(
    () => [
      {
        key: 'title',
        title: t('registers.policyMeasures.fields.title'),
        width: 380,
        sorter: (a, b) => nameIn(a.title, language).localeCompare(nameIn(b.title, language)),
        render: (_: unknown, m) => nameIn(m.title, language),
      },
      {
        key: 'clauses',
        title: t('registers.policyMeasures.fields.clauses'),
        width: 150,
        sorter: (a, b) => ordinal(a.clauses[0] ?? '', b.clauses[0] ?? ''),
        render: (_: unknown, m) => <ClauseLinks ids={m.clauses} language={language} />,
      },
      {
        key: 'leadSide',
        title: t('registers.policyMeasures.fields.leadSide'),
        dataIndex: 'leadSide',
        width: 100,
        sorter: (a, b) => sides.indexOf(a.leadSide) - sides.indexOf(b.leadSide),
        render: (side: OwnerSide) => <SideTag side={side} />,
      },
      {
        key: 'stage',
        title: t('registers.policyMeasures.fields.stage'),
        dataIndex: 'stage',
        width: 110,
        sorter: (a, b) => measureStages.indexOf(a.stage) - measureStages.indexOf(b.stage),
        render: (stage: MeasureStage) => <CellTag tone={stageColour[stage]}>{t(`registers.policyMeasures.stage.${stage}`)}</CellTag>,
      },
      { key: 'nextStep', title: t('registers.policyMeasures.fields.nextStep'), dataIndex: 'nextStep', width: 240, ellipsis: true },
      {
        key: 'nextStepDate',
        title: t('registers.policyMeasures.fields.nextStepDate'),
        dataIndex: 'nextStepDate',
        width: 190,
        sorter: (a, b) => ordinal(a.nextStepDate, b.nextStepDate),
        render: (date: string | null) => (
          <>
            {calendarDate(date, language)}{' '}
            {date && daysBetween(today, date) < 0 && <CellTag tone="red">{t('registers.policyMeasures.overdueStep')}</CellTag>}
          </>
        ),
      },
    ],
    [t, language, today],
  );

  const fillOtherScript = async () => {
    const title = form.getFieldValue('title') as Values['title'];
    if (title.hant && !title.hans) form.setFieldValue(['title', 'hans'], await toHans(title.hant));
    else if (title.hans && !title.hant) form.setFieldValue(['title', 'hant'], await toHant(title.hans));
  };

  const editing = open !== null && open !== 'new' ? open : null;

  return (
    <RegisterPanel
      panel={panel}
      importColumns={policyMeasureRegister.columns}
      count={visible.length}
      filters={[
        { key: 'stage', label: t('registers.policyMeasures.filterStage'), options: choices(measureStages, 'registers.policyMeasures.stage') },
        { key: 'leadSide', label: t('registers.policyMeasures.filterSide'), options: choices(sides, 'registers.side') },
        { key: 'clause', label: t('registers.policyMeasures.filterClause'), options: clauses.map((c) => ({ value: c.id, label: clauseLabel(c.id, language) })) },
      ]}
    >
      <RegisterTable<PolicyMeasure> {...panel.tableProps(visible)} columns={columns} width={1300} />
      <RecordDrawer<PolicyMeasure, PolicyMeasureFields, Values>
        key={panel.drawerKey}
        {...panel.drawer}
        schema={PolicyMeasureFields}
        form={form}
        toValues={toValues}
        toFields={toFields}
      >
        <FieldRow align="bottom">
          <Field span={11} name={['title', 'hant']} label={t('registers.policyMeasures.fields.titleHant')} required>
            <Input autoFocus />
          </Field>
          <Field span={2}>
            <Button
              icon={<SwapOutlined />}
              onClick={() => void fillOtherScript()}
              aria-label={t('registers.policyMeasures.fillOther')}
              title={t('registers.policyMeasures.fillOther')}
            />
          </Field>
          <Field span={11} name={['title', 'hans']} label={t('registers.policyMeasures.fields.titleHans')} required>
            <Input />
          </Field>
        </FieldRow>
        <Field name={['title', 'en']} label={t('registers.policyMeasures.fields.titleEn')}>
          <Input />
        </Field>
        <FieldRow>
          <Field span={16} name="clauses" required>
            <ClauseSelect language={language} />
          </Field>
          <Field span={8} name="leadSide">
            <SideSelect />
          </Field>
        </FieldRow>
        <FieldRow>
          <Field span={16} name="nextStep">
            <Input />
          </Field>
          <Field span={8} name="nextStepDate">
            <DateInput />
          </Field>
        </FieldRow>
        <Field name="actionIds">
          <Select
            mode="multiple"
            optionFilterProp="label"
            notFoundContent={t('registers.policyMeasures.noActions')}
            options={actions.filter((a) => !a.deletedAt).map((a) => ({ value: a.id, label: `${a.reference} ${a.title}` }))}
          />
        </Field>
        <Field name="meetingIds">
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={meetings.filter((m) => !m.deletedAt).map((m) => ({ value: m.id, label: `${m.number} ${m.title} ${calendarDate(m.date, language)}` }))}
          />
        </Field>
        <Field name="notes">
          <Input.TextArea rows={3} />
        </Field>
        <Divider titlePlacement="start">{t('registers.policyMeasures.stageLog')}</Divider>
        {editing ? (
          <StageSection
            measure={editing}
            language={language}
            onMove={() => setMoving(editing)}
          />
        ) : (
          <Typography.Text type="secondary">{t('registers.policyMeasures.saveFirst')}</Typography.Text>
        )}
      </RecordDrawer>
      {moving && (
        <StageMoveDialog
          measure={moving}
          onClose={() => setMoving(null)}
          onMoved={(moved) => {
            setMoving(null);
            panel.replace(moved);
            typed.current = form.getFieldsValue(true) as Values;
            panel.setOpen(moved);
            void message.success(t('registers.policyMeasures.moved', { label: label(moved), stage: t(`registers.policyMeasures.stage.${moved.stage}`) }));
          }}
        />
      )}
    </RegisterPanel>
  );
}

/** Where a measure stands among the five stages, the button to move it, and its dated log. */
function StageSection({ measure, language, onMove }: { measure: PolicyMeasure; language: Language; onMove: () => void }) {
  const { t } = useTranslation();
  const stageName = (s: MeasureStage) => t(`registers.policyMeasures.stage.${s}`);
  const next = nextStage(measure.stage);
  return (
    <div data-testid="stage-section">
      <Steps
        size="small"
        current={measureStages.indexOf(measure.stage)}
        items={measureStages.map((s) => ({ title: stageName(s) }))}
        style={{ marginBottom: 16 }}
      />
      <Button onClick={onMove} style={{ marginBottom: 16 }} aria-label={t('registers.policyMeasures.move')}>
        {next ? t('registers.policyMeasures.moveNext', { stage: stageName(next) }) : t('registers.policyMeasures.move')}
      </Button>
      <Timeline
        items={[
          ...(measure.stageLog.length === 0 || measure.stageLog[0]!.from !== null
            ? [{ key: 'created', content: t('registers.policyMeasures.stageEntered', { date: calendarDate(localToday(new Date(measure.createdAt)), language), stage: stageName('study') }) }]
            : []),
          ...measure.stageLog.map((entry) => {
            const skipped = skippedStages(entry.from, entry.to);
            const line =
              entry.from === null
                ? t('registers.policyMeasures.stageEntered', { date: calendarDate(entry.on, language), stage: stageName(entry.to) })
                : t('registers.policyMeasures.stageMoved', { date: calendarDate(entry.on, language), from: stageName(entry.from), to: stageName(entry.to) });
            return {
              key: entry.id,
              content: (
                <>
                  <div>
                    {line} {skipped.length > 0 && t('registers.policyMeasures.skipped', { stages: skipped.map(stageName).join('、') })}
                  </div>
                  {entry.note && <Typography.Text type="secondary">{entry.note}</Typography.Text>}
                </>
              ),
            };
          }),
        ]}
      />
    </div>
  );
}
