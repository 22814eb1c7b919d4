import { DeleteOutlined, EditOutlined, PlusOutlined, UndoOutlined, UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button, Empty, Input, Space, Switch, Table, Tag, Typography } from 'antd';
import { Select } from '../ui/Select';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact, ContactSide, ImportPreview, ImportResult } from '../../shared/model/contact';
import { nameIn, type Language } from '../../shared/model/language';
import { matchesQuery } from '../../shared/script/search';
import { shortSubGroupName, type SubGroup } from '../../shared/model/subGroup';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { ReaderText } from '../script/ReaderText';
import { ContactDialog } from './ContactDialog';
import { ImportPreviewDialog } from './ImportPreviewDialog';
import { ConflictMarker } from '../exchange/ConflictMarker';
import { ExportButton } from '../exports/ExportButton';
import { CellTag, type TagTone } from '../ui/CellTag';
import { useUndoMessage } from '../ui/undoMessage';

const sides: ContactSide[] = ['HK', 'SZ', 'other'];
const sideColour: Record<ContactSide, TagTone> = { HK: 'red', SZ: 'blue', other: 'default' };
const collationLocale: Record<Language, string> = { 'zh-Hant': 'zh-Hant-HK-u-co-stroke', 'zh-Hans': 'zh-Hans-CN-u-co-pinyin', en: 'en-GB' };

