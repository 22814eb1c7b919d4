import { PlusOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Empty, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/i18n/formatDate';
import { annexLabel, type Annex } from '../../shared/model/annex';
import type { Language } from '../../shared/model/language';
import { api, unwrap } from '../api/hetao';
import { useBridgeQuery } from '../api/useBridgeQuery';
import { useErrorText } from '../api/useErrorText';
import { AnnexDrawer } from './AnnexDrawer';
import { ClauseLink } from './clauseNavigation';
import { CellTag, type TagTone } from '../ui/CellTag';
import { useUndoMessage } from '../ui/undoMessage';

const statusColour: Record<Annex['status'], TagTone> = { underDiscussion: 'default', agreed: 'blue', signed: 'gold', inForce: 'green' };

/** The annexes and supplementary arrangements (第四條), and the drawer to create or edit one. */
export function AnnexesPanel({
  language,
  openAnnex,
  onChanged,
}: {
  language: Language;
  /** An annex another view asked to show (e.g. from a clause it amends), with a counter to reopen it. */
  openAnnex: { id: string; version: number } | null;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const showUndo = useUndoMessage();
  const errorText = useErrorText();
  const [open, setOpen] = useState<'new' | string | null>(openAnnex?.id ?? null);

  const { data: annexes, refetch } = useBridgeQuery(() => unwrap(api().arrangement.annexes({ includeDeleted: false })), null);
  const reload = () => void refetch();
  // Another view asked to show an annex: open it (adjusted while rendering, once per request).
  const [seen, setSeen] = useState(openAnnex?.version ?? 0);
  if (openAnnex && openAnnex.version !== seen) {
    setSeen(openAnnex.version);
    setOpen(openAnnex.id);
  }

  const nextNumber = Math.max(0, ...(annexes ?? []).filter((a) => a.kind === 'annex').map((a) => a.number)) + 1;

  const remove = async (annex: Annex) => {
    try {
      await unwrap(api().arrangement.deleteAnnex({ id: annex.id }));
      setOpen(null);
      reload();
      onChanged();
      const key = `annex-${annex.id}`;
      showUndo({
        key,
        text: t('arrangement.annex.deleted', { label: annexLabel(annex, language) }),
        undoLabel: t('arrangement.undo'),
        onUndo: (close) => {
          close();
          void unwrap(api().arrangement.restoreAnnex({ id: annex.id })).then(() => {
            reload();
            onChanged();
          }, (error: unknown) => void message.error(errorText(error)));
        },
      });
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <section aria-label={t('arrangement.annexesTab')}>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')}>
          {t('arrangement.annex.new')}
        </Button>
      </Space>
      <Table<Annex>
        rowKey="id"
        size="small"
        loading={annexes === null}
        dataSource={annexes ?? []}
        pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('arrangement.annex.empty')} /> }}
        onRow={(annex) => ({ onClick: () => setOpen(annex.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('arrangement.annex.number'), key: 'label', width: 130, render: (_, annex) => <Typography.Link>{annexLabel(annex, language)}</Typography.Link> },
          { title: t('arrangement.annex.title'), key: 'title', render: (_, annex) => (language === 'zh-Hans' ? annex.title.hans : language === 'en' && annex.title.en ? annex.title.en : annex.title.hant) },
          { title: t('arrangement.annex.status'), dataIndex: 'status', width: 120, render: (status: Annex['status']) => <CellTag tone={statusColour[status]}>{t(`arrangement.annexStatus.${status}`)}</CellTag> },
          {
            title: t('arrangement.annex.clauses'),
            key: 'clauses',
            render: (_, annex) => (
              <Space size={4} wrap>
                {annex.clauses.map((c) => (
                  <span key={c.clauseId}>
                    {t(`arrangement.relation.${c.relation}`)} <ClauseLink id={c.clauseId} language={language} />
                  </span>
                ))}
              </Space>
            ),
          },
          { title: t('arrangement.annex.signedOn'), dataIndex: 'signedOn', width: 140, render: (d: string | null) => (d ? formatDate(`${d}T12:00:00Z`, language, 'UTC') : '') },
        ]}
      />
      <AnnexDrawer
        key={open ?? 'closed'}
        target={open}
        nextNumber={nextNumber}
        language={language}
        onClose={() => setOpen(null)}
        onSaved={(saved, created) => {
          if (created) setOpen(saved.id);
          reload();
          onChanged();
        }}
        onDelete={(annex) => void remove(annex)}
      />
    </section>
  );
}
