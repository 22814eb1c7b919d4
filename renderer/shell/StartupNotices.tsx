import { Alert, Button } from 'antd';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { StartupNotice } from '../../shared/ipc/contract';
import { formatDateTime } from '../../shared/i18n/formatDate';
import type { Language } from '../../shared/model/language';
import { useLock } from '../lock/lockContext';
import { TurnOnEncryptionDialog } from '../lock/TurnOnEncryptionDialog';

function noticeText(notice: StartupNotice, t: TFunction, language: Language): string {
  switch (notice.kind) {
    case 'seeded':
      return t('notices.seeded');
    case 'recoveredFromBackup': {
      const backupTakenAt = formatDateTime(notice.backupTakenAt, language);
      return notice.movedTo === null
        ? t('notices.recoveredInPlace', { ...notice, backupTakenAt })
        : t('notices.recoveredFromBackup', { ...notice, backupTakenAt });
    }
    case 'unrecoverable':
      return notice.movedTo === null ? t('notices.unrecoverableInPlace', notice) : t('notices.unrecoverable', notice);
    case 'restoredFromBackup':
      return t(`notices.restored.${notice.problem}`, { file: notice.file, backupTakenAt: formatDateTime(notice.backupTakenAt, language) });
    case 'notRestored':
      return t(`notices.notRestored.${notice.problem}`, { file: notice.file, count: notice.expectedRecords });
    case 'unreadable':
      return t('notices.unreadable', { file: notice.file, reason: t(`notices.readError.${readErrorKey(notice.errno)}`, { errno: notice.errno }) });
    case 'readOnly':
      return t('notices.readOnly', { folder: notice.folder });
  }
}

function readErrorKey(errno: string): 'permissionDenied' | 'busy' | 'other' {
  if (errno === 'EACCES' || errno === 'EPERM') return 'permissionDenied';
  if (errno === 'EBUSY') return 'busy';
  return 'other';
}

/**
 * What happened to the data as it was opened: a new folder, a file restored, or why nothing can be
 * saved. A new folder is the first run: it offers to encrypt the folder before anything is in it.
 */
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
  const lock = useLock();
  const [turningOn, setTurningOn] = useState(false);
  const offerEncryption = (notice: StartupNotice) => notice.kind === 'seeded' && lock !== null && !lock.status.encrypted;
  return (
    <>
      {notices.map((notice, index) => (
        <Alert
          key={`${notice.kind}-${index}`}
          type={notice.kind === 'seeded' ? 'info' : 'warning'}
          // The read-only state lasts the whole session, so it is a banner that cannot be dismissed.
          banner={notice.kind === 'readOnly'}
          showIcon
          closable={notice.kind === 'readOnly' ? false : { 'aria-label': t('notices.dismiss') }}
          onClose={() => onDismiss(index)}
          title={noticeText(notice, t, language)}
          description={offerEncryption(notice) ? t('notices.protectHint') : undefined}
          action={
            offerEncryption(notice) ? (
              <Button size="small" type="primary" onClick={() => setTurningOn(true)}>
                {t('notices.protect')}
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 8 }}
        />
      ))}
      {turningOn && lock && (
        <TurnOnEncryptionDialog
          onClose={() => setTurningOn(false)}
          onTurnedOn={(status) => {
            lock.setStatus(status);
            const seeded = notices.findIndex((notice) => notice.kind === 'seeded');
            if (seeded >= 0) onDismiss(seeded);
          }}
        />
      )}
    </>
  );
}
