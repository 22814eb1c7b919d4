import { App as AntApp, Button, DatePicker, Divider, Empty, Form, Input, Modal, Radio, Space, Tag, Typography } from 'antd';
import { Select } from '../ui/Select';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action, OwnerSide } from '../../shared/model/action';
import type { Contact } from '../../shared/model/contact';
import { nameIn, type Language } from '../../shared/model/language';
import { AgendaItemFields, type AgendaItem, type AttachmentState, type Meeting, type Paper } from '../../shared/model/meeting';
import type { SubGroup } from '../../shared/model/subGroup';
import { StatusTag } from '../actions/actionLabels';
import { api, BridgeError, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { useSubmit } from '../api/useSubmit';
import { zodRule } from '../forms/zodRule';
import { PlainList, PlainListItem } from '../ui/PlainList';
import { useUndoMessage } from '../ui/undoMessage';
import { AttachmentStateTag, fileSize, paperLabel } from './meetingLabels';

interface Values {
  title: string;
  presenterId: string | null;
  minutes: string;
  decisions: string;
}

/**
 * One agenda item: its title, presenter, minutes and decisions (saved together; Enter in the title
 * saves, Esc closes), and, once it exists, its papers and the follow-up actions arising from it.
 */
export function AgendaItemDialog({
  meeting,
  itemId,
  standard,
  subGroups,
  contacts,
  language,
  onChanged,
  onCreated,
  onClose,
}: {
  meeting: Meeting;
  itemId: string | null;
  standard: AgendaItem['standard'];
  subGroups: SubGroup[];
  contacts: Contact[];
  language: Language;
  onChanged: (meeting: Meeting) => void;
  onCreated: (meeting: Meeting) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const { saving, submit } = useSubmit(form, { failedOn: 'title' });
  const item = itemId ? meeting.agenda.find((i) => i.id === itemId) : undefined;

  useEffect(() => {
    form.setFieldsValue({
      title: item?.title ?? (standard ? t(`meetings.standard.${standard}`) : ''),
      presenterId: item?.presenterId ?? null,
      minutes: item?.minutes ?? '',
      decisions: item?.decisions.map((d) => d.text).join('\n') ?? '',
    });
    // Filled once per opened item; later saves keep what the form shows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [itemId]);

  const save = async (values: Values) => {
    const fields = {
      title: values.title ?? '',
      standard: item?.standard ?? standard,
      presenterId: values.presenterId ?? null,
      minutes: values.minutes ?? '',
      decisions: (values.decisions ?? '').split('\n'),
    };
    await submit(AgendaItemFields, fields, async (checked) => {
      const saved = await unwrap(api().meetings.saveItem({ id: meeting.id, revision: meeting.revision, itemId, item: fields }));
      onChanged(saved);
      void message.success(t('meetings.agenda.savedMessage', { title: checked.title }));
      if (itemId === null) onCreated(saved);
      else onClose();
    });
  };

  const contactOptions = contacts.map((c) => ({ value: c.id, label: `${c.name}${c.organisation ? ` · ${c.organisation}` : ''}` }));

  return (
    <Modal
      open
      width={820}
      title={itemId ? t('meetings.agenda.editItem') : t('meetings.agenda.newItem')}
      onCancel={onClose}
      okText={itemId ? t('meetings.save') : t('meetings.create')}
      cancelText={t('meetings.close')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} name="agendaItem" layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item name="title" label={t('meetings.agenda.itemTitle')} required rules={[zodRule(AgendaItemFields.shape.title, t)]}>
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="presenterId" label={t('meetings.agenda.presenter')}>
          <Select allowClear showSearch optionFilterProp="label" placeholder={t('meetings.agenda.noPresenter')} options={contactOptions} />
        </Form.Item>
        <Form.Item name="minutes" label={t('meetings.agenda.minutesText')}>
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item name="decisions" label={t('meetings.agenda.decisions')}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <button type="submit" hidden aria-hidden />
      </Form>
      {item && (
        <>
          <Papers meeting={meeting} item={item} language={language} onChanged={onChanged} />
          <ActionsArising meeting={meeting} item={item} subGroups={subGroups} language={language} />
        </>
      )}
    </Modal>
  );
}

function Papers({ meeting, item, language, onChanged }: { meeting: Meeting; item: AgendaItem; language: Language; onChanged: (meeting: Meeting) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const showUndo = useUndoMessage();
  const [title, setTitle] = useState('');
  const [adding, setAdding] = useState(false);
  const [states, setStates] = useState<Record<string, AttachmentState>>({});
  const papers = item.papers.filter((p) => p.removedAt === null);

  useEffect(() => {
    unwrap(api().meetings.checkPapers({ id: meeting.id })).then(
      (checks) => setStates(Object.fromEntries(checks.map((c) => [c.paperId, c.state]))),
      () => setStates({}),
    );
  }, [meeting.id, meeting.revision]);

  const add = async () => {
    setAdding(true);
    try {
      const saved = await unwrap(api().meetings.addPaper({ id: meeting.id, revision: meeting.revision, itemId: item.id, title }));
      if (saved) {
        onChanged(saved);
        setTitle('');
        const paper = saved.agenda.find((i) => i.id === item.id)!.papers.at(-1)!;
        void message.success(t('meetings.papers.addedMessage', { number: paperLabel(paper.number, language) }));
      }
    } catch (error) {
      // The title typed stays, so trying another file loses nothing.
      void message.error(errorText(error));
    } finally {
      setAdding(false);
    }
  };

  const act = async (run: () => Promise<unknown>) => {
    try {
      await run();
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const remove = (paper: Paper) =>
    act(async () => {
      const saved = await unwrap(api().meetings.removePaper({ id: meeting.id, revision: meeting.revision, itemId: item.id, paperId: paper.id }));
      onChanged(saved);
      const key = `paper-removed-${paper.id}`;
      showUndo({
        key,
        text: t('meetings.papers.removedMessage', { number: paperLabel(paper.number, language) }),
        undoLabel: t('meetings.undo'),
        onUndo: (close) =>
          void act(async () => {
            onChanged(await unwrap(api().meetings.restorePaper({ id: saved.id, revision: saved.revision, itemId: item.id, paperId: paper.id })));
            close();
          }),
      });
    });

  const ref = (paper: Paper) => ({ id: meeting.id, itemId: item.id, paperId: paper.id });
  return (
    <section aria-label={t('meetings.papers.title')}>
      <Divider titlePlacement="start">{t('meetings.papers.title')}</Divider>
      {papers.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.papers.empty')} />
      ) : (
        <PlainList
          size="small"
          items={papers}
          rowKey={(paper) => paper.id}
          aria-label={t('meetings.papers.title')}
          renderItem={(paper) => (
            <PlainListItem
              trailing={
                <>
                  <Button size="small" onClick={() => void act(() => unwrap(api().meetings.openPaper(ref(paper))))}>
                    {t('meetings.papers.open')}
                  </Button>
                  <Button
                    size="small"
                    onClick={() =>
                      void act(async () => {
                        const saved = await unwrap(api().meetings.savePaperCopy(ref(paper)));
                        if (saved) void message.success(t('meetings.papers.savedCopy', { path: saved }));
                      })
                    }
                  >
                    {t('meetings.papers.copy')}
                  </Button>
                  <Button size="small" danger onClick={() => void remove(paper)}>
                    {t('meetings.agenda.remove')}
                  </Button>
                </>
              }
            >
              <Space wrap>
                <Typography.Text strong>{paperLabel(paper.number, language)}</Typography.Text>
                <span>{paper.title}</span>
                <Typography.Text type="secondary">{`${paper.attachment.fileName} · ${fileSize(paper.attachment.size)}`}</Typography.Text>
                <AttachmentStateTag state={states[paper.id]} isPdf={paper.attachment.mediaType === 'application/pdf'} />
              </Space>
            </PlainListItem>
          )}
        />
      )}
      <Space.Compact style={{ width: '100%', marginTop: 8 }}>
        <Input
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder={t('meetings.papers.paperTitle')}
          aria-label={t('meetings.papers.paperTitle')}
          onPressEnter={() => void add()}
        />
        <Button loading={adding} onClick={() => void add()}>
          {t('meetings.papers.add')}
        </Button>
      </Space.Compact>
    </section>
  );
}

function ActionsArising({ meeting, item, subGroups, language }: { meeting: Meeting; item: AgendaItem; subGroups: SubGroup[]; language: Language }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ title: string; ownerSide: OwnerSide; dueDate: Dayjs | null; subGroupId: string | null }>();
  const [actions, setActions] = useState<Action[]>([]);

  useEffect(() => {
    unwrap(api().meetings.actionsArising({ id: meeting.id })).then(setActions, () => setActions([]));
  }, [meeting.id]);

  const add = async (values: { title?: string; ownerSide?: OwnerSide; dueDate?: Dayjs | null; subGroupId?: string | null }) => {
    const subGroupId = meeting.subGroupId ?? values.subGroupId;
    if (!subGroupId) return form.setFields([{ name: 'subGroupId', errors: [t('validation.required')] }]);
    try {
      const created = await unwrap(
        api().meetings.addActionArising({
          meetingId: meeting.id,
          itemId: item.id,
          subGroupId,
          fields: {
            title: values.title ?? '',
            description: '',
            ownerSide: values.ownerSide ?? 'HK',
            leads: [],
            officerIds: [],
            dueDate: values.dueDate ? values.dueDate.format('YYYY-MM-DD') : null,
            priority: 'normal',
            clauses: [],
          },
        }),
      );
      setActions((current) => [...current, created]);
      form.resetFields(['title', 'dueDate']);
      void message.success(t('meetings.arising.createdMessage', { reference: created.reference }));
    } catch (error) {
      // Say which rule the action broke, not only that something was invalid.
      const issue = error instanceof BridgeError ? error.value.issues?.[0]?.messageKey : undefined;
      form.setFields([{ name: 'title', errors: [issue ? t(issue) : errorText(error)] }]);
    }
  };

  const mine = actions.filter((a) => a.agendaItemId === item.id);
  return (
    <section aria-label={t('meetings.arising.title')}>
      <Divider titlePlacement="start">{t('meetings.arising.title')}</Divider>
      {mine.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.arising.empty')} />
      ) : (
        <PlainList
          size="small"
          items={mine}
          rowKey={(action) => action.id}
          aria-label={t('meetings.arising.title')}
          renderItem={(action) => (
            <PlainListItem>
              <Space>
                <Tag>{action.reference}</Tag>
                <span>{action.title}</span>
                <StatusTag status={action.status} language={language} />
              </Space>
            </PlainListItem>
          )}
        />
      )}
      <Form form={form} name="actionArising" layout="inline" onFinish={(values) => void add(values)} initialValues={{ ownerSide: language === 'zh-Hans' ? 'SZ' : 'HK', dueDate: null }} style={{ marginTop: 8, rowGap: 8 }}>
        <Form.Item name="title" rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input placeholder={t('actions.name')} aria-label={t('actions.name')} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item name="ownerSide">
          {/* A joint action needs a lead on each side, named in the action's own form; here one side owns it. */}
          <Radio.Group optionType="button" options={(['HK', 'SZ'] as const).map((s) => ({ value: s, label: t(`actions.sideValue.${s}`) }))} />
        </Form.Item>
        <Form.Item name="dueDate">
          <DatePicker placeholder={t('actions.dueDate')} aria-label={t('actions.dueDate')} />
        </Form.Item>
        {meeting.subGroupId === null && (
          <Form.Item name="subGroupId">
            <Select
              style={{ width: 200 }}
              placeholder={t('meetings.arising.subGroup')}
              aria-label={t('meetings.arising.subGroup')}
              options={subGroups.map((s) => ({ value: s.id, label: nameIn(s.name, language) }))}
            />
          </Form.Item>
        )}
        <Button htmlType="submit">{t('meetings.arising.add')}</Button>
      </Form>
    </section>
  );
}
