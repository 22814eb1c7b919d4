import { App as AntApp, Button, Checkbox, Col, DatePicker, Divider, Drawer, Empty, Form, Input, Popconfirm, Radio, Row, Space, Tabs, TimePicker } from 'antd';
import { Select } from '../ui/Select';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictMarker, ConflictNotice } from '../exchange/ConflictMarker';
import type { Contact } from '../../shared/model/contact';
import type { Language } from '../../shared/model/language';
import {
  attendanceRoles,
  MeetingFields,
  standardItems,
  venues,
  type Attendee,
  type Classification,
  type Meeting,
  type MeetingRow,
  type StandardItem,
  type Venue,
} from '../../shared/model/meeting';
import type { SubGroup } from '../../shared/model/subGroup';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { useSubmit } from '../api/useSubmit';
import { useBridgeQuery } from '../api/useBridgeQuery';
import { ExportButton } from '../exports/ExportButton';
import { zodRule } from '../forms/zodRule';
import { PackButton } from '../pack/PackDialog';
import { DistributionList } from '../pack/DistributionList';
import { AgendaList } from './AgendaList';
import { MinutesSection } from './MinutesSection';
import { ClassificationTag, MinutesTag, useMeetingLabel } from './meetingLabels';

interface Values {
  title: string;
  date: Dayjs | null;
  startTime: Dayjs | null;
  endTime: Dayjs | null;
  venue: Venue;
  venueDetail: string;
  classification: Classification | 'none';
  attendance: Attendee[];
  standardItems: StandardItem[];
}

function toValues(meeting: Meeting | null, language: Language): Values {
  const time = (value: string | null | undefined) => (value ? dayjs(value, 'HH:mm') : null);
  return {
    title: meeting?.title ?? '',
    date: meeting ? dayjs(meeting.date) : null,
    startTime: time(meeting?.startTime),
    endTime: time(meeting?.endTime),
    // A new meeting is first placed on the writer's own side: Simplified is written in Shenzhen.
    venue: meeting?.venue ?? (language === 'zh-Hans' ? 'SZ' : 'HK'),
    venueDetail: meeting?.venueDetail ?? '',
    classification: meeting?.classification ?? 'none',
    attendance: meeting?.attendance ?? [],
    standardItems: [...standardItems],
  };
}

function toFields(values: Values): MeetingFields {
  return {
    title: values.title ?? '',
    date: values.date ? values.date.format('YYYY-MM-DD') : '',
    startTime: values.startTime ? values.startTime.format('HH:mm') : null,
    endTime: values.endTime ? values.endTime.format('HH:mm') : null,
    venue: values.venue,
    venueDetail: values.venueDetail ?? '',
    classification: values.classification === 'none' ? null : values.classification,
    attendance: (values.attendance ?? []).filter((a) => a?.contactId),
  };
}

/**
 * One meeting: its details and attendance (one form; Enter saves, Esc closes), its agenda with
 * papers and actions arising, and its minutes' status. What was typed stays when saving fails.
 */
