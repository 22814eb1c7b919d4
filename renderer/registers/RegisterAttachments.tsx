import { App as AntApp } from 'antd';
import { Select } from '../ui/Select';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attachedRegisters, registerKinds, type RegisterKind } from '../../shared/registers/kinds';
import type { SubGroup } from '../../shared/model/subGroup';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { prefetchFirstPage } from './firstPagePrefetch';
import { registerApiOf } from './registerApi';

/** Chooses which registers a sub-group's tab shows: any register can be attached to any sub-group. */
export function RegisterAttachments({ subGroup, onChanged }: { subGroup: SubGroup; onChanged: (subGroup: SubGroup) => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const [saving, setSaving] = useState(false);

  const change = async (registers: RegisterKind[]) => {
    setSaving(true);
    try {
      onChanged(await unwrap(api().subGroups.setRegisters({ id: subGroup.id, revision: subGroup.revision, registers })));
      void message.success(t('registers.common.attachedSaved'));
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Select
      mode="multiple"
      aria-label={t('registers.common.attached')}
      placeholder={t('registers.common.attachedHelp')}
      style={{ minWidth: 320 }}
      loading={saving}
      value={attachedRegisters(subGroup)}
      onChange={(registers: RegisterKind[]) => void change(registers)}
      options={registerKinds.map((kind) => ({ value: kind, label: t(`registers.common.kinds.${kind}`) }))}
    />
  );
}

/** A register section's tab: once it shows, the register's first page is read, so opening it paints at once. */
function SectionLabel({ kind, label }: { kind: RegisterKind; label: string }) {
  useEffect(() => {
    prefetchFirstPage(kind, () => registerApiOf(kind));
  }, [kind]);
  return label;
}

/** A section of a sub-group's tab for one register, or nothing where that register is not attached. */
export function registerSection(subGroup: SubGroup, kind: RegisterKind, label: string, children: () => React.ReactNode) {
  return attachedRegisters(subGroup).includes(kind)
    ? [{ key: `register-${kind}`, label: <SectionLabel kind={kind} label={label} />, children: children() }]
    : [];
}
