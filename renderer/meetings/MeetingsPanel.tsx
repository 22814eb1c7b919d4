import { App as AntApp, Button, Checkbox, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictMarker } from '../exchange/ConflictMarker';
import { formatDate } from '../../shared/i18n/formatDate';
import type { Contact } from '../../shared/model/contact';
import type { Language } from '../../shared/model/language';
import type { MeetingRow } from '../../shared/model/meeting';
import type { SubGroup } from '../../shared/model/subGroup';
import { api, unwrap } from '../api/hetao';
import { useBridgeQuery } from '../api/useBridgeQuery';
import { useErrorText } from '../api/useErrorText';
import { MeetingDrawer } from './MeetingDrawer';
import { ClassificationTag, MinutesTag, useMeetingLabel } from './meetingLabels';
import { useUndoMessage } from '../ui/undoMessage';

/**
 * A body's meetings (a sub-group's, or the working group's own when `subGroupId` is null): the list,
 * newest first, and the drawer that holds one meeting's details, agenda, papers, attendance and minutes.
 */
export function MeetingsPanel({
  subGroupId,
  subGroups,
  contacts: givenContacts,
  language,
}: {
  subGroupId: string | null;
  /** Sub-groups that may follow up actions arising (the working group's meetings choose one). */
  subGroups: SubGroup[];
  /** The address book, when the host has it already; otherwise it is read here. */
  contacts?: Contact[];
  language: Language;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const showUndo = useUndoMessage();
  const meetingLabel = useMeetingLabel();
  const [showDeleted, setShowDeleted] = useState(false);
  const [open, setOpen] = useState<'new' | string | null>(null);
  const [loadedContacts, setLoadedContacts] = useState<Contact[]>([]);
  const contacts = givenContacts ?? loadedContacts;

  const { data: rows, refetch } = useBridgeQuery(() => unwrap(api().meetings.list({ subGroupId })), subGroupId);
  const load = () => void refetch();
  useEffect(() => {
    if (givenContacts) return;
    unwrap(api().contacts.list({ includeDeleted: false })).then(setLoadedContacts, () => setLoadedContacts([]));
  }, [givenContacts]);

  const restore = async (row: Pick<MeetingRow, 'id' | 'number'>, messageKey?: string) => {
    try {
      await unwrap(api().meetings.restore({ id: row.id }));
      if (messageKey) message.destroy(messageKey);
      void message.success(t('meetings.restoredMessage', { meeting: meetingLabel(row.number) }));
      load();
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const deleted = (row: Pick<MeetingRow, 'id' | 'number'>) => {
    setOpen(null);
    load();
    const key = `meeting-deleted-${row.id}`;
    showUndo({
      key,
      text: t('meetings.deletedMessage', { meeting: meetingLabel(row.number) }),
      undoLabel: t('meetings.undo'),
      onUndo: () => void restore(row, key),
    });
  };

  const columns: ColumnsType<MeetingRow> = [
    {
      key: 'number',
      title: t('meetings.number'),
      render: (_, row) => (
        <Space size={4}>
          <Typography.Link onClick={() => setOpen(row.id)}>{meetingLabel(row.number)}</Typography.Link>
          {row.deletedAt && <Tag>{t('meetings.deleted')}</Tag>}
          <ConflictMarker recordId={row.id} language={language} />
        </Space>
      ),
      width: 160,
    },
    { key: 'date', title: t('meetings.date'), render: (_, row) => `${formatDate(`${row.date}T12:00:00+08:00`, language)}${row.startTime ? ` ${row.startTime}` : ''}`, width: 200 },
    { key: 'title', title: t('meetings.name'), dataIndex: 'title' },
    { key: 'venue', title: t('meetings.venue'), render: (_, row) => t(`meetings.venueValue.${row.venue}`), width: 120 },
    {
      key: 'papers',
      title: t('meetings.tabs.agenda'),
      render: (_, row) => `${t('meetings.itemsCount', { count: row.itemCount })} · ${t('meetings.papersCount', { count: row.paperCount })}`,
      width: 180,
    },
    {
      key: 'minutes',
      title: t('meetings.minutesStatus'),
      render: (_, row) => (
        <Space size={4}>
          <MinutesTag status={row.minutesStatus} />
          <ClassificationTag classification={row.classification} />
        </Space>
      ),
      width: 200,
    },
    {
      key: 'restore',
      title: '',
      width: 90,
      render: (_, row) =>
        row.deletedAt && (
          <Button size="small" onClick={() => void restore(row)}>
            {t('meetings.restore')}
          </Button>
        ),
    },
  ];

  const shown = (rows ?? []).filter((r) => showDeleted || r.deletedAt === null);
  return (
    <section aria-label={t('meetings.title')}>
      <Space style={{ marginBottom: 12 }} wrap>
        <Button type="primary" onClick={() => setOpen('new')}>
          {t('meetings.new')}
        </Button>
        <Checkbox checked={showDeleted} onChange={(e) => setShowDeleted(e.target.checked)}>
          {t('meetings.showDeleted')}
        </Checkbox>
      </Space>
      <Table<MeetingRow>
        rowKey="id"
        size="small"
        loading={rows === null}
        columns={columns}
        dataSource={shown}
        pagination={false}
        locale={{ emptyText: <Empty description={t('meetings.empty')} /> }}
        onRow={(row) => ({ onDoubleClick: () => setOpen(row.id) })}
      />
      {open !== null && (
        <MeetingDrawer
          key={open}
          target={open}
          subGroupId={subGroupId}
          subGroups={subGroups}
          contacts={contacts}
          language={language}
          onClose={() => setOpen(null)}
          onChanged={(meeting, created) => {
            if (created) setOpen(meeting.id);
            load();
          }}
          onDeleted={deleted}
        />
      )}
    </section>
  );
}
