import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StartupNotice } from '../../shared/ipc/contract';
import { formatDateTime } from '../../shared/i18n/formatDate';
import type { Language } from '../../shared/model/language';

/** What happened to the data as it was opened: a new folder, or a damaged file restored. */
export function StartupNotices({
  notices,
  language,
  onDismiss,
}: {
  notices: StartupNotice[];
  language: Language;
  onDismiss: (index: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {notices.map((notice, index) => {
        const text =
          notice.kind === 'seeded'
            ? t('notices.seeded')
            : notice.kind === 'recoveredFromBackup'
              ? t('notices.recoveredFromBackup', { ...notice, backupTakenAt: formatDateTime(notice.backupTakenAt, language) })
              : t('notices.unrecoverable', notice);
        return (
          <Alert
            key={`${notice.kind}-${index}`}
            type={notice.kind === 'seeded' ? 'info' : 'warning'}
            showIcon
            closable={{ 'aria-label': t('notices.dismiss') }}
            onClose={() => onDismiss(index)}
            title={text}
            style={{ marginBottom: 8 }}
          />
        );
      })}
    </>
  );
}
