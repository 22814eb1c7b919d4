import { z } from 'zod';
import { entryAncestors, flatten, isEntryPath, orderEntries, SEP, type Atoms } from './atoms';
import { shapeOf, WRITTEN_AT, type KeyedSet } from './collections';
import { addDot, covers, type Dot, type VersionVector } from './dots';

/** The other side's value of a field in conflict, held until a person settles it (local only). */
export const HeldConflict = z.object({
  /** Whether the field (or entry, or record) is there on their side, and its value. */
  present: z.boolean(),
  v: z.unknown(),
  /** Their write: its dot, and their wall clock when they wrote it (only shown). */
  d: z.string(),
  at: z.string().nullable(),
  /** The value both last agreed, when this installation still knows it. */
  base: z.object({ present: z.boolean(), v: z.unknown() }).nullable(),
  kind: z.enum(['field', 'deleteVsEdit']),
  raisedAt: z.string(),
  packageId: z.string().nullable(),
});
export type HeldConflict = z.infer<typeof HeldConflict>;

/**
 * What a record's stamp holds, beside it in its shard file: its creation dot, its version vector,
 * the dot of every field (and entry) whose last write is not the creation, the orders users gave
 * keyed sets, the value each field's last local write replaced, and conflicts held.
 */
export const Stamp = z.object({
  c: z.string(),
  vv: z.record(z.string(), z.number().int().nonnegative()),
  d: z.record(z.string(), z.string()).optional(),
  o: z.record(z.string(), z.array(z.string())).optional(),
  p: z.record(z.string(), z.tuple([z.string(), z.unknown()])).optional(),
  x: z.record(z.string(), HeldConflict).optional(),
  /**
   * The wall-clock times of the record's last writes that no other write has seen yet: one after a
   * local write, several after concurrent ones. The shown "last changed" is the latest of them.
   * Absent on stamps written before: then the time is the record's own, by its written-at dot.
   */
  w: z.record(z.string(), z.string()).optional(),
  /** In a package only: the fields the sender holds in conflict, and the dot of the write it holds. */
  h: z.record(z.string(), z.string()).optional(),
});
export type Stamp = z.infer<typeof Stamp>;

/** The dot of a field's last write: its own, else that of the entry it lies in, else the record's creation. */
export function effectiveDot(collection: string, stamp: Stamp, path: string): Dot {
  const own = stamp.d?.[path];
  if (own) return own;
  const ancestors = entryAncestors(collection, path);
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const dot = stamp.d?.[ancestors[i]!];
    if (dot) return dot;
  }
  return stamp.c;
}

/** The writes a record's shown "last changed" time comes from, each with its wall-clock time. */
export function writtenAt(collection: string, stamp: Stamp, record: Record<string, unknown>): Record<Dot, string> {
  if (stamp.w) return stamp.w;
  return typeof record[WRITTEN_AT] === 'string' ? { [effectiveDot(collection, stamp, WRITTEN_AT)]: record[WRITTEN_AT] } : {};
}

/**
 * The written-at times after a merge, as a multi-value register: a write either side still lists
 * stays unless the other side has seen it and no longer lists it (a later write replaced it).
 * Every installation ends with the same set whatever the order packages came in.
 */
export function mergeWrittenAt(mine: Record<Dot, string>, mineVv: VersionVector, theirs: Record<Dot, string>, theirsVv: VersionVector): Record<Dot, string> {
  const out: Record<Dot, string> = {};
  for (const [dot, at] of Object.entries(mine)) if (dot in theirs || !covers(theirsVv, dot)) out[dot] = at;
  for (const [dot, at] of Object.entries(theirs)) if (dot in mine || !covers(mineVv, dot)) out[dot] = at;
  return out;
}

/** The latest of the written-at times, the one the screens show; null when none is known. */
export function latestWrite(times: Record<Dot, string>): string | null {
  let latest: string | null = null;
  for (const at of Object.values(times)) if (latest === null || at > latest) latest = at;
  return latest;
}

