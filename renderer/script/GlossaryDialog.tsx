import { DeleteOutlined, EditOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import { App as AntApp, Alert, Button, Empty, Form, Input, Modal, Popconfirm, Space, Switch, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GlossaryTermFields, type GlossaryTermRecord } from '../../shared/script/glossaryRecord';
import { matchesQuery } from '../../shared/script/search';
import { api, BridgeError, unwrap } from '../api/hetao';
import { useBridgeQuery } from '../api/useBridgeQuery';
import { useErrorText } from '../api/useErrorText';
import { zodRule } from '../forms/zodRule';
import { Highlighted } from './ReaderText';
import { useReaderScript } from './readerScript';
import { useUndoMessage } from '../ui/undoMessage';
import { scriptTag } from '../../shared/model/language';

type Values = { hant: string; hans: string; en: string; note: string };
const blank: Values = { hant: '', hans: '', en: '', note: '' };

/**
 * The glossary (術語表): terms the two sides word differently and names that must come out exactly,
 * applied before OpenCC wherever content is converted. Add, edit, delete with Undo, restore.
 */
export function GlossaryDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const showUndo = useUndoMessage();
  const errorText = useErrorText();
  const { reloadGlossary } = useReaderScript();
  const [showDeleted, setShowDeleted] = useState(false);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<GlossaryTermRecord | 'new' | null>(null);

  const { data: terms, refetch: load } = useBridgeQuery(() => unwrap(api().script.glossary({ includeDeleted: showDeleted })), showDeleted, {
    skip: !open,
  });

  // Every screen converts with the glossary: tell them it changed.
  const changed = async () => {
    await load();
    await reloadGlossary();
  };

  const run = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const remove = (term: GlossaryTermRecord) =>
    run(async () => {
      await unwrap(api().script.deleteTerm({ id: term.id }));
      await changed();
      const key = `term-deleted-${term.id}`;
      showUndo({
        key,
        text: t('script.glossary.deleted', { term: term.hant }),
        undoLabel: t('script.glossary.undo'),
        icon: <UndoOutlined />,
        onUndo: (close) => {
          close();
          void restore(term);
        },
      });
    });

  const restore = (term: GlossaryTermRecord) =>
    run(async () => {
      await unwrap(api().script.restoreTerm({ id: term.id }));
      await changed();
      void message.success(t('script.glossary.restored', { term: term.hant }));
    });

  const visible = useMemo(
    () => (terms ?? []).filter((term) => !query.trim() || [term.hant, term.hans, term.en, term.note].some((text) => matchesQuery(text, query))),
    [terms, query],
  );

  return (
    <Modal open={open} title={t('script.glossary.title')} onCancel={onClose} width={980} footer={<Button onClick={onClose}>{t('script.review.close')}</Button>}>
      <Typography.Paragraph type="secondary">{t('script.glossary.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={t('script.glossary.search')}
          aria-label={t('script.glossary.search')}
          style={{ width: 280 }}
        />
        <Space size={6}>
          <Switch size="small" checked={showDeleted} onChange={setShowDeleted} aria-label={t('script.glossary.showDeleted')} />
          <Typography.Text>{t('script.glossary.showDeleted')}</Typography.Text>
        </Space>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('script.glossary.add')}
        </Button>
      </Space>
      <Table<GlossaryTermRecord>
        rowKey="id"
        size="small"
        loading={terms === null}
        dataSource={visible}
        pagination={{ pageSize: 12, showSizeChanger: false, hideOnSinglePage: true }}
        footer={() => t('script.glossary.count', { count: visible.length })}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={terms?.length ? t('script.glossary.noMatch') : t('script.glossary.empty')} /> }}
        columns={[
          {
            key: 'hant',
            title: t('script.glossary.hant'),
            render: (_, term) => (
              <Typography.Text lang={scriptTag.hant} delete={term.deletedAt !== null}>
                <Highlighted text={term.hant} query={query} />
              </Typography.Text>
            ),
          },
          { key: 'hans', title: t('script.glossary.hans'), render: (_, term) => <span lang={scriptTag.hans}><Highlighted text={term.hans} query={query} /></span> },
          { key: 'en', title: t('script.glossary.en'), render: (_, term) => <Highlighted text={term.en} query={query} /> },
          { key: 'note', title: t('script.glossary.note'), ellipsis: true, dataIndex: 'note' },
          {
            key: 'actions',
            title: t('script.glossary.actions'),
            width: 96,
            render: (_, term) =>
              term.deletedAt !== null ? (
                <Button size="small" icon={<UndoOutlined />} onClick={() => void restore(term)}>
                  {t('script.glossary.restore')}
                </Button>
              ) : (
                <Space size={0}>
                  <Button type="text" size="small" icon={<EditOutlined />} aria-label={`${t('script.glossary.edit')} ${term.hant}`} onClick={() => setEditing(term)} />
                  <Popconfirm
                    title={t('script.glossary.deleteConfirm', { term: term.hant })}
                    okText={t('script.glossary.delete')}
                    cancelText={t('script.glossary.cancel')}
                    onConfirm={() => void remove(term)}
                  >
                    <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`${t('script.glossary.delete')} ${term.hant}`} />
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      {editing && (
        <TermDialog
          term={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={(saved, created) => {
            setEditing(null);
            void run(changed);
            void message.success(t(created ? 'script.glossary.created' : 'script.glossary.updated', { term: saved.hant }));
          }}
        />
      )}
    </Modal>
  );
}

/** Adds or edits one term. Enter saves, Esc cancels; what was typed stays when saving fails. */
function TermDialog({
  term,
  onCancel,
  onSaved,
}: {
  term: GlossaryTermRecord | null;
  onCancel: () => void;
  onSaved: (term: GlossaryTermRecord, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (values: Values) => {
    setSaving(true);
    setProblem(null);
    const fields = { hant: values.hant ?? '', hans: values.hans ?? '', en: values.en ?? '', note: values.note ?? '' };
    try {
      const saved = term
        ? await unwrap(api().script.updateTerm({ id: term.id, revision: term.revision, term: fields }))
        : await unwrap(api().script.createTerm(fields));
      onSaved(saved, !term);
    } catch (error) {
      if (error instanceof BridgeError && error.value.code === 'glossary.duplicate') {
        const field = error.value.params?.term === fields.hans.trim() ? 'hans' : 'hant';
        form.setFields([{ name: field, errors: [errorText(error)] }]);
      } else setProblem(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={term ? t('script.glossary.edit') : t('script.glossary.add')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      okText={t('script.glossary.save')}
      cancelText={t('script.glossary.cancel')}
      confirmLoading={saving}
    >
      <Form form={form} name="glossaryTerm" layout="vertical" initialValues={term ?? blank} onFinish={(values) => void submit(values)}>
        <Form.Item name="hant" label={t('script.glossary.hant')} required rules={[zodRule(GlossaryTermFields.shape.hant, t)]}>
          <Input lang={scriptTag.hant} autoFocus />
        </Form.Item>
        <Form.Item name="hans" label={t('script.glossary.hans')} required rules={[zodRule(GlossaryTermFields.shape.hans, t)]}>
          <Input lang={scriptTag.hans} />
        </Form.Item>
        <Form.Item name="en" label={t('script.glossary.en')} rules={[zodRule(GlossaryTermFields.shape.en, t)]}>
          <Input />
        </Form.Item>
        <Form.Item name="note" label={t('script.glossary.note')} rules={[zodRule(GlossaryTermFields.shape.note, t)]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {problem && <Alert type="error" showIcon title={problem} />}
        {/* Enter in a single-line field saves, as the browser submits a form on Enter. */}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
