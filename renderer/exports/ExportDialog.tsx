import { documentScriptsFor, type Language } from '../../shared/model/language';
import { Alert, Button, Checkbox, Modal, Progress, Radio, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportOffers, isOffered, type ExportDone, type ExportFormat, type ExportPlan, type ExportRequest, type ExportScripts, type ExportTarget } from '../../shared/documents/exportRequest';
import type { DocumentModel } from '../../shared/documents/model';
import type { TaskProgress } from '../../shared/tasks/progress';
import { api, BridgeError, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { ConversionReviewDialog } from '../script/ConversionReviewDialog';
import { DocumentPreview } from './DocumentPreview';
import { Classification } from '../../shared/model/meeting';
import { useBridgeQuery } from '../api/useBridgeQuery';
import { Select } from '../ui/Select';

type Step =
  | { kind: 'choose' }
  | { kind: 'review'; plan: ExportPlan; index: number; reviewing: boolean }
  | { kind: 'replace'; plan: ExportPlan }
  | { kind: 'writing'; plan: ExportPlan }
  | { kind: 'done'; plan: ExportPlan; done: ExportDone };

/**
 * Export one document: format, and 繁體, 简体, both or side by side; then the save dialog (in main),
 * the review list for converted versions with unconfirmed choices, the question before replacing a
 * file, progress with cancel, and a button that opens the folder. Preview and print from the same model.
 */
export function ExportDialog({ target, count, onClose }: { target: ExportTarget; count?: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const offer = exportOffers[target.kind];
  const [format, setFormat] = useState<ExportFormat>(offer.formats[0]!);
  const [scripts, setScripts] = useState<ExportScripts>(documentScriptsFor(i18n.language as Language));
  const [includeLog, setIncludeLog] = useState(false);
  const [classification, setClassification] = useState<Classification | null>(null);
  const [watermarkFor, setWatermarkFor] = useState<string | null>(null);
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<TaskProgress | null>(null);
  const [preview, setPreview] = useState<{ version: 'hant' | 'hans' | 'parallel'; document: DocumentModel | null } | null>(null);
  const taskId = useRef<string | null>(null);

  useEffect(() => api().onTaskProgress((p) => p.taskId === taskId.current && setProgress(p)), []);

  // A classified PDF (a meeting's may be classified by the meeting itself) can be made for one person, named across its pages.
  const offersWatermark = format === 'pdf' && (classification !== null || target.kind === 'meeting');
  const { data: contacts } = useBridgeQuery(() => unwrap(api().contacts.list({ includeDeleted: false })), 'contacts', { skip: !offersWatermark });
  const request: ExportRequest = {
    target: target.kind === 'actions' ? { ...target, includeLog } : target,
    format,
    scripts,
    classification,
    watermarkFor: offersWatermark ? watermarkFor : null,
  };
  const scriptChoices = (['hant', 'hans', 'both', 'parallel'] as const).filter((s) => isOffered({ ...request, scripts: s }));
  const busy = step.kind === 'writing';

  const write = async (plan: ExportPlan, replace: boolean) => {
    const id = crypto.randomUUID();
    taskId.current = id;
    setProgress(null);
    setStep({ kind: 'writing', plan });
    try {
      const done = await unwrap(api().exports.write({ token: plan.token, replace, taskId: id }));
      setStep({ kind: 'done', plan, done });
    } catch (failure) {
      if (failure instanceof BridgeError && failure.value.code === 'export.cancelled') setError(t('exports.ui.cancelled'));
      else setError(errorText(failure));
      setStep({ kind: 'choose' });
    } finally {
      taskId.current = null;
    }
  };

  const afterReview = (plan: ExportPlan) => (plan.existing.length ? setStep({ kind: 'replace', plan }) : void write(plan, false));

  const start = async () => {
    setError(null);
    try {
      const plan = await unwrap(api().exports.prepare(request));
      if (!plan) return;
      if (plan.review.length) setStep({ kind: 'review', plan, index: 0, reviewing: false });
      else afterReview(plan);
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  const showPreview = async (version: 'hant' | 'hans' | 'parallel') => {
    setPreview({ version, document: null });
    try {
      setPreview({ version, document: await unwrap(api().exports.preview({ request, version })) });
    } catch (failure) {
      setPreview(null);
      setError(errorText(failure));
    }
  };

  const print = async () => {
    if (!preview) return;
    try {
      await unwrap(api().exports.print({ request, version: preview.version }));
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  const scriptName = (script: 'hant' | 'hans') => t(`exports.ui.scripts.${script}`);
  const previewVersions: Array<'hant' | 'hans' | 'parallel'> = scripts === 'both' ? ['hant', 'hans'] : [scripts];

  const footer = (() => {
    if (step.kind === 'done')
      return [
        <Button key="folder" onClick={() => void unwrap(api().exports.openFolder({ token: step.plan.token })).catch((e: unknown) => setError(errorText(e)))}>
          {t('exports.ui.openFolder')}
        </Button>,
        <Button key="close" type="primary" onClick={onClose}>
          {t('exports.ui.close')}
        </Button>,
      ];
    if (step.kind === 'writing')
      return [
        <Button key="cancel" danger onClick={() => taskId.current && void api().tasks.cancel({ taskId: taskId.current })}>
          {t('exports.ui.cancel')}
        </Button>,
      ];
    if (step.kind === 'review') {
      const entry = step.plan.review[step.index]!;
      const next = () => (step.index + 1 < step.plan.review.length ? setStep({ ...step, index: step.index + 1, reviewing: false }) : afterReview(step.plan));
      return [
        <Button key="back" onClick={() => setStep({ kind: 'choose' })}>
          {t('exports.ui.cancel')}
        </Button>,
        <Button key="review" onClick={() => setStep({ ...step, reviewing: true })}>
          {t('exports.ui.review')}
        </Button>,
        <Button key="anyway" type="primary" onClick={next} data-script={entry.script}>
          {t('exports.ui.exportAnyway')}
        </Button>,
      ];
    }
    if (step.kind === 'replace')
      return [
        <Button key="keep" onClick={() => setStep({ kind: 'choose' })}>
          {t('exports.ui.keep')}
        </Button>,
        <Button key="replace" danger type="primary" onClick={() => void write(step.plan, true)}>
          {t('exports.ui.replace')}
        </Button>,
      ];
    return [
      format !== 'xlsx' || target.kind === 'contacts' ? (
        <Button key="preview" onClick={() => void showPreview(previewVersions[0]!)}>
          {t('exports.ui.preview')}
        </Button>
      ) : null,
      <Button key="cancel" onClick={onClose}>
        {t('exports.ui.cancel')}
      </Button>,
      <Button key="start" type="primary" onClick={() => void start()} disabled={count === 0}>
        {t('exports.ui.start')}
      </Button>,
    ];
  })();

  return (
    <>
      <Modal
        open
        title={t('exports.ui.dialogTitle', { what: t(`exports.ui.what.${target.kind}`) })}
        // While writing, Esc or × asks the export to stop; otherwise it closes.
        onCancel={() => (busy ? taskId.current && void api().tasks.cancel({ taskId: taskId.current }) : onClose())}
        footer={footer}
        destroyOnHidden
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        {step.kind === 'choose' && (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void start();
            }}
          >
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>{t('exports.ui.format')}</Typography.Text>
              {/* Named, so the two groups never share the one name a radio group needs. */}
              <Radio.Group
                name="export-format"
                aria-label={t('exports.ui.format')}
                value={format}
                onChange={(e) => {
                  const next = e.target.value as ExportFormat;
                  setFormat(next);
                  if (!isOffered({ ...request, format: next })) setScripts(documentScriptsFor(i18n.language as Language));
                }}
                options={offer.formats.map((f) => ({ value: f, label: t(`exports.ui.formats.${f}`) }))}
              />
              <Typography.Text strong>{t('exports.ui.script')}</Typography.Text>
              <Radio.Group name="export-scripts" aria-label={t('exports.ui.script')} value={scripts} onChange={(e) => setScripts(e.target.value as ExportScripts)} options={scriptChoices.map((s) => ({ value: s, label: t(`exports.ui.scripts.${s}`) }))} />
              {/* A CSV is data for another system: it has no pages to mark. */}
              {format !== 'csv' && (
                <>
                  <Typography.Text strong>{t('meetings.classification')}</Typography.Text>
                  <Radio.Group
                    name="export-classification"
                    aria-label={t('meetings.classification')}
                    value={classification ?? 'none'}
                    onChange={(e) => setClassification(e.target.value === 'none' ? null : (e.target.value as Classification))}
                    options={[
                      { value: 'none', label: t('meetings.classificationNone') },
                      ...Classification.options.map((c) => ({ value: c, label: t(`meetings.classificationValue.${c}`) })),
                    ]}
                  />
                  {target.kind === 'meeting' && <Typography.Text type="secondary">{t('exports.ui.classificationFloor')}</Typography.Text>}
                </>
              )}
              {offersWatermark && (
                <>
                  <Typography.Text strong id="export-watermark">
                    {t('exports.ui.watermarkFor')}
                  </Typography.Text>
                  <Select
                    aria-labelledby="export-watermark"
                    aria-describedby="export-watermark-help"
                    allowClear
                    showSearch
                    optionFilterProp="label"
                    value={watermarkFor}
                    onChange={(value) => setWatermarkFor(value ?? null)}
                    placeholder={t('exports.ui.watermarkNone')}
                    options={(contacts ?? []).map((c) => ({ value: c.id, label: `${c.name}${c.organisation ? ` · ${c.organisation}` : ''}` }))}
                  />
                  <Typography.Text type="secondary" id="export-watermark-help">
                    {t('exports.ui.watermarkHelp')}
                  </Typography.Text>
                </>
              )}
              {target.kind === 'actions' && (
                <Checkbox checked={includeLog} onChange={(e) => setIncludeLog(e.target.checked)}>
                  {t('exports.ui.includeLog')}
                </Checkbox>
              )}
              {count !== undefined && <Typography.Text type="secondary">{count ? t('exports.ui.rows', { count }) : t('exports.ui.empty')}</Typography.Text>}
              {/* Enter in the form starts the export. */}
              <button type="submit" hidden aria-hidden />
            </Space>
          </form>
        )}
        {step.kind === 'review' && (
          <Alert
            type="warning"
            showIcon
            title={t('exports.ui.reviewTitle')}
            description={t('exports.ui.reviewBody', { script: scriptName(step.plan.review[step.index]!.script), count: step.plan.review[step.index]!.fields.length })}
          />
        )}
        {step.kind === 'replace' && (
          <Alert
            type="warning"
            showIcon
            title={t('exports.ui.replaceTitle')}
            description={
              <>
                {t('exports.ui.replaceBody')}
                <ul>
                  {step.plan.existing.map((f) => (
                    <li key={f}>{f}</li>
                  ))}
                </ul>
              </>
            }
          />
        )}
        {step.kind === 'writing' && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Typography.Text>{progress?.label ?? t('exports.ui.writing')}</Typography.Text>
            <Progress percent={progress ? Math.round((progress.done / progress.total) * 100) : 0} aria-label={t('exports.ui.writing')} />
            {progress && <Typography.Text type="secondary">{t('exports.ui.progress', { done: progress.done, total: progress.total })}</Typography.Text>}
          </Space>
        )}
        {step.kind === 'done' && (
          <Alert
            type="success"
            showIcon
            title={t('exports.ui.done', { count: step.done.files.length })}
            description={
              <>
                <ul>
                  {step.done.files.map((f) => (
                    <li key={f}>{f}</li>
                  ))}
                </ul>
                {/* The full path: the name alone does not say which of several folders it went to. */}
                <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                  {t('exports.ui.savedIn', { folder: step.done.folder })}
                </Typography.Text>
              </>
            }
          />
        )}
      </Modal>
      {step.kind === 'review' && step.reviewing && (
        <ConversionReviewDialog
          open
          script={step.plan.review[step.index]!.script}
          fields={step.plan.review[step.index]!.fields}
          onClose={() => setStep({ ...step, reviewing: false })}
        />
      )}
      {preview && (
        <Modal
          open
          width={1000}
          title={t('exports.ui.previewTitle')}
          onCancel={() => setPreview(null)}
          footer={[
            previewVersions.length > 1 ? (
              <Radio.Group
                key="version"
                aria-label={t('exports.ui.previewScript')}
                value={preview.version}
                onChange={(e) => void showPreview(e.target.value as 'hant' | 'hans')}
                options={previewVersions.map((v) => ({ value: v, label: t(`exports.ui.scripts.${v}`) }))}
              />
            ) : null,
            <Button key="close" onClick={() => setPreview(null)}>
              {t('exports.ui.close')}
            </Button>,
            <Button key="print" type="primary" onClick={() => void print()} disabled={!preview.document}>
              {t('exports.ui.print')}
            </Button>,
          ]}
        >
          {preview.document ? <DocumentPreview document={preview.document} /> : <Spin />}
        </Modal>
      )}
    </>
  );
}
