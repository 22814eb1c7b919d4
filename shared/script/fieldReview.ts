import { z } from 'zod';

import type { ReviewItem } from './review';
import { type ScriptOverrides } from './overrides';
import { Script } from './script';

/** Record types whose text fields are shown converted and may carry corrections. */
export const ScriptCollection = z.enum(['actions', 'contacts', 'subGroups', 'clauseNotes', 'reportDrafts']);
export type ScriptCollection = z.infer<typeof ScriptCollection>;

/** One text field of one record, e.g. { collection: 'actions', id, field: 'progress.<entry id>.note' }. */
export const FieldRef = z.object({
  collection: ScriptCollection,
  id: z.uuid(),
  field: z.string().min(1).max(200),
});
export type FieldRef = z.infer<typeof FieldRef>;

export const ReviewRequest = z.object({ script: Script, fields: z.array(FieldRef).max(20_000) });

/** One field's conversion into the reader's script, with every choice a person should confirm. */
export interface FieldReview {
  ref: FieldRef;
  source: string;
  /** The record's authoritative script, if known. */
  writtenIn?: Script;
  /** What is shown and exported: the current correction, else `converted`. */
  text: string;
  /** Glossary + OpenCC output, before any correction. */
  converted: string;
  /** Identifies the source text reviewed, so a correction is stored for exactly that text. */
  sourceHash: string;
  correction: { text: string; stale: boolean } | null;
  items: ReviewItem[];
}

/** Confirm (store the text as reviewed) or correct a field's other-script form; `text: null` removes the correction. */
export const OverrideInput = z.object({
  ref: FieldRef,
  script: Script,
  sourceHash: z.string().min(1).max(32),
  text: z.string().max(20_000, 'validation.tooLong').nullable(),
});
export type OverrideInput = z.infer<typeof OverrideInput>;

/** What a record with corrections returns after one is stored: enough to keep an open form's revision current. */
export interface OverrideResult {
  id: string;
  revision: number;
  scriptOverrides?: ScriptOverrides;
}
