import fc from 'fast-check';
import { strict as assert } from 'node:assert';
import { addNote, create, heldConflicts, openPackage, picture, prepare, Refused, replica, settleAll, write, type Package, type Replica } from './replicas';

/*
 * Three installations, random work on each, packages carried in any order: reordered, duplicated,
 * dropped and sent again, truncated or tampered on the way; clocks up to 48 hours apart. Once every
 * package is through and every conflict is settled the same way, all hold the same records; no edit
 * is lost on the way (replicas.ts checks each merge); a bad package changes nothing.
 */

/** Record ids are random in the app, so two installations never create the same one: each creates its own three. */
const RECORD_IDS = Array.from({ length: 9 }, (_, i) => `00000000-0000-4000-8000-00000000000${i + 1}`);
const ENTRY_IDS = ['10000000-0000-4000-8000-000000000001', '10000000-0000-4000-8000-000000000002', '10000000-0000-4000-8000-000000000003'];
const NAMES = ['hk', 'sz-a', 'sz-b'];

export type Step =
  | { kind: 'create'; at: number; record: number; title: string }
  | { kind: 'title'; at: number; record: number; title: string }
  | { kind: 'status'; at: number; record: number; status: string }
  | { kind: 'delete' | 'restore'; at: number; record: number }
  | { kind: 'addNote'; at: number; record: number; entry: number; note: string }
  | { kind: 'editNote'; at: number; record: number; entry: number; note: string }
  | { kind: 'removeNote'; at: number; record: number; entry: number }
  | { kind: 'send'; from: number; to: number }
  | { kind: 'deliver'; index: number; how: 'once' | 'keep' | 'drop' | 'truncate' | 'tamper' };

const at = fc.nat(2);
const rec = fc.nat(8);
const text = fc.constantFrom('甲', '乙', '丙', 'A', 'B');
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), at, record: rec, title: text }),
  fc.record({ kind: fc.constant('title' as const), at, record: rec, title: text }),
  fc.record({ kind: fc.constant('status' as const), at, record: rec, status: fc.constantFrom('inProgress', 'done', 'blocked') }),
  fc.record({ kind: fc.constantFrom('delete' as const, 'restore' as const), at, record: rec }),
  fc.record({ kind: fc.constant('addNote' as const), at, record: rec, entry: fc.nat(2), note: text }),
  fc.record({ kind: fc.constant('editNote' as const), at, record: rec, entry: fc.nat(2), note: text }),
  fc.record({ kind: fc.constant('removeNote' as const), at, record: rec, entry: fc.nat(2) }),
  // Carrying is as common as working, so edits often meet edits made elsewhere.
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('send' as const), from: fc.nat(2), to: fc.nat(2) }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('deliver' as const), index: fc.nat(20), how: fc.constantFrom('once' as const, 'once' as const, 'keep' as const, 'drop' as const, 'truncate' as const, 'tamper' as const) }),
  },
);

export function run(r: Replica[], steps: Step[], inFlight: Package[]): void {
  for (const s of steps) {
    if (s.kind === 'send') {
      if (s.from !== s.to) inFlight.push(prepare(r[s.from]!, NAMES[s.to]!));
      continue;
    }
    if (s.kind === 'deliver') {
      if (!inFlight.length) continue;
      const index = s.index % inFlight.length;
      const pkg = inFlight[index]!;
      const target = r[NAMES.indexOf(pkg.to)]!;
      if (s.how === 'truncate' || s.how === 'tamper') {
        const bytes = Buffer.from(pkg.bytes);
        const bad = s.how === 'truncate' ? bytes.subarray(0, Math.floor(bytes.length / 2)) : (bytes.writeUInt8(bytes[bytes.length - 2]! ^ 1, bytes.length - 2), bytes);
        const before = picture(target) + JSON.stringify([...target.records.values()].map((x) => x.stamp));
        assert.throws(() => openPackage(target, { ...pkg, bytes: bad }), Refused);
        assert.equal(picture(target) + JSON.stringify([...target.records.values()].map((x) => x.stamp)), before, 'a bad package changed something');
        continue;
      }
      if (s.how !== 'drop') openPackage(target, pkg);
      if (s.how !== 'keep') inFlight.splice(index, 1);
      continue;
    }
    const here = r[s.at]!;
    const id = RECORD_IDS[s.record]!;
    switch (s.kind) {
      case 'create':
        create(here, RECORD_IDS[s.at * 3 + (s.record % 3)]!, s.title);
        break;
      case 'title':
        write(here, id, (x) => ({ ...x, title: s.title }));
        break;
      case 'status':
        write(here, id, (x) => ({ ...x, status: s.status }));
        break;
      case 'delete':
        write(here, id, (x) => (x.deletedAt ? x : { ...x, deletedAt: new Date(Date.UTC(2026, 11, 2, s.record)).toISOString() }));
        break;
      case 'restore':
        write(here, id, (x) => ({ ...x, deletedAt: null }));
        break;
      case 'addNote':
        addNote(here, id, ENTRY_IDS[s.entry]!, s.note);
        break;
      case 'editNote':
        write(here, id, (x) => ({ ...x, progress: (x.progress as Array<{ id: string }>).map((p) => (p.id === ENTRY_IDS[s.entry] ? { ...p, note: s.note } : p)) }));
        break;
      case 'removeNote':
        write(here, id, (x) => ({ ...x, progress: (x.progress as Array<{ id: string }>).filter((p) => p.id !== ENTRY_IDS[s.entry]) }));
        break;
    }
  }
}

/** Every package through, conflicts settled the same way on every side, until nothing is left to carry. */
export function finish(r: Replica[], inFlight: Package[]): void {
  for (const pkg of inFlight.splice(0)) openPackage(r[NAMES.indexOf(pkg.to)]!, pkg);
  for (let round = 0; round < 6; round++) {
    for (const a of r) for (const b of r) if (a !== b) openPackage(b, prepare(a, b.id));
    for (const x of r) settleAll(x);
  }
  for (const a of r) for (const b of r) if (a !== b) openPackage(b, prepare(a, b.id));
}

export function convergenceProperty(): fc.IProperty<[number[], Step[]]> {
  return fc.property(fc.array(fc.integer({ min: -48, max: 48 }), { minLength: 3, maxLength: 3 }), fc.array(step, { minLength: 10, maxLength: 60, size: 'max' }), (skews, steps) => {
    const r = NAMES.map((name, i) => replica(name, skews[i]!));
    const inFlight: Package[] = [];
    // They start from a shared picture: Hong Kong's three actions, carried to both Shenzhen laptops.
    for (let i = 0; i < 3; i++) create(r[0]!, RECORD_IDS[i]!, '起點');
    for (const other of [r[1]!, r[2]!]) openPackage(other, prepare(r[0]!, other.id));
    run(r, steps, inFlight);
    finish(r, inFlight);
    const pictures = r.map(picture);
    assert.equal(pictures[1], pictures[0], 'sz-a differs from hk');
    assert.equal(pictures[2], pictures[0], 'sz-b differs from hk');
    for (const x of r) {
      assert.equal(heldConflicts(x), 0, `${x.id} still holds conflicts`);
      for (const { record } of x.records.values()) {
        const ids = (record.progress as Array<{ id: string }>).map((p) => p.id);
        assert.equal(new Set(ids).size, ids.length, 'an entry is duplicated');
      }
    }
  });
}

