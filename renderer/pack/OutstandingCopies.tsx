import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/i18n/formatDate';
import { nameIn, type Language } from '../../shared/model/language';
import type { SubGroup, WorkingGroup } from '../../shared/model/subGroup';
import { api, unwrap } from '../api/hetao';
import { useBridgeQuery } from '../api/useBridgeQuery';
import { PlainList, PlainListItem } from '../ui/PlainList';

/** The overview's count of numbered copies still out after their meeting was held, meeting by meeting. */
export function OutstandingCopies({
  workingGroup,
  subGroups,
  language,
  refreshKey,
}: {
  workingGroup: WorkingGroup;
  subGroups: SubGroup[];
  language: Language;
  refreshKey: number;
}) {
  const { t } = useTranslation();
  const { data } = useBridgeQuery(() => unwrap(api().pack.outstandingCopies()), refreshKey);
  if (!data || data.length === 0) return null;
  const total = data.reduce((sum, m) => sum + m.count, 0);
  const body = (subGroupId: string | null) => {
    const subGroup = subGroups.find((g) => g.id === subGroupId);
    return nameIn(subGroup?.name ?? workingGroup.name, language);
  };
  return (
    <Card size="small" style={{ marginTop: 24 }} aria-labelledby="outstanding-copies-heading" data-testid="outstanding-copies">
      <Typography.Text strong id="outstanding-copies-heading">
        {t('pack.outstanding.title', { count: total })}
      </Typography.Text>
      <PlainList
        items={data}
        size="small"
        rowKey={(m) => m.meetingId}
        renderItem={(m) => (
          <PlainListItem trailing={t('pack.outstanding.count', { count: m.count })}>
            {`${body(m.subGroupId)} ${t('meetings.numberLabel', { number: m.meetingNumber })}（${formatDate(m.meetingDate, language)}）`}
          </PlainListItem>
        )}
      />
    </Card>
  );
}
