import { UndoOutlined } from '@ant-design/icons';
import { Button, Empty, Modal, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/i18n/formatDate';
import { nameIn, type Language } from '../../shared/model/language';
import type { SubGroup } from '../../shared/model/subGroup';
import { PlainList, PlainListItem } from '../ui/PlainList';

/** The archived sub-groups, each with a button that gives it its tab back. Esc closes. */
export function ArchivedSubGroupsDialog({
  open,
  archived,
  language,
  restoring,
  onRestore,
  onClose,
}: {
  open: boolean;
  archived: SubGroup[];
  language: Language;
  /** The one being restored, while its call is on its way. */
  restoring: string | null;
  onRestore: (subGroup: SubGroup) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={t('archivedSubGroups.title')}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('archivedSubGroups.close')}</Button>}
      width={640}
    >
      <Typography.Paragraph type="secondary">{t('archivedSubGroups.intro')}</Typography.Paragraph>
      {archived.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('archivedSubGroups.empty')} />
      ) : (
        <PlainList
          items={archived}
          rowKey={(subGroup) => subGroup.id}
          aria-label={t('archivedSubGroups.title')}
          renderItem={(subGroup) => {
            const name = nameIn(subGroup.name, language);
            return (
              <PlainListItem
                trailing={
                  <Button
                    icon={<UndoOutlined />}
                    loading={restoring === subGroup.id}
                    aria-label={`${t('archivedSubGroups.restore')} ${name}`}
                    onClick={() => onRestore(subGroup)}
                  >
                    {t('archivedSubGroups.restore')}
                  </Button>
                }
              >
                <div>
                  <Typography.Text strong>{name}</Typography.Text> <Tag color="blue">{subGroup.code}</Tag>
                </div>
                <Typography.Text type="secondary">{t('archivedSubGroups.archivedOn', { date: formatDate(subGroup.archivedAt!, language) })}</Typography.Text>
              </PlainListItem>
            );
          }}
        />
      )}
    </Modal>
  );
}
