import { App as AntApp, Button, Col, Collapse, DatePicker, Divider, Drawer, Empty, Form, Input, InputNumber, Popconfirm, Radio, Row, Space, Typography } from 'antd';
import { Select } from '../ui/Select';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { clauseLabel, clauses } from '../../shared/arrangement/clauses';
import { formatDateTime } from '../../shared/i18n/formatDate';
import { AnnexFields, annexLabel, annexStatuses, type Annex, type AnnexKind, type AnnexStatus } from '../../shared/model/annex';
import { scriptTag, type Language } from '../../shared/model/language';
import { loadConverters } from '../../shared/script/convert';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { useSubmit } from '../api/useSubmit';
import { useBridgeQuery } from '../api/useBridgeQuery';

interface Values {
  kind: AnnexKind;
  number: number | null;
  titleHant: string;
  titleHans: string;
  titleEn: string;
  status: AnnexStatus;
  agreedOn: Dayjs | null;
  signedOn: Dayjs | null;
  inForceFrom: Dayjs | null;
  amends: string[];
  supplements: string[];
  summary: string;
}

const day = (value: string | null) => (value ? dayjs(value) : null);
const iso = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

function toValues(annex: Annex | null, nextNumber: number): Values {
  const related = (relation: 'amends' | 'supplements') => annex?.clauses.filter((c) => c.relation === relation).map((c) => c.clauseId) ?? [];
  return {
    kind: annex?.kind ?? 'annex',
    number: annex?.number ?? nextNumber,
    titleHant: annex?.title.hant ?? '',
    titleHans: annex?.title.hans ?? '',
    titleEn: annex?.title.en ?? '',
    status: annex?.status ?? 'underDiscussion',
    agreedOn: day(annex?.agreedOn ?? null),
    signedOn: day(annex?.signedOn ?? null),
    inForceFrom: day(annex?.inForceFrom ?? null),
    amends: related('amends'),
    supplements: related('supplements'),
    summary: annex?.summary ?? '',
  };
}

function toFields(values: Values): AnnexFields {
  return {
    kind: values.kind,
    number: values.number ?? Number.NaN,
    title: { hant: values.titleHant ?? '', hans: values.titleHans ?? '', en: values.titleEn ?? '' },
    status: values.status,
    agreedOn: iso(values.agreedOn),
    signedOn: iso(values.signedOn),
    inForceFrom: iso(values.inForceFrom),
    clauses: [
      ...(values.amends ?? []).map((clauseId) => ({ clauseId, relation: 'amends' as const })),
      ...(values.supplements ?? []).map((clauseId) => ({ clauseId, relation: 'supplements' as const })),
    ] as AnnexFields['clauses'],
    summary: values.summary ?? '',
  };
}

/** Where each schema issue is shown in the form. */
const fieldOf: Record<string, keyof Values> = { hant: 'titleHant', hans: 'titleHans', en: 'titleEn', clauses: 'amends' };

/**
 * One annex or supplementary arrangement: its particulars, the signed PDF, and its draft versions,
 * each kept as it was. Esc closes; Enter in a single-line field saves; what was typed stays on error.
 */
