import { Alert, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview, ImportResult } from '../../shared/model/contact';
import { api, unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';

type Row = ImportPreview['rows'][number];

/** What an import would do, row by row, before anything is written: Accept adds the good rows only. */
export function ImportPreviewDialog({
  preview,
  onCancel,
  onImported,
}: {
  preview: ImportPreview;
  onCancel: () => void;
  onImported: (result: ImportResult) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const duplicateOf = new Map(preview.duplicates.map((d) => [d.rowNumber, d]));
  const invalid = preview.rows.filter((r) => r.errors.length > 0).length;

  const accept = async () => {
    setSaving(true);
    try {
      onImported(await unwrap(api().contacts.importCommit({ token: preview.token })));
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  const check = (row: Row) => {
    if (row.errors.length) {
      return (
        <ul style={{ margin: 0, paddingInlineStart: 18, color: '#cf1322' }}>
          {row.errors.map((error, i) => (
            <li key={i}>
              {error.field ? `${t(`contacts.fields.${error.field}`)}：` : ''}
              {t(error.messageKey)}
            </li>
          ))}
        </ul>
      );
    }
    const duplicate = duplicateOf.get(row.rowNumber);
    if (duplicate) {
      const text =
        duplicate.earlierRow !== null
          ? t('contacts.import.duplicateOfRow', { row: duplicate.earlierRow })
          : t(duplicate.reason === 'email' ? 'contacts.import.duplicateEmail' : 'contacts.import.duplicateNameOrganisation', {
              name: duplicate.existingName,
            });
      return <Tag color="gold">{text}</Tag>;
    }
    return <Tag color="green">{t('contacts.import.ok')}</Tag>;
  };

  return (
    <Modal
      open
      width={1000}
      title={t('contacts.import.previewTitle', { fileName: preview.fileName })}
      okText={t('contacts.import.accept', { count: preview.importable })}
      cancelText={t('contacts.import.cancel')}
      okButtonProps={{ disabled: preview.importable === 0 }}
      confirmLoading={saving}
      onOk={() => void accept()}
      onCancel={onCancel}
    >
      <Alert
        type={invalid || preview.duplicates.length ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 12 }}
        title={t('contacts.import.summary', {
          total: preview.rows.length,
          importable: preview.importable,
          invalid,
          duplicates: preview.duplicates.length,
        })}
      />
      {preview.ignoredColumns.length > 0 && (
        <Typography.Paragraph type="secondary">
          {t('contacts.import.ignoredColumns', { columns: preview.ignoredColumns.join('、') })}
        </Typography.Paragraph>
      )}
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Table<Row>
        size="small"
        rowKey="rowNumber"
        dataSource={preview.rows}
        pagination={preview.rows.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        scroll={{ y: 420 }}
        onRow={(row) => ({
          'data-row-state': row.errors.length ? 'error' : duplicateOf.has(row.rowNumber) ? 'duplicate' : 'ok',
          style: row.errors.length ? { background: '#fff2f0' } : duplicateOf.has(row.rowNumber) ? { background: '#fffbe6' } : undefined,
        })}
        columns={[
          { key: 'row', title: t('contacts.import.row'), dataIndex: 'rowNumber', width: 64 },
          { key: 'name', title: t('contacts.fields.name'), render: (_, row) => row.contact.name, width: 140 },
          { key: 'organisation', title: t('contacts.fields.organisation'), render: (_, row) => row.contact.organisation, width: 180 },
          { key: 'side', title: t('contacts.fields.side'), render: (_, row) => sideText(row.contact.side, t), width: 80 },
          { key: 'email', title: t('contacts.fields.email'), render: (_, row) => row.contact.email, width: 200 },
          { key: 'check', title: t('contacts.import.check'), render: (_, row) => check(row) },
        ]}
      />
    </Modal>
  );
}

function sideText(side: string, t: (key: string) => string): string {
  return side === 'HK' || side === 'SZ' || side === 'other' ? t(`contacts.sides.${side}`) : side;
}
