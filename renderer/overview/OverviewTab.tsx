import { Button, Card, Col, Empty, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/i18n/formatDate';
import { nameIn, type Language } from '../../shared/model/language';
import type { SubGroup, WorkingGroup } from '../../shared/model/subGroup';
import { MeetingsPanel } from '../meetings/MeetingsPanel';
import { PolicyOverview } from '../registers/policy/PolicyOverview';
import { SpaceOverview } from '../registers/SpaceOverview';
import { ActionsOverview, type OpenActions } from './ActionsOverview';
import { ExportButton } from '../exports/ExportButton';
import { OutstandingCopies } from '../pack/OutstandingCopies';
import { noFilter } from '../../shared/actions/filters';

/** 總覽: the working group and the sub-groups it coordinates. */
export function OverviewTab({
  workingGroup,
  subGroups,
  language,
  refreshKey,
  onOpen,
  onOpenActions,
}: {
  workingGroup: WorkingGroup;
  subGroups: SubGroup[];
  language: Language;
  refreshKey: number;
  onOpen: (subGroupId: string) => void;
  onOpenActions: OpenActions;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="overview-heading">
      <Card>
        <Typography.Text type="secondary">{t('overview.workingGroup')}</Typography.Text>
        <Typography.Title level={3} id="overview-heading" style={{ marginTop: 4 }}>
          {nameIn(workingGroup.name, language)}
        </Typography.Title>
        <Typography.Text>{t('overview.reportsTo', { body: t('overview.jointTaskForce') })}</Typography.Text>
        <div style={{ marginTop: 12 }}>
          <ExportButton target={() => ({ kind: 'actions', subGroupId: null, filter: noFilter, text: '', includeLog: false })} label={t('exports.ui.what.actions')} />
        </div>
      </Card>
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('overview.subGroups')}{' '}
        <Typography.Text type="secondary" style={{ fontSize: 14, fontWeight: 'normal' }}>
          {t('overview.subGroupCount', { count: subGroups.length })}
        </Typography.Text>
      </Typography.Title>
      {subGroups.length === 0 ? (
        <Empty description={t('overview.noSubGroups')} />
      ) : (
        <Row gutter={[16, 16]}>
          {subGroups.map((subGroup) => (
            <Col key={subGroup.id} xs={24} md={12} xl={8}>
              <Card
                title={nameIn(subGroup.name, language)}
                extra={<Tag color="blue">{subGroup.code}</Tag>}
                actions={[
                  <Button key="open" type="link" onClick={() => onOpen(subGroup.id)}>
                    {t('overview.open')}
                  </Button>,
                ]}
              >
                <Typography.Paragraph ellipsis={{ rows: 3 }} type={subGroup.remit ? undefined : 'secondary'}>
                  {subGroup.remit || t('subGroup.noRemit')}
                </Typography.Paragraph>
                <Typography.Text type="secondary">
                  {t('subGroup.createdOnDate', { date: formatDate(subGroup.createdAt, language) })}
                </Typography.Text>
              </Card>
            </Col>
          ))}
        </Row>
      )}
      <ActionsOverview subGroups={subGroups} language={language} refreshKey={refreshKey} onOpenActions={onOpenActions} />
      <SpaceOverview language={language} refreshKey={refreshKey} />
      <PolicyOverview language={language} refreshKey={refreshKey} />
      <OutstandingCopies workingGroup={workingGroup} subGroups={subGroups} language={language} refreshKey={refreshKey} />
      <Typography.Title level={4} style={{ marginTop: 24 }} id="wg-meetings-heading">
        {t('meetings.workingGroupTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('meetings.workingGroupIntro')}</Typography.Paragraph>
      <MeetingsPanel subGroupId={null} subGroups={subGroups} language={language} />
    </section>
  );
}
