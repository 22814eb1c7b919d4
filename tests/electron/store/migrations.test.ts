import { randomUUID } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { shardCounts, shardOf, shardRelativePath } from '../../../electron/store/layout';
import { appSchema, type SchemaHistory } from '../../../electron/store/migrations';
import type { Stamp } from '../../../shared/exchange/stamps';
import { Store } from '../../../electron/store/store';
import { collectionNames, collectionSchemas, SCHEMA_VERSION } from '../../../shared/model/dataset';
import { expectReady, idsInShards, openReady, readJson, snapshotTree, tempDir } from './helpers';

const fixtureV1 = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/store-v1');

async function copyOfFixture(): Promise<string> {
  const dataDir = await tempDir();
  await fsp.cp(fixtureV1, dataDir, { recursive: true });
  return dataDir;
}

/** The records the fixture's files hold, by collection, as the current schemas read them (defaults filled in). */
async function fixtureRecords(): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const collection of collectionNames) {
    out[collection] = [];
    for (let index = 0; index < shardCounts[collection]; index++) {
      const file = path.join(fixtureV1, shardRelativePath(collection, index));
      const content = await readJson(file).catch(() => null);
      if (content) out[collection]!.push(...Object.values(content.records).map((r) => collectionSchemas[collection].parse(r)));
    }
  }
  return out;
}

const byId = (a: { id: string }, b: { id: string }): number => a.id.localeCompare(b.id);

describe('a data folder written at schema version 1', () => {
  it('loads at the current version with exactly its records', async () => {
    const dataDir = await copyOfFixture();
    const opened = expectReady(await Store.open({ dataDir }));
    expect(opened.notices).toEqual([]);
    expect(opened.isNew).toBe(false);
    const { store } = opened;

    const expected = await fixtureRecords();
    for (const collection of collectionNames) {
      expect(store.list(collection, { includeDeleted: true }).sort(byId), collection).toEqual(
        (expected[collection] as Array<{ id: string }>).sort(byId),
      );
    }
    expect(store.list('workingGroup').map((g) => g.name.hant)).toEqual(['「一區兩園」項目工作組']);
    const subGroups = store.list('subGroups').sort((a, b) => a.sortOrder - b.sortOrder);
    expect(subGroups.map((g) => [g.code, g.name.hans])).toEqual([
      ['SP', '「香港科学园落户深圳」专组'],
      ['JP', '「联合政策」专组'],
      ['PR', '「联合推广」专组'],
    ]);
    expect(store.list('settings').map((s) => s.language)).toEqual(['zh-Hant']);
    expect(store.list('contacts').map((c) => c.name).sort()).toEqual(['李晓东', '陳志明']);
    const actions = store.list('actions');
    expect(actions.map((a) => a.reference)).toEqual(['SP-2026-001']);
    expect(actions[0]).toMatchObject({ revision: 2, progress: [{ note: '已与香港科技园公司召开工作会议，租约条款原则上同意。' }] });
    expect(store.list('actions', { includeDeleted: true }).find((a) => a.reference === 'JP-2026-001')?.deletedAt).toBeTruthy();
    await store.close();
  });

  it('is stamped as written by this installation, rewritten at version 2 once, and not again', async () => {
    expect(SCHEMA_VERSION).toBe(2);
    const dataDir = await copyOfFixture();
    const installationId = randomUUID();
    const store = await openReady({ dataDir, installationId });
    const actions = [...store.allStamped('actions')];
    expect(actions.length).toBe(2);
    for (const { stamp } of actions) {
      expect(stamp.c.startsWith(`${installationId}@`)).toBe(true);
      expect(Object.keys(stamp.vv)).toEqual([installationId]);
    }
    // Local collections carry no stamps; every exchanged record one of its own.
    expect([...store.allStamped('settings')]).toEqual([]);
    const dots = collectionNames.flatMap((c) => [...store.allStamped(c)].map((s) => s.stamp.c));
    expect(new Set(dots).size).toBe(dots.length);
    await store.close();

    const collections = path.join(dataDir, 'collections');
    const file = path.join(collections, 'actions', (await fsp.readdir(path.join(collections, 'actions')))[0]!);
    const content = await readJson(file);
    expect(content.schemaVersion).toBe(2);
    const before = await snapshotTree(collections);
    const again = await openReady({ dataDir, installationId });
    await again.close();
    expect(await snapshotTree(collections)).toEqual(before);
  });
});

