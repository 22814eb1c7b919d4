import { languages, type Language } from '../model/language';
import a11y from './locales/a11y.json';
import actions from './locales/actions.json';
import arrangement from './locales/arrangement.json';
import audit from './locales/audit.json';
import common from './locales/common.json';
import contacts from './locales/contacts.json';
import dataSafety from './locales/dataSafety.json';
import encryption from './locales/encryption.json';
import exchange from './locales/exchange.json';
import exportDocs from './locales/exports.json';
import lifecycle from './locales/lifecycle.json';
import exchangeErrors from './locales/exchangeErrors.json';
import meetings from './locales/meetings.json';
import overview from './locales/overview.json';
import pack from './locales/pack.json';
import policy from './locales/policy.json';
import registers from './locales/registers.json';
import script from './locales/script.json';
import search from './locales/search.json';
import shell from './locales/shell.json';
import subGroups from './locales/subGroups.json';

/**
 * One locale file per feature, each holding its strings in all three languages side by side, so a
 * translator compares them at a glance and features add strings without touching each other's files.
 * Files may add to a shared section such as `errors`; tests/shared/i18n checks no key is defined twice.
 */
export const localeFiles = { shell, common, overview, subGroups, contacts, actions, script, pack, exportDocs, registers, meetings, arrangement, policy, search, lifecycle, audit, dataSafety, exchangeErrors, exchange, a11y, encryption };

type Files = typeof localeFiles;
type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (arg: infer I) => void ? I : never;
type Strings = UnionToIntersection<Files[keyof Files]['zh-Hant']>;

function bundle(language: Language): Strings {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const file of Object.values(localeFiles)) {
    for (const [section, strings] of Object.entries(file[language])) {
      merged[section] = { ...merged[section], ...strings };
    }
  }
  return merged as Strings;
}

/** The one key set, in three languages; tests/shared/i18n checks they match key for key. */
export const localeResources = Object.fromEntries(languages.map((language) => [language, bundle(language)])) as Record<
  Language,
  Strings
>;
