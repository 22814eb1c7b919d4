import { WarningOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConflictMarks } from './conflictMarks';

/** The header's count of conflicts to settle, opening them; absent while there are none. */
export function ConflictCount() {
  const { t } = useTranslation();
  const marks = useConflictMarks();
  if (marks.count === 0) return null;
  return (
    <Button danger type="primary" icon={<WarningOutlined />} onClick={marks.openConflicts} aria-label={t('exchange.conflicts.headerLabel', { count: marks.count })}>
      {t('exchange.conflicts.header', { count: marks.count })}
    </Button>
  );
}
