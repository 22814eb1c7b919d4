import { Empty, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ExchangeLogEntry } from '../../shared/exchange/types';
import { formatDateTime } from '../../shared/i18n/formatDate';
import { nameIn, type Language } from '../../shared/model/language';
import { countLines } from './exchangeLabels';

const kindTone = { prepared: 'blue', opened: 'green', refused: 'red' } as const;

/** Every package prepared, opened or refused: when, for or from whom, what it carried, the conflicts it raised. */
export function ExchangeLog({ entries, language }: { entries: ExchangeLogEntry[]; language: Language }) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('exchange.log.title')}>
      <Table<ExchangeLogEntry>
        rowKey="id"
        size="small"
        dataSource={entries}
        pagination={entries.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: <Empty description={t('exchange.log.empty')} /> }}
        columns={[
          { key: 'at', title: t('exchange.log.time'), render: (_, e) => formatDateTime(e.at, language), width: 170 },
          { key: 'kind', title: t('exchange.log.what'), render: (_, e) => <Tag color={kindTone[e.kind]}>{t(`exchange.log.${e.kind}`)}</Tag>, width: 90 },
          { key: 'who', title: t('exchange.log.who'), render: (_, e) => e.peers.map((p) => `${nameIn(p.office, language)} · ${p.officer}`).join('、') || t('exchange.none') },
          { key: 'file', title: t('exchange.log.file'), dataIndex: 'fileName' },
          {
            key: 'carried',
            title: t('exchange.log.carried'),
            render: (_, e) => {
              if (e.error) return <Typography.Text type="danger">{t(`errors.${e.error}`, { defaultValue: e.error })}</Typography.Text>;
              const lines = countLines(e.counts, t);
              return lines.length ? lines.join('、') : t('exchange.log.nothing');
            },
          },
          { key: 'conflicts', title: t('exchange.log.conflicts'), render: (_, e) => (e.kind === 'opened' ? e.conflictsRaised : t('exchange.none')), width: 80 },
        ]}
      />
    </section>
  );
}
