import type { TFunction } from 'i18next';
import { localeResources } from '../../shared/i18n/resources';
import { AppError } from '../../shared/ipc/errors';
import {
  contactFields,
  MembershipRole,
  NewContact,
  type ContactField,
  type ContactSide,
  type ImportRow,
  type Membership,
} from '../../shared/model/contact';
import { languages } from '../../shared/model/language';
import { shortSubGroupName, type SubGroup } from '../../shared/model/subGroup';
import type { SheetRow } from '../../shared/sheets/sheetRow';


/** How a header, side or role is compared: case, width, spaces and punctuation do not matter. */
function key(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s*:：\-_()（）.、/]/g, '');
}

function localeWords(pick: (contacts: (typeof localeResources)['en']['contacts']) => string): string[] {
  return languages.map((language) => pick(localeResources[language].contacts));
}

// Headers each language's export writes, and the other names people give these columns.
const headerAliases: Record<ContactField, string[]> = {
  name: [...localeWords((c) => c.fields.name), '姓名', '名字', '全名', 'name', 'full name', 'contact', 'contact name'],
  title: [...localeWords((c) => c.fields.title), '職位', '职位', '職稱', '职称', '職務', '职务', '職銜', '职衔', 'position', 'job title', 'post', 'rank'],
  organisation: [
    ...localeWords((c) => c.fields.organisation),
    '機構', '机构', '單位', '单位', '部門', '部门', '所屬機構', '所属机构', 'organisation', 'organization', 'org', 'department', 'agency', 'company',
  ],
  side: [...localeWords((c) => c.fields.side), '所屬方', '所属方', '方', '一方', 'side', 'party'],
  email: [
    ...localeWords((c) => c.fields.email),
    '電郵', '电邮', '電郵地址', '电邮地址', '電子郵件', '电子邮件', '電子郵箱', '电子邮箱', '郵箱', '邮箱', 'email', 'e-mail', 'email address', 'mail',
  ],
  phone: [
    ...localeWords((c) => c.fields.phone),
    '電話', '电话', '聯絡電話', '联系电话', '辦公電話', '办公电话', '手機', '手机', 'phone', 'telephone', 'tel', 'mobile',
  ],
  memberships: [
    ...localeWords((c) => c.fields.memberships),
    '專組', '专组', '所屬專組', '所属专组', '專組及角色', '专组及角色', 'sub-group', 'sub-groups', 'subgroups', 'sub-groups and roles',
  ],
};
const fieldOfHeader = new Map<string, ContactField>(
  contactFields.flatMap((field) => headerAliases[field].map((alias) => [key(alias), field] as const)),
);

const sideAliases: Record<ContactSide, string[]> = {
  HK: [...localeWords((c) => c.sides.HK), 'HK', 'Hong Kong', 'HKSAR', '香港', '港方', '港', '香港特別行政區政府', '香港特别行政区政府'],
  SZ: [...localeWords((c) => c.sides.SZ), 'SZ', 'Shenzhen', '深圳', '深方', '深', '深圳市人民政府'],
  other: [...localeWords((c) => c.sides.other), 'other', 'others', '其他', '其它', '其他方'],
};
const sideOfWord = new Map<string, ContactSide>(
  (Object.keys(sideAliases) as ContactSide[]).flatMap((side) => sideAliases[side].map((word) => [key(word), side] as const)),
);

const roleWords = new Map<string, Membership['role']>(
  MembershipRole.options.flatMap((role) => [
    ...localeWords((c) => c.roles[role]).map((word) => [key(word), role] as const),
    [role, role] as const,
  ]),
);
const rolePattern = new RegExp(
  `^(.*?)[\\s(（:：\\-–]*(${[...new Set(MembershipRole.options.flatMap((r) => [...localeWords((c) => c.roles[r]), r]))].join('|')})[)）]?$`,
  'i',
);

const FORMULA_START = /^[=+\-@\t\r]/;

