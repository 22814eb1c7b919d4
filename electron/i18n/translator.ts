import i18next, { type TFunction } from 'i18next';
import { localeResources } from '../../shared/i18n/resources';
import type { Language } from '../../shared/model/language';

/** The main process's strings (menus, dialogs, window title) from the same locale files as the UI. */
export function translator(language: Language): TFunction {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'zh-Hant',
    resources: Object.fromEntries(Object.entries(localeResources).map(([lng, r]) => [lng, { translation: r }])),
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance.t;
}
