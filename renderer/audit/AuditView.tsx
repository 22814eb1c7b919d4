import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, DatePicker, Empty, Input, Space, Table, Typography } from 'antd';
import { Select } from '../ui/Select';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditFilter, AuditPage } from '../../shared/audit/contract';
import { AuditEventKind, type AuditEntry } from '../../shared/audit/entry';
import { noAuditFilter } from '../../shared/audit/filter';
import { entryTime, subjectText } from '../../shared/audit/subjectText';
import type { AuditVerification } from '../../shared/audit/verification';
import type { Peer } from '../../shared/exchange/types';
import type { Contact } from '../../shared/model/contact';
import { nameIn, type Language } from '../../shared/model/language';
import type { SearchHit } from '../../shared/search/contract';
import { api, unwrap } from '../api/hetao';
import { ExportButton } from '../exports/ExportButton';
import { useErrorText } from '../api/useErrorText';

const PAGE = 200;
/** The collections whose records the workbench can open from an entry. */
const OPENABLE: Record<string, SearchHit['kind']> = { actions: 'action', contacts: 'contact', subGroups: 'subGroup' };

type Opening = Pick<SearchHit, 'kind' | 'id' | 'subGroupId'>;

/** 審計紀錄: the log, filtered, newest first; each entry opens the record it concerns; Verify checks the whole log. */
export function AuditView({ contacts, language, onOpen }: { contacts: Contact[]; language: Language; onOpen: (target: Opening) => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const [filter, setFilter] = useState<AuditFilter>(noAuditFilter);
  const [page, setPage] = useState<AuditPage | null>(null);
  const [verification, setVerification] = useState<{ result: AuditVerification; peers: Peer[] } | null>(null);
  const [verifying, setVerifying] = useState(false);

  const load = useCallback(() => {
    unwrap(api().audit.list({ filter, offset: 0, limit: PAGE })).then(setPage, (error: unknown) => void message.error(errorText(error)));
  }, [filter, message, errorText]);
  useEffect(load, [load]);

  const verify = async () => {
    setVerifying(true);
    try {
      // The peers name the offices whose countersignatures Verify counted.
      const [result, peers] = await Promise.all([unwrap(api().audit.verify()), unwrap(api().exchange.peers())]);
      setVerification({ result, peers });
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setVerifying(false);
    }
  };

  const open = async (entry: AuditEntry) => {
    const { collection, recordId } = entry.subject;
    const kind = collection ? OPENABLE[collection] : undefined;
    if (!kind || !recordId) return;
    try {
      const subGroupId = kind === 'action' ? (await unwrap(api().actions.get({ id: recordId }))).subGroupId : null;
      onOpen({ kind, id: recordId, subGroupId });
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const officerName = (id: string | null) => (id ? (contacts.find((c) => c.id === id)?.name ?? id) : t('audit.noOfficer'));
  const day = (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null);

  return (
    <section aria-label={t('audit.title')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('audit.filter.officer')}
          placeholder={t('audit.filter.officer')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 160 }}
          value={filter.officer ?? undefined}
          onChange={(officer?: string) => setFilter({ ...filter, officer: officer ?? null })}
          options={contacts.map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select
          aria-label={t('audit.filter.kind')}
          placeholder={t('audit.filter.kind')}
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          allowClear
          style={{ minWidth: 200 }}
          value={filter.kinds}
          onChange={(kinds: AuditEventKind[]) => setFilter({ ...filter, kinds })}
          options={AuditEventKind.options.map((kind) => ({ value: kind, label: t(`audit.kinds.${kind}`) }))}
        />
        <Input.Search
          aria-label={t('audit.filter.record')}
          placeholder={t('audit.filter.record')}
          allowClear
          style={{ width: 220 }}
          onSearch={(text) => setFilter({ ...filter, recordId: text.trim() || null })}
        />
        <Input.Search
          aria-label={t('audit.filter.document')}
          placeholder={t('audit.filter.document')}
          allowClear
          style={{ width: 200 }}
          onSearch={(text) => setFilter({ ...filter, document: text.trim() || null })}
        />
        <DatePicker.RangePicker
          aria-label={t('audit.filter.dates')}
          onChange={(range) => setFilter({ ...filter, from: day(range?.[0] ?? null), to: day(range?.[1] ?? null) })}
        />
        <Button icon={<SafetyCertificateOutlined />} loading={verifying} onClick={() => void verify()}>
          {t('audit.verify')}
        </Button>
        <ExportButton target={() => ({ kind: 'audit', filter })} count={page?.total} />
      </Space>
      {verification && <VerificationResult result={verification.result} peers={verification.peers} language={language} />}
      {page && page.writeFailures > 0 && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={t('audit.writeFailures', { count: page.writeFailures })} />}
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        loading={!page}
        dataSource={page?.entries ?? []}
        pagination={false}
        locale={{ emptyText: <Empty description={t('audit.empty')} /> }}
        columns={[
          { key: 'seq', title: t('audit.columns.seq'), render: (_, e) => e.seq + 1, width: 80 },
          { key: 'at', title: t('audit.columns.at'), render: (_, e) => entryTime(e), width: 220 },
          { key: 'officer', title: t('audit.columns.officer'), render: (_, e) => officerName(e.officer) },
          { key: 'kind', title: t('audit.columns.kind'), render: (_, e) => t(`audit.kinds.${e.kind}`) },
          {
            key: 'subject',
            title: t('audit.columns.subject'),
            render: (_, e) => <Subject entry={e} onOpen={() => void open(e)} openable={!!(e.subject.collection && OPENABLE[e.subject.collection] && e.subject.recordId)} />,
          },
        ]}
      />
      {page && page.total > page.entries.length && <Typography.Text type="secondary">{t('audit.more', { count: page.total - page.entries.length })}</Typography.Text>}
    </section>
  );
}

function Subject({ entry, openable, onOpen }: { entry: AuditEntry; openable: boolean; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      <span>{subjectText(entry, t)}</span>
      {openable && (
        <Button type="link" size="small" onClick={onOpen}>
          {t('audit.open')}
        </Button>
      )}
    </Space>
  );
}

function VerificationResult({ result, peers, language }: { result: AuditVerification; peers: Peer[]; language: Language }) {
  const { t } = useTranslation();
  const office = (id: string) => {
    const peer = peers.find((p) => p.id === id);
    return peer ? nameIn(peer.office, language) : id;
  };
  const covered =
    result.countersignedEntries > 0
      ? t('audit.result.covered', { count: result.countersignedEntries, entries: result.entries, offices: result.countersignedBy.map(office).join(t('audit.result.officeSeparator')) })
      : t('audit.result.notCovered');
  if (result.ok) {
    return <Alert type="success" showIcon style={{ marginBottom: 12 }} title={t('audit.result.ok', { entries: result.entries, checkpoints: result.checkpoints })} description={covered} />;
  }
  const failure = result.failure!;
  return (
    <Alert
      type="error"
      showIcon
      style={{ marginBottom: 12 }}
      title={t(`audit.result.${failure.reason}`, { entry: (failure.entry ?? 0) + 1, size: failure.checkpointSize ?? 0 })}
      description={covered}
    />
  );
}
