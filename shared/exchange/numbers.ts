import { SEP } from './atoms';
import { compareDots, parseDot, type Dot } from './dots';
import type { Stamped } from './merge';
import { effectiveDot } from './stamps';

/*
 * Numbers given out offline on two installations (both created SP-2026-015, or 文件第 3/2026 號):
 * every installation finds the same clashes in the merged data and agrees which record keeps the
 * number (the one whose creation comes first in the dots' total order). The installation that gave
 * the other record its number gives it the next free one, as an ordinary write that travels; its
 * former number stays on the record, so search still finds it.
 */

/** One numbered thing: an action's reference, a meeting's number, a paper's number. */
export interface Numbered {
  collection: 'actions' | 'meetings';
  recordId: string;
  /** `reference`, `number`, or `agenda/<item>/papers/<paper>/number`. */
  path: string;
  /** The series it is numbered in: a sub-group (and year), a body, a body's papers of a year. */
  series: string;
  /** The number as people write it, which clashes when equal in a series. */
  value: string;
  created: Dot;
}

export interface Clash {
  keeps: Numbered;
  givesWay: Numbered;
}

type Action = { subGroupId: string; reference: string };
type Meeting = { subGroupId: string | null; number: number; agenda: Array<{ id: string; papers: Array<{ id: string; number: { year: number; seq: number } }> }> };

export function numberedIn(collection: string, { record, stamp }: Stamped): Numbered[] {
  const recordId = String(record.id);
  if (collection === 'actions') {
    const action = record as unknown as Action;
    const year = /-(\d{4})-\d+$/.exec(action.reference)?.[1] ?? '';
    return [{ collection, recordId, path: 'reference', series: `${action.subGroupId}/${year}`, value: action.reference, created: stamp.c }];
  }
  if (collection !== 'meetings') return [];
  const meeting = record as unknown as Meeting;
  const body = meeting.subGroupId ?? 'workingGroup';
  const out: Numbered[] = [{ collection, recordId, path: 'number', series: body, value: String(meeting.number), created: stamp.c }];
  for (const item of meeting.agenda) {
    for (const paper of item.papers) {
      const entry = ['agenda', item.id, 'papers', paper.id].join(SEP);
      out.push({
        collection,
        recordId,
        path: `${entry}${SEP}number`,
        series: `${body}/papers/${paper.number.year}`,
        value: String(paper.number.seq),
        created: effectiveDot('meetings', stamp, entry),
      });
    }
  }
  return out;
}

/** Every number held twice in its series, and which of the two keeps it; the same on every installation. */
export function findClashes(numbered: Iterable<Numbered>): Clash[] {
  const bySlot = new Map<string, Numbered[]>();
  for (const n of numbered) {
    const slot = `${n.collection}|${n.series}|${n.value}|${n.path.includes('papers') ? 'paper' : n.path}`;
    const list = bySlot.get(slot);
    if (list) list.push(n);
    else bySlot.set(slot, [n]);
  }
  const clashes: Clash[] = [];
  for (const list of bySlot.values()) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => compareDots(a.created, b.created));
    for (const givesWay of sorted.slice(1)) clashes.push({ keeps: sorted[0]!, givesWay });
  }
  return clashes;
}

/** The clashes this installation must resolve: those where it gave out the number that gives way. */
export function clashesToResolve(clashes: readonly Clash[], installationId: string): Clash[] {
  return clashes.filter((c) => parseDot(c.givesWay.created).id === installationId);
}
