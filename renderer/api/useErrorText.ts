import { useTranslation } from 'react-i18next';
import { BridgeError } from './hetao';

/** Turns any failure into a sentence in the user's language. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error instanceof BridgeError) return t(`errors.${error.value.code}`, error.value.params ?? {});
    return t('errors.internal');
  };
}
