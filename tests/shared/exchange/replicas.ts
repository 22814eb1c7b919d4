import { createHash } from 'node:crypto';
import { flatten, inDerivedOrder, unflatten } from '../../../shared/exchange/atoms';
import { covers, dominates, dotOf, maxVv, type VersionVector } from '../../../shared/exchange/dots';
import { mergeRecord, type Stamped } from '../../../shared/exchange/merge';
import { carriedVv, travelling, globalVv, sameValue, stampCreated, stampLocalWrite, effectiveDot, type Stamp } from '../../../shared/exchange/stamps';

/*
 * Installations reduced to what the merge sees: actions (a title, a status, a keyed set of progress
 * notes) with their stamps, packages as bytes with a digest, and each peer's ack. The store and the
 * package file are tested with real backends in tests/electron/exchange; here thousands of
 * scenarios run in seconds.
 */

export const COLLECTION = 'actions';
const HOUR = 3_600_000;
const BASE = Date.parse('2026-12-02T02:00:00.000Z');

export interface Replica {
  id: string;
  counter: number;
  /** Hours this laptop's clock is off, up to ±48. */
  skewHours: number;
  tick: number;
  records: Map<string, Stamped>;
  acks: Map<string, VersionVector>;
}

export function replica(id: string, skewHours: number): Replica {
  return { id, counter: 0, skewHours, tick: 0, records: new Map(), acks: new Map() };
}

function clock(r: Replica): string {
  r.tick += 1;
  return new Date(BASE + r.skewHours * HOUR + r.tick * 60_000).toISOString();
}

function nextDot(r: Replica): string {
  r.counter += 1;
  return dotOf(r.id, r.counter);
}

export function write(r: Replica, id: string, change: (record: Record<string, unknown>) => Record<string, unknown>, touched: string[] = []): void {
  const current = r.records.get(id);
  if (!current) return;
  // As the store does: entries of a set kept in order of a field are stored in that order.
  const after = inDerivedOrder(COLLECTION, { ...change(structuredClone(current.record)), updatedAt: clock(r), revision: (current.record.revision as number) + 1 });
  const stamp = stampLocalWrite(COLLECTION, current.record, after, current.stamp, nextDot(r), touched);
  // As the store does: a save that changed nothing keeps its time.
  if (stamp === current.stamp) after.updatedAt = current.record.updatedAt as string;
  r.records.set(id, { record: after, stamp });
}

export function create(r: Replica, id: string, title: string): void {
  if (r.records.has(id)) return;
  const at = clock(r);
  const record = { id, createdAt: at, updatedAt: at, deletedAt: null, revision: 1, title, status: 'notStarted', progress: [] };
  r.records.set(id, { record, stamp: stampCreated(COLLECTION, record, nextDot(r)) });
}

export function addNote(r: Replica, id: string, entryId: string, note: string): void {
  const at = clock(r);
  write(r, id, (rec) => {
    const progress = rec.progress as Array<{ id: string }>;
    return progress.some((p) => p.id === entryId) ? rec : { ...rec, progress: [...progress, { id: entryId, at, note }] };
  });
}

export interface Package {
  from: string;
  to: string;
  bytes: Buffer;
}

/** Everything `to` is not known to have, cumulative against its ack, with a digest over the bytes. */
export function prepare(r: Replica, to: string): Package {
  const ack = r.acks.get(to) ?? {};
  const records = [...r.records.values()]
    .filter(({ stamp }) => !dominates(ack, carriedVv(stamp)))
    .map(({ record, stamp }) => ({ r: record, s: travelling(stamp) }));
  const body = Buffer.from(JSON.stringify({ from: r.id, to, vv: globalVv([...r.records.values()].map((s) => s.stamp)), records }), 'utf8');
  const digest = createHash('sha256').update(body).digest();
  return { from: r.id, to, bytes: Buffer.concat([digest, body]) };
}

export class Refused extends Error {}

/** Conflicts raised across every scenario run so far, so a test can show the property reached them. */
let raisedSoFar = 0;
export const conflictsSeen = (): number => raisedSoFar;

/** Checks the digest before anything is written, then merges; returns the conflicts raised. Checks that no edit is lost on the way. */
export function openPackage(r: Replica, pkg: Package): number {
  if (pkg.bytes.length < 32) throw new Refused('truncated');
  const digest = pkg.bytes.subarray(0, 32);
  const body = pkg.bytes.subarray(32);
  if (!createHash('sha256').update(body).digest().equals(digest)) throw new Refused('tampered');
  const parsed = JSON.parse(body.toString('utf8')) as { from: string; to: string; vv: VersionVector; records: Array<{ r: Record<string, unknown>; s: Stamp }> };
  if (parsed.to !== r.id) throw new Refused('not for us');
  let raised = 0;
  for (const { r: record, s: stamp } of parsed.records) {
    const local = r.records.get(String(record.id)) ?? null;
    const merged = mergeRecord(COLLECTION, local, { record, stamp }, { packageId: null, now: clock(r) });
    if (local) checkNothingLost(local, { record, stamp }, merged);
    r.records.set(String(record.id), { record: merged.record, stamp: merged.stamp });
    raised += merged.raised.length;
  }
  raisedSoFar += raised;
  r.acks.set(parsed.from, maxVv(r.acks.get(parsed.from) ?? {}, parsed.vv));
  return raised;
}

