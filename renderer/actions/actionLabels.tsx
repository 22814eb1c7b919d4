import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { daysBetween, dueState } from '../../shared/actions/dueDates';
import { formatDate } from '../../shared/i18n/formatDate';
import type { ActionStatus } from '../../shared/model/action';
import type { Language } from '../../shared/model/language';

const statusColours: Record<ActionStatus, string> = {
  notStarted: 'default',
  inProgress: 'processing',
  blocked: 'error',
  done: 'success',
  dropped: 'default',
};

export function StatusTag({ status }: { status: ActionStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColours[status]}>{t(`actions.statusValue.${status}`)}</Tag>;
}

/** The due date, with how late or how soon at a glance. */
export function DueDate({
  dueDate,
  status,
  today,
  language,
}: {
  dueDate: string | null;
  status: ActionStatus;
  today: string;
  language: Language;
}) {
  const { t } = useTranslation();
  if (!dueDate) return null;
  const state = dueState({ dueDate, status }, today);
  const days = daysBetween(today, dueDate);
  return (
    <span>
      {formatDate(`${dueDate}T12:00:00`, language)}{' '}
      {state === 'overdue' && <Tag color="red">{t('actions.overdueBy', { count: -days })}</Tag>}
      {state === 'dueSoon' && <Tag color="orange">{days === 0 ? t('actions.dueToday') : t('actions.dueIn', { count: days })}</Tag>}
    </span>
  );
}
