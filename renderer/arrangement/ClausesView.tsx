import { Alert, Badge, Card, Col, Divider, Empty, Row, Space, Switch, Table, Tag, Tree, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { arrangementText, findNode, inScript, type ArrangementNode } from '../../shared/arrangement/arrangementText';
import { clauseLabel, isClauseId, nodeLabel, servesNode } from '../../shared/arrangement/clauses';
import { workReference, type ClauseCounts, type WorkItem } from '../../shared/arrangement/work';
import { formatDate } from '../../shared/i18n/formatDate';
import { annexLabel, type Annex } from '../../shared/model/annex';
import type { Contact } from '../../shared/model/contact';
import { readerScriptOf, scriptTag, type Language } from '../../shared/model/language';
import { api, unwrap } from '../api/hetao';
import { useBridgeQuery } from '../api/useBridgeQuery';
import { useReaderScript } from '../script/readerScript';
import { ClauseText } from './clauseNavigation';
import { ClauseNotes } from './ClauseNotes';

/** The heading a node shows in the tree and above its text: 第二條（三） 聯合探索… */
function heading(node: ArrangementNode, language: Language, preambleLabel: string, signaturesLabel: string): string {
  if (node.id === 'preamble') return preambleLabel;
  if (node.id === 'signatures') return signaturesLabel;
  const title = language === 'en' ? '' : inScript(node.heading, language);
  return [nodeLabel(node.id, language), title].filter(Boolean).join('\u3000');
}

interface TreeNode {
  key: string;
  title: React.ReactNode;
  children: TreeNode[];
}

/** Sums the counts of the clauses under a node, so 第二條 shows all the work under its parts. */
function countUnder(counts: ClauseCounts | null, nodeId: string): number {
  if (!counts) return 0;
  return Object.entries(counts).reduce((sum, [id, c]) => (servesNode(id, nodeId) ? sum + c.items + c.notes : sum), 0);
}

/**
 * The arrangement read clause by clause: the text as a tree on the left; on the right the selected
 * node's text (in the reader's script, or both side by side), the annexes that amend it, the work
 * that serves it and its progress log.
 */
export function ClausesView({
  language,
  contacts,
  selected,
  onSelect,
  onOpenAnnex,
}: {
  language: Language;
  contacts: Contact[];
  selected: string;
  onSelect: (nodeId: string) => void;
  onOpenAnnex: (annexId: string) => void;
}) {
  const { t } = useTranslation();
  const [both, setBoth] = useState(false);
  const node = findNode(selected);
  const citeable = /^\d/.test(selected);

  const countsQuery = useBridgeQuery(() => unwrap(api().arrangement.counts()), selected);
  // The preamble and signatures cite nothing; a detail shows only for the node it was read for.
  const detailQuery = useBridgeQuery(() => unwrap(api().arrangement.clauseDetail({ nodeId: selected })), selected, { skip: !citeable });
  const counts = countsQuery.data;
  const detail = detailQuery.data;
  const reload = () => {
    void countsQuery.refetch();
    if (citeable) void detailQuery.refetch();
  };

  const preambleLabel = t('arrangement.preamble');
  const signaturesLabel = t('arrangement.signatures');
  const treeData = (nodes: ArrangementNode[]): TreeNode[] =>
    nodes.map((n) => {
      const count = countUnder(counts, n.id);
      return {
        key: n.id,
        title: (
          <span className="clause-tree-title">
            {heading(n, language, preambleLabel, signaturesLabel)}
            {count > 0 && <Badge count={count} size="small" color="#1677ff" style={{ marginInlineStart: 6 }} title={t('arrangement.workCount', { count })} />}
          </span>
        ),
        children: treeData(n.children),
      };
    });

  const paragraphs = (script: 'hant' | 'hans') => (
    <div lang={scriptTag[script]}>
      {node?.paragraphs.map((p, i) => (
        <Typography.Paragraph key={i} className="arrangement-paragraph">
          {p[script]}
        </Typography.Paragraph>
      ))}
    </div>
  );

  return (
    <Row gutter={24}>
      <Col xs={24} md={9} lg={8}>
        <Card size="small" title={inScript(arrangementText.title[1]!, language)}>
          <Tree
            aria-label={t('arrangement.tree')}
            blockNode
            defaultExpandAll
            selectedKeys={[selected]}
            onSelect={(keys) => keys[0] !== undefined && onSelect(String(keys[0]))}
            treeData={treeData(arrangementText.nodes)}
          />
        </Card>
      </Col>
      <Col xs={24} md={15} lg={16}>
        {!node ? (
          <Empty description={t('arrangement.pickClause')} />
        ) : (
          <section aria-label={heading(node, language, preambleLabel, signaturesLabel)}>
            <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
              <Typography.Title level={4} style={{ marginTop: 0 }}>
                {heading(node, language, preambleLabel, signaturesLabel)}
              </Typography.Title>
              <Space>
                <Typography.Text>{t('arrangement.showBoth')}</Typography.Text>
                <Switch checked={both} onChange={setBoth} aria-label={t('arrangement.showBoth')} />
              </Space>
            </Space>
            {both ? (
              <Row gutter={16}>
                <Col span={12}>
                  <Typography.Text type="secondary">{t('arrangement.hantEdition')}</Typography.Text>
                  {paragraphs('hant')}
                </Col>
                <Col span={12}>
                  <Typography.Text type="secondary">{t('arrangement.hansEdition')}</Typography.Text>
                  {paragraphs('hans')}
                </Col>
              </Row>
            ) : (
              paragraphs(readerScriptOf(language) ?? 'hant')
            )}
            {node.children.length > 0 && citeable && <Typography.Text type="secondary">{t('arrangement.groupNote')}</Typography.Text>}
            {detail && detail.nodeId === selected && (
              <>
                <AmendedBy annexes={detail.annexes} nodeId={selected} language={language} onOpenAnnex={onOpenAnnex} />
                <Divider titlePlacement="start">{t('arrangement.work')}</Divider>
                <WorkTable items={detail.items} language={language} />
                {isClauseId(selected) || node.children.length > 0 ? (
                  <>
                    <Divider titlePlacement="start">{t('arrangement.notes')}</Divider>
                    <ClauseNotes key={selected} nodeId={selected} notes={detail.notes} contacts={contacts} language={language} onChanged={reload} />
                  </>
                ) : null}
              </>
            )}
          </section>
        )}
      </Col>
    </Row>
  );
}

function AmendedBy({ annexes, nodeId, language, onOpenAnnex }: { annexes: Annex[]; nodeId: string; language: Language; onOpenAnnex: (id: string) => void }) {
  const { t } = useTranslation();
  if (annexes.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginTop: 12 }}
      title={t('arrangement.amendedBy')}
      description={
        <ul className="amended-by">
          {annexes.map((annex) => (
            <li key={annex.id}>
              <Typography.Link onClick={() => onOpenAnnex(annex.id)}>
                {annexLabel(annex, language)} {language === 'zh-Hans' ? annex.title.hans : language === 'en' && annex.title.en ? annex.title.en : annex.title.hant}
              </Typography.Link>{' '}
              <Tag>{t(`arrangement.annexStatus.${annex.status}`)}</Tag>
              {annex.clauses
                .filter((c) => servesNode(c.clauseId, nodeId))
                .map((c) => `${t(`arrangement.relation.${c.relation}`)} ${clauseLabel(c.clauseId, language)}`)
                .join('；')}
            </li>
          ))}
        </ul>
      }
    />
  );
}

function WorkTable({ items, language }: { items: WorkItem[]; language: Language }) {
  const { t } = useTranslation();
  const reader = useReaderScript();
  return (
    <Table<WorkItem>
      size="small"
      rowKey="id"
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('arrangement.noWork')} /> }}
      columns={[
        { title: t('arrangement.col.kind'), dataIndex: 'kind', width: 110, render: (kind: WorkItem['kind']) => <Tag>{t(`arrangement.kind.${kind}`)}</Tag> },
        { title: t('arrangement.col.reference'), key: 'reference', width: 130, render: (_: unknown, item: WorkItem) => workReference(item, t) },
        { title: t('arrangement.col.title'), dataIndex: 'title', render: (title: string) => <ClauseText text={reader.show(title).text} language={language} /> },
        { title: t('arrangement.col.status'), dataIndex: 'statusKey', width: 110, render: (key: string | null) => (key ? t(key) : '') },
        { title: t('arrangement.col.date'), dataIndex: 'date', width: 140, render: (date: string | null) => (date ? formatDate(`${date}T12:00:00Z`, language, 'UTC') : '') },
      ]}
    />
  );
}
