import { Alert, App as AntApp, Button, Descriptions, Space, Steps, Typography } from 'antd';
import { Select } from '../ui/Select';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/i18n/formatDate';
import type { Language } from '../../shared/model/language';
import { liveItems, minutesStatuses, type Meeting, type MeetingRow, type MinutesStatus } from '../../shared/model/meeting';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { useMeetingLabel } from './meetingLabels';

/** The minutes' status (draft → circulated → confirmed at a later meeting) and what each item records. */
export function MinutesSection({ meeting, language, onChanged }: { meeting: Meeting; language: Language; onChanged: (meeting: Meeting) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const meetingLabel = useMeetingLabel();
  const [later, setLater] = useState<MeetingRow[]>([]);
  const [confirmAt, setConfirmAt] = useState<string | null>(null);
  const { status } = meeting.minutes;

  useEffect(() => {
    unwrap(api().meetings.laterMeetings({ id: meeting.id })).then((rows) => {
      setLater(rows);
      setConfirmAt((current) => current ?? rows[0]?.id ?? null);
    }, () => setLater([]));
  }, [meeting.id]);

  const step = async (to: MinutesStatus) => {
    try {
      onChanged(
        await unwrap(
          api().meetings.setMinutesStatus({ id: meeting.id, revision: meeting.revision, status: to, confirmedAtMeetingId: to === 'confirmed' ? confirmAt : null }),
        ),
      );
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const confirmedAt = later.find((m) => m.id === meeting.minutes.confirmedAtMeetingId);
  return (
    <section aria-label={t('meetings.tabs.minutes')}>
      <Steps
        size="small"
        current={minutesStatuses.indexOf(status)}
        items={minutesStatuses.map((s) => ({ title: t(`meetings.minutesValue.${s}`) }))}
        style={{ marginBottom: 16 }}
      />
      {meeting.minutes.circulatedAt && status !== 'draft' && (
        <Typography.Paragraph type="secondary">{t('meetings.minutes.circulatedOn', { date: formatDate(meeting.minutes.circulatedAt, language) })}</Typography.Paragraph>
      )}
      {status === 'confirmed' && meeting.minutes.confirmedAt && (
        <Typography.Paragraph>
          {t('meetings.minutes.confirmedOn', {
            meeting: confirmedAt ? meetingLabel(confirmedAt.number) : '',
            date: formatDate(meeting.minutes.confirmedAt, language),
          })}
        </Typography.Paragraph>
      )}
      <Space wrap style={{ marginBottom: 16 }}>
        {status === 'draft' && (
          <Button type="primary" onClick={() => void step('circulated')}>
            {t('meetings.minutes.circulate')}
          </Button>
        )}
        {status === 'circulated' && (
          <>
            <Button onClick={() => void step('draft')}>{t('meetings.minutes.backToDraft')}</Button>
            {later.length > 0 && (
              <>
                <Select
                  style={{ width: 260 }}
                  value={confirmAt}
                  onChange={setConfirmAt}
                  aria-label={t('meetings.minutes.confirmAt')}
                  options={later.map((m) => ({ value: m.id, label: `${meetingLabel(m.number)} · ${formatDate(`${m.date}T12:00:00+08:00`, language)}` }))}
                />
                <Button type="primary" onClick={() => void step('confirmed')}>
                  {t('meetings.minutes.confirm')}
                </Button>
              </>
            )}
          </>
        )}
        {status === 'confirmed' && <Button onClick={() => void step('circulated')}>{t('meetings.minutes.unconfirm')}</Button>}
      </Space>
      {status === 'circulated' && later.length === 0 && <Alert type="info" showIcon title={t('meetings.minutes.noLaterMeeting')} style={{ marginBottom: 16 }} />}
      <Typography.Title level={5}>{t('meetings.minutes.byItem')}</Typography.Title>
      <Descriptions column={1} size="small" bordered>
        {liveItems(meeting).map((item, index) => (
          <Descriptions.Item key={item.id} label={`${index + 1}. ${item.title}`}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} type={item.minutes ? undefined : 'secondary'}>
              {item.minutes || t('meetings.minutes.noMinutes')}
            </Typography.Paragraph>
            {item.decisions.length > 0 && (
              <ul aria-label={t('meetings.agenda.decisionsTitle')} style={{ margin: '4px 0 0' }}>
                {item.decisions.map((d) => (
                  <li key={d.id}>{d.text}</li>
                ))}
              </ul>
            )}
          </Descriptions.Item>
        ))}
      </Descriptions>
    </section>
  );
}
