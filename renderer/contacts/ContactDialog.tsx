import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Modal, Radio, Space } from 'antd';
import { Select } from '../ui/Select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MembershipRole, NewContact, type Contact, type ContactSide, type Membership } from '../../shared/model/contact';
import { nameIn, scriptTag, type Language } from '../../shared/model/language';
import { shortSubGroupName, type SubGroup } from '../../shared/model/subGroup';
import { api, BridgeError, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { ConflictNotice } from '../exchange/ConflictMarker';
import { zodRule } from '../forms/zodRule';
import { WrittenInTag } from '../script/ReaderText';

type Values = {
  name: string;
  title: string;
  organisation: string;
  side: ContactSide;
  email: string;
  phone: string;
  memberships: Array<Partial<Membership>>;
};

const blank: Values = { name: '', title: '', organisation: '', side: 'HK', email: '', phone: '', memberships: [] };

/**
 * Adds or edits one contact. Enter saves, Esc cancels; what was typed stays in the form when
 * validation or saving fails, and main's reasons are shown beside the fields they concern.
 */
export function ContactDialog({
  contact,
  subGroups,
  language,
  onCancel,
  onSaved,
}: {
  /** null: a new contact. */
  contact: Contact | null;
  subGroups: SubGroup[];
  language: Language;
  onCancel: () => void;
  onSaved: (contact: Contact, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const initialValues: Values = contact ? { ...contact, memberships: contact.memberships.map((m) => ({ ...m })) } : blank;

  const submit = async (values: Values) => {
    setSaving(true);
    setProblem(null);
    const fields = {
      name: values.name ?? '',
      title: values.title ?? '',
      organisation: values.organisation ?? '',
      side: values.side,
      email: values.email ?? '',
      phone: values.phone ?? '',
      memberships: (values.memberships ?? [])
        .filter((m): m is Membership => !!m?.subGroupId)
        .map((m) => ({ subGroupId: m.subGroupId, role: m.role ?? 'member' })),
    };
    try {
      const saved = contact
        ? await unwrap(api().contacts.update({ id: contact.id, revision: contact.revision, contact: fields }))
        : await unwrap(api().contacts.create(fields));
      onSaved(saved, !contact);
    } catch (error) {
      const value = error instanceof BridgeError ? error.value : null;
      if (value?.code === 'ipc.invalidArguments' && value.issues?.length) {
        form.setFields(
          value.issues.map((issue) => ({ name: issue.path.replace(/^contact\./, '').split('.')[0] as keyof Values, errors: [t(issue.messageKey)] })),
        );
      } else if (value?.code === 'contacts.duplicate') {
        form.setFields([{ name: 'name', errors: [errorText(error)] }]);
      } else {
        setProblem(errorText(error));
      }
    } finally {
      setSaving(false);
    }
  };

  const enter = { onPressEnter: () => form.submit() };
  const typedLang = contact?.writtenIn && scriptTag[contact.writtenIn];
  return (
    <Modal
      open
      title={t(contact ? 'contacts.form.editTitle' : 'contacts.form.newTitle')}
      okText={t('contacts.form.save')}
      cancelText={t('contacts.form.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      width={640}
    >
      {/* The script the record was typed in, whose text is authoritative (and the fields' lang); outside the title so the dialog's name stays short. */}
      {contact?.writtenIn && (
        <div style={{ marginBottom: 12 }}>
          <WrittenInTag script={contact.writtenIn} />
        </div>
      )}
      {contact && <ConflictNotice recordId={contact.id} />}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(values) => void submit(values)} requiredMark>
        <Form.Item name="name" label={t('contacts.fields.name')} required rules={[zodRule(NewContact.shape.name, t)]}>
          <Input autoFocus lang={typedLang} {...enter} />
        </Form.Item>
        <Space.Compact block style={{ gap: 16 }}>
          <Form.Item name="title" label={t('contacts.fields.title')} rules={[zodRule(NewContact.shape.title, t)]} style={{ flex: 1 }}>
            <Input lang={typedLang} {...enter} />
          </Form.Item>
          <Form.Item
            name="organisation"
            label={t('contacts.fields.organisation')}
            rules={[zodRule(NewContact.shape.organisation, t)]}
            style={{ flex: 1 }}
          >
            <Input lang={typedLang} {...enter} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="side" label={t('contacts.fields.side')} required rules={[zodRule(NewContact.shape.side, t)]}>
          <Radio.Group
            optionType="button"
            options={(['HK', 'SZ', 'other'] as const).map((side) => ({ value: side, label: t(`contacts.sides.${side}`) }))}
          />
        </Form.Item>
        <Space.Compact block style={{ gap: 16 }}>
          <Form.Item name="email" label={t('contacts.fields.email')} rules={[zodRule(NewContact.shape.email, t)]} style={{ flex: 1 }}>
            <Input type="email" {...enter} />
          </Form.Item>
          <Form.Item name="phone" label={t('contacts.fields.phone')} rules={[zodRule(NewContact.shape.phone, t)]} style={{ flex: 1 }}>
            <Input type="tel" {...enter} />
          </Form.Item>
        </Space.Compact>
        <Form.Item label={t('contacts.fields.memberships')} style={{ marginBottom: 0 }}>
          <Form.List
            name="memberships"
            rules={[
              {
                validator: async (_rule, list: Values['memberships'] | undefined) => {
                  const ids = (list ?? []).map((m) => m?.subGroupId).filter(Boolean);
                  if (new Set(ids).size !== ids.length) throw new Error(t('validation.duplicateMembership'));
                },
              },
            ]}
          >
            {(items, { add, remove }, { errors }) => (
              <>
                {items.map((item) => (
                  <Space key={item.key} align="baseline" style={{ display: 'flex', marginBottom: 8 }}>
                    <Form.Item name={[item.name, 'subGroupId']} noStyle>
                      <Select
                        aria-label={t('contacts.form.subGroup')}
                        style={{ width: 260 }}
                        options={subGroups.map((s) => ({ value: s.id, label: shortSubGroupName(nameIn(s.name, language)) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[item.name, 'role']} noStyle initialValue="member">
                      <Select
                        aria-label={t('contacts.form.role')}
                        style={{ width: 140 }}
                        options={MembershipRole.options.map((role) => ({ value: role, label: t(`contacts.roles.${role}`) }))}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label={t('contacts.form.removeMembership')}
                      onClick={() => remove(item.name)}
                    />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'member' })}>
                  {t('contacts.form.addMembership')}
                </Button>
                <Form.ErrorList errors={errors} />
              </>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}
