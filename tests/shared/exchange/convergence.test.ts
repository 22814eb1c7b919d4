import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conflictsSeen, create, openPackage, picture, prepare, replica, type Package } from './replicas';
import { convergenceProperty, finish, run, type Step } from './scenarios';

describe('three installations exchanging packages', () => {
  it('converge to the same records whatever the order, loss, duplication, damage and clocks (1,000 scenarios)', { timeout: 60_000 }, () => {
    fc.assert(convergenceProperty(), { numRuns: 1000 });
    // The scenarios did reach conflicts (field against field, deletion against edit), not only easy merges.
    expect(conflictsSeen()).toBeGreaterThan(100);
  });

  it('show the same "last changed" time on every laptop after writes made without seeing each other', () => {
    // The case CI found (seed 1332146460, shrunk): Hong Kong sets a status, Shenzhen B adds a note,
    // Shenzhen A sees Hong Kong's status and changes it again. A laptop used to keep Hong Kong's
    // time although Shenzhen A's later write had replaced it.
    const laptops = ['hk', 'sz-a', 'sz-b'].map((name) => replica(name, 0));
    const [hk, szA, szB] = laptops as [ReturnType<typeof replica>, ReturnType<typeof replica>, ReturnType<typeof replica>];
    const id = '00000000-0000-4000-8000-000000000003';
    for (const record of ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', id]) create(hk, record, '起點');
    for (const other of [szA, szB]) openPackage(other, prepare(hk, other.id));
    const steps: Step[] = [
      { kind: 'status', at: 0, record: 2, status: 'inProgress' },
      { kind: 'addNote', at: 2, record: 2, entry: 0, note: '甲' },
      { kind: 'send', from: 0, to: 1 },
      { kind: 'deliver', index: 0, how: 'once' },
      { kind: 'send', from: 2, to: 1 },
      { kind: 'status', at: 1, record: 2, status: 'blocked' },
    ];
    const inFlight: Package[] = [];
    run(laptops, steps, inFlight);
    const shenzhenAWrote = szA.records.get(id)!.record.updatedAt;
    run(laptops, [{ kind: 'deliver', index: 0, how: 'once' }], inFlight);
    finish(laptops, inFlight);
    // Shenzhen A's status change is the latest write (B's note, made beside it, is earlier): its time everywhere.
    expect(laptops.map((laptop) => laptop.records.get(id)!.record.updatedAt)).toEqual([shenzhenAWrote, shenzhenAWrote, shenzhenAWrote]);
    expect(picture(szA)).toBe(picture(hk));
    expect(picture(szB)).toBe(picture(hk));
  });

  it('list the same progress notes in the same order, by date, on the laptop that wrote them and on those that merged them', () => {
    // The case CI found (seed -1684124297, shrunk): Shenzhen B's clock is an hour ahead, so a note it
    // writes early carries a later date than notes Hong Kong writes after. Hong Kong listed its own
    // notes in the order written, Shenzhen A listed the merged ones by date.
    const laptops = [replica('hk', 0), replica('sz-a', 0), replica('sz-b', 1)];
    for (const record of ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000003']) create(laptops[0]!, record, '起點');
    for (const other of [laptops[1]!, laptops[2]!]) openPackage(other, prepare(laptops[0]!, other.id));
    const steps: Step[] = [
      { kind: 'addNote', at: 2, record: 0, entry: 0, note: '甲' },
      { kind: 'send', from: 2, to: 1 },
      { kind: 'deliver', index: 0, how: 'once' },
      { kind: 'addNote', at: 1, record: 0, entry: 2, note: '甲' },
      { kind: 'send', from: 2, to: 0 },
      { kind: 'deliver', index: 0, how: 'once' },
      { kind: 'addNote', at: 0, record: 0, entry: 1, note: '甲' },
      { kind: 'delete', at: 0, record: 0 },
      { kind: 'editNote', at: 0, record: 0, entry: 0, note: '甲' },
      { kind: 'status', at: 0, record: 0, status: 'inProgress' },
      { kind: 'addNote', at: 0, record: 0, entry: 0, note: '甲' },
      { kind: 'send', from: 0, to: 0 },
      { kind: 'deliver', index: 0, how: 'once' },
      { kind: 'addNote', at: 0, record: 0, entry: 0, note: '甲' },
    ];
    const inFlight: Package[] = [];
    run(laptops, steps, inFlight);
    finish(laptops, inFlight);
    const dates = (laptop: ReturnType<typeof replica>) => (laptop.records.get('00000000-0000-4000-8000-000000000001')!.record.progress as Array<{ at: string }>).map((p) => p.at);
    for (const laptop of laptops) expect(dates(laptop)).toEqual([...dates(laptop)].sort());
    expect(dates(laptops[0]!)).toHaveLength(3);
    expect(picture(laptops[1]!)).toBe(picture(laptops[0]!));
    expect(picture(laptops[2]!)).toBe(picture(laptops[0]!));
  });
});
