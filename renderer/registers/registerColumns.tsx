import type { ColumnType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import type { Language } from '../../shared/model/language';
import type { RegisterKind } from '../../shared/registers/kinds';
import { CellTag, type TagTone } from '../ui/CellTag';
import { calendarDate, ordinal } from './format';

/** A register table's column of a record's date: in the reader's calendar form, sorted by the date. */
export function dateColumn<R>(kind: RegisterKind, field: keyof R & string, t: TFunction, language: Language, width = 130): ColumnType<R> {
  return {
    key: field,
    title: t(`registers.${kind}.fields.${field}`),
    dataIndex: field,
    width,
    sorter: (a, b) => ordinal(a[field] as string | null, b[field] as string | null),
    render: (value: string | null) => calendarDate(value, language),
  };
}

/** A register table's status column: a coloured tag, sorted in the order the statuses follow. */
export function statusColumn<R extends { status: S }, S extends string>(
  kind: RegisterKind,
  statuses: readonly S[],
  colour: Record<S, TagTone>,
  t: TFunction,
  width: number,
): ColumnType<R> {
  return {
    key: 'status',
    title: t(`registers.${kind}.fields.status`),
    dataIndex: 'status',
    width,
    sorter: (a, b) => statuses.indexOf(a.status) - statuses.indexOf(b.status),
    render: (status: S) => <CellTag tone={colour[status]}>{t(`registers.${kind}.status.${status}`)}</CellTag>,
  };
}
