import { Alert, Form, Input, Modal, Typography } from 'antd';
import { Select } from '../ui/Select';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Side } from '../../shared/model/action';
import type { Contact } from '../../shared/model/contact';
import { LocalizedName } from '../../shared/model/record';
import { SubGroupFields, type SubGroup } from '../../shared/model/subGroup';
import { api, BridgeError, unwrap } from '../api/hetao';
import { useBridgeQuery } from '../api/useBridgeQuery';
import { useErrorText } from '../api/useErrorText';
import { zodRule } from '../forms/zodRule';
import { WrittenInTag } from '../script/ReaderText';
import { scriptTag } from '../../shared/model/language';

type Values = { code: string; hant: string; hans: string; en: string; remit: string; convenorHK: string | null; convenorSZ: string | null };

const blank: Values = { code: '', hant: '', hans: '', en: '', remit: '', convenorHK: null, convenorSZ: null };

/** The form field for a path main names, e.g. fields.name.hant → hant, fields.convenors.HK → convenorHK. */
function fieldOf(path: string): keyof Values {
  const [, group, key] = path.split('.');
  if (group === 'name') return key as keyof Values;
  if (group === 'convenors') return `convenor${key}` as keyof Values;
  return group as keyof Values;
}

function toValues(subGroup: SubGroup | null): Values {
  if (!subGroup) return blank;
  const { code, name, remit, convenors } = subGroup;
  return { code, ...name, remit, convenorHK: convenors.HK, convenorSZ: convenors.SZ };
}


/**
 * Sets up a further sub-group (第三條) or edits one: names in three scripts, remit, convenors and
 * the code. Enter saves, Esc cancels; what was typed stays in the form when validation or saving fails.
 */
export function SubGroupDialog({
  subGroup,
  contacts,
  onCancel,
  onSaved,
}: {
  /** null: a new sub-group. */
  subGroup: SubGroup | null;
  contacts: Contact[];
  onCancel: () => void;
  onSaved: (subGroup: SubGroup, created: boolean) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  // Once an action carries the code in its reference (SP-2026-014) the code is fixed.
  const { data: codeUse } = useBridgeQuery(
    async () => {
      const { rows, total } = await unwrap(api().actions.list({ subGroupId: subGroup!.id, limit: 1 }));
      return { count: total, example: rows[0]?.reference ?? '' };
    },
    subGroup?.id ?? null,
    { skip: !subGroup, onError: (error) => setProblem(errorText(error)) },
  );

  const codeFixed = !!codeUse && codeUse.count > 0;

  const submit = async (values: Values) => {
    setSaving(true);
    setProblem(null);
    const fields = {
      code: values.code ?? '',
      name: { hant: values.hant ?? '', hans: values.hans ?? '', en: values.en ?? '' },
      remit: values.remit ?? '',
      convenors: { HK: values.convenorHK ?? null, SZ: values.convenorSZ ?? null },
    };
    try {
      const saved = subGroup
        ? await unwrap(api().subGroups.update({ id: subGroup.id, revision: subGroup.revision, fields }))
        : await unwrap(api().subGroups.create(fields));
      onSaved(saved, !subGroup);
    } catch (error) {
      const value = error instanceof BridgeError ? error.value : null;
      if (value?.code === 'ipc.invalidArguments' && value.issues?.length) {
        form.setFields(value.issues.map((issue) => ({ name: fieldOf(issue.path), errors: [t(issue.messageKey)] })));
      } else if (value?.code === 'subGroup.codeTaken' || value?.code === 'subGroup.codeFixed') {
        form.setFields([{ name: 'code', errors: [errorText(error)] }]);
      } else {
        // A convenor gone from contacts, a copy changed elsewhere, a disk problem: said above the form.
        setProblem(errorText(error));
      }
    } finally {
      setSaving(false);
    }
  };

  const convenor = (side: Side) => (
    <Form.Item
      name={`convenor${side}`}
      label={t(`subGroup.convenor${side}`)}
      style={{ flex: 1, marginBottom: 0 }}
    >
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        placeholder={t('subGroup.noConvenor')}
        notFoundContent={t('newSubGroup.noContactsOfSide')}
        options={contacts
          .filter((c) => c.side === side)
          .map((c) => ({ value: c.id, label: `${c.name}${c.organisation ? ` · ${c.organisation}` : ''}` }))}
      />
    </Form.Item>
  );

  const enter = { onPressEnter: () => form.submit() };
  return (
    <Modal
      open
      title={t(subGroup ? 'editSubGroup.title' : 'newSubGroup.title')}
      okText={t(subGroup ? 'editSubGroup.save' : 'newSubGroup.create')}
      cancelText={t(subGroup ? 'editSubGroup.cancel' : 'newSubGroup.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onCancel}
      width={640}
    >
      {!subGroup && <Typography.Paragraph type="secondary">{t('newSubGroup.intro')}</Typography.Paragraph>}
      {/* The script the remit was typed in, whose text is authoritative; the names are kept in each script. */}
      {subGroup?.writtenIn && (
        <div style={{ marginBottom: 12 }}>
          <WrittenInTag script={subGroup.writtenIn} />
        </div>
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        name={subGroup ? 'editSubGroup' : 'newSubGroup'}
        layout="vertical"
        initialValues={toValues(subGroup)}
        onFinish={(values) => void submit(values)}
        requiredMark
      >
        <Form.Item name="hant" label={t('subGroup.nameHant')} required rules={[zodRule(LocalizedName.shape.hant, t)]}>
          <Input autoFocus lang={scriptTag.hant} placeholder={t('newSubGroup.placeholderHant')} {...enter} />
        </Form.Item>
        <Form.Item name="hans" label={t('subGroup.nameHans')} required rules={[zodRule(LocalizedName.shape.hans, t)]}>
          <Input lang={scriptTag.hans} placeholder={t('newSubGroup.placeholderHans')} {...enter} />
        </Form.Item>
        <Form.Item name="en" label={t('subGroup.nameEn')} rules={[zodRule(LocalizedName.shape.en, t)]}>
          <Input lang="en" placeholder={t('newSubGroup.placeholderEn')} {...enter} />
        </Form.Item>
        <Form.Item
          name="code"
          label={t('subGroup.code')}
          required
          extra={
            !subGroup
              ? t('newSubGroup.codeHelp')
              : codeFixed
                ? t('editSubGroup.codeFixed', { count: codeUse.count, example: codeUse.example })
                : t('editSubGroup.codeEditable')
          }
          normalize={(value: string) => value.toUpperCase()}
          rules={[zodRule(SubGroupFields.shape.code, t)]}
        >
          <Input maxLength={6} style={{ width: 160 }} disabled={codeFixed} {...enter} />
        </Form.Item>
        <Form.Item extra={t('newSubGroup.convenorHelp')}>
          <div style={{ display: 'flex', gap: 16 }}>
            {convenor('HK')}
            {convenor('SZ')}
          </div>
        </Form.Item>
        <Form.Item name="remit" label={t('subGroup.remit')} rules={[zodRule(SubGroupFields.shape.remit, t)]}>
          <Input.TextArea
            rows={3}
            // Enter starts a new line in the remit; Ctrl+Enter (⌘+Enter) saves from here too.
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) form.submit();
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
