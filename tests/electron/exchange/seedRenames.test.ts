import { randomUUID } from 'node:crypto';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renameSeedRecords } from '../../../electron/seed/renameSeedRecords';
import { seedId } from '../../../electron/seed/seedIds';
import { seededMeasureFields, seededMeasures } from '../../../electron/seed/seedPolicyMeasures';
import { Store } from '../../../electron/store/store';
import { EXCHANGE_DIR } from '../../../electron/exchange/exchangeState';
import type { ActionRow } from '../../../shared/model/action';
import type { Contact } from '../../../shared/model/contact';
import type { PolicyMeasure } from '../../../shared/model/registers/measure';
import type { SubGroup } from '../../../shared/model/subGroup';
import type { GlossaryTermRecord } from '../../../shared/script/glossaryRecord';
import { seedGlossary } from '../../../shared/script/seedGlossary';
import { enrolAll, useInstallations, type Installation } from './installations';

const { open, tempDir } = useInstallations();
const fixtureV1 = path.resolve('tests/fixtures/store-v1');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/**
 * A data folder seeded the old way, as each laptop was before seed ids were derived: the version-1
 * fixture (working group, sub-groups, contacts and actions) with its seed records given ids of
 * their own, then the arrangement's measures and the glossary's seed terms under random ids.
 */
async function folderSeededTheOldWay(): Promise<string> {
  const dataDir = await tempDir();
  await cp(fixtureV1, dataDir, { recursive: true });
  const files = await filesUnder(dataDir);
  const seedFiles = files.filter((f) => /[/\\](workingGroup|subGroups)[/\\]/.test(f));
  const ids = new Set<string>();
  for (const file of seedFiles) for (const id of Object.keys(JSON.parse(await readFile(file, 'utf8')).records)) ids.add(id);
  const fresh = new Map([...ids].map((id) => [id, randomUUID()]));
  for (const file of files) {
    let text = await readFile(file, 'utf8');
    for (const [from, to] of fresh) text = text.replaceAll(from, to);
    await writeFile(file, text);
  }
  const opened = await Store.open({ dataDir });
  if (opened.status !== 'ready') throw new Error(opened.status);
  const { store } = opened;
  // Before derived ids: a random id for each measure and its first stage entry, stamped with the time of seeding.
  for (const measure of seededMeasures) await store.insert('policyMeasures', seededMeasureFields(measure, { id: randomUUID(), at: new Date().toISOString() }));
  for (const [sortOrder, { id, hant, hans, en, note }] of seedGlossary.entries()) await store.insert('glossaryTerms', { key: id, sortOrder, hant, hans, en, note });
  await store.close();
  return dataDir;
}

const seeded = async (laptop: Installation) => {
  const subGroups = await laptop.value<SubGroup[]>('subGroups.list');
  const sp = subGroups.find((s) => s.code === 'SP')!;
  return {
    subGroups: subGroups.map((s) => s.id).sort(),
    measures: (await laptop.value<PolicyMeasure[]>('policyMeasures.list')).map((m) => [m.id, m.stageLog.map((e) => `${e.id} ${e.at}`)]).sort(),
    glossary: (await laptop.value<GlossaryTermRecord[]>('script.glossary', { includeDeleted: true })).map((t) => t.id).sort(),
    convenorsOfSp: (await laptop.value<Contact[]>('contacts.list', { includeDeleted: true })).filter((c) => c.memberships.some((m) => m.subGroupId === sp.id)).map((c) => c.name),
    spActions: (await laptop.value<{ rows: ActionRow[] }>('actions.list', { subGroupId: sp.id })).rows.map((a) => a.reference),
  };
};