export function MeetingDrawer({
  target,
  subGroupId,
  subGroups,
  contacts,
  language,
  onClose,
  onChanged,
  onDeleted,
}: {
  target: 'new' | string;
  subGroupId: string | null;
  subGroups: SubGroup[];
  contacts: Contact[];
  language: Language;
  onClose: () => void;
  onChanged: (meeting: Meeting, created: boolean) => void;
  onDeleted: (row: Pick<MeetingRow, 'id' | 'number'>) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const meetingLabel = useMeetingLabel();
  const [form] = Form.useForm<Values>();
  const [tab, setTab] = useState('details');
  // Raised after a pack is built: its numbered copies are on the distribution list.
  const [copiesKey, setCopiesKey] = useState(0);
  const { saving, submit } = useSubmit(form, { failedOn: 'title' });

  // The drawer is keyed by its target, so the form is filled once per opened meeting.
  const { data: meeting, setData: setMeeting } = useBridgeQuery(() => unwrap(api().meetings.get({ id: target })), target, {
    skip: target === 'new',
    onLoaded: (loaded) => {
      form.setFieldsValue(toValues(loaded, language));
      setTab('agenda');
    },
  });

  const changed = (next: Meeting) => {
    setMeeting(next);
    onChanged(next, false);
  };

  const save = async (values: Values) => {
    const fields = toFields(values);
    await submit(MeetingFields, fields, async () => {
      const saved = meeting
        ? await unwrap(api().meetings.update({ id: meeting.id, revision: meeting.revision, fields }))
        : await unwrap(api().meetings.create({ subGroupId, fields, standardItems: values.standardItems ?? [] }));
      setMeeting(saved);
      form.setFieldsValue(toValues(saved, language));
      void message.success(t(meeting ? 'meetings.savedMessage' : 'meetings.createdMessage', { meeting: meetingLabel(saved.number) }));
      onChanged(saved, !meeting);
    });
  };

  const remove = async () => {
    if (!meeting) return;
    try {
      const removed = await unwrap(api().meetings.delete({ id: meeting.id }));
      onDeleted(removed);
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const contactOptions = contacts.map((c) => ({ value: c.id, label: `${c.name}${c.organisation ? ` · ${c.organisation}` : ''}` }));

  const details = (
    <Form form={form} name="meeting" layout="vertical" onFinish={(values) => void save(values)} initialValues={toValues(null, language)}>
      <Form.Item name="title" label={t('meetings.name')} rules={[zodRule(MeetingFields.shape.title, t)]}>
        <Input />
      </Form.Item>
      <Space size="large" align="start" wrap>
        <Form.Item name="date" label={t('meetings.date')} required rules={[{ required: true, message: t('validation.required') }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="startTime" label={t('meetings.startTime')}>
          <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} />
        </Form.Item>
        <Form.Item name="endTime" label={t('meetings.endTime')}>
          <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} />
        </Form.Item>
      </Space>
      <Form.Item name="venue" label={t('meetings.venue')}>
        <Radio.Group optionType="button" options={venues.map((v) => ({ value: v, label: t(`meetings.venueValue.${v}`) }))} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item name="venueDetail" label={t('meetings.venueDetail')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="classification" label={t('meetings.classification')}>
            <Select
              options={[
                { value: 'none', label: t('meetings.classificationNone') },
                { value: 'restricted', label: t('meetings.classificationValue.restricted') },
                { value: 'confidential', label: t('meetings.classificationValue.confidential') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      {!meeting && (
        <Form.Item name="standardItems" label={t('meetings.startWith')}>
          <Checkbox.Group options={standardItems.map((s) => ({ value: s, label: t(`meetings.standard.${s}`) }))} />
        </Form.Item>
      )}
      <Divider titlePlacement="start">{t('meetings.tabs.attendance')}</Divider>
      <Form.List name="attendance">
        {(rows, { add, remove: removeRow }) => (
          <div role="group" aria-label={t('meetings.tabs.attendance')}>
            {rows.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.attendance.empty')} />}
            {rows.map((row) => (
              <Space key={row.key} align="start" wrap>
                <Form.Item name={[row.name, 'contactId']} rules={[{ required: true, message: t('validation.required') }]}>
                  <Select
                    showSearch
                    optionFilterProp="label"
                    style={{ width: 280 }}
                    placeholder={t('meetings.attendance.choose')}
                    aria-label={t('meetings.attendance.contact')}
                    options={contactOptions}
                  />
                </Form.Item>
                <Form.Item name={[row.name, 'role']}>
                  <Select
                    style={{ width: 130 }}
                    aria-label={t('meetings.attendance.role')}
                    options={attendanceRoles.map((r) => ({ value: r, label: t(`meetings.attendance.roleValue.${r}`) }))}
                  />
                </Form.Item>
                <Form.Item name={[row.name, 'presence']}>
                  <Radio.Group
                    aria-label={t('meetings.attendance.presence')}
                    options={(['present', 'apologies'] as const).map((p) => ({ value: p, label: t(`meetings.attendance.presenceValue.${p}`) }))}
                  />
                </Form.Item>
                <Button onClick={() => removeRow(row.name)}>{t('meetings.attendance.remove')}</Button>
              </Space>
            ))}
            <Form.Item>
              <Button onClick={() => add({ contactId: undefined, role: 'member', presence: 'present' })}>{t('meetings.attendance.add')}</Button>
            </Form.Item>
          </div>
        )}
      </Form.List>
      {/* Lets Enter in any single-line field save, as the browser submits a form on Enter. */}
      <button type="submit" hidden aria-hidden />
    </Form>
  );

  return (
    <Drawer
      open
      onClose={onClose}
      size={960}
      title={
        meeting ? (
          <Space>
            {`${meetingLabel(meeting.number)}${meeting.title ? ` ${meeting.title}` : ''}`}
            <MinutesTag status={meeting.minutes.status} />
            <ClassificationTag classification={meeting.classification} />
            <ConflictMarker recordId={meeting.id} language={language} />
          </Space>
        ) : (
          t('meetings.new')
        )
      }
      extra={
        <Space>
          {meeting && !meeting.deletedAt && (
            <PackButton meetingId={meeting.id} classification={meeting.classification} contacts={contacts} onBuilt={() => setCopiesKey((k) => k + 1)} />
          )}
          {/* Agenda, attendance and minutes as DOCX or PDF, from what is saved. */}
          {meeting && !meeting.deletedAt && <ExportButton target={() => ({ kind: 'meeting', meetingId: meeting.id })} />}
          {meeting && !meeting.deletedAt && (
            <Popconfirm title={t('meetings.deleteConfirm')} okText={t('meetings.delete')} cancelText={t('meetings.cancel')} onConfirm={() => void remove()}>
              <Button danger>{t('meetings.delete')}</Button>
            </Popconfirm>
          )}
          <Button onClick={onClose}>{t('meetings.close')}</Button>
          {(tab === 'details' || !meeting) && (
            <Button type="primary" loading={saving} onClick={() => form.submit()}>
              {meeting ? t('meetings.save') : t('meetings.create')}
            </Button>
          )}
        </Space>
      }
    >
      {meeting && <ConflictNotice recordId={meeting.id} />}
      {meeting ? (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'details', label: t('meetings.tabs.details'), children: details, forceRender: true },
            {
              key: 'agenda',
              label: t('meetings.tabs.agenda'),
              children: <AgendaList meeting={meeting} subGroups={subGroups} contacts={contacts} language={language} onChanged={changed} />,
            },
            {
              key: 'minutes',
              label: t('meetings.tabs.minutes'),
              children: <MinutesSection meeting={meeting} language={language} onChanged={changed} />,
            },
            {
              key: 'distribution',
              label: t('pack.distribution.tab'),
              children: <DistributionList meetingId={meeting.id} contacts={contacts} language={language} refreshKey={copiesKey} />,
            },
          ]}
        />
      ) : (
        details
      )}
    </Drawer>
  );
}
