import { FolderOpenOutlined, InboxOutlined, ReloadOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Checkbox, Descriptions, Empty, Modal, Progress, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FolderState, FoundPackage, Identity, OpenResult, Peer, PrepareResult } from '../../shared/exchange/types';
import { formatDateTime } from '../../shared/i18n/formatDate';
import { nameIn, type Language } from '../../shared/model/language';
import type { TaskProgress } from '../../shared/tasks/progress';
import { api, BridgeError, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { useConflictMarks } from './conflictMarks';
import { countLines } from './exchangeLabels';

/** Progress of the one package being prepared or opened, matched by the task id the window chose. */
function useTaskProgress(): { progress: TaskProgress | null; start(): string; finish(): void; cancel(): void } {
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  const taskId = useRef<string | null>(null);
  useEffect(() => api().onTaskProgress((p) => p.taskId === taskId.current && setProgress(p)), []);
  return {
    progress,
    start: () => {
      setProgress(null);
      return (taskId.current = crypto.randomUUID());
    },
    finish: () => {
      taskId.current = null;
    },
    // Main stops before anything is written (or removes the package file it was writing).
    cancel: () => {
      if (taskId.current) void api().tasks.cancel({ taskId: taskId.current });
    },
  };
}

/** The person's own Cancel: said as such, not as a failure. */
const wasCancelled = (error: unknown) => error instanceof BridgeError && error.value.code === 'exchange.cancelled';

function ProgressLine({ label, progress, onCancel }: { label: string; progress: TaskProgress | null; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <div>
      <div role="status" aria-live="polite">
        <Typography.Text>{label}</Typography.Text>
        <Progress percent={progress ? Math.round((progress.done / progress.total) * 100) : 0} status="active" />
        {progress && <Typography.Text type="secondary">{t('exchange.prepare.progress', progress)}</Typography.Text>}
      </div>
      <Button size="small" onClick={onCancel}>
        {t('exchange.cancel')}
      </Button>
    </div>
  );
}

/**
 * Packages: prepare one for chosen peers, open one (from a file or from the exchange folder), and
 * the exchange folder with the packages found in it.
 */
export function PackagesPanel({
  identity,
  peers,
  folder,
  language,
  onFolderChanged,
  onOpened,
  onPrepared,
}: {
  identity: Identity;
  peers: Peer[];
  folder: FolderState | null;
  language: Language;
  onFolderChanged: (folder: FolderState) => void;
  /** A package was opened: the records on screen may have changed. */
  onOpened: () => void;
  onPrepared: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const marks = useConflictMarks();
  const [preparing, setPreparing] = useState(false);
  const [opening, setOpening] = useState(false);
  const [opened, setOpened] = useState<OpenResult | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const task = useTaskProgress();

  const open = async (source: { kind: 'choose' } | { kind: 'found'; packageId: string }) => {
    if (opening) return;
    setOpening(true);
    setRefusal(null);
    setOpened(null);
    const taskId = task.start();
    try {
      const result = await unwrap(api().exchange.open({ source, taskId }));
      if (result) {
        setOpened(result);
        await marks.refresh();
        onOpened();
      }
    } catch (error) {
      if (wasCancelled(error)) void message.info(errorText(error));
      else setRefusal(errorText(error));
    } finally {
      task.finish();
      setOpening(false);
      onFolderChanged(await unwrap(api().exchange.folder()).catch(() => folder ?? { path: null, found: [] }));
    }
  };

  const folderCall = async (call: () => Promise<FolderState>) => {
    try {
      onFolderChanged(await call());
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const active = peers.filter((p) => p.retiredAt === null);
  return (
    <section aria-label={t('exchange.sections.packages')}>
      <Typography.Paragraph type="secondary" style={{ maxWidth: 820 }}>
        {t('exchange.intro')}
      </Typography.Paragraph>
      {!identity.configured && <Alert type="warning" showIcon title={t('exchange.prepare.needIdentity')} style={{ marginBottom: 12 }} />}
      {identity.configured && active.length === 0 && <Alert type="info" showIcon title={t('exchange.prepare.needPeers')} style={{ marginBottom: 12 }} />}
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<SendOutlined />} disabled={!identity.configured || active.length === 0} onClick={() => setPreparing(true)}>
          {t('exchange.prepare.button')}
        </Button>
        <Button icon={<InboxOutlined />} loading={opening} onClick={() => void open({ kind: 'choose' })}>
          {t('exchange.open.button')}
        </Button>
      </Space>
      {opening && <ProgressLine label={t('exchange.open.working')} progress={task.progress} onCancel={task.cancel} />}
      {refusal && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={refusal}
          description={t('exchange.open.refused')}
          closable={{ onClose: () => setRefusal(null) }}
          style={{ marginBottom: 16 }}
        />
      )}
      {opened && <OpenResultView result={opened} language={language} onClose={() => setOpened(null)} />}

      <Typography.Title level={5}>{t('exchange.folder.title')}</Typography.Title>
      {folder?.path ? (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Typography.Text>{t('exchange.folder.path', { path: folder.path })}</Typography.Text>
            <Button size="small" icon={<FolderOpenOutlined />} onClick={() => void folderCall(() => unwrap(api().exchange.chooseFolder()))}>
              {t('exchange.folder.change')}
            </Button>
            <Button size="small" onClick={() => void folderCall(() => unwrap(api().exchange.clearFolder()))}>
              {t('exchange.folder.clear')}
            </Button>
            <Button size="small" icon={<ReloadOutlined />} onClick={() => void folderCall(() => unwrap(api().exchange.folder()))}>
              {t('exchange.folder.rescan')}
            </Button>
          </Space>
          <FoundPackages found={folder.found} language={language} opening={opening} onOpen={(packageId) => void open({ kind: 'found', packageId })} />
        </>
      ) : (
        <>
          <Typography.Paragraph type="secondary" style={{ maxWidth: 820 }}>
            {t('exchange.folder.none')}
          </Typography.Paragraph>
          <Button icon={<FolderOpenOutlined />} onClick={() => void folderCall(() => unwrap(api().exchange.chooseFolder()))}>
            {t('exchange.folder.choose')}
          </Button>
        </>
      )}
      {preparing && (
        <PrepareDialog
          peers={active}
          hasFolder={!!folder?.path}
          language={language}
          onClose={() => setPreparing(false)}
          onPrepared={() => {
            onPrepared();
            void folderCall(() => unwrap(api().exchange.folder()));
          }}
        />
      )}
    </section>
  );
}

function FoundPackages({
  found,
  language,
  opening,
  onOpen,
}: {
  found: FoundPackage[];
  language: Language;
  opening: boolean;
  onOpen: (packageId: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-label={t('exchange.folder.found')}>
    <Table<FoundPackage>
      rowKey="packageId"
      size="small"
      pagination={false}
      title={() => t('exchange.folder.found')}
      dataSource={found}
      locale={{ emptyText: <Empty description={t('exchange.folder.foundEmpty')} /> }}
      columns={[
        {
          key: 'file',
          title: t('exchange.folder.fileName'),
          render: (_, p) => (
            <>
              {p.fileName}
              {p.copies.length > 0 && (
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} title={p.copies.join('\n')}>
                  {t('exchange.folder.copies', { count: p.copies.length })}
                </Typography.Text>
              )}
            </>
          ),
        },
        { key: 'from', title: t('exchange.folder.from'), render: (_, p) => (p.from ? nameIn(p.from.office, language) : t('exchange.none')) },
        { key: 'modified', title: t('exchange.log.time'), render: (_, p) => formatDateTime(p.modifiedAt, language) },
        {
          key: 'state',
          title: t('exchange.folder.state'),
          render: (_, p) => <Tag color={p.status === 'new' ? 'blue' : 'default'}>{t(`exchange.folder.stateValue.${p.status}`)}</Tag>,
        },
        {
          key: 'open',
          title: '',
          render: (_, p) =>
            (p.status === 'new' || p.status === 'opened') && (
              <Button size="small" type={p.status === 'new' ? 'primary' : 'default'} disabled={opening} onClick={() => onOpen(p.packageId)} aria-label={`${t('exchange.folder.open')} ${p.fileName}`}>
                {t('exchange.folder.open')}
              </Button>
            ),
        },
      ]}
    />
    </section>
  );
}

/** What opening a package did: from whom, what it brought, the conflicts it raised, the numbers renumbered. */
function OpenResultView({ result, language, onClose }: { result: OpenResult; language: Language; onClose: () => void }) {
  const { t } = useTranslation();
  const marks = useConflictMarks();
  const lines = countLines(result.counts, t);
  return (
    <Alert
      type={result.conflictsRaised > 0 ? 'warning' : 'success'}
      showIcon
      role="status"
      closable={{ onClose }}
      style={{ marginBottom: 16 }}
      title={t('exchange.open.done', { fileName: result.fileName, office: nameIn(result.from.office, language) })}
      description={
        <div className="exchange-open-result">
          {result.alreadyOpened || result.changedRecords === 0 ? (
            <Typography.Paragraph>{t('exchange.open.nothingNew')}</Typography.Paragraph>
          ) : (
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'counts', label: t('exchange.open.counts'), children: lines.length ? lines.join('、') : t('exchange.countNone') },
              ]}
            />
          )}
          <Typography.Paragraph strong={result.conflictsRaised > 0}>
            {result.conflictsRaised > 0 ? t('exchange.open.conflictsRaised', { count: result.conflictsRaised }) : t('exchange.open.noConflicts')}{' '}
            {result.conflictsRaised > 0 && (
              <Button size="small" onClick={marks.openConflicts}>
                {t('exchange.open.showConflicts')}
              </Button>
            )}
          </Typography.Paragraph>
          {result.renumbered.length > 0 && (
            <>
              <Typography.Paragraph>{t('exchange.open.renumbered')}</Typography.Paragraph>
              <ul>
                {result.renumbered.map((r) => (
                  <li key={`${r.recordId}-${r.field}`}>{t('exchange.open.renumberedLine', { kind: t(`exchange.kind.${r.collection}`, { defaultValue: r.collection }), from: r.from, to: r.to })}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      }
    />
  );
}

/** Chooses the peers a package is for, prepares it with progress, and says where it was saved. */
function PrepareDialog({
  peers,
  hasFolder,
  language,
  onClose,
  onPrepared,
}: {
  peers: Peer[];
  hasFolder: boolean;
  language: Language;
  onClose: () => void;
  onPrepared: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const marks = useConflictMarks();
  const [chosen, setChosen] = useState<string[]>(peers.length === 1 ? [peers[0]!.id] : []);
  const [toFolder, setToFolder] = useState(hasFolder);
  const [working, setWorking] = useState(false);
  const [result, setResult] = useState<PrepareResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const task = useTaskProgress();

  const prepare = async () => {
    if (working) return;
    if (chosen.length === 0) return setProblem(t('exchange.prepare.choosePeer'));
    setWorking(true);
    setProblem(null);
    setResult(null);
    const taskId = task.start();
    try {
      const prepared = await unwrap(api().exchange.prepare({ peerIds: chosen, toFolder, taskId }));
      if (prepared) {
        setResult(prepared);
        onPrepared();
      }
    } catch (error) {
      if (wasCancelled(error)) void message.info(errorText(error));
      else setProblem(errorText(error));
    } finally {
      task.finish();
      setWorking(false);
    }
  };

  const lines = result ? countLines(result.counts, t) : [];
  return (
    <Modal
      open
      title={t('exchange.prepare.title')}
      onCancel={() => !working && onClose()}
      width={640}
      footer={
        <Space>
          <Button onClick={onClose} disabled={working}>
            {t('exchange.close')}
          </Button>
          {!result && (
            <Button type="primary" loading={working} onClick={() => void prepare()}>
              {t('exchange.prepare.start')}
            </Button>
          )}
        </Space>
      }
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void prepare();
        }}
      >
        <Typography.Paragraph type="secondary">{t('exchange.prepare.intro')}</Typography.Paragraph>
        {marks.markedRecords > 0 && (
          <Alert type="warning" showIcon title={t('exchange.prepare.conflictsWarning', { count: marks.markedRecords })} style={{ marginBottom: 12 }} />
        )}
        <fieldset style={{ border: 0, padding: 0, margin: '0 0 12px' }}>
          <legend style={{ fontWeight: 600, fontSize: 14 }}>{t('exchange.prepare.peers')}</legend>
          <Checkbox.Group
            value={chosen}
            onChange={(values) => setChosen(values as string[])}
            disabled={working || !!result}
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={peers.map((peer) => ({
              value: peer.id,
              label: `${nameIn(peer.office, language)} · ${peer.officer} · ${peer.device}`,
            }))}
          />
        </fieldset>
        <Checkbox checked={toFolder} disabled={!hasFolder || working || !!result} onChange={(event) => setToFolder(event.target.checked)}>
          {t('exchange.prepare.toFolder')}
        </Checkbox>
        {!hasFolder && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 4 }}>
            {t('exchange.prepare.noFolder')}
          </Typography.Paragraph>
        )}
        {working && <ProgressLine label={t('exchange.prepare.working')} progress={task.progress} onCancel={task.cancel} />}
        {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
        {result && (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 12 }}
            title={t('exchange.prepare.done', { fileName: result.fileName })}
            description={
              <>
                <div>{t('exchange.prepare.savedAt', { path: result.path })}</div>
                <div>{lines.length ? lines.join('、') : t('exchange.countNone')}</div>
                <div>{t('exchange.prepare.carry')}</div>
              </>
            }
          />
        )}
        <button type="submit" hidden aria-hidden />
      </form>
    </Modal>
  );
}