/** The address book (通訊錄): officials and partners of both sides, the sub-groups they sit on, import and export. */
export function ContactsView({
  language,
  subGroups,
  focus,
}: {
  language: Language;
  subGroups: SubGroup[];
  /** A contact to open, asked for by a search hit; a new `version` opens it again. */
  focus?: { contactId: string; version: number } | null;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const showUndo = useUndoMessage();
  const errorText = useErrorText();
  const [contacts, setContacts] = useState<Contact[] | null>(null);
  const [showDeleted, setShowDeleted] = useState(false);
  const [query, setQuery] = useState('');
  const [side, setSide] = useState<ContactSide | null>(null);
  const [subGroupId, setSubGroupId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState<'import' | null>(null);

  const load = useCallback(() => unwrap(api().contacts.list({ includeDeleted: showDeleted })), [showDeleted]);
  const reload = async () => setContacts(await load());

  useEffect(() => {
    let current = true;
    load().then(
      (list) => current && setContacts(list),
      (error: unknown) => void message.error(errorText(error)),
    );
    return () => {
      current = false;
    };
    // errorText and message do not change what is loaded; the switch does, through load.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [load]);

  // Each request opens the dialog once, when the list is at hand; a reload of the list does not reopen it.
  const [openedFocus, setOpenedFocus] = useState<number | null>(null);
  if (focus && contacts && focus.version !== openedFocus) {
    setOpenedFocus(focus.version);
    const contact = contacts.find((c) => c.id === focus.contactId);
    if (contact) setEditing(contact);
  }

  const run = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const subGroupName = useCallback(
    (id: string) => {
      const subGroup = subGroups.find((s) => s.id === id);
      return subGroup ? shortSubGroupName(nameIn(subGroup.name, language)) : '';
    },
    [subGroups, language],
  );

  const visible = useMemo(
    () =>
      (contacts ?? []).filter(
        (c) =>
          (!side || c.side === side) &&
          (!subGroupId || c.memberships.some((m) => m.subGroupId === subGroupId)) &&
          (!query.trim() || [c.name, c.title, c.organisation, c.email, c.phone].some((text) => matchesQuery(text, query))),
      ),
    [contacts, side, subGroupId, query],
  );
  const collator = useMemo(() => new Intl.Collator(collationLocale[language], { numeric: true }), [language]);

  const remove = (contact: Contact) =>
    run(async () => {
      await unwrap(api().contacts.delete({ id: contact.id }));
      await reload();
      const key = `contact-deleted-${contact.id}`;
      showUndo({
        key,
        text: t('contacts.deleted', { name: contact.name }),
        undoLabel: t('contacts.undo'),
        icon: <UndoOutlined />,
        onUndo: (close) => {
          close();
          void restore(contact);
        },
      });
    });

  const restore = (contact: Contact) =>
    run(async () => {
      await unwrap(api().contacts.restore({ id: contact.id }));
      await reload();
      void message.success(t('contacts.restored', { name: contact.name }));
    });

  const startImport = () =>
    run(async () => {
      setBusy('import');
      try {
        const result = await unwrap(api().contacts.importPreview());
        if (result) setPreview(result);
      } finally {
        setBusy(null);
      }
    });

  const imported = (result: ImportResult) =>
    run(async () => {
      setPreview(null);
      await reload();
      void message.success(
        result.skipped ? t('contacts.import.doneSkipped', { created: result.created, skipped: result.skipped }) : t('contacts.import.done', { created: result.created }),
      );
    });

  const saved = (contact: Contact, created: boolean) =>
    run(async () => {
      setEditing(null);
      await reload();
      void message.success(t(created ? 'contacts.created' : 'contacts.updated', { name: contact.name }));
    });

  return (
    <section aria-label={t('contacts.title')} className="contacts-view">
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <Space wrap>
          <Input.Search
            allowClear
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder={t('contacts.search')}
            aria-label={t('contacts.search')}
            style={{ width: 300 }}
          />
          <Select<ContactSide>
            allowClear
            value={side ?? undefined}
            onChange={(value) => setSide(value ?? null)}
            placeholder={t('contacts.filterSide')}
            aria-label={t('contacts.filterSide')}
            style={{ width: 120 }}
            options={sides.map((s) => ({ value: s, label: t(`contacts.sides.${s}`) }))}
          />
          <Select<string>
            allowClear
            value={subGroupId ?? undefined}
            onChange={(value) => setSubGroupId(value ?? null)}
            placeholder={t('contacts.filterSubGroup')}
            aria-label={t('contacts.filterSubGroup')}
            style={{ width: 200 }}
            options={subGroups.map((s) => ({ value: s.id, label: subGroupName(s.id) }))}
          />
          <Space size={6}>
            <Switch checked={showDeleted} onChange={setShowDeleted} aria-label={t('contacts.showDeleted')} size="small" />
            <Typography.Text>{t('contacts.showDeleted')}</Typography.Text>
          </Space>
        </Space>
        <Space wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('contacts.new')}
          </Button>
          <Button icon={<UploadOutlined />} loading={busy === 'import'} onClick={() => void startImport()}>
            {t('contacts.import.button')}
          </Button>
          <ExportButton target={() => ({ kind: 'contacts' })} />
        </Space>
      </Space>
      <Table<Contact>
        rowKey="id"
        size="middle"
        loading={contacts === null}
        dataSource={visible}
        pagination={visible.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        footer={() => t('contacts.count', { count: visible.length })}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={contacts?.length ? t('contacts.noMatch') : t('contacts.empty')}
            />
          ),
        }}
        columns={[
          {
            key: 'name',
            title: t('contacts.fields.name'),
            dataIndex: 'name',
            sorter: (a, b) => collator.compare(a.name, b.name),
            render: (name: string, contact) => (
              <Space size={4}>
                <Typography.Text delete={contact.deletedAt !== null} strong>
                  <ReaderText text={name} overrides={contact.scriptOverrides} field="name" highlight={query} />
                </Typography.Text>
                {contact.deletedAt !== null && <Tag>{t('contacts.deletedTag')}</Tag>}
                <ConflictMarker recordId={contact.id} language={language} />
              </Space>
            ),
          },
          {
            key: 'title',
            title: t('contacts.fields.title'),
            dataIndex: 'title',
            sorter: (a, b) => collator.compare(a.title, b.title),
            render: (title: string, contact) => <ReaderText text={title} overrides={contact.scriptOverrides} field="title" highlight={query} />,
          },
          {
            key: 'organisation',
            title: t('contacts.fields.organisation'),
            dataIndex: 'organisation',
            sorter: (a, b) => collator.compare(a.organisation, b.organisation),
            render: (organisation: string, contact) => (
              <ReaderText text={organisation} overrides={contact.scriptOverrides} field="organisation" highlight={query} />
            ),
          },
          {
            key: 'side',
            title: t('contacts.fields.side'),
            dataIndex: 'side',
            width: 96,
            sorter: (a, b) => sides.indexOf(a.side) - sides.indexOf(b.side),
            render: (value: ContactSide) => <CellTag tone={sideColour[value]}>{t(`contacts.sides.${value}`)}</CellTag>,
          },
          { key: 'email', title: t('contacts.fields.email'), dataIndex: 'email', sorter: (a, b) => a.email.localeCompare(b.email) },
          { key: 'phone', title: t('contacts.fields.phone'), dataIndex: 'phone' },
          {
            key: 'memberships',
            title: t('contacts.fields.memberships'),
            render: (_, contact) => (
              <Space size={[4, 4]} wrap>
                {contact.memberships.map((m) => (
                  <Tag key={m.subGroupId} color={m.role === 'convenor' ? 'geekblue' : undefined}>
                    {subGroupName(m.subGroupId)} · {t(`contacts.roles.${m.role}`)}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'actions',
            title: t('contacts.actions'),
            width: 120,
            render: (_, contact) =>
              contact.deletedAt !== null ? (
                <Button size="small" icon={<UndoOutlined />} onClick={() => void restore(contact)}>
                  {t('contacts.restore')}
                </Button>
              ) : (
                <Space size={0}>
                  <Button
                    type="text"
                    size="small"
                    icon={<EditOutlined />}
                    aria-label={`${t('contacts.edit')} ${contact.name}`}
                    title={t('contacts.edit')}
                    onClick={() => setEditing(contact)}
                  />
                  <Button
                    type="text"
                    size="small"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={`${t('contacts.delete')} ${contact.name}`}
                    title={t('contacts.delete')}
                    onClick={() => void remove(contact)}
                  />
                </Space>
              ),
          },
        ]}
      />
      {editing && (
        <ContactDialog
          key={editing === 'new' ? 'new' : editing.id}
          contact={editing === 'new' ? null : editing}
          subGroups={subGroups}
          language={language}
          onCancel={() => setEditing(null)}
          onSaved={(contact, created) => void saved(contact, created)}
        />
      )}
      {preview && <ImportPreviewDialog preview={preview} onCancel={() => setPreview(null)} onImported={(r) => void imported(r)} />}
    </section>
  );
}
