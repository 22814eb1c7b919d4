import { z } from 'zod';
import { searchKey } from '../script/search';
import { Side } from './action';
import { scriptFields } from '../script/overrides';
import { RecordBase } from './record';

export const MembershipRole = z.enum(['convenor', 'member', 'secretary']);
export type MembershipRole = z.infer<typeof MembershipRole>;
export const ContactSide = z.enum([...Side.options, 'other']);
export type ContactSide = z.infer<typeof ContactSide>;

export const Membership = z.object({ subGroupId: z.uuid(), role: MembershipRole });
export type Membership = z.infer<typeof Membership>;

/** An official or partner of either side (通訊錄). */
export const Contact = RecordBase.extend({
  name: z.string().min(1, 'validation.required').max(200, 'validation.tooLong'),
  title: z.string().max(200, 'validation.tooLong'),
  organisation: z.string().max(300, 'validation.tooLong'),
  side: Side.or(z.literal('other')),
  email: z.string().max(320, 'validation.tooLong'),
  phone: z.string().max(60, 'validation.tooLong'),
  memberships: z.array(Membership),
  ...scriptFields,
});
export type Contact = z.infer<typeof Contact>;

const emailAddress = z.email();
// Digits with the separators people write in HK and Mainland numbers, and an optional extension.
const phonePattern = /^\+?[\d\s\-()./]*\d[\d\s\-()./]*(?:\s*(?:ext\.?|x|#|轉|转)\s*\d+)?$/i;

/** What a user enters for a contact, by hand or in an imported row; main validates with the same schema. */
export const NewContact = z.object({
  name: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  title: z.string().trim().max(200, 'validation.tooLong'),
  organisation: z.string().trim().max(300, 'validation.tooLong'),
  side: z.enum(ContactSide.options, 'validation.contactSide'),
  email: z
    .string()
    .trim()
    .max(320, 'validation.tooLong')
    .refine((value) => value === '' || emailAddress.safeParse(value).success, 'validation.email'),
  phone: z
    .string()
    .trim()
    .max(60, 'validation.tooLong')
    .refine((value) => value === '' || phonePattern.test(value), 'validation.phone'),
  memberships: z
    .array(Membership)
    .refine((list) => new Set(list.map((m) => m.subGroupId)).size === list.length, 'validation.duplicateMembership'),
});
export type NewContact = z.input<typeof NewContact>;
export type ContactFields = z.output<typeof NewContact>;

export const ContactUpdate = z.object({ id: z.uuid(), revision: z.number().int().positive(), contact: NewContact });

/** The fields a contact file has, in the order they are exported. */
export const contactFields = ['name', 'title', 'organisation', 'side', 'email', 'phone', 'memberships'] as const;
export type ContactField = (typeof contactFields)[number];

/** Why a contact is the same person as another: the rule both import and the form apply. */
export type DuplicateReason = 'nameOrganisation' | 'email';

/** The same person entered on the HK laptop (陳大文) and on the Shenzhen one (陈大文) compares equal. */
function normalised(value: string): string {
  return searchKey(value.normalize('NFKC').trim().replace(/\s+/g, ' '));
}

export function duplicateReason(
  a: Pick<ContactFields, 'name' | 'organisation' | 'email'>,
  b: Pick<ContactFields, 'name' | 'organisation' | 'email'>,
): DuplicateReason | null {
  if (a.email.trim() && normalised(a.email) === normalised(b.email)) return 'email';
  if (normalised(a.name) === normalised(b.name) && normalised(a.organisation) === normalised(b.organisation)) {
    return 'nameOrganisation';
  }
  return null;
}

/** One row of an import file as the preview shows it. */
export const ImportRow = z.object({
  /** The row's number in the spreadsheet or CSV file, the header being row 1. */
  rowNumber: z.number().int().positive(),
  contact: z.object({
    name: z.string(),
    title: z.string(),
    organisation: z.string(),
    side: z.string(),
    email: z.string(),
    phone: z.string(),
    memberships: z.array(Membership),
    /** The memberships cell as written in the file, for the preview. */
    membershipsText: z.string(),
  }),
  /** Message keys (validation.* or contacts.import.*), each with the field it concerns. */
  errors: z.array(z.object({ field: z.enum(contactFields).nullable(), messageKey: z.string() })),
});
export type ImportRow = z.infer<typeof ImportRow>;

export const ImportDuplicate = z.object({
  rowNumber: z.number().int().positive(),
  reason: z.enum(['nameOrganisation', 'email']),
  /** The contact already in the address book, or null when an earlier row of the same file. */
  existingId: z.uuid().nullable(),
  existingName: z.string(),
  /** The earlier row of the same file it repeats, if that is what it matches. */
  earlierRow: z.number().int().positive().nullable(),
});
export type ImportDuplicate = z.infer<typeof ImportDuplicate>;

export const ImportPreview = z.object({
  token: z.uuid(),
  fileName: z.string(),
  rows: z.array(ImportRow),
  duplicates: z.array(ImportDuplicate),
  /** Rows that will be added on accepting: valid and not duplicates. */
  importable: z.number().int().nonnegative(),
  /** Columns of the file that were not recognised and will be ignored. */
  ignoredColumns: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z.object({ created: z.number().int().nonnegative(), skipped: z.number().int().nonnegative() });
export type ImportResult = z.infer<typeof ImportResult>;