/**
 * No edit lost: every field whose value the merge replaced had been seen by the side whose value
 * won; every field where this side's value stayed over an unseen edit of theirs holds their edit
 * in a conflict, unless both mean the same.
 */
function checkNothingLost(local: Stamped, remote: Stamped, merged: { record: Record<string, unknown>; stamp: Stamp }): void {
  const before = flatten(COLLECTION, local.record, local.stamp.o);
  const theirs = flatten(COLLECTION, remote.record, remote.stamp.o);
  const after = flatten(COLLECTION, merged.record, merged.stamp.o);
  for (const path of new Set([...before.keys(), ...after.keys(), ...theirs.keys()])) {
    if (path.endsWith('$order') || path === 'updatedAt') continue;
    const mine = effectiveDot(COLLECTION, local.stamp, path);
    const their = effectiveDot(COLLECTION, remote.stamp, path);
    if (!sameValue(before.get(path), after.get(path)) && !covers(remote.stamp.vv, mine) && !sameValue(theirs.get(path), before.get(path))) {
      const deletedBoth = path === 'deletedAt' && before.get(path) != null && theirs.get(path) != null;
      if (!deletedBoth) throw new Error(`lost this side's edit of ${path}`);
    }
    const kept = sameValue(after.get(path), before.get(path)) && !sameValue(after.get(path), theirs.get(path));
    if (kept && !covers(local.stamp.vv, their)) {
      const held = merged.stamp.x ?? {};
      const holds = Object.keys(held).some((key) => key === path || path.startsWith(key + '/'));
      const deletedBoth = path === 'deletedAt' && before.get(path) != null && theirs.get(path) != null;
      if (!holds && !deletedBoth) throw new Error(`lost their edit of ${path}`);
    }
  }
}

/**
 * Settles every conflict the same way everywhere: the greater of the two values (by their JSON),
 * as a person on each side would choose after talking it over.
 */
export function settleAll(r: Replica): void {
  for (const [id, { record, stamp }] of [...r.records]) {
    if (!stamp.x) continue;
    const atoms = flatten(COLLECTION, record, stamp.o);
    const touched: string[] = [];
    for (const [path, held] of Object.entries(stamp.x)) {
      const mine = path === 'deletedAt' ? record.deletedAt : entryOrValue(atoms, path);
      const theirs = held.present || path === 'deletedAt' ? held.v : undefined;
      const pick = JSON.stringify(mine ?? null) >= JSON.stringify(theirs ?? null) ? mine : theirs;
      touched.push(path);
      setAt(atoms, path, pick, touched);
    }
    const { fields } = unflatten(COLLECTION, atoms);
    write(r, id, (rec) => ({ ...rec, ...fields }), touched);
  }
}


function entryOrValue(atoms: Map<string, unknown>, path: string): unknown {
  if (!path.startsWith('progress/') || path.split('/').length !== 2) return atoms.get(path);
  if (!atoms.has(path)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, value] of atoms) if (key.startsWith(path + '/')) out[key.slice(path.length + 1)] = value;
  return out;
}

function setAt(atoms: Map<string, unknown>, path: string, value: unknown, touched: string[]): void {
  if (path.startsWith('progress/') && path.split('/').length === 2) {
    for (const key of [...atoms.keys()]) if (key === path || key.startsWith(path + '/')) atoms.delete(key);
    if (value && typeof value === 'object') {
      atoms.set(path, true);
      for (const [key, v] of Object.entries(value)) {
        atoms.set(`${path}/${key}`, v);
        touched.push(`${path}/${key}`);
      }
    }
    return;
  }
  if (value === undefined) atoms.delete(path);
  else atoms.set(path, value);
}

/** What every installation must agree on: the records without this installation's own revision counter. */
export function picture(r: Replica): string {
  const out = [...r.records.values()]
    .map(({ record }) => {
      const { revision: _revision, ...rest } = record;
      return rest;
    })
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
  return JSON.stringify(out);
}

export function heldConflicts(r: Replica): number {
  return [...r.records.values()].reduce((n, { stamp }) => n + Object.keys(stamp.x ?? {}).length, 0);
}
