import { Col, DatePicker, Form, Row, type DatePickerProps } from 'antd';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterKind } from '../../shared/registers/kinds';
import type { FieldName } from '../api/useSubmit';

/** The register whose record the drawer edits: its fields are labelled from its locale keys. */
export const RegisterFieldsOf = createContext<RegisterKind | null>(null);

/** A line of a register's form: fields side by side, each its `span` of 24. */
export function FieldRow({ align, children }: { align?: 'bottom'; children: ReactNode }) {
  return (
    <Row gutter={12} align={align}>
      {children}
    </Row>
  );
}

/**
 * One field of a register's form, labelled with the register's word for it
 * (`registers.<kind>.fields.<name>`) unless given `label`; in a FieldRow it takes `span` of the line.
 */
export function Field({
  name,
  label,
  span,
  required,
  checkbox,
  children,
}: {
  name?: FieldName;
  label?: string;
  span?: number;
  required?: boolean;
  /** A switch or checkbox: its value is its `checked`. */
  checkbox?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const kind = useContext(RegisterFieldsOf);
  const item = (
    <Form.Item
      name={name}
      label={label ?? (typeof name === 'string' ? t(`registers.${kind}.fields.${name}`) : undefined)}
      required={required}
      valuePropName={checkbox ? 'checked' : undefined}
    >
      {children}
    </Form.Item>
  );
  return span === undefined ? item : <Col span={span}>{item}</Col>;
}

/** A picker's options for a register's fixed values, each labelled `<prefix>.<value>` (e.g. registers.side.HK). */
export function useChoices() {
  const { t } = useTranslation();
  return <V extends string>(values: readonly V[], prefix: string) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
}

/** A date field as wide as its column. */
export function DateInput(props: DatePickerProps) {
  return <DatePicker style={{ width: '100%' }} {...props} />;
}
