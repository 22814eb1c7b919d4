import type { CollectionName, RecordOf } from '../../shared/model/dataset';
import { seedGlossary } from '../../shared/script/seedGlossary';
import type { Store } from '../store/store';
import { seedId } from './seedIds';
import { SEEDED_STAGE_AT, seededMeasures } from './seedPolicyMeasures';
import { seededSubGroups } from './seedWorkingGroup';

type Move = Parameters<Store['renameRecords']>[1][number];

const oldestFirst = <T extends { createdAt: string }>(records: T[]): T[] => [...records].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));

/**
 * Folders seeded before seed ids were derived (electron/seed/seedIds.ts) hold the working group,
 * its sub-groups, the arrangement's measures and the glossary's seed terms under random ids, so two
 * such laptops would meet two copies of each at their first exchange. This moves them to their
 * derived ids, once, before the first exchange (afterwards peers know the old ids, and they stay).
 * A record already under the derived id that is not the same record moved (another creation time)
 * is the user's own and is left alone. Returns how many records moved.
 */
export async function renameSeedRecords(store: Store): Promise<number> {
  const ids = new Map<string, string>();
  const moves: Move[] = [];
  const claimed = new Set<string>();
  const move = <C extends CollectionName>(collection: C, record: RecordOf<C>, to: string, change?: Move['change']) => {
    if (claimed.has(to)) return;
    claimed.add(to);
    if (record.id === to) return;
    const there = store.get(collection, to);
    if (there && there.createdAt !== record.createdAt) return;
    ids.set(record.id, to);
    moves.push({ collection, from: record.id, change });
  };

  const groups = store.list('workingGroup', { includeDeleted: true });
  if (groups.length === 1) move('workingGroup', groups[0]!, seedId('workingGroup', 'working-group'));

  const seededCodes = new Set(seededSubGroups.map((s) => s.code));
  for (const subGroup of oldestFirst(store.list('subGroups', { includeDeleted: true }))) {
    if (seededCodes.has(subGroup.code)) move('subGroups', subGroup, seedId('subGroups', subGroup.code));
  }

  const seededKeys = new Set(seededMeasures.map((m) => m.key));
  for (const measure of oldestFirst(store.list('policyMeasures', { includeDeleted: true }))) {
    if (!measure.seedKey || !seededKeys.has(measure.seedKey)) continue;
    const key = measure.seedKey;
    // The stage entry the seeding wrote, with the id and time every installation now gives it.
    const entryId = seedId('policyMeasures.stageLog', key);
    const first = measure.stageLog.find((entry) => entry.from === null);
    if (first && first.id !== entryId && !measure.stageLog.some((entry) => entry.id === entryId)) ids.set(first.id, entryId);
    const change: Move['change'] = (record) => ({
      ...record,
      stageLog: (record.stageLog as Array<{ id: string }>).map((entry) => (entry.id === entryId ? { ...entry, at: SEEDED_STAGE_AT } : entry)),
    });
    move('policyMeasures', measure, seedId('policyMeasures', key), change);
  }

  const seededTerms = new Set(seedGlossary.map((t) => t.id));
  for (const term of oldestFirst(store.list('glossaryTerms', { includeDeleted: true }))) {
    if (seededTerms.has(term.key)) move('glossaryTerms', term, seedId('glossaryTerms', term.key));
  }

  await store.renameRecords(ids, moves);
  return moves.length;
}
