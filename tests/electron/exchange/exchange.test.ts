import { describe, expect, it } from 'vitest';
import type { Action } from '../../../shared/model/action';
import type { SubGroup } from '../../../shared/model/subGroup';
import type { Conflict } from '../../../shared/exchange/types';
import { enrolAll, useInstallations } from './installations';

const { open, tempDir } = useInstallations();

const fields = (title: string) => ({
  title,
  description: '',
  ownerSide: 'HK',
  leads: [],
  officerIds: [],
  dueDate: null,
  priority: 'normal',
  clauses: [],
});

describe('two laptops exchanging packages', () => {
  it('carries an action from Hong Kong to Shenzhen and a progress note back, merged on both', async () => {
    const dir = await tempDir();
    const hk = await open('hk', 'HK');
    const sz = await open('sz', 'SZ');
    await enrolAll([hk, sz], dir);

    const [subGroup] = await hk.value<SubGroup[]>('subGroups.list');
    const action = await hk.value<Action>('actions.create', { subGroupId: subGroup!.id, fields: fields('落實科學園租約') });
    const first = await hk.prepareFor([sz], dir);
    expect(first.fileName).toMatch(/^一區兩園交換包_香港秘書處_\d{4}-\d{2}-\d{2}_001\.hetao$/);
    const opened = await sz.openPackage(first.path);
    expect(opened.from.office.hant).toBe('香港秘書處');
    expect(opened.counts.actions).toBeGreaterThan(0);
    const there = await sz.value<Action>('actions.get', { id: action.id });
    expect(there.title).toBe('落實科學園租約');

    await sz.value('actions.addProgress', { id: action.id, note: '深方已覆函', status: null, byContactId: null });
    await hk.value('actions.addProgress', { id: action.id, note: '港方已發函', status: null, byContactId: null });
    await hk.openPackage((await sz.prepareFor([hk], dir)).path);
    await sz.openPackage((await hk.prepareFor([sz], dir)).path);
    const notes = async (side: typeof hk) => (await side.value<Action>('actions.get', { id: action.id })).progress.map((p) => p.note).sort();
    expect(await notes(hk)).toEqual(['深方已覆函', '港方已發函'].sort());
    expect(await notes(sz)).toEqual(await notes(hk));
  });

  it('lists progress notes by date on the laptop that wrote them as on the one that merged them, with clocks two hours apart', async () => {
    const dir = await tempDir();
    // Hong Kong's clock is two hours ahead: its note, written first, carries the later date.
    const hk = await open('hk', 'HK', { now: () => new Date(Date.now() + 2 * 3_600_000) });
    const sz = await open('sz', 'SZ');
    await enrolAll([hk, sz], dir);
    const [subGroup] = await hk.value<SubGroup[]>('subGroups.list');
    const action = await hk.value<Action>('actions.create', { subGroupId: subGroup!.id, fields: fields('落實科學園租約') });
    await hk.value('actions.addProgress', { id: action.id, note: '港方已發函', status: null, byContactId: null });
    await sz.openPackage((await hk.prepareFor([sz], dir)).path);
    const written = await sz.value<Action>('actions.addProgress', { id: action.id, note: '深方已覆函', status: null, byContactId: null });
    await hk.openPackage((await sz.prepareFor([hk], dir)).path);

    const notes = async (side: typeof hk) => (await side.value<Action>('actions.get', { id: action.id })).progress.map((p) => p.note);
    // Shenzhen's own note, written last, is listed first: its date is the earlier one.
    expect(written.progress.map((p) => p.note)).toEqual(['深方已覆函', '港方已發函']);
    expect(await notes(sz)).toEqual(['深方已覆函', '港方已發函']);
    expect(await notes(hk)).toEqual(['深方已覆函', '港方已發函']);
  });

  it('raises a conflict on both sides for a title changed differently, and a settlement on one clears the other', async () => {
    const dir = await tempDir();
    const hk = await open('hk', 'HK');
    const sz = await open('sz', 'SZ');
    await enrolAll([hk, sz], dir);
    const [subGroup] = await hk.value<SubGroup[]>('subGroups.list');
    const action = await hk.value<Action>('actions.create', { subGroupId: subGroup!.id, fields: fields('原標題') });
    await sz.openPackage((await hk.prepareFor([sz], dir)).path);

    const hkAction = await hk.value<Action>('actions.get', { id: action.id });
    await hk.value('actions.update', { id: action.id, revision: hkAction.revision, fields: fields('港方標題') });
    const szAction = await sz.value<Action>('actions.get', { id: action.id });
    await sz.value('actions.update', { id: action.id, revision: szAction.revision, fields: fields('深方标题') });

    const toSz = await hk.prepareFor([sz], dir);
    const toHk = await sz.prepareFor([hk], dir);
    expect((await sz.openPackage(toSz.path)).conflictsRaised).toBe(1);
    expect((await hk.openPackage(toHk.path)).conflictsRaised).toBe(1);
    // Each keeps its own value until a person settles.
    expect((await hk.value<Action>('actions.get', { id: action.id })).title).toBe('港方標題');
    const [card] = await hk.value<Conflict[]>('exchange.conflicts');
    expect(card!.fields.map((f) => [f.path, f.mine.value, f.theirs.value, f.base?.value])).toEqual([['title', '港方標題', '深方标题', '原標題']]);
    expect(card!.theirs.by?.office.hant).toBe('深圳秘書處');
    expect(await hk.value('exchange.marked')).toEqual([{ collection: 'actions', recordId: action.id }]);

    expect(await hk.value('exchange.settle', { id: card!.id, choices: [{ path: 'title', choice: 'theirs' }] })).toEqual([]);
    await sz.openPackage((await hk.prepareFor([sz], dir)).path);
    expect(await sz.value('exchange.conflicts')).toEqual([]);
    expect((await sz.value<Action>('actions.get', { id: action.id })).title).toBe('深方标题');
    expect((await hk.value<Action>('actions.get', { id: action.id })).title).toBe('深方标题');
  });

  it('takes a retired peer back once its fingerprint is confirmed again, and opens its new packages again', async () => {
    const dir = await tempDir();
    const hk = await open('hk', 'HK');
    const sz = await open('sz', 'SZ');
    await enrolAll([hk, sz], dir);
    await sz.value('exchange.retirePeer', { id: hk.identity.id });
    const action = await hk.value<Action>('actions.create', { subGroupId: (await hk.value<SubGroup[]>('subGroups.list'))[0]!.id, fields: fields('停用期間') });
    const whileRetired = (await hk.prepareFor([sz], dir)).path;
    expect(await sz.refusal(whileRetired)).toBe('exchange.retiredSender');

    // Reading the card again says it is a retired peer; adding it needs the confirmed fingerprint like the first time.
    sz.dialogs.answerNextOpen(await hk.card(dir));
    const preview = await sz.value<{ token: string; known: string }>('exchange.readCard');
    expect(preview.known).toBe('retired');
    expect((await sz.call('exchange.addPeer', { token: preview.token, fingerprintConfirmed: false })).ok).toBe(false);
    const peer = await sz.value<{ retiredAt: string | null }>('exchange.addPeer', { token: preview.token, fingerprintConfirmed: true });
    expect(peer.retiredAt).toBeNull();
    expect((await sz.openPackage(whileRetired)).alreadyOpened).toBe(false);
    expect((await sz.value<Action>('actions.get', { id: action.id })).title).toBe('停用期間');
  });

  it('two new laptops start with the same working group, sub-groups, measures and glossary, so the first exchange raises no copy or conflict of them', async () => {
    const dir = await tempDir();
    const hk = await open('hk', 'HK');
    const sz = await open('sz', 'SZ');
    await enrolAll([hk, sz], dir);
    const seeded = async (side: typeof hk) => ({
      subGroups: (await side.value<SubGroup[]>('subGroups.list')).map((s) => s.id).sort(),
      measures: (await side.value<Array<{ id: string }>>('policyMeasures.list')).map((m) => m.id).sort(),
    });
    const before = await seeded(hk);
    expect(await seeded(sz)).toEqual(before);
    expect((await sz.openPackage((await hk.prepareFor([sz], dir)).path)).conflictsRaised).toBe(0);
    expect((await hk.openPackage((await sz.prepareFor([hk], dir)).path)).conflictsRaised).toBe(0);
    expect(await seeded(hk)).toEqual(before);
    expect(await seeded(sz)).toEqual(before);
    expect(before.subGroups).toHaveLength(3);
  });
});
