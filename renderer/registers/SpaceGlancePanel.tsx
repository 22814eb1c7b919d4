import { Card, Col, Empty, Progress, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/model/language';
import { unitLabel, type SpaceUnit } from '../../shared/model/registers/space';
import type { SpaceGlance } from '../../shared/registers/spaceGlance';
import { area, calendarDate, percent } from './format';
import { PlainList, PlainListItem } from '../ui/PlainList';

const SHOWN = 5;
const BAR_HEIGHT = 22;

/** Tenants by sector as horizontal bars: plain SVG, labelled for screen readers. */
function SectorChart({ bySector }: { bySector: SpaceGlance['bySector'] }) {
  const { t } = useTranslation();
  if (bySector.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registers.glance.none')} />;
  const most = Math.max(...bySector.map((s) => s.count));
  const labelWidth = 130;
  const barSpace = 170;
  return (
    <svg
      className="register-chart"
      role="img"
      aria-label={t('registers.glance.chartLabel')}
      width={labelWidth + barSpace + 40}
      height={bySector.length * (BAR_HEIGHT + 6)}
    >
      {bySector.map(({ sector, count }, i) => {
        const y = i * (BAR_HEIGHT + 6);
        const width = Math.max(2, (count / most) * barSpace);
        const name = t(`registers.tenants.sector.${sector}`);
        return (
          <g key={sector}>
            <title>{t('registers.glance.sectorCount', { sector: name, count })}</title>
            <text x={labelWidth - 6} y={y + BAR_HEIGHT / 2 + 4} textAnchor="end">
              {name}
            </text>
            <rect x={labelWidth} y={y} width={width} height={BAR_HEIGHT} rx={3} fill="#1677ff" />
            <text x={labelWidth + width + 6} y={y + BAR_HEIGHT / 2 + 4}>
              {count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** 香港科學園落戶深圳 at a glance: leased and occupied area, occupancy, tenants by sector, leases ending, vacant units. */
export function SpaceGlancePanel({ glance, language }: { glance: SpaceGlance; language: Language }) {
  const { t } = useTranslation();
  const sqm = (value: number) => t('registers.spaceUnits.sqm', { value: area(value, language) });
  return (
    <Card size="small" title={t('registers.glance.title')} className="register-glance" aria-label={t('registers.glance.title')}>
      <Row gutter={[24, 12]}>
        <Col xs={24} lg={7}>
          <Statistic title={t('registers.glance.leasedArea')} value={sqm(glance.leasedArea)} />
          <Statistic title={t('registers.glance.occupiedArea')} value={sqm(glance.occupiedArea)} style={{ marginTop: 8 }} />
          <Typography.Text type="secondary">{t('registers.glance.occupancy')}</Typography.Text>
          <Progress
            percent={Math.round((glance.occupancy ?? 0) * 1000) / 10}
            format={() => percent(glance.occupancy, language)}
            aria-label={t('registers.glance.occupancyHelp')}
          />
        </Col>
        <Col xs={24} lg={7}>
          <Typography.Text strong>{t('registers.glance.bySector')}</Typography.Text>
          <div style={{ marginTop: 8 }}>
            <SectorChart bySector={glance.bySector} />
          </div>
        </Col>
        <UnitList title={t('registers.glance.endingSoon')} units={glance.endingSoon} text={(unit) => `${unitLabel(unit)} · ${calendarDate(unit.leaseEnd, language)}`} />
        <UnitList title={t('registers.glance.noTenant')} units={glance.vacant} text={unitLabel} />
      </Row>
    </Card>
  );
}

/** A column of the glance: how many units are in a list, and the first few of them. */
function UnitList({ title, units, text }: { title: string; units: SpaceUnit[]; text: (unit: SpaceUnit) => string }) {
  const { t } = useTranslation();
  return (
    <Col xs={24} lg={5}>
      <Typography.Text strong>
        {title} ({units.length})
      </Typography.Text>
      <PlainList
        size="dense"
        items={units.slice(0, SHOWN)}
        rowKey={(unit) => unit.id}
        aria-label={title}
        empty={t('registers.glance.none')}
        renderItem={(unit) => <PlainListItem>{text(unit)}</PlainListItem>}
      />
    </Col>
  );
}
