import { z } from 'zod';
import { LocalizedName } from '../model/record';
import { ScriptOverrides } from '../script/overrides';
import { Script } from '../script/script';

export const SearchKind = z.enum(['action', 'contact', 'subGroup']);
export type SearchKind = z.infer<typeof SearchKind>;

/** Which field matched, for its label: a contact's `title` is the job title, a sub-group's `code` its short code. */
export const SearchField = z.enum(['reference', 'title', 'description', 'progress', 'name', 'organisation', 'code', 'remit']);
export type SearchField = z.infer<typeof SearchField>;

/** One record the query found, with the text of the field it was found in, as stored. */
export const SearchHit = z.object({
  kind: SearchKind,
  id: z.uuid(),
  /** The action's sub-group, or the sub-group itself; null for a contact. */
  subGroupId: z.uuid().nullable(),
  /** What the record is called: the action's title, the contact's name, the sub-group's Traditional name. */
  title: z.string(),
  /** A sub-group's names in three scripts, shown in the reader's language; null otherwise. */
  names: LocalizedName.nullable(),
  /** The action's reference or the sub-group's code; '' for a contact. */
  code: z.string(),
  field: SearchField,
  /** The field's path for script corrections: `title`, `progress.<entry id>.note`, `name.hans`… */
  fieldPath: z.string(),
  /** The matched field's whole text: the renderer converts it to the reader's script before cutting a snippet. */
  text: z.string(),
  writtenIn: Script.optional(),
  scriptOverrides: ScriptOverrides.optional(),
});
export type SearchHit = z.infer<typeof SearchHit>;

const HitGroup = z.object({ hits: z.array(SearchHit), total: z.number().int().nonnegative() });
export const SearchResults = z.object({ actions: HitGroup, contacts: HitGroup, subGroups: HitGroup });
export type SearchResults = z.infer<typeof SearchResults>;

/** The `search` namespace of the bridge (window.hetao.search). */
export const searchMethods = {
  /**
   * Live actions, contacts and sub-groups whose text contains the query in either script (数据 finds 數據),
   * up to `limit` of each kind, matches in titles and names first; `total` counts them all.
   */
  all: {
    input: z.object({ text: z.string().max(500), limit: z.number().int().positive().max(100).optional() }),
    output: SearchResults,
  },
};
