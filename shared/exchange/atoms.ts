import { recordBaseFields, shapeOf, type KeyedSet } from './collections';

/*
 * A record as a flat map of atoms, the units that carry a stamp and merge on their own:
 * `title`, `progress/<entry id>` (the entry is there), `progress/<entry id>/note`,
 * `agenda/<item id>/papers/<paper id>/title`, `scriptOverrides/<field path>`, and
 * `agenda/$order` for an order the users gave. An atom that is absent has no key in the map.
 */

export type Atoms = Map<string, unknown>;

export const SEP = '/';
export const ORDER = '$order';
/** The value of an entry's own atom, and of a map's: it is there. */
export const PRESENT = true;

const encodeKey = (key: string): string => (/[/%]/.test(key) ? encodeURIComponent(key) : key);
const decodeKey = (key: string): string => (key.includes('%') ? decodeURIComponent(key) : key);

interface Shape {
  sets: Record<string, KeyedSet>;
  maps: readonly string[];
}

function flattenInto(out: Atoms, prefix: string, value: Record<string, unknown>, shape: Shape, skip: ReadonlySet<string>, orders: Record<string, string[]>): void {
  for (const [field, fieldValue] of Object.entries(value)) {
    if (skip.has(field) || fieldValue === undefined) continue;
    const path = prefix + field;
    const set = shape.sets[field];
    if (set && Array.isArray(fieldValue)) {
      for (const entry of fieldValue as Array<Record<string, unknown>>) {
        const entryPath = `${path}${SEP}${String(entry[set.key])}`;
        out.set(entryPath, PRESENT);
        flattenInto(out, entryPath + SEP, entry, { sets: set.sets ?? {}, maps: [] }, new Set([set.key]), orders);
      }
      // A set kept in order of a field has no order of its own to stamp.
      const order = set.sortBy ? undefined : orders[path];
      if (order) out.set(`${path}${SEP}${ORDER}`, order);
    } else if (shape.maps.includes(field) && fieldValue !== null && typeof fieldValue === 'object') {
      out.set(path, PRESENT);
      for (const [key, item] of Object.entries(fieldValue as Record<string, unknown>)) out.set(`${path}${SEP}${encodeKey(key)}`, item);
    } else {
      out.set(path, fieldValue);
    }
  }
}

/** The record's atoms; `orders` are the orders users gave (kept in the stamp, not in the record). */
export function flatten(collection: string, record: Record<string, unknown>, orders: Record<string, string[]> = {}): Atoms {
  const out: Atoms = new Map();
  flattenInto(out, '', record, shapeOf(collection), recordBaseFields, orders);
  return out;
}

function compareBy(field: string | undefined) {
  return (a: Record<string, unknown>, b: Record<string, unknown>, aKey: string, bKey: string): number => {
    if (field) {
      const x = a[field] as string | number;
      const y = b[field] as string | number;
      if (x !== y) return x < y ? -1 : 1;
    }
    return aKey < bKey ? -1 : aKey > bKey ? 1 : 0;
  };
}

/**
 * The entries in the order every installation derives alike: a set with a `sortBy` by that field
 * (then by key), whatever order a list gives; otherwise those the users put in order first, in that
 * order, then the others by key.
 */
export function orderEntries(entries: Map<string, Record<string, unknown>>, set: KeyedSet, order: string[] | undefined): string[] {
  const listed = set.sortBy ? [] : (order ?? []).filter((key) => entries.has(key));
  const inList = new Set(listed);
  const compare = compareBy(set.sortBy);
  const rest = [...entries.keys()].filter((key) => !inList.has(key)).sort((a, b) => compare(entries.get(a)!, entries.get(b)!, a, b));
  return [...listed, ...rest];
}

function sortInto(value: Record<string, unknown>, sets: Record<string, KeyedSet>): Record<string, unknown> {
  const out = { ...value };
  for (const [field, set] of Object.entries(sets)) {
    const entries = value[field];
    if (!Array.isArray(entries)) continue;
    let list = entries as Array<Record<string, unknown>>;
    if (set.sets) list = list.map((entry) => sortInto(entry, set.sets!));
    if (set.sortBy) {
      const compare = compareBy(set.sortBy);
      list = [...list].sort((a, b) => compare(a, b, String(a[set.key]), String(b[set.key])));
    }
    out[field] = list;
  }
  return out;
}

/**
 * The record with every set that has a `sortBy` in that order, as a merge builds it: a local write
 * stores its entries so, or the laptop that wrote them would list them otherwise than one that merged them.
 */
