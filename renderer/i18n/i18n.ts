import 'dayjs/locale/en-gb';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/zh-hk';
import dayjs from 'dayjs';
import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import enGB from 'antd/locale/en_GB';
import zhCN from 'antd/locale/zh_CN';
import zhHK from 'antd/locale/zh_HK';
import type { Locale } from 'antd/es/locale';
import { localeResources } from '../../shared/i18n/resources';
import { languageTag, type Language } from '../../shared/model/language';

/** The same language in each library's own code: antd components, dayjs dates. */
const locales: Record<Language, { antd: Locale; dayjs: string }> = {
  'zh-Hant': { antd: zhHK, dayjs: 'zh-hk' },
  'zh-Hans': { antd: zhCN, dayjs: 'zh-cn' },
  en: { antd: enGB, dayjs: 'en-gb' },
};

export function antdLocale(language: Language): Locale {
  return locales[language].antd;
}

const fixedTranslators = new Map<Language, TFunction>();

/**
 * The UI strings of one language, for the many small pieces of a list row (a status, a due date, a
 * clause link). useTranslation costs each of them a subscription and a copy of the i18next instance,
 * which a table's first paint cannot afford; a row is given its language and re-renders when it changes.
 */
export function labelsIn(language: Language): TFunction {
  let translate = fixedTranslators.get(language);
  if (!translate) {
    translate = i18next.getFixedT(language);
    fixedTranslators.set(language, translate);
  }
  return translate;
}

export async function initI18n(language: Language): Promise<void> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'zh-Hant',
    resources: Object.fromEntries(Object.entries(localeResources).map(([lng, r]) => [lng, { translation: r }])),
    interpolation: { escapeValue: false },
  });
  applyDocumentLanguage(language);
}

/**
 * Switches the UI strings at once: every language's strings are bundled, so i18next changes language
 * synchronously, and the caller's own state change renders in the same pass rather than a second one.
 */
export function switchLanguage(language: Language): void {
  void i18next.changeLanguage(language);
  applyDocumentLanguage(language);
}

/** The lang attribute also makes CJK fonts draw Hong Kong or Mainland glyph forms. */
function applyDocumentLanguage(language: Language): void {
  dayjs.locale(locales[language].dayjs);
  document.documentElement.lang = languageTag[language];
  document.title = i18next.t('app.title');
}
