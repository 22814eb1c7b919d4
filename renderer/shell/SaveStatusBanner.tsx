import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SaveStatus } from '../../shared/ipc/contract';

/** Stays on screen while any change is only in memory, e.g. because the disk is full. */
export function SaveStatusBanner({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const { t } = useTranslation();
  if (!status.unsavedChanges) return null;
  return (
    <Alert
      type="error"
      showIcon
      banner
      title={t('save.unsaved', { reason: t(`errors.${status.lastError ?? 'disk.writeFailed'}`) })}
      action={
        <Button size="small" danger onClick={onRetry}>
          {t('save.retry')}
        </Button>
      }
    />
  );
}
