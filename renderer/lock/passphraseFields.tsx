import { Form, Input, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../../shared/lock/contract';
import { passphraseStrength } from '../../shared/lock/passphraseStrength';

/** A new passphrase typed twice, with its strength as a hint: for turning encryption on and for changing it. */
export function NewPassphraseFields({ value, autoFocus = false }: { value: string; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const strength = passphraseStrength(value);
  const long: Rule = {
    validator: async (_rule, typed: string | undefined) => {
      if ([...(typed ?? '')].length < MIN_PASSPHRASE_LENGTH) throw new Error(t('encryption.turnOn.tooShort', { count: MIN_PASSPHRASE_LENGTH }));
    },
  };
  return (
    <>
      <Form.Item
        name="passphrase"
        label={t('encryption.turnOn.passphrase')}
        rules={[long]}
        extra={
          value && strength !== 'tooShort' ? (
            <Typography.Text type={strength === 'weak' ? 'warning' : 'secondary'} data-testid="passphrase-strength">
              {t(`encryption.turnOn.strength.${strength}`)}
            </Typography.Text>
          ) : undefined
        }
      >
        <Input.Password autoFocus={autoFocus} autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="again"
        label={t('encryption.turnOn.again')}
        dependencies={['passphrase']}
        rules={[
          ({ getFieldValue }) => ({
            validator: async (_rule, typed: string | undefined) => {
              if (typed !== getFieldValue('passphrase')) throw new Error(t('encryption.turnOn.mismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
