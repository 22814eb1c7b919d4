import { Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/model/language';
import type { EventSummary } from '../../../shared/model/registers/event';
import type { FundingSummary } from '../../../shared/model/registers/fundedProject';
import { measureStages, type MeasureSummary } from '../../../shared/model/registers/measure';
import { unwrap } from '../../api/hetao';
import { calendarDate } from '../format';
import { useRegisterChanged } from '../registerEvents';
import { fundedProjectsApi, policyMeasuresApi, promotionEventsApi } from '../registerApi';
import { amountText } from './policyFormat';
import { ListCard, PlainListItem } from '../../ui/PlainList';

interface Figures {
  measures: MeasureSummary;
  funding: FundingSummary;
  events: EventSummary;
}

/** The overview's lines for Joint Policy and Joint Promotion: measures by stage, funding per currency, next events. */
export function PolicyOverview({ language, refreshKey }: { language: Language; refreshKey: number }) {
  const { t } = useTranslation();
  const [figures, setFigures] = useState<Figures | null>(null);
  const load = useCallback(() => {
    Promise.all([unwrap(policyMeasuresApi().summary()), unwrap(fundedProjectsApi().summary()), unwrap(promotionEventsApi().summary())]).then(
      ([measures, funding, events]) => setFigures({ measures, funding, events }),
      () => setFigures(null),
    );
  }, []);
  useEffect(load, [load, refreshKey]);
  useRegisterChanged('policyMeasures', load);
  useRegisterChanged('fundedProjects', load);
  useRegisterChanged('promotionEvents', load);
  if (!figures) return null;
  const { measures, funding, events } = figures;

  return (
    <section aria-labelledby="policy-overview-heading" data-testid="policy-overview">
      <Typography.Title level={4} style={{ marginTop: 24 }} id="policy-overview-heading">
        {t('registers.policyOverview.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <Card size="small" title={measures.total ? t('registers.policyOverview.measures', { total: measures.total }) : t('registers.policyOverview.measuresEmpty')}>
            <Space wrap>
              {measureStages.map((stage) => (
                <Tag key={stage} data-stage={stage}>
                  {t(`registers.policyMeasures.stage.${stage}`)} {measures.byStage[stage]}
                </Tag>
              ))}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card
            size="small"
            title={funding.total ? t('registers.policyOverview.funding', { total: funding.total, inPark: funding.inShenzhenPark }) : t('registers.policyOverview.fundingEmpty')}
          >
            {funding.totals.length === 0 ? (
              <Typography.Text type="secondary">{t('registers.fundedProjects.noTotals')}</Typography.Text>
            ) : (
              <Space orientation="vertical" size={2}>
                {funding.totals.map((line) => (
                  <Typography.Text key={line.currency} data-currency={line.currency}>
                    {t('registers.fundedProjects.totalLine', { currency: t(`registers.currency.${line.currency}`), amount: amountText(line.total, language), count: line.count })}
                  </Typography.Text>
                ))}
              </Space>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <ListCard
            title={t('registers.policyOverview.events')}
            items={events.upcoming}
            rowKey={(event) => event.id}
            empty={t('registers.policyOverview.eventsEmpty')}
            renderItem={(event) => (
              <PlainListItem>{t('registers.policyOverview.eventLine', { date: calendarDate(event.startDate, language), name: event.name, city: event.city })}</PlainListItem>
            )}
          />
        </Col>
      </Row>
    </section>
  );
}
