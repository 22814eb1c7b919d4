import './registers.css';
import { Button, Empty } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordBase } from '../../shared/model/record';
import { VirtualTable } from '../ui/VirtualTable';
import type { Language } from '../../shared/model/language';
import { ConflictMarker } from '../exchange/ConflictMarker';

/**
 * A register's list: a virtualised table (smooth with tens of thousands of rows), sortable by its
 * columns, each row opened by its Edit button (keyboard) or a double click; deleted rows offer Restore.
 */
export function RegisterTable<R extends RecordBase>({
  rows,
  total,
  columns,
  label,
  onOpen,
  onRestore,
  width,
}: {
  rows: R[] | null;
  /** How many records the register holds before filtering, to tell "empty" from "nothing matches". */
  total: number;
  columns: ColumnsType<R>;
  label: (record: R) => string;
  onOpen: (record: R) => void;
  onRestore: (record: R) => void;
  width: number;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  const all = useMemo<ColumnsType<R>>(
    () => [
      ...columns,
      {
        key: 'actions',
        title: t('registers.common.actions'),
        width: 150,
        fixed: 'right',
        render: (_: unknown, record: R) => (
          <>
          {record.deletedAt ? (
            <Button size="small" onClick={() => onRestore(record)} aria-label={`${t('registers.common.restore')} ${label(record)}`}>
              {t('registers.common.restore')}
            </Button>
          ) : (
            // A plain button: antd's, in every row, costs the list's first paint.
            <button type="button" className="link-button" onClick={() => onOpen(record)} aria-label={`${t('registers.common.edit')} ${label(record)}`}>
              {t('registers.common.edit')}
            </button>
          )}
          <ConflictMarker recordId={record.id} language={language} />
          </>
        ),
      },
    ],
    // onOpen, onRestore and label only reach setters and the API; rebuilding columns for them would defeat the memo.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [columns, t, language],
  );
  return (
    <VirtualTable<R>
      showSorterTooltip={false}
      rowKey="id"
      size="small"
      loading={rows === null}
      columns={all}
      dataSource={rows ?? []}
      pagination={false}
      scroll={{ x: width, y: 520 }}
      rowClassName={(record) => (record.deletedAt ? 'register-row-deleted' : '')}
      onRow={(record) => ({ onDoubleClick: () => (record.deletedAt ? undefined : onOpen(record)) })}
      locale={{ emptyText: <Empty description={total ? t('registers.common.noMatch') : t('registers.common.empty')} /> }}
    />
  );
}
