import { entryAncestors, flatten, isEntryPath, isOrderPath, SEP, unflatten, type Atoms } from './atoms';
import { whenFields, WRITTEN_AT } from './collections';
import { compareDots, covers, dominates, maxVv, type Dot } from './dots';
import { carriedVv, compactDots, effectiveDot, latestWrite, mergeWrittenAt, sameValue, writtenAt, type HeldConflict, type Stamp } from './stamps';

/** A record as the store holds it, with its stamp. */
export interface Stamped {
  record: Record<string, unknown>;
  stamp: Stamp;
}

export interface MergeContext {
  packageId: string | null;
  /** This installation's wall clock, for the card's "raised at" (only shown). */
  now: string;
}

export interface MergeOutcome {
  record: Record<string, unknown>;
  stamp: Stamp;
  /** Whether the record, or the conflicts held on it, differ from before. */
  changed: boolean;
  /** Paths of the conflicts this merge raised (not held before). */
  raised: string[];
  /** Paths of held conflicts the other side's later write settled. */
  cleared: string[];
}

function sameAtoms(a: Atoms, b: Atoms): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (!b.has(key) || !sameValue(value, b.get(key))) return false;
  return true;
}

const last = (path: string): string => path.slice(path.lastIndexOf(SEP) + 1);

/** Two values that mean the same: equal, or both set for a deletion or removal (deleted on both sides is deleted). */
function sameMeaning(path: string, a: { present: boolean; value: unknown }, b: { present: boolean; value: unknown }): boolean {
  if (a.present !== b.present) return false;
  if (sameValue(a.value, b.value)) return true;
  return whenFields.has(last(path)) && a.value != null && b.value != null;
}

/**
 * Two orders of one set given concurrently: when they agree on every entry both list (one side
 * only added entries), the entries the other added go in after the ones they followed there.
 * Null when they put the same entries in different orders: a person settles that.
 */
export function mergeOrders(winner: string[], other: string[]): string[] | null {
  const inWinner = new Set(winner);
  const inOther = new Set(other);
  const commonW = winner.filter((k) => inOther.has(k));
  const commonO = other.filter((k) => inWinner.has(k));
  if (commonW.some((k, i) => k !== commonO[i])) return null;
  const out = [...winner];
  let after: string | null = null;
  for (const key of other) {
    if (inWinner.has(key)) {
      after = key;
      continue;
    }
    out.splice(after === null ? 0 : out.indexOf(after) + 1, 0, key);
    after = key;
  }
  return out;
}

/** The entry (or field) at `path` as a plain value, for a conflict card: its own value, or the object its atoms build. */
function valueAt(collection: string, atoms: Atoms, path: string): unknown {
  if (!isEntryPath(collection, path)) return atoms.get(path);
  const prefix = path + SEP;
  const inner: Atoms = new Map();
  for (const [key, value] of atoms) if (key.startsWith(prefix)) inner.set(key.slice(prefix.length), value);
  // An entry's fields are plain fields here; nested sets keep their own atoms' shape.
  const out: Record<string, unknown> = {};
  for (const [key, value] of inner) if (!key.includes(SEP)) out[key] = value;
  return out;
}

/**
 * Merges another installation's copy of a record into this one's, field by field: a write the one
 * side has seen is replaced by the other's later one; writes made on both sides without seeing each
 * other agree (taken) or conflict (this side keeps its value, theirs is held for a person). A
 * deletion on one side of a record edited on the other is a conflict too. Pure: the same inputs
 * give the same record on every installation.
 */