export function AnnexDrawer({
  target,
  nextNumber,
  language,
  onClose,
  onSaved,
  onDelete,
}: {
  target: 'new' | string | null;
  nextNumber: number;
  language: Language;
  onClose: () => void;
  onSaved: (annex: Annex, created: boolean) => void;
  onDelete: (annex: Annex) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [draftForm] = Form.useForm<{ note: string; text: string }>();
  const { saving, submit } = useSubmit(form, {
    issueField: (issue) => {
      const head = String(issue.path.at(-1) ?? issue.path[0]);
      return fieldOf[head] ?? fieldOf[String(issue.path[0])] ?? head;
    },
    failedOn: 'number',
  });

  // The drawer is keyed by its target, so the form is filled once per opened annex.
  const { data: annex, setData: setAnnex } = useBridgeQuery<Annex | null>(
    async () => (target === 'new' ? null : ((await unwrap(api().arrangement.annexes({ includeDeleted: true }))).find((a) => a.id === target) ?? null)),
    target,
    {
      skip: target === null,
      onLoaded: (found) => form.setFieldsValue(toValues(found, nextNumber)),
      onError: (error) => form.setFields([{ name: 'titleHant', errors: [errorText(error)] }]),
    },
  );

  const stored = (saved: Annex, created: boolean) => {
    setAnnex(saved);
    onSaved(saved, created);
  };

  const save = async (values: Values) => {
    const fields = toFields(values);
    await submit(AnnexFields, fields, async () => {
      const saved = annex
        ? await unwrap(api().arrangement.updateAnnex({ id: annex.id, revision: annex.revision, fields }))
        : await unwrap(api().arrangement.createAnnex(fields));
      stored(saved, !annex);
      void message.success(t('arrangement.annex.saved', { label: annexLabel(saved, language) }));
    });
  };

  // Fills the other script's title from this one, for the user to check before saving.
  const convertTitle = async (to: 'hans' | 'hant') => {
    const converters = await loadConverters();
    const source = form.getFieldValue(to === 'hans' ? 'titleHant' : 'titleHans') as string;
    form.setFieldValue(to === 'hans' ? 'titleHans' : 'titleHant', to === 'hans' ? converters.toHans(source ?? '') : converters.toHant(source ?? ''));
  };

  const attachSigned = async () => {
    if (!annex) return;
    try {
      const saved = await unwrap(api().arrangement.attachSigned({ id: annex.id }));
      if (saved) stored(saved, false);
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const saveCopy = async (draftId: string | null) => {
    if (!annex) return;
    try {
      const path = await unwrap(api().arrangement.saveCopy({ id: annex.id, draftId }));
      if (path) void message.success(t('arrangement.annex.copySaved', { path }));
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const addDraft = async (withFile: boolean) => {
    if (!annex) return;
    const values = draftForm.getFieldsValue();
    try {
      const saved = await unwrap(api().arrangement.addDraft({ id: annex.id, note: values.note ?? '', text: values.text ?? '', withFile }));
      if (!saved) return;
      stored(saved, false);
      draftForm.resetFields();
    } catch (error) {
      draftForm.setFields([{ name: 'text', errors: [errorText(error)] }]);
    }
  };

  const latest = annex?.drafts.at(-1);
  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={760}
      title={annex ? `${annexLabel(annex, language)} ${language === 'zh-Hans' ? annex.title.hans : annex.title.hant}` : t('arrangement.annex.new')}
      extra={
        <Space>
          {annex && (
            <Popconfirm
              title={t('arrangement.annex.deleteConfirm', { label: annexLabel(annex, language) })}
              okText={t('arrangement.delete')}
              cancelText={t('arrangement.cancel')}
              onConfirm={() => onDelete(annex)}
            >
              <Button danger>{t('arrangement.delete')}</Button>
            </Popconfirm>
          )}
          <Button onClick={onClose}>{t('arrangement.annex.close')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {annex ? t('arrangement.save') : t('arrangement.annex.create')}
          </Button>
        </Space>
      }
    >
      <Form form={form} name="annex" layout="vertical" onFinish={(values) => void save(values)} initialValues={toValues(null, nextNumber)}>
        <Space align="start" wrap>
          <Form.Item name="kind" label={t('arrangement.annex.kind')}>
            <Radio.Group optionType="button" options={(['annex', 'supplement'] as const).map((k) => ({ value: k, label: t(`arrangement.annexKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="number" label={t('arrangement.annex.number')}>
            <InputNumber min={1} max={999} precision={0} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="status" label={t('arrangement.annex.status')}>
            <Select style={{ width: 160 }} options={annexStatuses.map((s) => ({ value: s, label: t(`arrangement.annexStatus.${s}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item label={t('arrangement.annex.titleHant')} required>
          <Space.Compact block>
            <Form.Item name="titleHant" noStyle>
              <Input aria-label={t('arrangement.annex.titleHant')} lang={scriptTag.hant} />
            </Form.Item>
            <Button onClick={() => void convertTitle('hant')}>{t('arrangement.annex.fillHant')}</Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item label={t('arrangement.annex.titleHans')} required>
          <Space.Compact block>
            <Form.Item name="titleHans" noStyle>
              <Input aria-label={t('arrangement.annex.titleHans')} lang={scriptTag.hans} />
            </Form.Item>
            <Button onClick={() => void convertTitle('hans')}>{t('arrangement.annex.fillHans')}</Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="titleEn" label={t('arrangement.annex.titleEn')}>
          <Input />
        </Form.Item>
        <Row gutter={16}>
          {(['agreedOn', 'signedOn', 'inForceFrom'] as const).map((name) => (
            <Col span={8} key={name}>
              <Form.Item name={name} label={t(`arrangement.annex.${name}`)}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Row gutter={16}>
          {(['amends', 'supplements'] as const).map((relation) => (
            <Col span={12} key={relation}>
              <Form.Item name={relation} label={`${t('arrangement.annex.clauses')}（${t(`arrangement.relation.${relation}`)}）`}>
                <Select mode="multiple" optionFilterProp="label" options={clauses.map((c) => ({ value: c.id, label: clauseLabel(c.id, language) }))} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item name="summary" label={t('arrangement.annex.summary')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        {/* Lets Enter in any single-line field save, as the browser submits a form on Enter. */}
        <button type="submit" hidden aria-hidden />
      </Form>

      {annex && (
        <>
          <Divider titlePlacement="start">{t('arrangement.annex.signedPdf')}</Divider>
          <Space wrap>
            <Typography.Text type={annex.signedPdf ? undefined : 'secondary'}>
              {annex.signedPdf ? `${annex.signedPdf.fileName}（${Math.max(1, Math.round(annex.signedPdf.size / 1024))} KB）` : t('arrangement.annex.noSignedPdf')}
            </Typography.Text>
            <Button onClick={() => void attachSigned()}>{annex.signedPdf ? t('arrangement.annex.replaceSigned') : t('arrangement.annex.attachSigned')}</Button>
            {annex.signedPdf && <Button onClick={() => void saveCopy(null)}>{t('arrangement.annex.saveCopy')}</Button>}
          </Space>

          <Divider titlePlacement="start">{t('arrangement.annex.drafts')}</Divider>
          {annex.drafts.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('arrangement.annex.noDrafts')} />
          ) : (
            <Collapse
              size="small"
              items={[...annex.drafts].reverse().map((draft) => ({
                key: draft.id,
                label: `${t('arrangement.annex.version', { version: draft.version })} · ${formatDateTime(draft.at, language)}${draft.note ? ` · ${draft.note}` : ''}`,
                children: (
                  <>
                    {draft.text && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{draft.text}</Typography.Paragraph>}
                    {draft.file && (
                      <Space>
                        <Typography.Text>{draft.file.fileName}</Typography.Text>
                        <Button size="small" onClick={() => void saveCopy(draft.id)}>
                          {t('arrangement.annex.saveCopy')}
                        </Button>
                      </Space>
                    )}
                  </>
                ),
              }))}
            />
          )}
          <Form form={draftForm} name="annexDraft" layout="vertical" style={{ marginTop: 12 }}>
            <Form.Item name="note" label={t('arrangement.annex.draftNote')}>
              <Input />
            </Form.Item>
            <Form.Item name="text" label={t('arrangement.annex.draftText')}>
              <Input.TextArea rows={4} />
            </Form.Item>
            <Space wrap>
              <Button type="primary" ghost onClick={() => void addDraft(false)}>
                {t('arrangement.annex.addDraft')}
              </Button>
              <Button onClick={() => void addDraft(true)}>{t('arrangement.annex.addDraftFile')}</Button>
              {latest?.text && <Button onClick={() => draftForm.setFieldValue('text', latest.text)}>{t('arrangement.annex.startFromLatest')}</Button>}
            </Space>
          </Form>
        </>
      )}
    </Drawer>
  );
}
