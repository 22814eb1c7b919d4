import { App as AntApp, Button, Col, DatePicker, Divider, Drawer, Empty, Form, Input, Radio, Row, Space, Timeline, Typography } from 'antd';
import { Select } from '../ui/Select';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { clauseLabel, clauses } from '../../shared/arrangement/clauses';
import { inDerivedOrder } from '../../shared/exchange/atoms';
import { formatDateTime } from '../../shared/i18n/formatDate';
import { ActionFields, actionStatuses, type Action, type ActionStatus, type OwnerSide, type Priority } from '../../shared/model/action';
import type { Contact } from '../../shared/model/contact';
import { scriptTag, type Language } from '../../shared/model/language';
import { api, BridgeError, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { useSubmit } from '../api/useSubmit';
import { useBridgeQuery } from '../api/useBridgeQuery';
import { zodRule } from '../forms/zodRule';
import { ConversionReviewDialog } from '../script/ConversionReviewDialog';
import { ReaderText, WrittenInTag } from '../script/ReaderText';
import { ConflictMarker, ConflictNotice } from '../exchange/ConflictMarker';
import { useReaderScript } from '../script/readerScript';
import { StatusTag } from './actionLabels';

interface Values {
  title: string;
  description: string;
  ownerSide: OwnerSide;
  leadHK: string | null;
  leadHKStatus: ActionStatus;
  leadSZ: string | null;
  leadSZStatus: ActionStatus;
  officerIds: string[];
  dueDate: Dayjs | null;
  priority: Priority;
  clauses: string[];
}

function toValues(action: Action | null, language: Language): Values {
  const lead = (side: 'HK' | 'SZ') => action?.leads.find((l) => l.side === side);
  return {
    title: action?.title ?? '',
    description: action?.description ?? '',
    // A new action starts as the writer's own side's: Simplified is written on the Shenzhen side.
    ownerSide: action?.ownerSide ?? (language === 'zh-Hans' ? 'SZ' : 'HK'),
    leadHK: lead('HK')?.contactId ?? null,
    leadHKStatus: lead('HK')?.status ?? 'notStarted',
    leadSZ: lead('SZ')?.contactId ?? null,
    leadSZStatus: lead('SZ')?.status ?? 'notStarted',
    officerIds: action?.officerIds ?? [],
    dueDate: action?.dueDate ? dayjs(action.dueDate) : null,
    priority: action?.priority ?? 'normal',
    clauses: action?.clauses ?? [],
  };
}

/** Enter starts a new line in a multi-line field; Ctrl+Enter (⌘+Enter) saves from there. */
const ctrlEnter = (event: KeyboardEvent) => event.key === 'Enter' && (event.ctrlKey || event.metaKey);

function toFields(values: Values): ActionFields {
  const leads = (['HK', 'SZ'] as const).flatMap((side) => {
    const contactId = side === 'HK' ? values.leadHK : values.leadSZ;
    const status = side === 'HK' ? values.leadHKStatus : values.leadSZStatus;
    const applies = values.ownerSide === 'joint' || values.ownerSide === side;
    return applies && contactId ? [{ side, contactId, status }] : [];
  });
  return {
    title: values.title ?? '',
    description: values.description ?? '',
    ownerSide: values.ownerSide,
    leads,
    officerIds: values.officerIds ?? [],
    dueDate: values.dueDate ? values.dueDate.format('YYYY-MM-DD') : null,
    priority: values.priority,
    clauses: (values.clauses ?? []) as ActionFields['clauses'],
  };
}

/**
 * One follow-up action: create or edit it, read and add to its progress log, close, reopen, delete.
 * Esc closes; Enter in a single-line field saves; what was typed stays when saving fails.
 */
export function ActionDrawer({
  target,
  subGroupId,
  contacts,
  language,
  onClose,
  onSaved,
  onDelete,
}: {
  target: 'new' | string | null;
  subGroupId: string;
  contacts: Contact[];
  language: Language;
  onClose: () => void;
  onSaved: (action: Action, created: boolean) => void;
  onDelete: (action: Action) => void;
}) {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [progressForm] = Form.useForm<{ note: string; status: ActionStatus | null; byContactId: string | null }>();
  const { saving, submit } = useSubmit(form, {
    // The leads are one list in the record and one picker per side in the form.
    issueField: (issue) => (issue.path[0] === 'leads' ? (form.getFieldValue('ownerSide') === 'SZ' ? 'leadSZ' : 'leadHK') : String(issue.path[0])),
    failedOn: 'title',
  });
  const ownerSide = Form.useWatch('ownerSide', form);
  const { script } = useReaderScript();
  const [reviewing, setReviewing] = useState(false);

  // The drawer is keyed by its target, so the form is filled once per opened action.
  const { data: action, setData: setAction } = useBridgeQuery<Action | null>(
    async () => (target === 'new' ? null : unwrap(api().actions.get({ id: target! }))),
    target,
    {
      skip: target === null,
      onLoaded: (loaded) => form.setFieldsValue(toValues(loaded, language)),
      onError: (error) => form.setFields([{ name: 'title', errors: [errorText(error)] }]),
    },
  );

  const contactName = (id: string | null) => contacts.find((c) => c.id === id)?.name ?? '';
  const options = (side?: 'HK' | 'SZ') =>
    contacts
      .filter((c) => !side || c.side === side)
      .map((c) => ({ value: c.id, label: `${c.name}${c.organisation ? ` · ${c.organisation}` : ''}` }));
  const statusOptions = actionStatuses.map((s) => ({ value: s, label: t(`actions.statusValue.${s}`) }));

  const save = async (values: Values) => {
    const fields = toFields(values);
    await submit(ActionFields, fields, async () => {
      const saved = action
        ? await unwrap(api().actions.update({ id: action.id, revision: action.revision, fields }))
        : await unwrap(api().actions.create({ subGroupId, fields }));
      setAction(saved);
      onSaved(saved, !action);
    });
  };

  const logProgress = async (values: { note?: string; status?: ActionStatus | null; byContactId?: string | null }, status = values.status ?? null) => {
    if (!action) return;
    try {
      const saved = await unwrap(
        api().actions.addProgress({ id: action.id, note: values.note ?? '', status, byContactId: values.byContactId ?? null }),
      );
      setAction(saved);
      form.setFieldsValue(toValues(saved, language));
      progressForm.resetFields();
      onSaved(saved, false);
    } catch (error) {
      const field = error instanceof BridgeError && error.value.code === 'action.emptyProgress' ? 'note' : 'status';
      progressForm.setFields([{ name: field, errors: [errorText(error)] }]);
    }
  };

  const closed = action?.status === 'done' || action?.status === 'dropped';
  const typedLang = action?.writtenIn && scriptTag[action.writtenIn];
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={760}
      title={
        action ? (
          <Space size={6} wrap>
            {action.reference}
            <ReaderText text={action.title} overrides={action.scriptOverrides} field="title" />
            <WrittenInTag script={action.writtenIn} />
            <ConflictMarker recordId={action.id} language={language} />
          </Space>
        ) : (
          t('actions.new')
        )
      }
      extra={
        <Space>
          {action && !action.deletedAt && (
            // A confirm dialog rather than a popover: it takes the focus, so Enter confirms and Esc cancels.
            <Button
              danger
              onClick={() =>
                void modal.confirm({
                  title: t('actions.delete'),
                  content: `${action.reference} ${action.title}`,
                  okText: t('actions.delete'),
                  okButtonProps: { danger: true },
                  cancelText: t('actions.cancel'),
                  onOk: () => onDelete(action),
                })
              }
            >
              {t('actions.delete')}
            </Button>
          )}
          {action && script && <Button onClick={() => setReviewing(true)}>{t('script.review.open')}</Button>}
          <Button onClick={onClose}>{t('actions.close')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {action ? t('actions.save') : t('actions.create')}
          </Button>
        </Space>
      }
    >
      {action && <ConflictNotice recordId={action.id} />}
      <Form form={form} name="action" layout="vertical" onFinish={(values) => void save(values)} initialValues={toValues(null, language)}>
        {/* The text as typed, in the script it was written in, which may not be the reader's. */}
        <Form.Item name="title" label={t('actions.name')} required rules={[zodRule(ActionFields.shape.title, t)]}>
          <Input lang={typedLang} />
        </Form.Item>
        <Form.Item name="description" label={t('actions.description')}>
          <Input.TextArea rows={3} lang={typedLang} onKeyDown={(event) => ctrlEnter(event) && form.submit()} />
        </Form.Item>
        <Form.Item name="ownerSide" label={t('actions.ownerSide')}>
          <Radio.Group
            optionType="button"
            options={(['HK', 'SZ', 'joint'] as const).map((s) => ({ value: s, label: t(`actions.sideValue.${s}`) }))}
          />
        </Form.Item>
        <Row gutter={16}>
          {(['HK', 'SZ'] as const)
            .filter((side) => ownerSide === side || ownerSide === 'joint')
            .map((side) => (
              <Col key={side} span={12}>
                <Space.Compact block>
                  <Form.Item name={`lead${side}`} label={t(`actions.lead${side}`)} style={{ flex: 1 }}>
                    <Select allowClear showSearch optionFilterProp="label" options={options(side)} notFoundContent={t('actions.noOfficers')} />
                  </Form.Item>
                  <Form.Item name={`lead${side}Status`} label={t('actions.leadStatus', { side: t(`actions.sideValue.${side}`) })}>
                    <Select options={statusOptions} style={{ width: 110 }} />
                  </Form.Item>
                </Space.Compact>
              </Col>
            ))}
        </Row>
        <Form.Item name="officerIds" label={t('actions.officers')}>
          <Select mode="multiple" showSearch optionFilterProp="label" options={options()} notFoundContent={t('actions.noOfficers')} />
        </Form.Item>
        <Space size="large" align="start">
          <Form.Item name="dueDate" label={t('actions.dueDate')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="priority" label={t('actions.priority')}>
            <Select style={{ width: 120 }} options={(['high', 'normal', 'low'] as const).map((p) => ({ value: p, label: t(`actions.priorityValue.${p}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="clauses" label={t('actions.clauses')}>
          <Select mode="multiple" options={clauses.map((c) => ({ value: c.id, label: clauseLabel(c.id, language) }))} />
        </Form.Item>
        {/* Lets Enter in any single-line field save, as the browser submits a form on Enter. */}
        <button type="submit" hidden aria-hidden />
      </Form>

      {action && (
        <>
          <Divider titlePlacement="start">
            {t('actions.progress')} <StatusTag status={action.status} language={language} />
          </Divider>
          {action.progress.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('actions.noProgress')} />
          ) : (
            <Timeline
              // Newest first, by date as every laptop orders them, also for entries stored before that order was kept.
              items={[...inDerivedOrder('actions', action).progress].reverse().map((entry) => ({
                key: entry.id,
                content: (
                  <div>
                    <Typography.Text type="secondary">
                      {formatDateTime(entry.at, language)}
                      {entry.byContactId ? <> · <ReaderText text={contactName(entry.byContactId)} /></> : ''}
                    </Typography.Text>
                    {entry.statusChange && (
                      <div>
                        {t('actions.statusChanged', {
                          from: t(`actions.statusValue.${entry.statusChange.from}`),
                          to: t(`actions.statusValue.${entry.statusChange.to}`),
                        })}
                      </div>
                    )}
                    {entry.note && (
                      <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                        <ReaderText text={entry.note} overrides={action.scriptOverrides} field={`progress.${entry.id}.note`} />
                      </Typography.Paragraph>
                    )}
                  </div>
                ),
              }))}
            />
          )}
          <Form form={progressForm} name="progress" layout="vertical" onFinish={(values) => void logProgress(values)}>
            <Form.Item name="note" label={t('actions.progressNote')}>
              <Input.TextArea rows={2} onKeyDown={(event) => ctrlEnter(event) && progressForm.submit()} />
            </Form.Item>
            <Space align="start" wrap>
              <Form.Item name="status" label={t('actions.newStatus')}>
                <Select allowClear placeholder={t('actions.keepStatus')} style={{ width: 160 }} options={statusOptions} />
              </Form.Item>
              <Form.Item name="byContactId" label={t('actions.by')}>
                <Select allowClear showSearch optionFilterProp="label" style={{ width: 220 }} options={options()} />
              </Form.Item>
            </Space>
            <Space>
              <Button htmlType="submit">{t('actions.addProgress')}</Button>
              {closed ? (
                <Button onClick={() => void logProgress(progressForm.getFieldsValue(), 'inProgress')}>{t('actions.reopen')}</Button>
              ) : (
                <Button type="primary" ghost onClick={() => void logProgress(progressForm.getFieldsValue(), 'done')}>
                  {t('actions.markDone')}
                </Button>
              )}
            </Space>
          </Form>
        </>
      )}
      {action && script && (
        <ConversionReviewDialog
          open={reviewing}
          script={script}
          fields={[
            { collection: 'actions', id: action.id, field: 'title' },
            ...(action.description ? [{ collection: 'actions' as const, id: action.id, field: 'description' }] : []),
            ...action.progress.filter((p) => p.note).map((p) => ({ collection: 'actions' as const, id: action.id, field: `progress.${p.id}.note` })),
          ]}
          onClose={() => setReviewing(false)}
          // A correction is an edit of the record: keep the form's revision current so saving it is not refused.
          onSaved={(result) => setAction((current) => current && { ...current, revision: result.revision, scriptOverrides: result.scriptOverrides })}
        />
      )}
    </Drawer>
  );
}
