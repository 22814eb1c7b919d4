import { Collapse, Descriptions, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionFilter } from '../../shared/actions/filters';
import { formatDate } from '../../shared/i18n/formatDate';
import type { Contact } from '../../shared/model/contact';
import { nameIn, type Language } from '../../shared/model/language';
import type { SubGroup } from '../../shared/model/subGroup';
import { ActionsPanel } from '../actions/ActionsPanel';

export interface ActionFocus {
  filter: ActionFilter;
  actionId: string | null;
  version: number;
}

/**
 * A sub-group's own tab: who it is, then one section per kind of work it keeps (follow-up actions,
 * meetings, its registers), each a tab of its own so a section's list keeps its place while another is read.
 */
export function SubGroupTab({
  subGroup,
  contacts,
  language,
  focus,
}: {
  subGroup: SubGroup;
  contacts: Contact[];
  language: Language;
  /** What the overview asked this tab to show; a new one (new `version`) resets the list to it. */
  focus?: ActionFocus;
}) {
  const { t } = useTranslation();
  return (
    <section aria-label={nameIn(subGroup.name, language)}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {nameIn(subGroup.name, language)} <Tag color="blue">{subGroup.code}</Tag>
      </Typography.Title>
      <Collapse
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'about',
            label: t('subGroup.about'),
            children: (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('subGroup.nameHant')}>{subGroup.name.hant}</Descriptions.Item>
                <Descriptions.Item label={t('subGroup.nameHans')}>{subGroup.name.hans}</Descriptions.Item>
                <Descriptions.Item label={t('subGroup.nameEn')}>{subGroup.name.en || '—'}</Descriptions.Item>
                <Descriptions.Item label={t('subGroup.remit')}>{subGroup.remit || t('subGroup.noRemit')}</Descriptions.Item>
                <Descriptions.Item label={t('subGroup.createdOn')}>{formatDate(subGroup.createdAt, language)}</Descriptions.Item>
              </Descriptions>
            ),
          },
        ]}
      />
      <Tabs
        aria-label={t('subGroup.sections')}
        items={[
          {
            key: 'actions',
            label: t('actions.title'),
            children: (
              <ActionsPanel
                key={focus?.version ?? 0}
                subGroupId={subGroup.id}
                contacts={contacts}
                language={language}
                initialFilter={focus?.filter}
                focusActionId={focus?.actionId}
              />
            ),
          },
        ]}
      />
    </section>
  );
}