describe('data folders seeded before seed ids were derived', () => {
  it('move their seed records to the derived ids before the first exchange, references too, so two such laptops meet one copy of each', async () => {
    const dir = await tempDir();
    const hk = await open('hk', 'HK', { dataDir: await folderSeededTheOldWay() });
    const sz = await open('sz', 'SZ', { dataDir: await folderSeededTheOldWay() });

    const before = await seeded(hk);
    expect(before.subGroups).toEqual(['SP', 'JP', 'PR'].map((code) => seedId('subGroups', code)).sort());
    expect(before.measures.map(([id]) => id)).toEqual(seededMeasures.map((m) => seedId('policyMeasures', m.key)).sort());
    expect(before.glossary).toEqual(seedGlossary.map((t) => seedId('glossaryTerms', t.id)).sort());
    // The contact who convenes SP and SP's actions still belong to it under its new id.
    expect(before.convenorsOfSp).toEqual(['陳志明']);
    expect(before.spActions.length).toBeGreaterThan(0);
    expect(before.spActions.every((reference) => reference.startsWith('SP-'))).toBe(true);
    expect(await seeded(sz)).toMatchObject({ subGroups: before.subGroups, measures: before.measures, glossary: before.glossary });

    await enrolAll([hk, sz], dir);
    expect((await sz.openPackage((await hk.prepareFor([sz], dir)).path)).conflictsRaised).toBe(0);
    expect((await hk.openPackage((await sz.prepareFor([hk], dir)).path)).conflictsRaised).toBe(0);
    for (const laptop of [hk, sz]) {
      const after = await seeded(laptop);
      expect(after.subGroups).toEqual(before.subGroups);
      expect(after.measures).toEqual(before.measures);
      expect(after.glossary).toEqual(before.glossary);
    }
  });

  it('keep their ids once the laptop has exchanged: its peers know the records by them', async () => {
    const dir = await tempDir();
    // A laptop that prepared a package before this version: its exchange state says so.
    const hk = await open('hk', 'HK');
    const sz = await open('sz', 'SZ');
    await enrolAll([hk, sz], dir);
    await hk.prepareFor([sz], dir);
    await hk.backend.close();
    const dataDir = await folderSeededTheOldWay();
    await cp(path.join(hk.dataDir, EXCHANGE_DIR), path.join(dataDir, EXCHANGE_DIR), { recursive: true });
    const again = await open('hk-again', 'HK', { dataDir });
    const subGroups = (await seeded(again)).subGroups;
    expect(subGroups).toHaveLength(3);
    for (const code of ['SP', 'JP', 'PR']) expect(subGroups).not.toContain(seedId('subGroups', code));
  });

  it('finish a move cut short (the record already under its new id, the old copy and references not yet changed) at the next open, and then change nothing', async () => {
    const dataDir = await folderSeededTheOldWay();
    const first = await Store.open({ dataDir });
    if (first.status !== 'ready') throw new Error(first.status);
    const sp = first.store.list('subGroups').find((s) => s.code === 'SP')!;
    const { id: _id, createdAt, updatedAt: _u, deletedAt: _d, revision: _r, ...fields } = sp;
    await first.store.close();
    // As the first write of an interrupted run left it: the copy under the derived id, same record (same creation time).
    const cut = await Store.open({ dataDir, now: () => new Date(createdAt) });
    if (cut.status !== 'ready') throw new Error(cut.status);
    const derived = seedId('subGroups', 'SP');
    await cut.store.insert('subGroups', fields, derived);
    await cut.store.close();

    const next = await Store.open({ dataDir });
    if (next.status !== 'ready') throw new Error(next.status);
    const { store } = next;
    expect(await renameSeedRecords(store)).toBeGreaterThan(0);
    expect(store.list('subGroups', { includeDeleted: true }).filter((s) => s.code === 'SP').map((s) => s.id)).toEqual([derived]);
    expect(store.get('subGroups', sp.id)).toBeUndefined();
    expect(store.list('actions', { includeDeleted: true }).some((a) => a.subGroupId === sp.id)).toBe(false);
    expect(store.list('actions', { includeDeleted: true }).filter((a) => a.subGroupId === derived).length).toBeGreaterThan(0);
    expect(store.list('contacts', { includeDeleted: true }).flatMap((c) => c.memberships.map((m) => m.subGroupId))).not.toContain(sp.id);
    // Done once: opening again finds nothing to move.
    expect(await renameSeedRecords(store)).toBe(0);
    await store.close();
  });
});
