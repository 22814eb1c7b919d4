import { App as AntApp, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { NewPassphraseFields } from './passphraseFields';

/** The current passphrase, then the new one twice: only the key's wrapping changes, in about a second. */
export function ChangePassphraseDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<{ current: string; passphrase: string; again: string }>();
  const typed = Form.useWatch('passphrase', form) ?? '';
  const [busy, setBusy] = useState(false);

  const save = async ({ current, passphrase }: { current: string; passphrase: string }) => {
    setBusy(true);
    try {
      await unwrap(api().lock.changePassphrase({ current, next: passphrase }));
      void message.success(t('encryption.change.done'));
      onClose();
    } catch (error) {
      form.setFields([{ name: 'current', errors: [errorText(error)] }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={t('encryption.change.title')}
      okText={t('encryption.change.save')}
      cancelText={t('encryption.turnOn.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item name="current" label={t('encryption.change.current')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.Password autoFocus autoComplete="current-password" />
        </Form.Item>
        <NewPassphraseFields value={typed} />
      </Form>
    </Modal>
  );
}
