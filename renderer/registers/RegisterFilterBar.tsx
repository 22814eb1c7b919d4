import { Input, Space, Switch, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterQuery } from '../../shared/registers/query';
import { DeferredSelect } from '../ui/DeferredSelect';

export interface FilterSpec {
  key: string;
  label: string;
  options: Array<{ value: string; label: string }>;
}

/** Search (either script), one multiple-choice select per filter, "show deleted", the count, and the register's buttons. */
export function RegisterFilterBar({
  query,
  onChange,
  filters,
  count,
  children,
}: {
  query: RegisterQuery;
  onChange: (query: RegisterQuery) => void;
  filters: FilterSpec[];
  count: number;
  /** The register's own buttons (New, Import), first in the bar. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      {children}
      <Input.Search
        allowClear
        aria-label={t('registers.common.search')}
        placeholder={t('registers.common.search')}
        style={{ width: 260 }}
        value={query.text}
        onChange={(e) => onChange({ ...query, text: e.target.value })}
      />
      {filters.map((filter) => (
        <DeferredSelect
          key={filter.key}
          mode="multiple"
          allowClear
          aria-label={filter.label}
          placeholder={filter.label}
          style={{ minWidth: 140 }}
          maxTagCount="responsive"
          value={query.filters[filter.key] ?? []}
          onChange={(chosen: string[]) => onChange({ ...query, filters: { ...query.filters, [filter.key]: chosen } })}
          options={filter.options}
        />
      ))}
      <Space>
        <Switch
          checked={query.showDeleted}
          onChange={(showDeleted) => onChange({ ...query, showDeleted })}
          aria-label={t('registers.common.showDeleted')}
        />
        {t('registers.common.showDeleted')}
      </Space>
      <Typography.Text type="secondary" className="register-count">
        {t('registers.common.count', { count })}
      </Typography.Text>
    </Space>
  );
}
