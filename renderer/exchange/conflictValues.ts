import type { TFunction } from 'i18next';
import { formatDate, formatDateTime } from '../../shared/i18n/formatDate';
import { nameIn, type Language } from '../../shared/model/language';

/** What a conflict card needs to read a stored value out: the reader's language and the contacts' names by id. */
export interface ValueReading {
  t: TFunction;
  language: Language;
  names: ReadonlyMap<string, string>;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Fields whose values are codes, and where their words are: an action's status 'blocked' → 受阻. */
const codeWords: Record<string, string> = {
  status: 'actions.statusValue',
  ownerSide: 'actions.sideValue',
  side: 'actions.sideValue',
  priority: 'actions.priorityValue',
};

const isName = (value: object): value is { hant: string; hans: string; en: string } =>
  typeof (value as { hant?: unknown }).hant === 'string' && typeof (value as { hans?: unknown }).hans === 'string';

/** A piece of a value as shown: user content (text, names) is shown in the reader's script; labels, dates and code words already are. */
export interface ValuePart {
  text: string;
  content?: true;
}

const label = (text: string): ValuePart[] => [{ text }];
const content = (text: string): ValuePart[] => [{ text, content: true }];

function joined(groups: ValuePart[][], separator: string): ValuePart[] {
  return groups.flatMap((group, i) => (i === 0 ? group : [{ text: separator }, ...group]));
}

/**
 * A stored value (of `field`, the last part of its path) as a person reads it: contacts by name,
 * dates as each script writes them, codes in words, lists joined with 、 and an entry's fields by
 * their labels.
 */
export function conflictValueParts(value: unknown, field: string, reading: ValueReading): ValuePart[] {
  const { t, language } = reading;
  if (value === null || value === undefined || value === '') return label(t('exchange.none'));
  if (typeof value === 'boolean') return label(t(value ? 'exchange.conflicts.yes' : 'exchange.conflicts.no'));
  if (typeof value === 'number') return label(value.toLocaleString(language === 'en' ? 'en-GB' : language === 'zh-Hans' ? 'zh-CN' : 'zh-HK'));
  if (typeof value === 'string') {
    if (UUID.test(value)) {
      const name = reading.names.get(value);
      return name ? content(name) : label(t('exchange.conflicts.unknownRecord'));
    }
    if (DATE.test(value)) return label(formatDate(value, language));
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return label(formatDateTime(value, language));
    const words = codeWords[field];
    return words ? label(t(`${words}.${value}`, { defaultValue: value })) : content(value);
  }
  if (Array.isArray(value)) return joined(value.map((item) => conflictValueParts(item, field, reading)), language === 'en' ? ', ' : '、');
  if (typeof value === 'object') {
    if (isName(value)) return label(nameIn(value, language));
    const entries = Object.entries(value as Record<string, unknown>).filter(([key, item]) => key !== 'id' && item !== undefined);
    return joined(
      entries.map(([key, item]) => [{ text: `${t(`exchange.field.${key}`, { defaultValue: key })}${language === 'en' ? ': ' : '：'}` }, ...conflictValueParts(item, key, reading)]),
      language === 'en' ? '; ' : '；',
    );
  }
  return content(String(value));
}
