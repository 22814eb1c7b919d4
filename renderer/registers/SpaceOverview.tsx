import { Card, Progress, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/model/language';
import type { SpaceSummary } from '../../shared/registers/spaceGlance';
import { api, unwrap } from '../api/hetao';
import { area, percent } from './format';
import { useRegisterChanged } from './registerEvents';

/** The overview's line for the HK Science Park in Shenzhen: occupancy of the space HKSTP leases. */
export function SpaceOverview({ language, refreshKey }: { language: Language; refreshKey: number }) {
  const { t } = useTranslation();
  const [summary, setSummary] = useState<SpaceSummary | null>(null);
  const load = useCallback(() => {
    unwrap(api().spaceUnits.summary()).then(setSummary, () => setSummary(null));
  }, []);
  useEffect(load, [load, refreshKey]);
  useRegisterChanged('spaceUnits', load);
  useRegisterChanged('tenants', load);
  if (!summary) return null;
  const sqm = (value: number) => t('registers.spaceUnits.sqm', { value: area(value, language) });
  return (
    <Card size="small" style={{ marginTop: 24 }} data-testid="space-overview" aria-label={t('registers.glance.occupancy')}>
      <Typography.Text>
        {summary.unitCount === 0
          ? t('registers.glance.overviewEmpty')
          : t('registers.glance.overviewLine', {
              leased: sqm(summary.leasedArea),
              occupied: sqm(summary.occupiedArea),
              rate: percent(summary.occupancy, language),
              tenants: summary.tenantCount,
              ending: summary.endingSoon,
            })}
      </Typography.Text>
      {summary.unitCount > 0 && (
        <Progress percent={Math.round((summary.occupancy ?? 0) * 1000) / 10} showInfo={false} aria-label={t('registers.glance.occupancyHelp')} />
      )}
    </Card>
  );
}
