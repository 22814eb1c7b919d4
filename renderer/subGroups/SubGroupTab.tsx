import { EditOutlined, InboxOutlined } from '@ant-design/icons';
import { Button, Collapse, Descriptions, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionFilter } from '../../shared/actions/filters';
import { formatDate } from '../../shared/i18n/formatDate';
import type { Contact } from '../../shared/model/contact';
import { scriptTag, nameIn, type Language } from '../../shared/model/language';
import type { SubGroup } from '../../shared/model/subGroup';
import { ActionsPanel } from '../actions/ActionsPanel';
import { MeetingsPanel } from '../meetings/MeetingsPanel';
import { ReaderText, WrittenInTag } from '../script/ReaderText';
import { RegisterAttachments, registerSection } from '../registers/RegisterAttachments';
import { SpaceUnitsPanel } from '../registers/SpaceUnitsPanel';
import { TenantsPanel } from '../registers/TenantsPanel';
import { FundedProjectsPanel } from '../registers/policy/FundedProjectsPanel';
import { PolicyMeasuresPanel } from '../registers/policy/PolicyMeasuresPanel';
import { PromotionEventsPanel } from '../registers/promotion/PromotionEventsPanel';
import { ExportButton } from '../exports/ExportButton';
import { onlyShownPaneRenders } from '../ui/tabPanes';

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
  onEdit,
  onArchive,
  onChanged,
}: {
  subGroup: SubGroup;
  contacts: Contact[];
  language: Language;
  /** What the overview asked this tab to show; a new one (new `version`) resets the list to it. */
  focus?: ActionFocus;
  onEdit: () => void;
  onArchive: () => void;
  /** The sub-group saved from within the tab (e.g. its registers chosen). */
  onChanged: (subGroup: SubGroup) => void;
}) {
  const { t } = useTranslation();
  // A new focus (from the overview or a search hit) brings the actions section forward, wherever the reader was.
  const [section, setSection] = useState('actions');
  const [shownFocus, setShownFocus] = useState(focus?.version);
  if (focus?.version !== shownFocus) {
    setShownFocus(focus?.version);
    setSection('actions');
  }
  const convenor = (id: string | null) => {
    if (id === null) return <Typography.Text type="secondary">{t('subGroup.noConvenor')}</Typography.Text>;
    const contact = contacts.find((c) => c.id === id);
    if (!contact) return <Typography.Text type="secondary">{t('subGroup.convenorRemoved')}</Typography.Text>;
    return [contact.name, contact.title, contact.organisation].filter(Boolean).join(' · ');
  };
  return (
    <section aria-label={nameIn(subGroup.name, language)}>
      <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 16 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {nameIn(subGroup.name, language)} <Tag color="blue">{subGroup.code}</Tag>
        </Typography.Title>
        <Space>
          <Button icon={<EditOutlined />} onClick={onEdit}>
            {t('subGroup.edit')}
          </Button>
          <Button icon={<InboxOutlined />} onClick={onArchive}>
            {t('subGroup.archive')}
          </Button>
          <ExportButton target={() => ({ kind: 'report', subGroupId: subGroup.id })} label={t('exports.ui.what.report')} />
        </Space>
      </div>
      <Collapse
        size="small"
        style={{ marginBottom: 16 }}
        items={[
          {
            key: 'about',
            label: t('subGroup.about'),
            children: (
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('subGroup.nameHant')}><span lang={scriptTag.hant}>{subGroup.name.hant}</span></Descriptions.Item>
                <Descriptions.Item label={t('subGroup.nameHans')}><span lang={scriptTag.hans}>{subGroup.name.hans}</span></Descriptions.Item>
                <Descriptions.Item label={t('subGroup.nameEn')}>{subGroup.name.en ? <span lang="en">{subGroup.name.en}</span> : '—'}</Descriptions.Item>
                <Descriptions.Item label={t('subGroup.convenorHK')}>{convenor(subGroup.convenors.HK)}</Descriptions.Item>
                <Descriptions.Item label={t('subGroup.convenorSZ')}>{convenor(subGroup.convenors.SZ)}</Descriptions.Item>
                <Descriptions.Item label={t('subGroup.remit')}>{subGroup.remit ? (
                    <>
                      <ReaderText text={subGroup.remit} overrides={subGroup.scriptOverrides} field="remit" /> <WrittenInTag script={subGroup.writtenIn} />
                    </>
                  ) : (
                    t('subGroup.noRemit')
                  )}</Descriptions.Item>
                <Descriptions.Item label={t('subGroup.createdOn')}>{formatDate(subGroup.createdAt, language)}</Descriptions.Item>
                <Descriptions.Item label={t('registers.common.attached')}>
                  <RegisterAttachments subGroup={subGroup} onChanged={onChanged} />
                </Descriptions.Item>
              </Descriptions>
            ),
          },
        ]}
      />
      <Tabs
        aria-label={t('subGroup.sections')}
        activeKey={section}
        onChange={setSection}
        items={onlyShownPaneRenders([
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
          { key: 'meetings', label: t('meetings.title'), children: <MeetingsPanel subGroupId={subGroup.id} subGroups={[subGroup]} contacts={contacts} language={language} /> },
          ...registerSection(subGroup, 'spaceUnits', t('registers.spaceUnits.title'), () => <SpaceUnitsPanel language={language} />),
          ...registerSection(subGroup, 'tenants', t('registers.tenants.title'), () => <TenantsPanel language={language} />),
          ...registerSection(subGroup, 'policyMeasures', t('registers.policyMeasures.title'), () => <PolicyMeasuresPanel subGroupId={subGroup.id} language={language} />),
          ...registerSection(subGroup, 'fundedProjects', t('registers.fundedProjects.title'), () => <FundedProjectsPanel language={language} />),
          ...registerSection(subGroup, 'promotionEvents', t('registers.promotionEvents.title'), () => <PromotionEventsPanel language={language} />),
        ], section)}
      />
    </section>
  );
}
