import { workReference } from '../../shared/arrangement/work';
import { App as AntApp, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { findNode, inScript } from '../../shared/arrangement/arrangementText';
import { clauseLabel } from '../../shared/arrangement/clauses';
import { ReportDraftFields, ReportPeriod, wordingKey, type ImplementationReport, type ReportDraft, type ReportEntry } from '../../shared/arrangement/report';
import { formatDate } from '../../shared/i18n/formatDate';
import { actionStatuses } from '../../shared/model/action';
import type { Language } from '../../shared/model/language';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { useSubmit } from '../api/useSubmit';
import { zodRule } from '../forms/zodRule';
import { ReaderText } from '../script/ReaderText';
import { PlainList, PlainListItem } from '../ui/PlainList';

interface Values {
  title: string;
  introduction: string;
  wording: Record<string, string>;
}

const dateOf = (day: string, language: Language) => formatDate(`${day}T12:00:00Z`, language, 'UTC');

/**
 * The implementation report (實施進度報告) for a chosen period: summary figures, then each clause
 * with what was done, what is overdue and what comes next, under the officials' own wording, which
 * is saved with the period and carried into the next period's draft.
 */
export function ReportPanel({ language, exportSlot }: { language: Language; exportSlot?: (draft: ReportDraft) => ReactNode }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('year'), dayjs()]);
  const [rangeError, setRangeError] = useState<string | null>(null);
  const [report, setReport] = useState<ImplementationReport | null>(null);
  const [draft, setDraft] = useState<ReportDraft | null>(null);
  const [earlier, setEarlier] = useState<ReportDraft[]>([]);
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const { submit } = useSubmit(form, { issueField: (issue) => issue.path as Array<string | number>, failedOn: 'title' });

  useEffect(() => {
    unwrap(api().arrangement.reportDrafts()).then(setEarlier, () => undefined);
  }, [draft]);

  const prepare = async (from: Dayjs, to: Dayjs) => {
    const period = { from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') };
    const checked = ReportPeriod.safeParse(period);
    if (!checked.success) return setRangeError(t(checked.error.issues[0]!.message));
    setRangeError(null);
    setBusy(true);
    try {
      const [built, forPeriod] = await Promise.all([unwrap(api().arrangement.report(period)), unwrap(api().arrangement.reportDraft(period))]);
      setReport(built);
      setDraft(forPeriod);
      setDirty(false);
      form.setFieldsValue({ title: forPeriod.title, introduction: forPeriod.introduction, wording: forPeriod.wording });
    } catch (error) {
      setRangeError(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const save = async (values: Values) => {
    if (!draft) return;
    // Clauses nobody wrote for have no value yet.
    const wording = Object.fromEntries(Object.entries(values.wording ?? {}).map(([key, text]) => [key, text ?? '']));
    const fields = { title: values.title ?? '', introduction: values.introduction ?? '', wording };
    await submit(ReportDraftFields, fields, async () => {
      const saved = await unwrap(api().arrangement.saveReportDraft({ id: draft.id, revision: draft.revision, fields }));
      setDraft(saved);
      setDirty(false);
      void message.success(t('arrangement.report.draftSaved'));
    });
  };

  const entryText = (entry: ReportEntry) => (
    <Space size={4} wrap>
      {entry.kind !== 'note' && <Tag>{t(`arrangement.kind.${entry.kind}`)}</Tag>}
      {workReference(entry, t) && <Typography.Text type="secondary">{workReference(entry, t)}</Typography.Text>}
      <ReaderText text={entry.text} />
      {entry.statusKey && <Tag color="blue">{t(entry.statusKey)}</Tag>}
      {entry.date && <Typography.Text type="secondary">{dateOf(entry.date, language)}</Typography.Text>}
      {entry.daysLate !== undefined && <Tag color="red">{t('arrangement.report.daysLate', { count: entry.daysLate })}</Tag>}
    </Space>
  );

  const section = (title: string, entries: ReportEntry[], omitted: number) => (
    <div className="report-section">
      <Typography.Text strong>{title}</Typography.Text>
      {entries.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('arrangement.report.nothing')}
        </Typography.Paragraph>
      ) : (
        <PlainList size="small" items={entries} rowKey={(entry) => `${entry.kind}-${entry.id}`} aria-label={title} renderItem={(entry) => <PlainListItem>{entryText(entry)}</PlainListItem>} />
      )}
      {omitted > 0 && <Typography.Paragraph type="secondary">{t('arrangement.report.omitted', { count: omitted })}</Typography.Paragraph>}
    </div>
  );

  const figures = report?.figures;
  return (
    <section aria-label={t('arrangement.reportTab')}>
      <Space wrap align="start" style={{ marginBottom: 16 }}>
        <Form.Item label={t('arrangement.report.period')} validateStatus={rangeError ? 'error' : undefined} help={rangeError} style={{ marginBottom: 0 }}>
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])}
            aria-label={t('arrangement.report.period')}
          />
        </Form.Item>
        <Button type="primary" loading={busy} onClick={() => void prepare(range[0], range[1])}>
          {t('arrangement.report.prepare')}
        </Button>
        {earlier.length > 0 && (
          <Space>
            <Typography.Text type="secondary">{t('arrangement.report.earlier')}</Typography.Text>
            {earlier.slice(0, 6).map((d) => (
              <Button
                key={d.id}
                size="small"
                onClick={() => {
                  const next: [Dayjs, Dayjs] = [dayjs(d.from), dayjs(d.to)];
                  setRange(next);
                  void prepare(...next);
                }}
              >
                {`${dateOf(d.from, language)} – ${dateOf(d.to, language)}`}
              </Button>
            ))}
          </Space>
        )}
      </Space>

      {!report || !draft ? (
        <Empty description={t('arrangement.report.pickPeriod')} />
      ) : (
        <Form
          form={form}
          name="report"
          layout="vertical"
          onFinish={(values) => void save(values)}
          onValuesChange={() => setDirty(true)}
          onKeyDown={(event) => {
            if (event.key === 's' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              form.submit();
            }
          }}
        >
          <Space style={{ marginBottom: 12 }} wrap>
            <Button type="primary" htmlType="submit">
              {t('arrangement.report.saveDraft')}
            </Button>
            {/* The export reads the saved draft: offered once what is on screen is saved. */}
            {dirty ? <Tag color="orange">{t('arrangement.report.unsaved')}</Tag> : exportSlot?.(draft)}
          </Space>
          <Form.Item name="title" label={t('arrangement.report.title')} rules={[zodRule(ReportDraftFields.shape.title, t)]}>
            <Input />
          </Form.Item>
          <Form.Item name="introduction" label={t('arrangement.report.introduction')}>
            <Input.TextArea rows={3} />
          </Form.Item>
          {figures && (
            <Descriptions bordered size="small" column={2} title={t('arrangement.report.figures')} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('arrangement.report.actionsByStatus')} span={2}>
                <Space wrap>
                  {actionStatuses.map((s) => (
                    <Tag key={s}>{`${t(`actions.statusValue.${s}`)} ${figures.actionsByStatus[s]}`}</Tag>
                  ))}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('arrangement.report.actionsCompleted')}>{figures.actionsCompleted}</Descriptions.Item>
              <Descriptions.Item label={t('arrangement.report.notesWritten')}>{figures.notesWritten}</Descriptions.Item>
              <Descriptions.Item label={t('arrangement.report.meetingsHeld')}>{figures.meetingsHeld ?? 0}</Descriptions.Item>
              <Descriptions.Item label={t('arrangement.report.eventsHeld')}>{figures.eventsHeld ?? 0}</Descriptions.Item>
              {figures.occupancy && (
                <Descriptions.Item label={t('arrangement.report.occupancy')}>
                  {t('arrangement.report.area', { occupied: figures.occupancy.occupiedM2.toLocaleString(), leased: figures.occupancy.leasedM2.toLocaleString() })}
                </Descriptions.Item>
              )}
              {figures.fundingByCurrency && Object.keys(figures.fundingByCurrency).length > 0 && (
                <Descriptions.Item label={t('arrangement.report.funding')}>
                  {Object.entries(figures.fundingByCurrency)
                    .map(([currency, amount]) => `${currency} ${amount.toLocaleString()}`)
                    .join('；')}
                </Descriptions.Item>
              )}
            </Descriptions>
          )}
          {report.clauses.map((clause) => {
            const node = findNode(clause.clauseId);
            const heading = node && language !== 'en' ? inScript(node.heading, language) : '';
            return (
              <Card key={clause.clauseId} size="small" style={{ marginBottom: 12 }} title={`${clauseLabel(clause.clauseId, language)}\u3000${heading}`} className="report-clause">
                <Form.Item name={['wording', wordingKey(clause.clauseId)]} label={t('arrangement.report.wording')}>
                  <Input.TextArea rows={2} aria-label={`${clauseLabel(clause.clauseId, language)} ${t('arrangement.report.wording')}`} />
                </Form.Item>
                {section(t('arrangement.report.done'), clause.done, clause.omitted.done)}
                {section(t('arrangement.report.overdue'), clause.overdue, clause.omitted.overdue)}
                {section(t('arrangement.report.next'), clause.next, clause.omitted.next)}
              </Card>
            );
          })}
          {/* Enter in the title saves, as the browser submits a form on Enter. */}
          <button type="submit" hidden aria-hidden />
        </Form>
      )}
    </section>
  );
}
