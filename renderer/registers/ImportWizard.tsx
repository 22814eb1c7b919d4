import { Alert, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import { Select } from '../ui/Select';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportColumn } from '../../shared/registers/definition';
import type { PreviewRow, RegisterImportPreview, RegisterImportResult } from '../../shared/registers/importTypes';
import { unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import type { RegisterApi } from './registerApi';

/**
 * Importing a sheet into a register: map each column (remembered for next time), see every row with
 * what is wrong with it by row number, and accept; nothing is written before Accept.
 */
export function ImportWizard({
  kind,
  columns,
  initial,
  registerApi,
  onCancel,
  onImported,
}: {
  kind: string;
  columns: ImportColumn[];
  initial: RegisterImportPreview;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  registerApi: () => RegisterApi<any, any>;
  onCancel: () => void;
  onImported: (result: RegisterImportResult) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [preview, setPreview] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const fieldLabel = (field: string) => t(`registers.${kind}.fields.${field}`);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const remap = (column: number, field: string | null) =>
    run(async () => {
      const mapping = preview.mapping.map((current, i) => (i === column ? field : current === field ? null : current));
      setPreview(await unwrap(registerApi().importRemap({ token: preview.token, mapping })));
    });

  const accept = () => run(async () => onImported(await unwrap(registerApi().importCommit({ token: preview.token }))));

  const shown = useMemo(
    () => (onlyProblems ? preview.rows.filter((r) => r.errors.length || r.duplicate) : preview.rows),
    [preview.rows, onlyProblems],
  );
  const mapped = preview.mapping.filter((f): f is string => f !== null);

  const check = (row: PreviewRow) => {
    if (row.errors.length) {
      return (
        <ul className="register-import-errors">
          {row.errors.map((error, i) => (
            <li key={i}>
              {error.field ? `${fieldLabel(error.field)}：` : ''}
              {t(error.messageKey, error.params ?? {})}
            </li>
          ))}
        </ul>
      );
    }
    if (row.duplicate) {
      const text =
        row.duplicate.earlierRow !== null
          ? t('registers.import.duplicateOfRow', { row: row.duplicate.earlierRow })
          : t('registers.import.duplicateOf', { label: row.duplicate.existingLabel });
      return <Tag color="gold">{text}</Tag>;
    }
    return <Tag color="green">{t('registers.import.ok')}</Tag>;
  };

  return (
    <Modal
      open
      width={1100}
      title={t('registers.import.title', { fileName: preview.fileName })}
      okText={t('registers.import.accept', { count: preview.importable })}
      cancelText={t('registers.common.cancel')}
      okButtonProps={{ disabled: preview.importable === 0 || busy }}
      confirmLoading={busy}
      onOk={() => void accept()}
      onCancel={onCancel}
    >
      <Typography.Title level={5}>{t('registers.import.mapping')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('registers.import.mappingHelp')}</Typography.Paragraph>
      <div className="register-import-mapping">
        {preview.headers.map((header, column) =>
          header ? (
            <label key={column} className="register-import-mapping-item">
              <Typography.Text strong>{header}</Typography.Text>
              <Select
                size="small"
                aria-label={header}
                style={{ width: 170 }}
                value={preview.mapping[column] ?? ''}
                disabled={busy}
                onChange={(value: string) => void remap(column, value || null)}
                options={[
                  { value: '', label: t('registers.import.ignore') },
                  ...columns.map((c) => ({ value: c.field, label: fieldLabel(c.field) })),
                ]}
              />
            </label>
          ) : null,
        )}
      </div>
      {preview.unmappedRequired.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ margin: '12px 0' }}
          title={t('registers.import.unmappedRequired', { fields: preview.unmappedRequired.map(fieldLabel).join('、') })}
        />
      )}
      <Alert
        type={preview.invalid || preview.duplicates ? 'warning' : 'success'}
        showIcon
        style={{ margin: '12px 0' }}
        title={t('registers.import.summary', {
          total: preview.rows.length,
          importable: preview.importable,
          invalid: preview.invalid,
          duplicates: preview.duplicates,
        })}
      />
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} role="alert" />}
      <Space style={{ marginBottom: 8 }}>
        <Switch checked={onlyProblems} onChange={setOnlyProblems} aria-label={t('registers.import.onlyErrors')} />
        {t('registers.import.onlyErrors')}
      </Space>
      <Table<PreviewRow>
        virtual
        size="small"
        rowKey="rowNumber"
        dataSource={shown}
        pagination={false}
        scroll={{ x: 200 + mapped.length * 130 + 320, y: 360 }}
        rowClassName={(row) => (row.errors.length ? 'register-import-row-error' : row.duplicate ? 'register-import-row-duplicate' : '')}
        onRow={(row) => ({ 'data-row-state': row.errors.length ? 'error' : row.duplicate ? 'duplicate' : 'ok' }) as never}
        columns={[
          { key: 'row', title: t('registers.import.row'), dataIndex: 'rowNumber', width: 64, fixed: 'left' },
          // What is wrong comes first: with many columns mapped it must not scroll out of sight.
          { key: 'check', title: t('registers.import.check'), width: 320, render: (_: unknown, row: PreviewRow) => check(row) },
          ...mapped.map((field) => ({
            key: field,
            title: fieldLabel(field),
            width: 130,
            ellipsis: true,
            render: (_: unknown, row: PreviewRow) => row.cells[field] ?? '',
          })),
        ]}
      />
    </Modal>
  );
}
