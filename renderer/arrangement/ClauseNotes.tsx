import { App as AntApp, Button, DatePicker, Empty, Form, Input, Popconfirm, Space, Timeline, Typography } from 'antd';
import { Select } from '../ui/Select';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clauseLabel, clausesUnder } from '../../shared/arrangement/clauses';
import { localToday } from '../../shared/actions/dueDates';
import { formatDate } from '../../shared/i18n/formatDate';
import { ClauseNoteFields, type ClauseNote } from '../../shared/model/clauseNote';
import type { Contact } from '../../shared/model/contact';
import type { Language } from '../../shared/model/language';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { useSubmit } from '../api/useSubmit';
import { zodRule } from '../forms/zodRule';
import { useReaderScript } from '../script/readerScript';
import { ClauseText } from './clauseNavigation';
import { useUndoMessage } from '../ui/undoMessage';

interface Values {
  clauseId: string;
  on: Dayjs | null;
  note: string;
  byContactId: string | null;
}

/**
 * A clause's progress log: dated notes, newest first, each editable and deletable (with undo), and a
 * form to add one. Ctrl+Enter in the note saves, Esc leaves an edit; what was typed stays if saving fails.
 */
export function ClauseNotes({
  nodeId,
  notes,
  contacts,
  language,
  onChanged,
}: {
  nodeId: string;
  notes: ClauseNote[];
  contacts: Contact[];
  language: Language;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const showUndo = useUndoMessage();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<ClauseNote | null>(null);
  const reader = useReaderScript();
  const choices = clausesUnder(nodeId);
  const contactName = (id: string | null) => contacts.find((c) => c.id === id)?.name ?? '';
  // A leaf clause shows no clause field: an issue with a field not shown goes on the note.
  const { submit } = useSubmit(form, {
    issueField: (issue) => (['on', 'note', 'byContactId', ...(choices.length > 1 ? ['clauseId'] : [])].includes(String(issue.path[0])) ? String(issue.path[0]) : 'note'),
    failedOn: 'note',
  });
  const blank = (): Values => ({ clauseId: choices[0] ?? nodeId, on: dayjs(localToday(new Date())), note: '', byContactId: null });

  const save = async (values: Values) => {
    // A leaf clause shows no clause field, so its value is the clause itself.
    const clauseId = (values.clauseId ?? choices[0] ?? nodeId) as ClauseNoteFields['clauseId'];
    const fields = { clauseId, on: values.on ? values.on.format('YYYY-MM-DD') : '', note: values.note ?? '', byContactId: values.byContactId ?? null };
    await submit(ClauseNoteFields, fields, async () => {
      if (editing) await unwrap(api().arrangement.updateNote({ id: editing.id, revision: editing.revision, fields }));
      else await unwrap(api().arrangement.addNote(fields));
      setEditing(null);
      form.setFieldsValue(blank());
      onChanged();
    });
  };

  const edit = (note: ClauseNote) => {
    setEditing(note);
    form.setFieldsValue({ clauseId: note.clauseId, on: dayjs(note.on), note: note.note, byContactId: note.byContactId });
  };

  const cancelEdit = () => {
    setEditing(null);
    form.setFieldsValue(blank());
  };

  const remove = async (note: ClauseNote) => {
    try {
      await unwrap(api().arrangement.deleteNote({ id: note.id }));
      onChanged();
      const key = `note-${note.id}`;
      showUndo({
        key,
        text: t('arrangement.noteDeleted'),
        undoLabel: t('arrangement.undo'),
        onUndo: (close) => {
          close();
          void unwrap(api().arrangement.restoreNote({ id: note.id })).then(onChanged, (error: unknown) => void message.error(errorText(error)));
        },
      });
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <section aria-label={t('arrangement.notes')}>
      {notes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('arrangement.noNotes')} />
      ) : (
        <Timeline
          items={notes.map((note) => ({
            key: note.id,
            content: (
              <div className="clause-note">
                <Typography.Text type="secondary">
                  {formatDate(`${note.on}T12:00:00Z`, language, 'UTC')}
                  {choices.length > 1 ? ` · ${clauseLabel(note.clauseId, language)}` : ''}
                  {note.byContactId ? ` · ${contactName(note.byContactId)}` : ''}
                </Typography.Text>
                <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                  <ClauseText text={reader.show(note.note, note.scriptOverrides, 'note').text} language={language} />
                </Typography.Paragraph>
                <Space size="small">
                  <Button size="small" type="link" onClick={() => edit(note)}>
                    {t('arrangement.editNote')}
                  </Button>
                  <Popconfirm
                    title={t('arrangement.deleteNoteConfirm')}
                    okText={t('arrangement.delete')}
                    cancelText={t('arrangement.cancel')}
                    onConfirm={() => void remove(note)}
                  >
                    <Button size="small" type="link" danger>
                      {t('arrangement.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              </div>
            ),
          }))}
        />
      )}
      <Form
        form={form}
        name="clauseNote"
        layout="vertical"
        initialValues={blank()}
        onFinish={(values) => void save(values)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && editing) cancelEdit();
        }}
      >
        <Space align="start" wrap>
          {choices.length > 1 && (
            <Form.Item name="clauseId" label={t('arrangement.noteClause')}>
              <Select style={{ width: 180 }} options={choices.map((id) => ({ value: id, label: clauseLabel(id, language) }))} />
            </Form.Item>
          )}
          <Form.Item name="on" label={t('arrangement.noteOn')} rules={[{ required: true, message: t('validation.date') }]}>
            <DatePicker allowClear={false} />
          </Form.Item>
          <Form.Item name="byContactId" label={t('arrangement.noteBy')}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: 220 }}
              options={contacts.map((c) => ({ value: c.id, label: `${c.name}${c.organisation ? ` · ${c.organisation}` : ''}` }))}
            />
          </Form.Item>
        </Space>
        <Form.Item name="note" label={t('arrangement.noteText')} rules={[zodRule(ClauseNoteFields.shape.note, t)]}>
          <Input.TextArea
            rows={3}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.submit();
            }}
          />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {editing ? t('arrangement.save') : t('arrangement.addNote')}
          </Button>
          {editing && <Button onClick={cancelEdit}>{t('arrangement.cancel')}</Button>}
        </Space>
      </Form>
    </section>
  );
}
