import { StopOutlined, UserAddOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Checkbox, Descriptions, Empty, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardPreview, Peer } from '../../shared/exchange/types';
import { formatDateTime } from '../../shared/i18n/formatDate';
import { nameIn, type Language } from '../../shared/model/language';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { labelsIn } from '../i18n/i18n';
import { FingerprintGroups } from './FingerprintGroups';

/** The installations this one exchanges with: add one from its contact card, retire one after confirming. */
export function PeersPanel({ peers, language, onChanged }: { peers: Peer[]; language: Language; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message, modal } = AntApp.useApp();
  const errorText = useErrorText();
  const [card, setCard] = useState<CardPreview | null>(null);

  const readCard = async () => {
    try {
      const read = await unwrap(api().exchange.readCard());
      if (read) setCard(read);
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const retire = (peer: Peer) => {
    const office = nameIn(peer.office, language);
    modal.confirm({
      title: t('exchange.peers.retireTitle', { office }),
      content: t('exchange.peers.retireHelp'),
      okText: t('exchange.peers.retireOk'),
      okButtonProps: { danger: true },
      cancelText: t('exchange.cancel'),
      onOk: async () => {
        try {
          await unwrap(api().exchange.retirePeer({ id: peer.id }));
          void message.success(t('exchange.peers.retiredMessage', { office }));
          onChanged();
        } catch (error) {
          void message.error(errorText(error));
        }
      },
    });
  };

  const when = (stamp: { at: string } | null) => (stamp ? formatDateTime(stamp.at, language) : t('exchange.never'));
  return (
    <section aria-label={t('exchange.peers.title')}>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<UserAddOutlined />} onClick={() => void readCard()}>
          {t('exchange.peers.add')}
        </Button>
      </Space>
      <Table<Peer>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={peers}
        locale={{ emptyText: <Empty description={t('exchange.peers.empty')} /> }}
        columns={[
          { key: 'office', title: t('exchange.peers.office'), render: (_, peer) => nameIn(peer.office, language) },
          { key: 'side', title: t('exchange.identity.side'), render: (_, peer) => t(`exchange.side.${peer.side}`) },
          { key: 'officer', title: t('exchange.peers.officer'), dataIndex: 'officer' },
          { key: 'device', title: t('exchange.peers.device'), dataIndex: 'device' },
          { key: 'lastSent', title: t('exchange.peers.lastSent'), render: (_, peer) => when(peer.lastSent) },
          { key: 'lastReceived', title: t('exchange.peers.lastReceived'), render: (_, peer) => when(peer.lastReceived) },
          {
            key: 'status',
            title: t('exchange.peers.status'),
            render: (_, peer) =>
              peer.retiredAt ? <Tag>{t('exchange.peers.retired')}</Tag> : <Tag color="green">{t('exchange.peers.active')}</Tag>,
          },
          {
            key: 'retire',
            title: '',
            render: (_, peer) =>
              !peer.retiredAt && (
                <Button size="small" icon={<StopOutlined />} onClick={() => retire(peer)} aria-label={`${t('exchange.peers.retire')} ${nameIn(peer.office, language)}`}>
                  {t('exchange.peers.retire')}
                </Button>
              ),
          },
        ]}
      />
      {card && (
        <EnrolDialog
          card={card}
          language={language}
          onCancel={() => setCard(null)}
          onAdded={(peer) => {
            setCard(null);
            void message.success(t('exchange.enrol.added', { office: nameIn(peer.office, language) }));
            onChanged();
          }}
        />
      )}
    </section>
  );
}

/**
 * What a contact card says, with its fingerprint in large groups to compare by phone or on paper,
 * and a confirmation in both scripts that the person did so; nothing is added before it is ticked.
 */
function EnrolDialog({
  card,
  language,
  onCancel,
  onAdded,
}: {
  card: CardPreview;
  language: Language;
  onCancel: () => void;
  onAdded: (peer: Peer) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [compared, setCompared] = useState(false);
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const office = nameIn(card.card.office, language);
  // A retired peer is added back the same way: its fingerprint compared again.
  const canAdd = card.known !== 'same';

  const add = async () => {
    if (!compared || !canAdd || adding) return;
    setAdding(true);
    setProblem(null);
    try {
      onAdded(await unwrap(api().exchange.addPeer({ token: card.token, fingerprintConfirmed: true })));
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setAdding(false);
    }
  };

  // The sentence the person ticks, in the other Chinese script too: the two sides read it to each other.
  const otherScripts = (['zh-Hant', 'zh-Hans'] as const).filter((l) => l !== language);
  return (
    <Modal
      open
      title={t('exchange.enrol.title')}
      onCancel={onCancel}
      width={720}
      footer={
        <Space>
          <Button onClick={onCancel}>{t('exchange.cancel')}</Button>
          {canAdd && (
            <Button type="primary" disabled={!compared} loading={adding} onClick={() => void add()}>
              {t('exchange.enrol.add')}
            </Button>
          )}
        </Space>
      }
    >
      {card.known === 'same' && <Alert type="info" showIcon title={t('exchange.enrol.knownSame')} style={{ marginBottom: 16 }} />}
      {card.known === 'retired' && <Alert type="warning" showIcon title={t('exchange.enrol.knownRetired')} style={{ marginBottom: 16 }} />}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'hant', label: t('exchange.identity.officeHant'), children: <span lang="zh-HK">{card.card.office.hant}</span> },
          { key: 'hans', label: t('exchange.identity.officeHans'), children: <span lang="zh-CN">{card.card.office.hans}</span> },
          { key: 'en', label: t('exchange.identity.officeEn'), children: card.card.office.en || t('exchange.none') },
          { key: 'side', label: t('exchange.identity.side'), children: t(`exchange.side.${card.card.side}`) },
          { key: 'officer', label: t('exchange.peers.officer'), children: card.card.officer },
          { key: 'device', label: t('exchange.peers.device'), children: card.card.device },
        ]}
      />
      {canAdd && (
        <>
          <Typography.Paragraph style={{ marginTop: 16 }}>{t('exchange.enrol.intro')}</Typography.Paragraph>
          <FingerprintGroups fingerprint={card.fingerprint} />
          <Checkbox checked={compared} onChange={(event) => setCompared(event.target.checked)} autoFocus>
            {t('exchange.enrol.confirm', { office })}
          </Checkbox>
          {otherScripts.map((other) => (
            <Typography.Paragraph key={other} type="secondary" lang={other === 'zh-Hant' ? 'zh-HK' : 'zh-CN'} style={{ margin: '4px 0 0 24px' }}>
              {labelsIn(other)('exchange.enrol.confirm', { office: nameIn(card.card.office, other) })}
            </Typography.Paragraph>
          ))}
        </>
      )}
    </Modal>
  );
}
