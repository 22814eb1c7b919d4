import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { App as AntApp, Button } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordBase } from '../../shared/model/record';
import type { ImportColumn } from '../../shared/registers/definition';
import type { RegisterImportPreview } from '../../shared/registers/importTypes';
import type { RegisterKind } from '../../shared/registers/kinds';
import { emptyQuery, type RegisterQuery } from '../../shared/registers/query';
import { unwrap } from '../api/hetao';
import { useErrorText } from '../api/useErrorText';
import { ImportWizard } from './ImportWizard';
import type { RegisterApi } from './registerApi';
import { notifyRegisterChanged } from './registerEvents';
import { RegisterFilterBar, type FilterSpec } from './RegisterFilterBar';
import { useEditableRecords } from './useEditableRecords';

/**
 * What every register panel keeps besides its own columns, fields and filters: the records, the query
 * the filter bar edits and the record open in the drawer, with the props by which its table and drawer
 * behave alike in every register (open, restore, the created or saved message, delete then close).
 */
export function useRegisterPanelState<R extends RecordBase, F>(kind: RegisterKind, registerApi: () => RegisterApi<R, F>, label: (record: R) => string) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const register = useEditableRecords(kind, registerApi, label);
  const { records, replace, remove, restore } = register;
  const [query, setQuery] = useState<RegisterQuery>(emptyQuery);
  const [open, setOpen] = useState<R | 'new' | null>(null);

  /** RegisterTable's props but its columns and width, listing the records the panel's query lets through. */
  const tableProps = (visible: R[]) => ({
    rows: records === null ? null : visible,
    total: records?.length ?? 0,
    label,
    onOpen: setOpen,
    onRestore: (record: R) => void restore(record),
  });

  /** RecordDrawer's props but its form and fields. */
  const drawer = {
    kind,
    target: open,
    registerApi,
    label,
    title: t(`registers.${kind}.new`),
    onClose: () => setOpen(null),
    onSaved: (record: R, created: boolean) => {
      replace(record);
      setOpen(null);
      void message.success(t(created ? 'registers.common.createdMessage' : 'registers.common.savedMessage', { label: label(record) }));
    },
    onDelete: (record: R) => void remove(record).then((done) => done && setOpen(null)),
  };
  // The drawer is keyed by the record it shows, so each one opened starts with a fresh form and state;
  // kept apart from its props, as React warns of a key spread into JSX.
  const drawerKey = open === null ? 'closed' : open === 'new' ? 'new' : open.id;

  return { ...register, kind, registerApi, query, setQuery, open, setOpen, tableProps, drawer, drawerKey };
}

/**
 * A register panel's frame: the section the tabs and tests find it by, the filter bar led by New and
 * Import, and the import wizard. What comes above the bar (a glance, totals) and below it (the table,
 * the drawer, a calendar) is the panel's own.
 */
export function RegisterPanel({
  panel: { kind, registerApi, query, setQuery, setOpen },
  filters,
  count,
  importColumns,
  head,
  children,
}: {
  /** From useRegisterPanelState. */
  panel: {
    kind: RegisterKind;
    registerApi: () => RegisterApi<unknown, unknown>;
    query: RegisterQuery;
    setQuery: (query: RegisterQuery) => void;
    setOpen: (open: 'new') => void;
  };
  filters: FilterSpec[];
  count: number;
  /** The sheet columns the import wizard maps. */
  importColumns: ImportColumn[];
  head?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const errorText = useErrorText();
  const [preview, setPreview] = useState<RegisterImportPreview | null>(null);

  const importSheet = async () => {
    try {
      const opened = await unwrap(registerApi().importOpen());
      if (opened) setPreview(opened);
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <section aria-label={t(`registers.${kind}.title`)} className="register-panel" data-register={kind}>
      {head}
      <RegisterFilterBar query={query} onChange={setQuery} count={count} filters={filters}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')}>
          {t(`registers.${kind}.new`)}
        </Button>
        <Button icon={<UploadOutlined />} onClick={() => void importSheet()}>
          {t('registers.common.import')}
        </Button>
      </RegisterFilterBar>
      {children}
      {preview && (
        <ImportWizard
          kind={kind}
          columns={importColumns}
          initial={preview}
          registerApi={registerApi}
          onCancel={() => setPreview(null)}
          onImported={(result) => {
            setPreview(null);
            notifyRegisterChanged(kind);
            void message.success(
              result.skipped
                ? t('registers.import.importedSkipped', { created: result.created, skipped: result.skipped })
                : t('registers.import.imported', { created: result.created }),
            );
          }}
        />
      )}
    </section>
  );
}
