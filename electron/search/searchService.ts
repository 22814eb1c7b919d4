import type { Action } from '../../shared/model/action';
import type { Contact } from '../../shared/model/contact';
import type { SubGroup } from '../../shared/model/subGroup';
import type { SearchField, SearchHit, SearchKind, SearchResults } from '../../shared/search/contract';
import { searchKey } from '../../shared/script/search';
import { FoldedTextCache } from '../script/foldedText';
import type { Store } from '../store/store';

/** A searchable field of a record: what it is, its path for script corrections, its text. */
interface Field {
  field: SearchField;
  path: string;
  text: string;
}

/** Fields are folded joined by NUL, which no query contains, so a match never spans two fields. */
const SEPARATOR = '\u0000';

/** Whether the field is what the record is called: such matches rank before matches in its body. */
function isNaming(kind: SearchKind, field: SearchField): boolean {
  return field === 'reference' || field === 'name' || field === 'code' || (kind === 'action' && field === 'title');
}

function actionFields(action: Action): Field[] {
  return [
    { field: 'reference', path: 'reference', text: action.reference },
    // A reference given way to another installation's action (exchange) still finds the action.
    ...(action.formerReferences ?? []).map((text, i) => ({ field: 'reference' as const, path: `formerReferences.${i}`, text })),
    { field: 'title', path: 'title', text: action.title },
    { field: 'description', path: 'description', text: action.description },
    ...action.progress.map((entry) => ({ field: 'progress' as const, path: `progress.${entry.id}.note`, text: entry.note })),
  ];
}

function contactFields(contact: Contact): Field[] {
  return [
    { field: 'name', path: 'name', text: contact.name },
    { field: 'title', path: 'title', text: contact.title },
    { field: 'organisation', path: 'organisation', text: contact.organisation },
  ];
}

function subGroupFields(subGroup: SubGroup): Field[] {
  return [
    { field: 'name', path: 'name.hant', text: subGroup.name.hant },
    { field: 'name', path: 'name.hans', text: subGroup.name.hans },
    { field: 'name', path: 'name.en', text: subGroup.name.en },
    { field: 'code', path: 'code', text: subGroup.code },
    { field: 'remit', path: 'remit', text: subGroup.remit },
  ];
}

interface Candidate {
  hit: SearchHit;
  named: boolean;
  updatedAt: string;
}

/**
 * The window's one search box: actions, contacts and sub-groups in one pass, in either script. Each
 * record's fields are folded once per revision (FoldedTextCache), so a search over ten years of actions
 * folds only what changed since the last one.
 */
export class SearchService {
  private readonly folded = new FoldedTextCache();

  constructor(private readonly store: Store) {}

  all(text: string, limit = 8): SearchResults {
    const needle = searchKey(text.replaceAll(SEPARATOR, '').trim());
    const empty = { hits: [], total: 0 };
    if (!needle) return { actions: empty, contacts: empty, subGroups: empty };

    // Archived sub-groups' tabs are hidden, so neither they nor their actions could be opened from a hit.
    const open = this.store.list('subGroups').filter((s) => s.archivedAt === null);
    const openIds = new Set(open.map((s) => s.id));

    const actions: Candidate[] = [];
    for (const action of this.store.list('actions')) {
      if (!openIds.has(action.subGroupId)) continue;
      const found = this.match(action, actionFields(action), needle);
      if (found) {
        actions.push(this.candidate('action', action, found, { subGroupId: action.subGroupId, title: action.title, names: null, code: action.reference }));
      }
    }
    const contacts: Candidate[] = [];
    for (const contact of this.store.list('contacts')) {
      const found = this.match(contact, contactFields(contact), needle);
      if (found) contacts.push(this.candidate('contact', contact, found, { subGroupId: null, title: contact.name, names: null, code: '' }));
    }
    const subGroups: Candidate[] = [];
    for (const subGroup of open) {
      const found = this.match(subGroup, subGroupFields(subGroup), needle);
      if (found) {
        subGroups.push(
          this.candidate('subGroup', subGroup, found, { subGroupId: subGroup.id, title: subGroup.name.hant, names: subGroup.name, code: subGroup.code }),
        );
      }
    }
    return { actions: ranked(actions, limit), contacts: ranked(contacts, limit), subGroups: ranked(subGroups, limit) };
  }

  /** The first field whose text contains the needle, or null. */
  private match(record: { id: string; revision: number }, fields: Field[], needle: string): Field | null {
    const haystack = this.folded.key(record, () => fields.map((f) => f.text).join(SEPARATOR));
    const at = haystack.indexOf(needle);
    if (at < 0) return null;
    // Folding keeps offsets, so the match's offset says which field it lies in.
    let end = 0;
    for (const field of fields) {
      end += field.text.length;
      if (at < end) return field;
      end += SEPARATOR.length;
    }
    return null;
  }

  private candidate(
    kind: SearchKind,
    record: Action | Contact | SubGroup,
    found: Field,
    about: Pick<SearchHit, 'subGroupId' | 'title' | 'names' | 'code'>,
  ): Candidate {
    return {
      hit: {
        kind,
        id: record.id,
        ...about,
        field: found.field,
        fieldPath: found.path,
        text: found.text,
        ...(record.writtenIn ? { writtenIn: record.writtenIn } : {}),
        ...(record.scriptOverrides ? { scriptOverrides: record.scriptOverrides } : {}),
      },
      named: isNaming(kind, found.field),
      updatedAt: record.updatedAt,
    };
  }
}

/** Matches in what a record is called first, then the most recently updated. */
function ranked(candidates: Candidate[], limit: number): SearchResults['actions'] {
  candidates.sort((a, b) => Number(b.named) - Number(a.named) || (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  return { hits: candidates.slice(0, limit).map((c) => c.hit), total: candidates.length };
}
