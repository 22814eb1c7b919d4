import { Alert, Button, Drawer, Form, Popconfirm, Space, type FormInstance } from 'antd';
import { ConflictNotice } from '../exchange/ConflictMarker';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { RecordBase } from '../../shared/model/record';
import type { RegisterKind } from '../../shared/registers/kinds';
import { BridgeError, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { useSubmit } from '../api/useSubmit';
import type { RegisterApi } from './registerApi';
import { RegisterFieldsOf } from './RegisterField';

type NamePath = Array<string | number>;

/**
 * One register record: create or edit it in a form checked with the same zod schema main uses.
 * Enter in a single-line field saves, Esc closes; on any failure what was typed stays, and the
 * message says what is wrong next to the field (or above the form for rules about other records).
 */
export function RecordDrawer<R extends RecordBase, F, V extends object>({
  kind,
  name,
  target,
  registerApi,
  schema,
  form,
  toValues,
  toFields,
  fieldOf = (path) => path,
  label,
  title,
  onClose,
  onSaved,
  onDelete,
  children,
}: {
  /** The register: its fields' labels come from its locale keys (see RegisterField). */
  kind: RegisterKind;
  /** The form's name: its fields' ids start with it, so two registers' drawers never share an id. */
  name?: string;
  /** The record to edit, 'new', or null when closed. */
  target: R | 'new' | null;
  registerApi: () => RegisterApi<R, F>;
  schema: z.ZodType<F>;
  form: FormInstance<V>;
  toValues: (record: R | null) => V;
  toFields: (values: V) => unknown;
  /** The form field a schema issue's path belongs to, when the form names it differently. */
  fieldOf?: (path: NamePath) => NamePath;
  label: (record: R) => string;
  title: string;
  onClose: () => void;
  onSaved: (record: R, created: boolean) => void;
  onDelete: (record: R) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [problem, setProblem] = useState<string | null>(null);
  const { saving, submit, showIssues } = useSubmit(form, {
    issueField: (issue) => fieldOf(issue.path as NamePath),
    failedOn: (error) => {
      const issues = error instanceof BridgeError ? error.value.issues : undefined;
      if (issues?.length) {
        // Paths come as "fields.name.hant" from the bridge's argument check.
        showIssues(issues.map((i) => ({ path: i.path.split('.').slice(1), message: i.messageKey })));
      } else setProblem(errorText(error));
    },
  });
  const record = target === 'new' ? null : target;

  useEffect(() => {
    if (target === null) return;
    form.resetFields();
    form.setFieldsValue(toValues(record) as Parameters<typeof form.setFieldsValue>[0]);
    // The drawer is keyed by its target, so this runs once per opened record.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);

  const save = (values: V) =>
    submit(schema, toFields({ ...toValues(record), ...values }), async (fields) => {
      setProblem(null);
      const saved = record
        ? await unwrap(registerApi().update({ id: record.id, revision: record.revision, fields }))
        : await unwrap(registerApi().create({ fields }));
      onSaved(saved, !record);
    });

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={720}
      title={record ? label(record) : title}
      extra={
        <Space>
          {record && !record.deletedAt && (
            <Popconfirm
              title={t('registers.common.deleteConfirm', { label: label(record) })}
              okText={t('registers.common.delete')}
              cancelText={t('registers.common.cancel')}
              onConfirm={() => onDelete(record)}
            >
              <Button danger>{t('registers.common.delete')}</Button>
            </Popconfirm>
          )}
          <Button onClick={onClose}>{t('registers.common.close')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()}>
            {record ? t('registers.common.save') : t('registers.common.create')}
          </Button>
        </Space>
      }
    >
      {record && <ConflictNotice recordId={record.id} />}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} name={name} layout="vertical" onFinish={(values) => void save(values)}>
        <RegisterFieldsOf.Provider value={kind}>{children}</RegisterFieldsOf.Provider>
        {/* Lets Enter in any single-line field save, as the browser submits a form on Enter. */}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Drawer>
  );
}