/** A made-up version 3 in which contacts' `org` became `organisation`. */
const renameOrg: SchemaHistory = {
  version: 3,
  migrations: [
    ...appSchema.migrations,
    {
      from: 2,
      migrate: (collection, records) =>
        collection !== 'contacts'
          ? records
          : records.map((record) => {
              const { org, ...rest } = record as Record<string, unknown>;
              return { ...rest, organisation: org };
            }),
    },
  ],
};

function oldContact(id: string, name: string): Record<string, unknown> {
  return {
    id,
    createdAt: '2025-03-01T08:00:00.000Z',
    updatedAt: '2025-03-02T08:00:00.000Z',
    deletedAt: null,
    revision: 3,
    name,
    title: '科長',
    org: '深圳市科技創新局',
    side: 'SZ',
    email: '',
    phone: '',
    memberships: [],
  };
}

async function writeShard(dataDir: string, version: number, records: Array<Record<string, unknown>>, stamps?: Record<string, Stamp>): Promise<string> {
  const id = records[0]!.id as string;
  const file = path.join(dataDir, shardRelativePath('contacts', shardOf(id, shardCounts.contacts)));
  await fsp.mkdir(path.dirname(file), { recursive: true });
  const content = { format: 'hetao-desk', schemaVersion: version, collection: 'contacts', records: Object.fromEntries(records.map((r) => [r.id, r])), stamps };
  await fsp.writeFile(file, JSON.stringify(content));
  return file;
}

describe('the migration runner', () => {
  it('migrates version 2 files on load and rewrites them at version 3', async () => {
    const dataDir = await tempDir();
    const [a, b] = idsInShards('contacts', 2);
    const fileA = await writeShard(dataDir, 2, [oldContact(a!, '鄭建軍')]);
    const fileB = await writeShard(dataDir, 2, [oldContact(b!, '梁麗娟')]);

    const opened = expectReady(await Store.open({ dataDir, schema: renameOrg }));
    expect(opened.notices).toEqual([]);
    expect(opened.store.get('contacts', a!)).toMatchObject({ name: '鄭建軍', organisation: '深圳市科技創新局', revision: 3 });
    expect(opened.store.get('contacts', a!)).not.toHaveProperty('org');
    await opened.store.close();

    for (const [file, id] of [[fileA, a], [fileB, b]] as const) {
      const content = await readJson(file);
      expect(content.schemaVersion).toBe(3);
      expect(content.records[id!].organisation).toBe('深圳市科技創新局');
      expect(content.records[id!]).not.toHaveProperty('org');
    }
    // Migrated once: the next start finds version 3 and changes nothing.
    const before = await snapshotTree(path.join(dataDir, 'collections'));
    const again = await openReady({ dataDir, schema: renameOrg });
    await again.close();
    expect(await snapshotTree(path.join(dataDir, 'collections'))).toEqual(before);
    // And this version of the app, which knows only version 2, refuses the migrated folder.
    expect(await Store.open({ dataDir })).toMatchObject({ status: 'newerVersion', found: 3 });
  });

  it('loads a folder left half-migrated by a crash: one file at version 2, one at version 3', async () => {
    const dataDir = await tempDir();
    const [a, b] = idsInShards('contacts', 2);
    const fileA = await writeShard(dataDir, 2, [oldContact(a!, '謝鴻飛')]);
    const { org, ...migrated } = oldContact(b!, '楊樂怡');
    const fileB = await writeShard(dataDir, 3, [{ ...migrated, organisation: org }], { [b!]: { c: 'elsewhere@1', vv: { elsewhere: 1 } } });
    const untouched = await fsp.readFile(fileB);

    const store = await openReady({ dataDir, schema: renameOrg });
    expect(store.list('contacts').map((c) => [c.name, c.organisation]).sort()).toEqual([
      ['楊樂怡', '深圳市科技創新局'],
      ['謝鴻飛', '深圳市科技創新局'],
    ]);
    await store.close();
    expect((await readJson(fileA)).schemaVersion).toBe(3);
    expect(await fsp.readFile(fileB)).toEqual(untouched);
  });
});