export function inDerivedOrder<T extends Record<string, unknown>>(collection: string, record: T): T {
  return sortInto(record, shapeOf(collection).sets) as T;
}

function build(atoms: Atoms, shape: Shape): { value: Record<string, unknown>; orders: Record<string, string[]> } {
  const own = new Map<string, unknown>();
  const groups = new Map<string, Atoms>();
  for (const [path, value] of atoms) {
    const at = path.indexOf(SEP);
    if (at < 0) {
      own.set(path, value);
      continue;
    }
    const head = path.slice(0, at);
    let group = groups.get(head);
    if (!group) groups.set(head, (group = new Map()));
    group.set(path.slice(at + 1), value);
  }
  const value: Record<string, unknown> = {};
  const orders: Record<string, string[]> = {};
  for (const [field, fieldValue] of own) if (!shape.sets[field] && !shape.maps.includes(field)) value[field] = fieldValue;
  for (const [field, set] of Object.entries(shape.sets)) {
    const group = groups.get(field) ?? new Map<string, unknown>();
    const entries = new Map<string, Record<string, unknown>>();
    const inner = new Map<string, Atoms>();
    for (const [path, atomValue] of group) {
      const at = path.indexOf(SEP);
      if (at < 0) {
        if (path !== ORDER) entries.set(path, {});
        continue;
      }
      const key = path.slice(0, at);
      let sub = inner.get(key);
      if (!sub) inner.set(key, (sub = new Map()));
      sub.set(path.slice(at + 1), atomValue);
    }
    for (const key of entries.keys()) {
      const built = build(inner.get(key) ?? new Map(), { sets: set.sets ?? {}, maps: [] });
      entries.set(key, { [set.key]: key, ...built.value });
      for (const [path, order] of Object.entries(built.orders)) orders[`${field}${SEP}${key}${SEP}${path}`] = order;
    }
    const order = group.get(ORDER) as string[] | undefined;
    if (order) orders[field] = order;
    value[field] = orderEntries(entries, set, order).map((key) => entries.get(key)!);
  }
  for (const field of shape.maps) {
    if (!own.has(field)) continue;
    const map: Record<string, unknown> = {};
    for (const [key, item] of groups.get(field) ?? []) map[decodeKey(key)] = item;
    value[field] = map;
  }
  return { value, orders };
}

/** The record's fields (without id, times and revision) and the users' orders back from its atoms. */
export function unflatten(collection: string, atoms: Atoms): { fields: Record<string, unknown>; orders: Record<string, string[]> } {
  const { value, orders } = build(atoms, shapeOf(collection));
  return { fields: value, orders };
}

/** The paths of the entries a path lies in, outermost first: `agenda/a/papers/p/title` → `agenda/a`, `agenda/a/papers/p`. */
export function entryAncestors(collection: string, path: string): string[] {
  const parts = path.split(SEP);
  const out: string[] = [];
  let sets = shapeOf(collection).sets;
  let i = 0;
  while (i + 1 < parts.length) {
    const set = sets[parts[i]!];
    if (!set) break;
    const entryPath = parts.slice(0, i + 2).join(SEP);
    if (parts[i + 1] === ORDER) break;
    if (entryPath !== path) out.push(entryPath);
    sets = set.sets ?? {};
    i += 2;
  }
  return out;
}

/** Whether the path is a keyed-set entry's own atom (`progress/<id>`). */
export function isEntryPath(collection: string, path: string): boolean {
  const parts = path.split(SEP);
  if (parts.length % 2 !== 0 || parts[parts.length - 1] === ORDER) return false;
  let sets = shapeOf(collection).sets;
  for (let i = 0; i < parts.length; i += 2) {
    const set = sets[parts[i]!];
    if (!set) return false;
    sets = set.sets ?? {};
  }
  return true;
}

export function isOrderPath(path: string): boolean {
  return path.endsWith(SEP + ORDER);
}

/** A path as the screens show it: `progress.<id>.note`. */
export function displayPath(path: string): string {
  return path.split(SEP).map(decodeKey).join('.');
}

/** The atoms under a path (the entry's own atom included), relative to nothing: same keys. */
export function subtree(atoms: Atoms, path: string): Atoms {
  const out: Atoms = new Map();
  const prefix = path + SEP;
  for (const [key, value] of atoms) if (key === path || key.startsWith(prefix)) out.set(key, value);
  return out;
}
