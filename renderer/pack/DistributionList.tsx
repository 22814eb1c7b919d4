import { Button, DatePicker, Empty, Form, Modal, Radio, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../shared/i18n/formatDate';
import type { Language } from '../../shared/model/language';
import type { Contact } from '../../shared/model/contact';
import { copyMeans, CopySettle, type CopyMeans, type CopyState, type MeetingCopy } from '../../shared/model/meetingCopy';
import { api, unwrap } from '../api/hetao';
import { useBridgeQuery } from '../api/useBridgeQuery';
import { useSubmit } from '../api/useSubmit';
import { CellTag, type TagTone } from '../ui/CellTag';
import { Select } from '../ui/Select';

const stateTones: Record<CopyState, TagTone> = { out: 'warning', returned: 'success', destroyed: 'default' };

/**
 * A meeting's distribution list (分發紀錄): every numbered copy of its pack, who received it, when
 * and how, and whether it has come back. A copy is marked returned or destroyed with the day and who
 * confirmed it; a mistaken mark can be taken back.
 */
export function DistributionList({ meetingId, contacts, language, refreshKey }: { meetingId: string; contacts: Contact[]; language: Language; refreshKey: number }) {
  const { t } = useTranslation();
  const { data: copies, setData } = useBridgeQuery(() => unwrap(api().pack.copies({ meetingId })), `${meetingId}:${refreshKey}`);
  const [settling, setSettling] = useState<MeetingCopy | null>(null);
  const nameOf = (id: string | null) => contacts.find((c) => c.id === id)?.name ?? '—';
  const recipient = (copy: MeetingCopy) => contacts.find((c) => c.id === copy.recipientId)?.name ?? copy.recipientName;
  const saved = (copy: MeetingCopy) => setData((list) => (list ?? []).map((c) => (c.id === copy.id ? copy : c)));

  if (copies && copies.length === 0) return <Empty description={t('pack.distribution.empty')} />;
  const out = copies?.filter((c) => c.state === 'out').length ?? 0;
  return (
    <section aria-labelledby="distribution-heading">
      <Typography.Title level={5} id="distribution-heading">
        {t('pack.distribution.title')}
      </Typography.Title>
      {out > 0 && <Typography.Paragraph>{t('pack.distribution.outCount', { count: out })}</Typography.Paragraph>}
      <Table<MeetingCopy>
        rowKey="id"
        size="small"
        loading={copies === null}
        dataSource={copies ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { key: 'number', title: t('pack.distribution.copy'), render: (_, c) => t('pack.distribution.copyNumber', { number: c.number, total: c.total }) },
          // By the contact's name as the app shows it everywhere; the name printed stays on the copy itself.
          { key: 'recipient', title: t('pack.distribution.recipient'), render: (_, c) => recipient(c) },
          { key: 'issued', title: t('pack.distribution.issued'), render: (_, c) => formatDateTime(c.issuedAt, language) },
          { key: 'means', title: t('pack.distribution.means'), render: (_, c) => t(`pack.distribution.meansValue.${c.means}`) },
          {
            key: 'state',
            title: t('pack.distribution.state'),
            render: (_, c) => (
              <>
                <CellTag tone={stateTones[c.state]}>{t(`pack.distribution.stateValue.${c.state}`)}</CellTag>
                {c.settledOn && (
                  <Typography.Text type="secondary">{t('pack.distribution.settledBy', { date: formatDate(c.settledOn, language), name: nameOf(c.confirmedById) })}</Typography.Text>
                )}
              </>
            ),
          },
          {
            key: 'actions',
            title: t('pack.distribution.actions'),
            render: (_, c) => {
              // The visible words begin the name, so a voice command saying them finds the button (WCAG 2.5.3).
              const action = t(c.state === 'out' ? 'pack.distribution.settle' : 'pack.distribution.change');
              return (
                <Button size="small" onClick={() => setSettling(c)} aria-label={t('pack.distribution.settleCopy', { action, number: c.number, name: recipient(c) })}>
                  {action}
                </Button>
              );
            },
          },
        ]}
      />
      {settling && <SettleDialog copy={settling} recipient={recipient(settling)} contacts={contacts} onClose={() => setSettling(null)} onSaved={saved} />}
    </section>
  );
}

interface SettleValues {
  means: CopyMeans;
  state: CopyState;
  on: Dayjs | null;
  confirmedById: string | null;
}

/** Marks one copy returned or destroyed, on a day, confirmed by someone, or out again; and how it went out. */
function SettleDialog({
  copy,
  recipient,
  contacts,
  onClose,
  onSaved,
}: {
  copy: MeetingCopy;
  recipient: string;
  contacts: Contact[];
  onClose: () => void;
  onSaved: (copy: MeetingCopy) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SettleValues>();
  const { saving, submit } = useSubmit(form, { failedOn: 'state' });
  const state = Form.useWatch('state', form) ?? (copy.state === 'out' ? 'returned' : copy.state);

  const save = async (values: SettleValues) => {
    const input = {
      id: copy.id,
      revision: copy.revision,
      state: values.state,
      means: values.means,
      on: values.state === 'out' ? null : (values.on?.format('YYYY-MM-DD') ?? null),
      confirmedById: values.state === 'out' ? null : (values.confirmedById ?? null),
    };
    await submit(CopySettle, input, async (checked) => {
      onSaved(await unwrap(api().pack.settleCopy(checked)));
      onClose();
    });
  };

  return (
    <Modal
      open
      title={t('pack.distribution.settleTitle', { number: copy.number, total: copy.total, name: recipient })}
      okText={t('pack.distribution.save')}
      cancelText={t('pack.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<SettleValues>
        form={form}
        layout="vertical"
        onFinish={(values) => void save(values)}
        initialValues={{
          means: copy.means,
          state: copy.state === 'out' ? 'returned' : copy.state,
          on: copy.settledOn ? dayjs(copy.settledOn) : dayjs(),
          confirmedById: copy.confirmedById,
        }}
      >
        {/* Files and prints are recorded as they happen; a copy handed over in an exchange package is recorded here. */}
        <Form.Item name="means" label={t('pack.distribution.means')}>
          <Radio.Group>
            {copyMeans.map((means) => (
              <Radio key={means} value={means}>
                {t(`pack.distribution.meansValue.${means}`)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="state" label={t('pack.distribution.state')}>
          <Radio.Group>
            <Radio value="returned">{t('pack.distribution.stateValue.returned')}</Radio>
            <Radio value="destroyed">{t('pack.distribution.stateValue.destroyed')}</Radio>
            {copy.state !== 'out' && <Radio value="out">{t('pack.distribution.stateValue.out')}</Radio>}
          </Radio.Group>
        </Form.Item>
        {state !== 'out' && (
          <>
            <Form.Item name="on" label={t('pack.distribution.on')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="confirmedById" label={t('pack.distribution.confirmedBy')}>
              <Select
                showSearch
                optionFilterProp="label"
                options={contacts.filter((c) => c.deletedAt === null).map((c) => ({ value: c.id, label: c.name }))}
                placeholder={t('pack.distribution.confirmedByPlaceholder')}
              />
            </Form.Item>
          </>
        )}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