/** Keeps a spreadsheet from running a cell as a formula (CSV injection): `=1+1` is written `'=1+1`. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes neutraliseFormula, so an exported file imports back unchanged. */
function restoreFormulaText(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function findSubGroup(reference: string, subGroups: SubGroup[]): SubGroup | undefined {
  const wanted = key(reference);
  return subGroups.find(
    (s) =>
      key(s.code) === wanted ||
      [s.name.hant, s.name.hans, s.name.en].some((name) => name && (key(name) === wanted || key(shortSubGroupName(name)) === wanted)),
  );
}

/** Reads "JP 召集人; 聯合推廣（成員）" into memberships; a sub-group named without a role is a member. */
export function parseMemberships(text: string, subGroups: SubGroup[]): { memberships: Membership[]; unknown: string[] } {
  const memberships: Membership[] = [];
  const unknown: string[] = [];
  for (const item of text.split(/[;；\n,，、]/).map((s) => s.trim()).filter(Boolean)) {
    const match = rolePattern.exec(item);
    const reference = match?.[1]?.trim() ? match[1].trim() : item;
    const role = (match?.[1]?.trim() && roleWords.get(key(match[2]!))) || 'member';
    const subGroup = findSubGroup(reference, subGroups);
    if (!subGroup) unknown.push(item);
    else if (!memberships.some((m) => m.subGroupId === subGroup.id)) memberships.push({ subGroupId: subGroup.id, role });
  }
  return { memberships, unknown };
}

export function formatMemberships(memberships: Membership[], subGroups: SubGroup[], t: TFunction): string {
  return memberships
    .map((m) => {
      const subGroup = subGroups.find((s) => s.id === m.subGroupId);
      return subGroup ? `${subGroup.code} ${t(`contacts.roles.${m.role}`)}` : '';
    })
    .filter(Boolean)
    .join('; ');
}

/**
 * Finds the header row (among the first ten rows, the first that names a name column) and reads every
 * later row into a contact and the reasons it cannot be imported. Blank rows are skipped.
 */
export function readContactRows(sheet: SheetRow[], subGroups: SubGroup[]): { rows: ImportRow[]; ignoredColumns: string[] } {
  const headerIndex = sheet.slice(0, 10).findIndex((r) => r.cells.some((cell) => fieldOfHeader.get(key(cell)) === 'name'));
  if (headerIndex < 0) throw new AppError('contacts.noNameColumn');
  const header = sheet[headerIndex]!.cells;
  const columnOf = new Map<ContactField, number>();
  const ignoredColumns: string[] = [];
  header.forEach((cell, column) => {
    const field = fieldOfHeader.get(key(cell));
    if (field && !columnOf.has(field)) columnOf.set(field, column);
    else if (cell.trim()) ignoredColumns.push(cell.trim());
  });

  const rows: ImportRow[] = [];
  for (const { row, cells } of sheet.slice(headerIndex + 1)) {
    if (cells.every((cell) => !cell.trim())) continue;
    const cell = (field: ContactField) => {
      const column = columnOf.get(field);
      return column === undefined ? '' : restoreFormulaText((cells[column] ?? '').trim());
    };
    const errors: ImportRow['errors'] = [];
    const sideText = cell('side');
    const side = sideOfWord.get(key(sideText));
    if (!sideText) errors.push({ field: 'side', messageKey: 'validation.required' });
    else if (!side) errors.push({ field: 'side', messageKey: 'validation.contactSide' });
    const membershipsText = cell('memberships');
    const { memberships, unknown } = parseMemberships(membershipsText, subGroups);
    if (unknown.length) errors.push({ field: 'memberships', messageKey: 'contacts.import.unknownSubGroup' });

    const contact = {
      name: cell('name'),
      title: cell('title'),
      organisation: cell('organisation'),
      side: side ?? sideText,
      email: cell('email'),
      phone: cell('phone'),
      memberships,
    };
    const parsed = NewContact.safeParse({ ...contact, side: side ?? 'other' });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = contactFields.find((f) => f === issue.path[0]) ?? null;
        errors.push({ field, messageKey: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid' });
      }
    }
    rows.push({ rowNumber: row, contact: { ...(parsed.success ? parsed.data : contact), side: contact.side, membershipsText }, errors });
  }
  return { rows, ignoredColumns };
}
