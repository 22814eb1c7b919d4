import { InputNumber, type SelectProps } from 'antd';
import { Select } from '../../ui/Select';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { clauseLabel, clauses } from '../../../shared/arrangement/clauses';
import type { OwnerSide } from '../../../shared/model/action';
import type { Language } from '../../../shared/model/language';
import { currencies, type Currency } from '../../../shared/model/registers/common';
import { CellTag, type TagTone } from '../../ui/CellTag';
import { Field, FieldRow, useChoices } from '../RegisterField';

const numberLocale: Record<Language, string> = { 'zh-Hant': 'zh-HK', 'zh-Hans': 'zh-CN', en: 'en-GB' };

export const sides: OwnerSide[] = ['HK', 'SZ', 'joint'];
const sideColour: Record<OwnerSide, TagTone> = { HK: 'red', SZ: 'blue', joint: 'purple' };

export function SideTag({ side }: { side: OwnerSide }) {
  const { t } = useTranslation();
  return <CellTag tone={sideColour[side]}>{t(`registers.side.${side}`)}</CellTag>;
}

export function amountText(amount: number, language: Language): string {
  return amount.toLocaleString(numberLocale[language], { maximumFractionDigits: 2 });
}

/** An amount with its currency, e.g. 港元 3,000,000; never a bare number. */
export function useMoney(language: Language) {
  const { t } = useTranslation();
  // Stable between renders, so tables whose columns use it keep their memoised columns.
  return useCallback(
    (amount: number | null, currency: Currency | null): string =>
      amount === null || currency === null ? '' : `${t(`registers.currency.${currency}`)} ${amountText(amount, language)}`,
    [t, language],
  );
}

export function count(value: number | null, language: Language): string {
  return value === null ? '' : value.toLocaleString(numberLocale[language]);
}

export function ClauseSelect({ language, ...props }: { language: Language; value?: string[]; onChange?: (value: string[]) => void; id?: string }) {
  return <Select mode="multiple" optionFilterProp="label" {...props} options={clauses.map((c) => ({ value: c.id, label: clauseLabel(c.id, language) }))} />;
}

/** The side leading or funding a record: 香港, 深圳 or 聯合. */
export function SideSelect(props: SelectProps<OwnerSide>) {
  const choices = useChoices();
  return <Select options={choices(sides, 'registers.side')} {...props} />;
}

/** A sum and its currency side by side in a register's form; the currency is never assumed. */
export function MoneyRow({ amount }: { amount: string }) {
  const choices = useChoices();
  return (
    <FieldRow>
      <Field span={8} name="currency">
        <Select allowClear options={choices(currencies, 'registers.currency')} />
      </Field>
      <Field span={16} name={amount}>
        <InputNumber style={{ width: '100%' }} min={0} step={1000} />
      </Field>
    </FieldRow>
  );
}