export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameValue(item, other[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter((k) => x[k] !== undefined);
  return keys.length === Object.keys(y).filter((k) => y[k] !== undefined).length && keys.every((k) => sameValue(x[k], y[k]));
}

/** Walks every keyed set of a record (nested ones too), with its full path. */
function eachSet(fields: Record<string, unknown>, sets: Record<string, KeyedSet>, prefix: string, visit: (path: string, set: KeyedSet, entries: Array<Record<string, unknown>>) => void): void {
  for (const [field, set] of Object.entries(sets)) {
    const entries = fields[field];
    if (!Array.isArray(entries)) continue;
    const path = prefix + field;
    visit(path, set, entries as Array<Record<string, unknown>>);
    for (const entry of entries as Array<Record<string, unknown>>) {
      if (set.sets) eachSet(entry, set.sets, `${path}${SEP}${String(entry[set.key])}${SEP}`, visit);
    }
  }
}

/** The orders to keep after a local write: a set whose order is not the derived one keeps the users' order (a set with a `sortBy` has none). */
function ordersAfter(collection: string, record: Record<string, unknown>, previous: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  eachSet(record, shapeOf(collection).sets, '', (path, set, entries) => {
    if (set.sortBy) return;
    const keys = entries.map((e) => String(e[set.key]));
    const byKey = new Map(entries.map((e) => [String(e[set.key]), e]));
    const derived = orderEntries(byKey, set, previous[path]);
    if (derived.some((key, i) => key !== keys[i])) out[path] = keys;
    else if (previous[path]) out[path] = previous[path].filter((key) => byKey.has(key));
  });
  return out;
}

/**
 * Drops the dots a field would inherit anyway, and those of fields inside an entry that is gone
 * (the entry's own dot says when it went), so a stamp stays small.
 */
export function compactDots(collection: string, created: Dot, dots: Record<string, Dot>, atoms: Atoms): Record<string, Dot> {
  const out: Record<string, Dot> = {};
  for (const [path, dot] of Object.entries(dots)) {
    const ancestors = entryAncestors(collection, path);
    if (!atoms.has(path) && ancestors.some((a) => !atoms.has(a))) continue;
    let inherited = created;
    for (let i = ancestors.length - 1; i >= 0; i--) {
      const d = dots[ancestors[i]!];
      if (d) {
        inherited = d;
        break;
      }
    }
    if (dot !== inherited) out[path] = dot;
  }
  return out;
}

function withoutEmpty<T extends object>(stamp: T): T {
  const out = { ...stamp } as Record<string, unknown>;
  for (const key of ['d', 'o', 'p', 'x']) {
    const value = out[key];
    if (value && typeof value === 'object' && Object.keys(value).length === 0) delete out[key];
  }
  return out as T;
}

/** A new record's stamp: every field written by `dot`. */
export function stampCreated(collection: string, record: Record<string, unknown>, dot: Dot): Stamp {
  return withoutEmpty({ c: dot, vv: addDot({}, dot), o: ordersAfter(collection, record, {}) });
}

/**
 * The stamp after a local write by `dot`: every field whose value changed (and those in `touched`,
 * for a settlement that keeps a value) gets the dot, the replaced value is kept as the one both
 * last agreed, and conflicts held on the fields written are settled by the write.
 */
export function stampLocalWrite(
  collection: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  stamp: Stamp,
  dot: Dot,
  touched: readonly string[] = [],
): Stamp {
  const previousOrders = stamp.o ?? {};
  const orders = ordersAfter(collection, after, previousOrders);
  const was = flatten(collection, before, previousOrders);
  const now = flatten(collection, after, orders);
  const dots: Record<string, Dot> = { ...stamp.d };
  const agreed: Record<string, [Dot, unknown]> = { ...stamp.p };
  const held: Record<string, HeldConflict> = { ...stamp.x };
  const written = new Set(touched);
  for (const path of new Set([...was.keys(), ...now.keys()])) {
    if (path !== WRITTEN_AT && !sameValue(was.get(path), now.get(path))) written.add(path);
  }
  if (written.size === 0) return stamp;
  delete dots[WRITTEN_AT];
  for (const path of written) {
    if (was.has(path) && !isEntryPath(collection, path)) agreed[path] = [effectiveDot(collection, stamp, path), was.get(path)];
    if (!now.has(path)) delete agreed[path];
    dots[path] = dot;
  }
  // A write over a field in conflict settles it: from now on it covers their write too.
  let vv = addDot(stamp.vv, dot);
  for (const [key, conflict] of Object.entries(held)) {
    if (![...written].some((path) => key === path || key.startsWith(path + SEP) || path.startsWith(key + SEP))) continue;
    vv = addDot(vv, conflict.d);
    delete held[key];
  }
  return withoutEmpty({
    c: stamp.c,
    vv,
    d: compactDots(collection, stamp.c, dots, now),
    o: orders,
    p: agreed,
    x: held,
    // This write has seen every earlier one: its time alone is the last change.
    ...(typeof after[WRITTEN_AT] === 'string' ? { w: { [dot]: after[WRITTEN_AT] } } : {}),
  });
}

/** A stamp as it travels: no agreed values or held values, only which fields the sender holds in conflict. */
export function travelling(stamp: Stamp): Stamp {
  const out: Stamp = { c: stamp.c, vv: stamp.vv };
  if (stamp.d) out.d = stamp.d;
  if (stamp.o) out.o = stamp.o;
  if (stamp.w) out.w = stamp.w;
  if (stamp.x) out.h = Object.fromEntries(Object.entries(stamp.x).map(([path, conflict]) => [path, conflict.d]));
  return out;
}

/**
 * The writes a record's copy carries: its version vector and the dots of its fields. They differ
 * while a conflict is held (the vector then stays below the other side's write), and a copy must
 * still travel to whoever lacks a field's write.
 */
export function carriedVv(stamp: Stamp): VersionVector {
  let out = addDot(stamp.vv, stamp.c);
  for (const dot of [...Object.values(stamp.d ?? {}), ...Object.keys(stamp.w ?? {})]) out = addDot(out, dot);
  return out;
}

/** Every write a set of stamps carries: an installation's global version vector. */
export function globalVv(stamps: Iterable<Stamp>): VersionVector {
  const out: VersionVector = {};
  for (const stamp of stamps) for (const [id, n] of Object.entries(carriedVv(stamp))) if ((out[id] ?? 0) < n) out[id] = n;
  return out;
}
