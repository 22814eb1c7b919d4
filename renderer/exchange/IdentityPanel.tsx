import { ExportOutlined, EditOutlined, SettingOutlined } from '@ant-design/icons';
import { Alert, App as AntApp, Button, Descriptions, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { Select } from '../ui/Select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IdentityFields, type Identity } from '../../shared/exchange/types';
import type { Contact } from '../../shared/model/contact';
import type { Language } from '../../shared/model/language';
import { LocalizedName } from '../../shared/model/record';
import { api, BridgeError, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { zodRule } from '../forms/zodRule';
import { FingerprintGroups } from './FingerprintGroups';

/**
 * This installation as the other side will know it: side, office, device and officer, its
 * fingerprint and its contact card; a clear prompt to set it up while it is not.
 */
export function IdentityPanel({
  identity,
  contacts,
  language,
  onChanged,
}: {
  identity: Identity;
  contacts: Contact[];
  language: Language;
  onChanged: (identity: Identity) => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const [editing, setEditing] = useState(false);

  const exportCard = async () => {
    try {
      const saved = await unwrap(api().exchange.exportCard());
      if (saved) void message.success(t('exchange.identity.cardSaved', { path: saved.path }));
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  const officer = contacts.find((c) => c.id === identity.officerContactId);
  return (
    <section aria-label={t('exchange.identity.title')}>
      {!identity.configured ? (
        <Alert
          type="warning"
          showIcon
          title={t('exchange.identity.notSetUpTitle')}
          description={t('exchange.identity.notSetUp')}
          action={
            <Button type="primary" icon={<SettingOutlined />} onClick={() => setEditing(true)}>
              {t('exchange.identity.setUp')}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      ) : (
        <Descriptions
          column={1}
          size="small"
          bordered
          style={{ marginBottom: 16, maxWidth: 820 }}
          title={t('exchange.identity.title')}
          extra={
            <Space>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('exchange.identity.edit')}
              </Button>
              <Button type="primary" icon={<ExportOutlined />} onClick={() => void exportCard()}>
                {t('exchange.identity.exportCard')}
              </Button>
            </Space>
          }
          items={[
            { key: 'side', label: t('exchange.identity.side'), children: identity.side ? t(`exchange.side.${identity.side}`) : t('exchange.none') },
            { key: 'hant', label: t('exchange.identity.officeHant'), children: identity.office?.hant },
            { key: 'hans', label: t('exchange.identity.officeHans'), children: identity.office?.hans },
            { key: 'en', label: t('exchange.identity.officeEn'), children: identity.office?.en || t('exchange.none') },
            { key: 'device', label: t('exchange.identity.device'), children: identity.device },
            { key: 'officer', label: t('exchange.identity.officer'), children: officer ? [officer.name, officer.title].filter(Boolean).join(' · ') : t('exchange.none') },
          ]}
        />
      )}
      <Typography.Title level={5}>{t('exchange.identity.fingerprint')}</Typography.Title>
      <FingerprintGroups fingerprint={identity.fingerprint} />
      <Typography.Paragraph type="secondary" style={{ maxWidth: 820 }}>
        {t('exchange.identity.fingerprintHelp')} {identity.configured && t('exchange.identity.cardHelp')}
      </Typography.Paragraph>
      {editing && (
        <IdentityDialog
          identity={identity}
          contacts={contacts}
          language={language}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            void message.success(t('exchange.identity.saved'));
            onChanged(saved);
          }}
        />
      )}
    </section>
  );
}

type Values = { side: 'HK' | 'SZ'; hant: string; hans: string; en: string; device: string; officerContactId: string };

function IdentityDialog({
  identity,
  contacts,
  language,
  onCancel,
  onSaved,
}: {
  identity: Identity;
  contacts: Contact[];
  language: Language;
  onCancel: () => void;
  onSaved: (identity: Identity) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const side = Form.useWatch('side', form);
  const initialValues: Partial<Values> = {
    ...(identity.side ? { side: identity.side } : {}),
    hant: identity.office?.hant ?? '',
    hans: identity.office?.hans ?? '',
    en: identity.office?.en ?? '',
    device: identity.device,
    ...(identity.officerContactId ? { officerContactId: identity.officerContactId } : {}),
  };

  const submit = async (values: Values) => {
    setSaving(true);
    setProblem(null);
    try {
      const saved = await unwrap(
        api().exchange.setUpIdentity({
          side: values.side,
          office: { hant: values.hant ?? '', hans: values.hans ?? '', en: values.en ?? '' },
          device: values.device ?? '',
          officerContactId: values.officerContactId,
        }),
      );
      onSaved(saved);
    } catch (error) {
      const value = error instanceof BridgeError ? error.value : null;
      if (value?.code === 'ipc.invalidArguments' && value.issues?.length) {
        form.setFields(value.issues.map((issue) => ({ name: (issue.path.split('.').pop() ?? 'device') as keyof Values, errors: [t(issue.messageKey)] })));
      } else {
        setProblem(errorText(error));
      }
    } finally {
      setSaving(false);
    }
  };

  // People of the chosen side first: the officer using a Hong Kong laptop is a Hong Kong official.
  const officers = [...contacts].sort((a, b) => Number(b.side === side) - Number(a.side === side) || a.name.localeCompare(b.name, language));
  const enter = { onPressEnter: () => form.submit() };
  return (
    <Modal
      open
      title={t('exchange.identity.dialogTitle')}
      okText={t('exchange.identity.save')}
      cancelText={t('exchange.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      width={640}
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(values) => void submit(values)} requiredMark>
        <Form.Item name="side" label={t('exchange.identity.side')} required rules={[{ required: true, message: t('validation.required') }]}>
          <Radio.Group optionType="button" options={(['HK', 'SZ'] as const).map((value) => ({ value, label: t(`exchange.side.${value}`) }))} />
        </Form.Item>
        <Form.Item name="hant" label={t('exchange.identity.officeHant')} required rules={[zodRule(LocalizedName.shape.hant, t)]}>
          <Input autoFocus lang="zh-HK" {...enter} />
        </Form.Item>
        <Form.Item name="hans" label={t('exchange.identity.officeHans')} required rules={[zodRule(LocalizedName.shape.hans, t)]}>
          <Input lang="zh-CN" {...enter} />
        </Form.Item>
        <Form.Item name="en" label={t('exchange.identity.officeEn')} rules={[zodRule(LocalizedName.shape.en, t)]}>
          <Input lang="en" {...enter} />
        </Form.Item>
        <Form.Item name="device" label={t('exchange.identity.device')} extra={t('exchange.identity.deviceHelp')} required rules={[zodRule(IdentityFields.shape.device, t)]}>
          <Input {...enter} />
        </Form.Item>
        <Form.Item
          name="officerContactId"
          label={t('exchange.identity.officer')}
          required
          rules={[{ required: true, message: t('validation.required') }]}
          extra={contacts.length === 0 ? t('exchange.identity.noContacts') : undefined}
        >
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={t('exchange.identity.officerPlaceholder')}
            options={officers.map((c) => ({ value: c.id, label: [c.name, c.organisation].filter(Boolean).join(' · ') }))}
          />
        </Form.Item>
        {/* Enter saves, as in every form of the app. */}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Modal>
  );
}
