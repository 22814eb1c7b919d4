import { AppError } from '../../shared/ipc/errors';
import { duplicateReason, type Contact, type ContactFields } from '../../shared/model/contact';
import type { Language } from '../../shared/model/language';
import { stampScript } from '../../shared/script/overrides';
import type { Store } from '../store/store';

const collationLocale: Record<Language, string> = { 'zh-Hant': 'zh-Hant-HK-u-co-stroke', 'zh-Hans': 'zh-Hans-CN-u-co-pinyin', en: 'en-GB' };

/** Sorts names the way the reader expects: by strokes in Traditional, by pinyin in Simplified. */
export function nameCollator(language: Language): Intl.Collator {
  return new Intl.Collator(collationLocale[language], { sensitivity: 'base', numeric: true });
}

/** The working group's address book (通訊錄): officials and partners of both sides. */
export class ContactService {
  constructor(
    private readonly store: Store,
    private readonly language: () => Language,
  ) {}

  /** Sorted by name; soft-deleted contacts only when asked (to restore them). */
  list(options: { includeDeleted?: boolean } = {}): Contact[] {
    const collator = nameCollator(this.language());
    return this.store
      .list('contacts', options)
      .sort((a, b) => collator.compare(a.name, b.name) || collator.compare(a.organisation, b.organisation));
  }

  get(id: string): Contact {
    const contact = this.store.get('contacts', id);
    if (!contact) throw new AppError('record.notFound');
    return contact;
  }

  /** The live contact this one would repeat (same email, or same name and organisation), if any. */
  findDuplicate(fields: Pick<ContactFields, 'name' | 'organisation' | 'email'>, exceptId?: string): Contact | null {
    return this.store.list('contacts').find((c) => c.id !== exceptId && duplicateReason(fields, c) !== null) ?? null;
  }

  async create(fields: ContactFields): Promise<Contact> {
    this.check(fields);
    return this.store.insert('contacts', withScript(fields));
  }

  /** Adds many at once; the store writes them together. Callers have checked each. */
  async createMany(list: ContactFields[]): Promise<Contact[]> {
    return Promise.all(list.map((fields) => this.store.insert('contacts', withScript(fields))));
  }

  /** Refuses an edit made to a copy older than the stored one, so a change made elsewhere is not lost. */
  async update(id: string, revision: number, fields: ContactFields): Promise<Contact> {
    const current = this.get(id);
    this.check(fields, id);
    return this.store.update('contacts', id, revision, () => withScript(fields, current.writtenIn));
  }

  async delete(id: string): Promise<Contact> {
    this.get(id);
    return this.store.softDelete('contacts', id);
  }

  async restore(id: string): Promise<Contact> {
    const contact = this.get(id);
    const duplicate = this.findDuplicate(contact, id);
    if (duplicate) throw new AppError('contacts.duplicate', { name: duplicate.name });
    return this.store.restore('contacts', id);
  }

  private check(fields: ContactFields, exceptId?: string): void {
    const duplicate = this.findDuplicate(fields, exceptId);
    if (duplicate) throw new AppError('contacts.duplicate', { name: duplicate.name });
    for (const { subGroupId } of fields.memberships) {
      const subGroup = this.store.get('subGroups', subGroupId);
      if (!subGroup || subGroup.deletedAt) throw new AppError('contacts.unknownSubGroup');
    }
  }
}

/** The fields with the script they are written in, detected from the text a reader sees converted. */
function withScript(fields: ContactFields, previous?: Contact['writtenIn']): ContactFields & Pick<Contact, 'writtenIn'> {
  return { ...fields, writtenIn: stampScript([fields.name, fields.title, fields.organisation], previous) };
}
