import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/audit/entry';
import type { AuditPage } from '../../../shared/audit/contract';
import { noAuditFilter } from '../../../shared/audit/filter';
import type { AuditVerification } from '../../../shared/audit/verification';
import type { Conflict } from '../../../shared/exchange/types';
import type { Action } from '../../../shared/model/action';
import type { SubGroup } from '../../../shared/model/subGroup';
import { enrolAll, useInstallations, type Installation } from './installations';

const { open, tempDir } = useInstallations();

async function createAction(installation: Installation, title: string): Promise<Action> {
  const [subGroup] = await installation.value<SubGroup[]>('subGroups.list');
  return installation.value<Action>('actions.create', {
    subGroupId: subGroup!.id,
    fields: { title, description: '', ownerSide: 'HK', leads: [], officerIds: [], dueDate: null, priority: 'normal', clauses: [] },
  });
}

async function entries(installation: Installation): Promise<AuditEntry[]> {
  return (await installation.value<AuditPage>('audit.list', { filter: noAuditFilter, offset: 0, limit: 1000 })).entries;
}

/** Hong Kong → Shenzhen → Hong Kong → Shenzhen, each package carried as a file. */
async function roundTrip(hk: Installation, sz: Installation, dir: string): Promise<void> {
  await sz.openPackage((await hk.prepareFor([sz], dir)).path);
  await hk.openPackage((await sz.prepareFor([hk], dir)).path);
  await sz.openPackage((await hk.prepareFor([sz], dir)).path);
}

describe('the audit trail in the exchange', () => {
  it('is signed by the exchange identity, and after a round trip each side holds the other side’s countersignature', async () => {
    const dir = await tempDir();
    const hk = await open('hk', 'HK');
    const sz = await open('sz', 'SZ');
    await enrolAll([hk, sz], dir);
    await createAction(hk, '審計交換');
    await createAction(sz, '审计交换');
    expect(await hk.value<AuditVerification>('audit.verify')).toMatchObject({ ok: true, countersignedEntries: 0, countersignedBy: [] });

    await roundTrip(hk, sz, dir);

    const hkEntries = await entries(hk);
    expect(hkEntries.every((e) => e.installation === hk.identity.id)).toBe(true);
    // Newest first: prepared, opened, prepared; each names its package.
    expect(hkEntries.filter((e) => e.kind.startsWith('exchange.')).map((e) => e.kind)).toEqual(['exchange.packagePrepared', 'exchange.packageOpened', 'exchange.packagePrepared']);
    expect(hkEntries.find((e) => e.kind === 'exchange.packageOpened')!.subject.detail).toContain(`← ${sz.identity.id}`);
    const hkCheck = await hk.value<AuditVerification>('audit.verify');
    const szCheck = await sz.value<AuditVerification>('audit.verify');
    expect(hkCheck).toMatchObject({ ok: true, countersignedBy: [sz.identity.id] });
    expect(szCheck).toMatchObject({ ok: true, countersignedBy: [hk.identity.id] });
    // Hong Kong's first package carried a checkpoint over everything up to it, which Shenzhen countersigned.
    const oldestFirst = [...hkEntries].reverse();
    expect(hkCheck.countersignedEntries).toBeGreaterThanOrEqual(oldestFirst.findIndex((e) => e.kind === 'exchange.packagePrepared'));
    expect(szCheck.countersignedEntries).toBeGreaterThan(0);
    // The same package opened again, or an older one after a newer, raises no alarm.
    const earlier = (await hk.prepareFor([sz], dir)).path;
    const later = (await hk.prepareFor([sz], dir)).path;
    await sz.openPackage(later);
    await sz.openPackage(earlier);
    await sz.openPackage(later);
    expect((await entries(sz)).filter((e) => e.kind === 'audit.peerCheckpointRefused')).toEqual([]);
  });

  it('a conflict settled by a person is in the log with the record and the fields', async () => {
    const dir = await tempDir();
    const hk = await open('hk', 'HK');
    const sz = await open('sz', 'SZ');
    await enrolAll([hk, sz], dir);
    const action = await createAction(hk, '原題');
    await sz.openPackage((await hk.prepareFor([sz], dir)).path);
    for (const [side, title] of [[hk, '港方改題'], [sz, '深方改题']] as const) {
      const current = await side.value<Action>('actions.get', { id: action.id });
      await side.value('actions.update', { id: action.id, revision: current.revision, fields: { ...current, title } });
    }
    await hk.openPackage((await sz.prepareFor([hk], dir)).path);
    const [conflict] = await hk.value<Conflict[]>('exchange.conflicts');
    await hk.value('exchange.settle', { id: conflict!.id, choices: conflict!.fields.map((f) => ({ path: f.path, choice: 'mine' })) });
    const settled = (await entries(hk)).find((e) => e.kind === 'conflict.settled');
    expect(settled?.subject).toMatchObject({ recordId: action.id, fields: ['title'] });
  });

  it('an entry changed after the other side countersigned it is caught by Verify here and at the next exchange there', async () => {
    const dir = await tempDir();
    const hkDataDir = await tempDir();
    const hk = await open('hk', 'HK', { dataDir: hkDataDir });
    const sz = await open('sz', 'SZ');
    await enrolAll([hk, sz], dir);
    await createAction(hk, '將被改寫');
    await roundTrip(hk, sz, dir);
    const covered = (await hk.value<AuditVerification>('audit.verify')).countersignedEntries;
    await hk.backend.close();

    // Someone with the laptop rewrites the creation in its log as if it had never been made.
    const logFile = path.join(hkDataDir, 'audit', 'log.jsonl');
    const lines = (await readFile(logFile, 'utf8')).split('\n');
    const created = lines.findIndex((l) => l.includes('"record.created"'));
    expect(created).toBeGreaterThanOrEqual(0);
    expect(created).toBeLessThan(covered);
    lines[created] = lines[created]!.replace('"record.created"', '"record.edited"');
    await writeFile(logFile, lines.join('\n'));

    const reopened = await open('hk', 'HK', { dataDir: hkDataDir });
    const check = await reopened.value<AuditVerification>('audit.verify');
    expect(check.ok).toBe(false);
    expect(check.failure).toMatchObject({ reason: 'chainBroken', entry: created + 1 });

    await sz.openPackage((await reopened.prepareFor([sz], dir)).path);
    const refused = (await entries(sz)).filter((e) => e.kind === 'audit.peerCheckpointRefused');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.subject.detail).toContain(`${hk.identity.id} rewritten`);
  });
});
