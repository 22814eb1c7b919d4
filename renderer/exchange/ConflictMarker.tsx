import { WarningOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/model/language';
import { labelsIn } from '../i18n/i18n';
import { CellTag } from '../ui/CellTag';
import './exchange.css';
import { useConflictMarks } from './conflictMarks';

/** The mark on a record's row while it has a conflict to settle; nothing otherwise. */
export function ConflictMarker({ recordId, language }: { recordId: string; language: Language }) {
  const marks = useConflictMarks();
  if (!marks.isMarked(recordId)) return null;
  const t = labelsIn(language);
  return (
    <span className="conflict-marker" title={t('exchange.marker.title')}>
      <CellTag tone="error">
        <WarningOutlined aria-hidden /> {t('exchange.marker.label')}
      </CellTag>
    </span>
  );
}

/** The same mark at the top of a record's drawer, with the way to the conflict card. */
export function ConflictNotice({ recordId }: { recordId: string }) {
  const { t } = useTranslation();
  const marks = useConflictMarks();
  if (!marks.isMarked(recordId)) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('exchange.marker.drawer')}
      action={
        <Button size="small" onClick={marks.openConflicts}>
          {t('exchange.marker.settleNow')}
        </Button>
      }
    />
  );
}

/**
 * Asks before an export or a meeting pack that would carry records still in conflict (this laptop's
 * values, not yet agreed); goes straight on when none is.
 */
export function useConflictWarning(): (recordIds: Iterable<string>, what: 'export' | 'pack', proceed: () => void) => void {
  const { t } = useTranslation();
  const { modal } = AntApp.useApp();
  const marks = useConflictMarks();
  return (recordIds, what, proceed) => {
    const count = marks.countMarked(recordIds);
    if (count === 0) return proceed();
    modal.confirm({
      title: t('exchange.warn.title'),
      content: what === 'export' ? t('exchange.warn.export', { count }) : t('exchange.warn.pack'),
      okText: t('exchange.warn.continue'),
      cancelText: t('exchange.warn.cancel'),
      onOk: proceed,
    });
  };
}
