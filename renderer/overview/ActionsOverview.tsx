import { Button, Card, Col, Empty, Progress, Row, Statistic, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noFilter, type ActionFilter } from '../../shared/actions/filters';
import type { OverviewSummary } from '../../shared/actions/overview';
import { formatDate } from '../../shared/i18n/formatDate';
import { actionStatuses, type ActionRow } from '../../shared/model/action';
import { nameIn, type Language } from '../../shared/model/language';
import { shortSubGroupName, type SubGroup } from '../../shared/model/subGroup';
import { api, unwrap } from '../api/hetao';
import { prefetch, takePrefetched } from '../api/prefetch';
import { StatusTag } from '../actions/actionLabels';
import { ConflictMarker } from '../exchange/ConflictMarker';
import { ReaderText } from '../script/ReaderText';
import { ListCard, PlainListItem } from '../ui/PlainList';
import { VirtualTable } from '../ui/VirtualTable';

const OVERVIEW = 'actions.overview';

/** The overview is the first screen of the day: its figures are asked for as the workbench starts. */
export function prefetchOverview(): void {
  prefetch(OVERVIEW, () => unwrap(api().actions.overview()));
}

export type OpenActions = (subGroupId: string, filter: ActionFilter, actionId?: string) => void;

/**
 * The working group's follow-up actions at a glance. Every figure opens the list behind it:
 * a sub-group's figures open its tab filtered, an action opens in its sub-group's tab.
 */
export function ActionsOverview({
  subGroups,
  language,
  refreshKey,
  onOpenActions,
}: {
  subGroups: SubGroup[];
  language: Language;
  refreshKey: number;
  onOpenActions: OpenActions;
}) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState<OverviewSummary | null>(null);
  const [statusList, setStatusList] = useState<{ status: ActionRow['status']; rows: ActionRow[] } | null>(null);

  useEffect(() => {
    void (takePrefetched<OverviewSummary>(OVERVIEW) ?? unwrap(api().actions.overview())).then(setSummary);
  }, [refreshKey]);

  const subGroupName = (id: string) => {
    const subGroup = subGroups.find((s) => s.id === id);
    return subGroup ? shortSubGroupName(nameIn(subGroup.name, language)) : '';
  };
  const openAction = (row: ActionRow) => onOpenActions(row.subGroupId, noFilter, row.id);
  // Rows open on click; the reference is a button too, so the keyboard reaches every action.
  const referenceLink = (row: ActionRow) => (
    <Button
      type="link"
      size="small"
      style={{ padding: 0 }}
      onClick={(event) => {
        event.stopPropagation();
        openAction(row);
      }}
    >
      {row.reference}
    </Button>
  );
  // Every list here names an action the same way: in the reader's script, marked while in conflict.
  const actionTitle = (row: ActionRow) => (
    <>
      <ReaderText text={row.title} overrides={row.scriptOverrides} field="title" />
      <ConflictMarker recordId={row.id} language={language} />
    </>
  );
  const showStatus = async (status: ActionRow['status']) => {
    const { rows } = await unwrap(api().actions.list({ subGroupId: null }));
    setStatusList({ status, rows: rows.filter((r) => r.deletedAt === null && r.status === status) });
  };

  if (!summary) return null;
  const actionColumns = [
    { title: t('actions.reference'), dataIndex: 'reference', width: 130, render: (_: string, row: ActionRow) => referenceLink(row) },
    { title: t('actions.name'), dataIndex: 'title', render: (_: string, row: ActionRow) => actionTitle(row) },
    { title: t('actions.subGroup'), dataIndex: 'subGroupId', width: 180, render: subGroupName },
  ];
  return (
    <section aria-label={t('actions.title')}>
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('actions.title')}
      </Typography.Title>
      <Card size="small" title={t('overview.byStatus')}>
        <Row gutter={16}>
          {actionStatuses.map((status) => (
            <Col key={status} flex="1">
              <Button type="text" block style={{ height: 'auto' }} onClick={() => void showStatus(status)}>
                <Statistic title={t(`actions.statusValue.${status}`)} value={summary.byStatus[status]} />
              </Button>
            </Col>
          ))}
        </Row>
        {statusList && (
          <div style={{ marginTop: 12 }}>
            <Typography.Text strong>
              {t('overview.filtered')}: <StatusTag status={statusList.status} language={language} />
            </Typography.Text>{' '}
            <Button size="small" onClick={() => setStatusList(null)}>
              {t('overview.closeFiltered')}
            </Button>
            <VirtualTable<ActionRow>
              size="small"
              rowKey="id"
              scroll={{ y: 320 }}
              pagination={false}
              dataSource={statusList.rows}
              columns={actionColumns}
              onRow={(row) => ({ onClick: () => openAction(row) })}
            />
          </div>
        )}
      </Card>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={12}>
          <Card size="small" title={`${t('overview.overdueTitle')} (${summary.overdue.length})`}>
            <Table
              size="small"
              rowKey={(o) => o.action.id}
              pagination={false}
              scroll={{ y: 280 }}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('overview.noOverdue')} /> }}
              dataSource={summary.overdue}
              onRow={(o) => ({ onClick: () => openAction(o.action), style: { cursor: 'pointer' } })}
              columns={[
                { title: t('actions.reference'), render: (_, o) => referenceLink(o.action), width: 120 },
                { title: t('actions.name'), render: (_, o) => actionTitle(o.action) },
                { title: t('actions.ownerSide'), render: (_, o) => t(`actions.sideValue.${o.action.ownerSide}`), width: 80 },
                { title: t('overview.daysLate'), dataIndex: 'daysLate', width: 90 },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <ListCard
            title={t('overview.dueThisWeekTitle')}
            count={summary.dueThisWeek.length}
            items={summary.dueThisWeek}
            rowKey={(row) => row.id}
            empty={t('overview.noDueThisWeek')}
            renderItem={(row) => (
              <PlainListItem onClick={() => openAction(row)} trailing={<Typography.Text type="secondary">{formatDate(`${row.dueDate}T12:00:00`, language)}</Typography.Text>}>
                {referenceLink(row)} {actionTitle(row)}
              </PlainListItem>
            )}
          />
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('overview.progressTitle')}>
            {summary.perSubGroup.map((p) => (
              <div key={p.subGroupId} style={{ marginBottom: 8 }}>
                <Button type="link" style={{ padding: 0 }} onClick={() => onOpenActions(p.subGroupId, noFilter)}>
                  {subGroupName(p.subGroupId)}
                </Button>{' '}
                <Typography.Text type="secondary">{t('overview.doneShare', { done: p.done, total: p.total })}</Typography.Text>
                <Progress percent={Math.round(p.share * 100)} size="small" aria-label={`${subGroupName(p.subGroupId)} ${t('overview.doneShare', { done: p.done, total: p.total })}`} />
              </div>
            ))}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <ListCard
            title={t('overview.recentTitle')}
            items={summary.recentlyUpdated}
            rowKey={(row) => row.id}
            empty={t('overview.noRecent')}
            renderItem={(row) => (
              <PlainListItem onClick={() => openAction(row)} trailing={<Typography.Text type="secondary">{formatDate(row.updatedAt, language)}</Typography.Text>}>
                {referenceLink(row)} {actionTitle(row)} <StatusTag status={row.status} language={language} />
              </PlainListItem>
            )}
          />
        </Col>
      </Row>
    </section>
  );
}