export function mergeRecord(collection: string, local: Stamped | null, remote: Stamped, context: MergeContext): MergeOutcome {
  const rs = remote.stamp;
  if (!local) {
    // Their written-at times as they are; without them, the same dots and time give the same reading here.
    const stamp: Stamp = { c: rs.c, vv: rs.vv, ...(rs.d ? { d: rs.d } : {}), ...(rs.o ? { o: rs.o } : {}), ...(rs.w ? { w: rs.w } : {}) };
    const { revision: _revision, ...record } = remote.record;
    return { record: { ...record, revision: 1 }, stamp, changed: true, raised: [], cleared: [] };
  }
  const ls = local.stamp;
  if (dominates(ls.vv, carriedVv(rs))) return { record: local.record, stamp: ls, changed: false, raised: [], cleared: [] };

  const mine = flatten(collection, local.record, ls.o);
  const theirs = flatten(collection, remote.record, rs.o);
  const paths = new Set([...mine.keys(), ...theirs.keys(), ...Object.keys(ls.d ?? {}), ...Object.keys(rs.d ?? {})]);
  const merged: Atoms = new Map();
  const dots: Record<string, Dot> = {};
  const held: Record<string, HeldConflict> = { ...ls.x };
  const conflicted = new Set<string>();
  const cleared: string[] = [];
  let remoteEdits = false;
  let latestRemoteEdit: Dot | null = null;
  let localEdits = false;

  const keepMine = (path: string) => {
    if (mine.has(path)) merged.set(path, mine.get(path));
    else merged.delete(path);
    dots[path] = effectiveDot(collection, ls, path);
  };
  const takeTheirs = (path: string) => {
    if (theirs.has(path)) merged.set(path, theirs.get(path));
    else merged.delete(path);
    dots[path] = effectiveDot(collection, rs, path);
  };

  // The shown time is not a field of its own: it comes from the writes' times, merged below.
  paths.delete(WRITTEN_AT);
  for (const path of paths) {
    const a = { present: mine.has(path), value: mine.get(path) };
    const b = { present: theirs.has(path), value: theirs.get(path) };
    const ld = effectiveDot(collection, ls, path);
    const rd = effectiveDot(collection, rs, path);
    const base = path !== 'deletedAt';
    if (base && !covers(ls.vv, rd)) {
      remoteEdits = true;
      if (!latestRemoteEdit || compareDots(rd, latestRemoteEdit) > 0) latestRemoteEdit = rd;
    }
    if (base && !covers(rs.vv, ld)) localEdits = true;
    // They have seen this side's write but kept their own value, holding ours in a conflict card:
    // their value is not a later one, so this side holds theirs too until a person settles.
    const theyHoldOurs = Object.keys(rs.h ?? {}).some((key) => key === path || path.startsWith(key + SEP));
    if (ld === rd || covers(ls.vv, rd)) keepMine(path);
    else if (covers(rs.vv, ld) && !theyHoldOurs) {
      takeTheirs(path);
      const wasHeld = held[path];
      if (wasHeld && covers(rs.vv, wasHeld.d)) {
        delete held[path];
        cleared.push(path);
      }
    } else if (sameMeaning(path, a, b)) {
      if (compareDots(rd, ld) > 0) takeTheirs(path);
      else keepMine(path);
    } else if (isOrderPath(path) && a.present && b.present) {
      const theirsWins = compareDots(rd, ld) > 0;
      const order = theirsWins ? mergeOrders(b.value as string[], a.value as string[]) : mergeOrders(a.value as string[], b.value as string[]);
      if (order) {
        merged.set(path, order);
        dots[path] = theirsWins ? rd : ld;
      } else {
        keepMine(path);
        conflicted.add(path);
      }
    } else {
      keepMine(path);
      // An edit inside an entry the other side removed: the card is about the whole entry.
      const gone = entryAncestors(collection, path).find((entry) => mine.has(entry) !== theirs.has(entry));
      conflicted.add(gone ?? path);
    }
  }

  const raised: string[] = [];
  const hold = (path: string, conflict: Omit<HeldConflict, 'raisedAt' | 'packageId' | 'at' | 'base'>) => {
    const agreed = ls.p?.[path];
    const before = held[path];
    held[path] = {
      ...conflict,
      at: typeof remote.record.updatedAt === 'string' ? remote.record.updatedAt : null,
      base: agreed && covers(rs.vv, agreed[0]) ? { present: true, v: agreed[1] } : (before?.base ?? null),
      raisedAt: before?.raisedAt ?? context.now,
      packageId: context.packageId,
    };
    if (!before) raised.push(path);
  };
  for (const path of conflicted) {
    // This side keeps the whole entry as it had it, until a person settles.
    for (const key of paths) if (key.startsWith(path + SEP)) keepMine(key);
    keepMine(path);
    const present = theirs.has(path);
    const remoteDots = [...paths].filter((k) => k === path || k.startsWith(path + SEP)).map((k) => effectiveDot(collection, rs, k));
    const d = remoteDots.sort(compareDots)[remoteDots.length - 1]!;
    const kind = mine.has(path) !== present ? 'deleteVsEdit' : 'field';
    hold(path, { present, v: valueAt(collection, theirs, path), d, kind });
  }

  // A deletion on one side of a record edited on the other: this side keeps its state, theirs is held.
  const deletedHere = local.record.deletedAt != null;
  const deletedThere = remote.record.deletedAt != null;
  const ldDel = effectiveDot(collection, ls, 'deletedAt');
  const rdDel = effectiveDot(collection, rs, 'deletedAt');
  if (deletedHere && !deletedThere && !covers(rs.vv, ldDel) && remoteEdits && merged.get('deletedAt') != null) {
    hold('deletedAt', { present: true, v: null, d: latestRemoteEdit ?? rdDel, kind: 'deleteVsEdit' });
  } else if (!deletedHere && deletedThere && !covers(ls.vv, rdDel) && localEdits) {
    keepMine('deletedAt');
    hold('deletedAt', { present: false, v: remote.record.deletedAt, d: rdDel, kind: 'deleteVsEdit' });
  }

  const times = mergeWrittenAt(writtenAt(collection, ls, local.record), ls.vv, writtenAt(collection, rs, remote.record), rs.vv);
  const { fields, orders } = unflatten(collection, merged);
  const record: Record<string, unknown> = {
    id: local.record.id,
    createdAt: local.record.createdAt,
    [WRITTEN_AT]: latestWrite(times) ?? local.record[WRITTEN_AT],
    revision: local.record.revision,
    ...fields,
  };
  const changedFields = !sameAtoms(flatten(collection, record, orders), mine) || !sameValue(orders, ls.o ?? {});
  const changed = changedFields || raised.length > 0 || cleared.length > 0;
  if (changedFields) record.revision = (local.record.revision as number) + 1;
  const stamp: Stamp = { c: ls.c, vv: maxVv(ls.vv, rs.vv) };
  const d = compactDots(collection, ls.c, dots, merged);
  if (Object.keys(d).length) stamp.d = d;
  if (Object.keys(orders).length) stamp.o = orders;
  if (ls.p && Object.keys(ls.p).length) stamp.p = ls.p;
  if (Object.keys(held).length) stamp.x = held;
  if (Object.keys(times).length) stamp.w = times;
  return { record, stamp, changed, raised, cleared };
}
