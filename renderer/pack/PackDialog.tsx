import { documentScriptsFor, type Language } from '../../shared/model/language';
import { App as AntApp, Alert, Button, Checkbox, Modal, Progress, Radio, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackBuildResult, PackScripts } from '../../shared/pack/contract';
import type { TaskProgress } from '../../shared/tasks/progress';
import { api, BridgeError, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { PackPreview } from './PackPreview';
import { useConflictWarning } from '../exchange/ConflictMarker';
import type { Script } from '../../shared/script/script';
import type { Classification } from '../../shared/model/meeting';
import type { Contact } from '../../shared/model/contact';
import { Select } from '../ui/Select';
import { PlainList, PlainListItem } from '../ui/PlainList';

/**
 * Builds a meeting's pack (會議文件包) in Traditional, Simplified or both: the user picks the
 * version, main asks where to save, progress shows while it builds (cancellable), then the files
 * saved, any paper that could not be read, and preview and print for each version. A restricted or
 * confidential meeting's pack is made as numbered copies: the user picks the recipients, and each
 * copy is printed on its own.
 */
export function PackDialog({
  meetingId,
  classification,
  contacts,
  onClose,
  onBuilt,
}: {
  meetingId: string;
  classification: Classification | null;
  contacts: Contact[];
  onClose: () => void;
  /** After a build: numbered copies are on the distribution list now. */
  onBuilt: () => void;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { modal } = AntApp.useApp();
  const [scripts, setScripts] = useState<PackScripts>(documentScriptsFor(i18n.language as Language));
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  const [building, setBuilding] = useState(false);
  const [result, setResult] = useState<PackBuildResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState<Script | null>(null);
  const [recipientIds, setRecipientIds] = useState<string[]>([]);
  const [watermark, setWatermark] = useState(true);
  const taskId = useRef<string | null>(null);

  useEffect(() => api().onTaskProgress((p) => p.taskId === taskId.current && setProgress(p)), []);

  // Where to save is asked once; a file that would be replaced beside the chosen one is asked about here.
  const start = async (fileCopyAgreed = false): Promise<void> => {
    if (building) return;
    setError(null);
    setNotice(null);
    if (classification && recipientIds.length === 0 && !fileCopyAgreed) {
      modal.confirm({
        title: t('pack.copies.chooseRecipients'),
        okText: t('pack.copies.fileCopy'),
        cancelText: t('pack.cancel'),
        onOk: () => void start(true),
      });
      return;
    }
    try {
      const copies = classification && recipientIds.length > 0 ? { recipientIds, watermark } : null;
      const plan = await unwrap(api().pack.prepare({ meetingId, scripts, copies }));
      if (!plan) return;
      if (plan.existing.length === 0) return void build(plan.token, false);
      modal.confirm({
        title: t('pack.replaceConfirm', { file: plan.existing.join('、') }),
        okText: t('pack.replace'),
        cancelText: t('pack.cancel'),
        onOk: () => void build(plan.token, true),
      });
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  const build = async (token: string, replaceExisting: boolean): Promise<void> => {
    const id = crypto.randomUUID();
    taskId.current = id;
    setBuilding(true);
    setProgress(null);
    try {
      setResult(await unwrap(api().pack.build({ meetingId, token, taskId: id, replaceExisting })));
      onBuilt();
    } catch (failure) {
      if (failure instanceof BridgeError && failure.value.code === 'pack.cancelled') setNotice(t('pack.cancelled'));
      else setError(errorText(failure));
    } finally {
      taskId.current = null;
      setBuilding(false);
    }
  };

  const cancel = () => {
    if (taskId.current) void api().tasks.cancel({ taskId: taskId.current });
  };

  const print = async (script: Script, copyId: string | null) => {
    try {
      await unwrap(api().pack.print({ meetingId, script, copyId }));
      setNotice(t('pack.printSent'));
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  const versionName = (script: Script) => t(script === 'hant' ? 'pack.scriptHant' : 'pack.scriptHans');

  return (
    <Modal
      open
      title={t('pack.title')}
      // While building, closing (Esc or ×) first stops the build.
      onCancel={() => (building ? cancel() : onClose())}
      footer={
        building ? (
          <Button onClick={cancel}>{t('pack.cancel')}</Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('pack.close')}</Button>
            <Button type="primary" onClick={() => void start()}>
              {t('pack.build')}
            </Button>
          </Space>
        )
      }
      width={640}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <Typography.Paragraph type="secondary">{t('pack.intro')}</Typography.Paragraph>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text strong id="pack-scripts">
            {t('pack.scripts')}
          </Typography.Text>
          <Radio.Group aria-labelledby="pack-scripts" value={scripts} onChange={(e) => setScripts(e.target.value as PackScripts)} disabled={building}>
            <Radio value="hant">{t('pack.scriptHant')}</Radio>
            <Radio value="hans">{t('pack.scriptHans')}</Radio>
            <Radio value="both">{t('pack.scriptBoth')}</Radio>
          </Radio.Group>
          {classification && (
            <>
              <Typography.Text strong id="pack-recipients">
                {t('pack.copies.recipients')}
              </Typography.Text>
              <Typography.Text type="secondary" id="pack-recipients-help">
                {t('pack.copies.intro', { classification: t(`meetings.classificationValue.${classification}`) })}
              </Typography.Text>
              <Select
                mode="multiple"
                aria-labelledby="pack-recipients"
                aria-describedby="pack-recipients-help"
                style={{ width: '100%' }}
                value={recipientIds}
                onChange={setRecipientIds}
                disabled={building}
                optionFilterProp="label"
                placeholder={t('pack.copies.recipientsPlaceholder')}
                options={contacts.filter((c) => c.deletedAt === null).map((c) => ({ value: c.id, label: `${c.name}${c.organisation ? ` · ${c.organisation}` : ''}` }))}
              />
              <Checkbox checked={watermark} onChange={(e) => setWatermark(e.target.checked)} disabled={building}>
                {t('pack.copies.watermark')}
              </Checkbox>
            </>
          )}
          {building && (
            <div role="status" aria-live="polite">
              <Typography.Text>{t('pack.building')}</Typography.Text>
              <Progress percent={progress ? Math.round((progress.done / progress.total) * 100) : 0} status="active" aria-label={t('pack.building')} />
              {progress && <Typography.Text type="secondary">{t('pack.progress', progress)}</Typography.Text>}
            </div>
          )}
          {error && <Alert type="error" showIcon title={error} />}
          {notice && <Alert type="info" showIcon title={notice} />}
          {result && !building && (
            <>
              <Alert type="success" showIcon title={t('pack.saved', { files: result.files.map((f) => f.fileName).join('、') })} />
              {result.brokenPapers.length > 0 && <Alert type="warning" showIcon title={t('pack.brokenPapers', { names: result.brokenPapers.join('、') })} />}
              {result.files
                .filter((file) => !file.copy || file.copy.number === 1)
                .map((file) => (
                  <Space key={file.script} wrap>
                    <Typography.Text>{`${versionName(file.script)} · ${t('pack.pages', { count: file.pageCount })}`}</Typography.Text>
                    <Button onClick={() => setPreviewing(file.script)}>{t('pack.previewOf', { version: versionName(file.script) })}</Button>
                    {!file.copy && <Button onClick={() => void print(file.script, null)}>{t('pack.printOf', { version: versionName(file.script) })}</Button>}
                  </Space>
                ))}
              {result.files.some((file) => file.copy) && (
                <div className="pack-copies">
                  <PlainList
                    aria-label={t('pack.copies.made')}
                    size="small"
                    items={result.files}
                    rowKey={(file) => file.path}
                    renderItem={(file) => (
                      <PlainListItem
                        trailing={
                          <Button size="small" onClick={() => void print(file.script, file.copy!.id)}>
                            {t('pack.copies.print', { number: file.copy!.number, version: versionName(file.script) })}
                          </Button>
                        }
                      >
                        {t('pack.copies.line', { number: file.copy!.number, total: file.copy!.total, name: file.copy!.recipientName, version: versionName(file.script) })}
                      </PlainListItem>
                    )}
                  />
                </div>
              )}
            </>
          )}
        </Space>
        {/* Enter builds, as in every form of the app. */}
        <button type="submit" hidden aria-hidden />
      </form>
      {previewing && <PackPreview meetingId={meetingId} script={previewing} onClose={() => setPreviewing(null)} />}
    </Modal>
  );
}

/** The "會議文件包" button on a meeting. */
export function PackButton({
  meetingId,
  classification,
  contacts,
  onBuilt,
}: {
  meetingId: string;
  classification: Classification | null;
  contacts: Contact[];
  onBuilt: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const warnOfConflicts = useConflictWarning();
  return (
    <>
      <Button onClick={() => warnOfConflicts([meetingId], 'pack', () => setOpen(true))}>{t('pack.open')}</Button>
      {open && <PackDialog meetingId={meetingId} classification={classification} contacts={contacts} onBuilt={onBuilt} onClose={() => setOpen(false)} />}
    </>
  );
}
