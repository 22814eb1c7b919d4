import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../shared/model/language';

/** 繁體 / 简体 / English, each label written in its own script so anyone can find theirs. */
export function LanguageSwitch({ value, onChange }: { value: Language; onChange: (language: Language) => void }) {
  const { t } = useTranslation();
  return (
    <Segmented<Language>
      aria-label={t('language.label')}
      value={value}
      onChange={onChange}
      options={languages.map((language) => ({ value: language, label: t(`language.${language}`) }))}
    />
  );
}
