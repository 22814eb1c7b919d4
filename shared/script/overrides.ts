import { z } from 'zod';
import { detectScript } from './detect';
import type { Direction } from './dictionaries';
import { Script } from './script';


/**
 * A hand correction of one field's other-script form. `sourceHash` is the hash of the source text it
 * was made for: once the source changes the correction no longer wins and is flagged as possibly stale.
 */
export const ScriptOverride = z.object({
  sourceHash: z.string().min(1).max(32),
  hant: z.string().max(20_000, 'validation.tooLong').optional(),
  hans: z.string().max(20_000, 'validation.tooLong').optional(),
  at: z.iso.datetime({ offset: true }),
});
export type ScriptOverride = z.infer<typeof ScriptOverride>;

/** Corrections keyed by field path: `title`, `remit`, `progress.<entry id>.note`… */
export const ScriptOverrides = z.record(z.string().min(1).max(200), ScriptOverride);
export type ScriptOverrides = z.infer<typeof ScriptOverrides>;

/**
 * Fields any record with user text carries. Both optional, so data written before they existed
 * still loads: `writtenIn` is the record's authoritative script, detected when it is saved.
 */
export const scriptFields = {
  writtenIn: Script.optional(),
  scriptOverrides: ScriptOverrides.optional(),
};
export type ScriptFields = { writtenIn?: Script; scriptOverrides?: ScriptOverrides };

export function targetScript(direction: Direction): Script {
  return direction === 'toHant' ? 'hant' : 'hans';
}

export function directionTo(script: Script): Direction {
  return script === 'hant' ? 'toHant' : 'toHans';
}

/** FNV-1a over UTF-16 units, with the length: enough to notice that a field's text changed. */
export function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${(hash >>> 0).toString(16).padStart(8, '0')}-${text.length.toString(16)}`;
}

/**
 * The text at a field path in a record: `a.b` walks objects, and a segment after an array picks the
 * element with that id (`progress.<id>.note`). Undefined when the path leads to no string.
 */
export function fieldText(record: unknown, field: string): string | undefined {
  let at: unknown = record;
  for (const part of field.split('.')) {
    if (Array.isArray(at)) at = at.find((item: unknown) => (item as { id?: unknown } | null)?.id === part);
    else if (at && typeof at === 'object' && Object.hasOwn(at, part)) at = (at as Record<string, unknown>)[part];
    else return undefined;
  }
  return typeof at === 'string' ? at : undefined;
}

/** A field's correction into `script`: the text, and whether its source has changed since. */
export function correctionFor(
  overrides: ScriptOverrides | undefined,
  field: string,
  source: string,
  script: Script,
): { text: string; stale: boolean } | undefined {
  const override = overrides?.[field];
  const text = override?.[script];
  if (override === undefined || text === undefined) return undefined;
  return { text, stale: override.sourceHash !== textHash(source) };
}

/**
 * The script a record is written in: what its text shows, else what it was before (an edit that
 * leaves only names or English keeps it), else the writer's own script, if known.
 */
export function stampScript(texts: readonly string[], previous?: Script, writer?: Script): Script | undefined {
  const detected = detectScript(texts.join('\n'));
  return detected !== 'neutral' ? detected : (previous ?? writer);
}
