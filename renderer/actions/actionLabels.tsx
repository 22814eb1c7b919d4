import { daysBetween, dueState } from '../../shared/actions/dueDates';
import { formatDate } from '../../shared/i18n/formatDate';
import type { ActionStatus } from '../../shared/model/action';
import type { Language } from '../../shared/model/language';
import { labelsIn } from '../i18n/i18n';
import { CellTag, type TagTone } from '../ui/CellTag';

const statusColours: Record<ActionStatus, TagTone> = {
  notStarted: 'default',
  inProgress: 'processing',
  blocked: 'error',
  done: 'success',
  dropped: 'default',
};

export function StatusTag({ status, language }: { status: ActionStatus; language: Language }) {
  return <CellTag tone={statusColours[status]}>{labelsIn(language)(`actions.statusValue.${status}`)}</CellTag>;
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
  if (!dueDate) return null;
  const t = labelsIn(language);
  const state = dueState({ dueDate, status }, today);
  const days = daysBetween(today, dueDate);
  return (
    <span>
      {formatDate(`${dueDate}T12:00:00`, language)}{' '}
      {state === 'overdue' && <CellTag tone="red">{t('actions.overdueBy', { count: -days })}</CellTag>}
      {state === 'dueSoon' && <CellTag tone="orange">{days === 0 ? t('actions.dueToday') : t('actions.dueIn', { count: days })}</CellTag>}
    </span>
  );
}
