import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalizedName } from '../../shared/model/record';
import { NewSubGroup, type SubGroup } from '../../shared/model/subGroup';
import { api, BridgeError, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { zodRule } from '../forms/zodRule';

type Values = { code: string; hant: string; hans: string; en: string; remit: string };

/**
 * Sets up a further sub-group (第三條). Enter saves, Esc cancels; what was typed stays in the form
 * when validation or saving fails.
 */
export function NewSubGroupDialog({
  open,
  onCancel,
  onCreated,
}: {
  open: boolean;
  onCancel: () => void;
  onCreated: (subGroup: SubGroup) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      const created = await unwrap(
        api().subGroups.create({
          code: values.code,
          name: { hant: values.hant, hans: values.hans, en: values.en ?? '' },
          remit: values.remit ?? '',
        }),
      );
      form.resetFields();
      onCreated(created);
    } catch (error) {
      const code = error instanceof BridgeError ? error.value.code : null;
      form.setFields([{ name: code === 'subGroup.codeTaken' ? 'code' : 'hant', errors: [errorText(error)] }]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('newSubGroup.title')}
      okText={t('newSubGroup.create')}
      cancelText={t('newSubGroup.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden={false}
      forceRender
    >
      <Typography.Paragraph type="secondary">{t('newSubGroup.intro')}</Typography.Paragraph>
      <Form form={form} name="newSubGroup" layout="vertical" onFinish={(values) => void submit(values)} requiredMark>
        <Form.Item name="hant" label={t('subGroup.nameHant')} required rules={[zodRule(LocalizedName.shape.hant, t)]}>
          <Input autoFocus placeholder={t('newSubGroup.placeholderHant')} onPressEnter={() => form.submit()} />
        </Form.Item>
        <Form.Item name="hans" label={t('subGroup.nameHans')} required rules={[zodRule(LocalizedName.shape.hans, t)]}>
          <Input placeholder={t('newSubGroup.placeholderHans')} onPressEnter={() => form.submit()} />
        </Form.Item>
        <Form.Item name="en" label={t('subGroup.nameEn')} rules={[zodRule(LocalizedName.shape.en, t)]}>
          <Input placeholder={t('newSubGroup.placeholderEn')} onPressEnter={() => form.submit()} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('subGroup.code')}
          required
          extra={t('newSubGroup.codeHelp')}
          normalize={(value: string) => value.toUpperCase()}
          rules={[zodRule(NewSubGroup.shape.code, t)]}
        >
          <Input maxLength={6} style={{ width: 160 }} onPressEnter={() => form.submit()} />
        </Form.Item>
        <Form.Item name="remit" label={t('subGroup.remit')} rules={[zodRule(NewSubGroup.shape.remit, t)]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
