import { Card, Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/i18n/formatDate';
import { nameIn, type Language } from '../../shared/model/language';
import type { SubGroup } from '../../shared/model/subGroup';

/** A sub-group's own tab: who it is and what it follows up. */
export function SubGroupTab({ subGroup, language }: { subGroup: SubGroup; language: Language }) {
  const { t } = useTranslation();
  return (
    <section aria-label={nameIn(subGroup.name, language)}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {nameIn(subGroup.name, language)} <Tag color="blue">{subGroup.code}</Tag>
        </Typography.Title>
        <Descriptions column={1} bordered size="middle">
          <Descriptions.Item label={t('subGroup.nameHant')}>{subGroup.name.hant}</Descriptions.Item>
          <Descriptions.Item label={t('subGroup.nameHans')}>{subGroup.name.hans}</Descriptions.Item>
          <Descriptions.Item label={t('subGroup.nameEn')}>{subGroup.name.en || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('subGroup.code')}>{subGroup.code}</Descriptions.Item>
          <Descriptions.Item label={t('subGroup.remit')}>{subGroup.remit || t('subGroup.noRemit')}</Descriptions.Item>
          <Descriptions.Item label={t('subGroup.createdOn')}>{formatDate(subGroup.createdAt, language)}</Descriptions.Item>
        </Descriptions>
      </Card>
    </section>
  );
}
