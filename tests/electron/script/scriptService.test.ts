import { describe, expect, it } from 'vitest';
import type { Action, ActionFields } from '../../../shared/model/action';
import type { Contact } from '../../../shared/model/contact';
import type { SubGroup, WorkingGroup } from '../../../shared/model/subGroup';
import type { FieldReview, OverrideResult } from '../../../shared/script/fieldReview';
import type { GlossaryTermRecord } from '../../../shared/script/glossaryRecord';
import { seedGlossary } from '../../../shared/script/seedGlossary';
import { useTestBackend, type TestSession } from '../../support/testBackend';
import { actionForm } from '../../support/actionForm';

const openSession = useTestBackend();

const fields = (title: string, description = ''): ActionFields => actionForm(title, { description });

async function withAction(session: TestSession, title: string, description = '') {
  const [subGroup] = await session.value<SubGroup[]>('subGroups.list');
  return session.value<Action>('actions.create', { subGroupId: subGroup!.id, fields: fields(title, description) });
}

const review = (session: TestSession, action: Action, field: string, script: 'hant' | 'hans') =>
  session.value<FieldReview[]>('script.review', { script, fields: [{ collection: 'actions', id: action.id, field }] }).then((r) => r[0]!);

describe('content in the reader\'s script, main side', () => {
  it('stamps the script a record is written in, and keeps it when an edit leaves only neutral text', async () => {
    const session = await openSession();
    const hant = await withAction(session, '檢討數據共享安排');
    expect(hant.writtenIn).toBe('hant');
    const hans = await withAction(session, '检讨数据共享安排');
    expect(hans.writtenIn).toBe('hans');
    const edited = await session.value<Action>('actions.update', { id: hant.id, revision: hant.revision, fields: fields('HSITP 2026') });
    expect(edited.writtenIn).toBe('hant');
    const contact = await session.value<Contact>('contacts.create', {
      name: '陈大文', title: '处长', organisation: '深圳市科技创新局', side: 'SZ', email: '', phone: '', memberships: [],
    });
    expect(contact.writtenIn).toBe('hans');
    const subGroup = await session.value<SubGroup>('subGroups.create', {
      code: 'TL', name: { hant: '「人才」專組', hans: '「人才」专组', en: 'Talent' }, remit: '研究科研人员往来便利措施',
    });
    expect(subGroup.writtenIn).toBe('hans');
  });

  it('reviews a field: glossary terms, characters with several counterparts, Latin and numbers, each in context', async () => {
    const session = await openSession();
    const action = await withAction(session, '香港科技园公司于2026年以后发布数据');
    const result = await review(session, action, 'title', 'hant');
    expect(result.source).toBe('香港科技园公司于2026年以后发布数据');
    expect(result.converted).toBe('香港科技園公司於2026年以後發佈數據');
    expect(result.text).toBe(result.converted);
    const kinds = result.items.map((i) => `${i.kind}:${i.source}→${i.choice}`);
    expect(kinds).toContain('glossary:香港科技园公司→香港科技園公司');
    expect(kinds).toContain('untouched:2026→2026');
    expect(kinds).toContain('ambiguous:后→後');
    expect(result.items.find((i) => i.source === '后')).toMatchObject({ before: '司于2026年以', after: '发布数据' });
    // Text already in the reader's script is shown as typed: nothing converted, nothing to confirm.
    const own = await review(session, action, 'title', 'hans');
    expect(own).toMatchObject({ text: own.source, converted: own.source, items: [] });
  });

  it('keeps a correction with the record across a restart; it wins until the source changes, then is flagged stale', async () => {
    const session = await openSession();
    const action = await withAction(session, '皇后大道中的面包店');
    const before = await review(session, action, 'title', 'hant');
    expect(before.converted).toBe('皇后大道中的麪包店');
    const saved = await session.value<OverrideResult>('script.setOverride', {
      ref: { collection: 'actions', id: action.id, field: 'title' },
      script: 'hant',
      sourceHash: before.sourceHash,
      text: '皇后大道中的麵包店',
    });
    expect(saved.revision).toBe(action.revision + 1);

    await session.backend.close();
    const reopened = await openSession({ dataDir: session.dataDir });
    const after = await review(reopened, action, 'title', 'hant');
    expect(after.text).toBe('皇后大道中的麵包店');
    expect(after.correction).toEqual({ text: '皇后大道中的麵包店', stale: false });

    // An edit of the title made from the drawer keeps the correction on the record, now stale.
    const current = await reopened.value<Action>('actions.get', { id: action.id });
    await reopened.value<Action>('actions.update', { id: action.id, revision: current.revision, fields: fields('皇后大道西的面包店') });
    const stale = await review(reopened, action, 'title', 'hant');
    expect(stale.correction).toEqual({ text: '皇后大道中的麵包店', stale: true });
    expect(stale.text).toBe(stale.converted);
    expect(stale.text).toBe('皇后大道西的麪包店');

    // A correction for text that changed since it was reviewed is refused, not stored against the wrong text.
    const refused = await reopened.call('script.setOverride', {
      ref: { collection: 'actions', id: action.id, field: 'title' }, script: 'hant', sourceHash: before.sourceHash, text: 'x',
    });
    expect(refused).toEqual({ ok: false, error: { code: 'record.changedElsewhere' } });
  });

  it('corrects a progress note by its entry id, and removes a correction on request', async () => {
    const session = await openSession();
    const action = await withAction(session, '跟进');
    const logged = await session.value<Action>('actions.addProgress', { id: action.id, note: '已发函', status: null, byContactId: null });
    const field = `progress.${logged.progress[0]!.id}.note`;
    const first = await review(session, logged, field, 'hant');
    expect(first.converted).toBe('已發函');
    const ref = { collection: 'actions', id: action.id, field };
    await session.value('script.setOverride', { ref, script: 'hant', sourceHash: first.sourceHash, text: '已發出函件' });
    expect((await review(session, logged, field, 'hant')).text).toBe('已發出函件');
    const cleared = await session.value<OverrideResult>('script.setOverride', { ref, script: 'hant', sourceHash: first.sourceHash, text: null });
    expect(cleared.scriptOverrides).toEqual({});
    expect((await review(session, logged, field, 'hant')).text).toBe('已發函');
  });

  it('refuses a field that does not exist and a record type without corrections', async () => {
    const session = await openSession();
    const action = await withAction(session, '跟进');
    const missing = await session.call('script.review', { script: 'hant', fields: [{ collection: 'actions', id: action.id, field: 'progress.nope.note' }] });
    expect(missing).toMatchObject({ ok: false, error: { code: 'script.unknownField' } });
    const wrong = await session.call('script.review', { script: 'hant', fields: [{ collection: 'settings', id: action.id, field: 'language' }] });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'ipc.invalidArguments' } });
  });

  it('seeds the glossary once, persists edits, and applies them before OpenCC', async () => {
    const session = await openSession();
    const seeded = await session.value<GlossaryTermRecord[]>('script.glossary', { includeDeleted: false });
    expect(seeded.map((t) => t.key)).toEqual(seedGlossary.map((t) => t.id));
    expect(seeded.find((t) => t.key === 'innoacademy')).toMatchObject({ hant: '大灣區創科飛躍學院', hans: '大湾区创科飞跃学院', en: 'InnoAcademy' });

    const term = await session.value<GlossaryTermRecord>('script.createTerm', { hant: '軟件', hans: '软件', en: 'software', note: '' });
    const duplicate = await session.call('script.createTerm', { hant: '軟件', hans: '软体', en: '', note: '' });
    expect(duplicate).toEqual({ ok: false, error: { code: 'glossary.duplicate', params: { term: '軟件' } } });
    const blank = await session.call('script.createTerm', { hant: ' ', hans: '软件', en: '', note: '' });
    expect(blank).toMatchObject({ ok: false, error: { code: 'ipc.invalidArguments', issues: [{ path: 'hant', messageKey: 'validation.required' }] } });

    const action = await withAction(session, '信息技术软件');
    expect((await review(session, action, 'title', 'hant')).converted).toBe('資訊科技軟件');
    await session.value('script.updateTerm', { id: term.id, revision: term.revision, term: { hant: '軟體', hans: '软件', en: 'software', note: '' } });
    expect((await review(session, action, 'title', 'hant')).converted).toBe('資訊科技軟體');

    await session.value('script.deleteTerm', { id: term.id });
    await session.backend.close();
    const reopened = await openSession({ dataDir: session.dataDir });
    const after = await reopened.value<GlossaryTermRecord[]>('script.glossary', { includeDeleted: true });
    // Not seeded a second time, and the deleted term is kept so it can be restored.
    expect(after).toHaveLength(seedGlossary.length + 1);
    expect(after.find((t) => t.id === term.id)).toMatchObject({ hant: '軟體', deletedAt: expect.any(String) });
    expect((await review(reopened, action, 'title', 'hant')).converted).toBe('資訊科技軟件');
    await reopened.value('script.restoreTerm', { id: term.id });
    expect((await review(reopened, action, 'title', 'hant')).converted).toBe('資訊科技軟體');
  });

  it('finds actions whichever script the query or the record is in', async () => {
    const session = await openSession();
    const hant = await withAction(session, '數據跨境流動試點');
    const hans = await withAction(session, '研究数据中心选址');
    const [subGroup] = await session.value<SubGroup[]>('subGroups.list');
    const search = (text: string) => session.value<string[]>('actions.search', { subGroupId: subGroup!.id, text });
    expect((await search('数据')).sort()).toEqual([hant.id, hans.id].sort());
    expect((await search('數據')).sort()).toEqual([hant.id, hans.id].sort());
    expect(await search('選址')).toEqual([hans.id]);
    // An edit is searched in its new wording: the folded text is kept per revision.
    await session.value('actions.update', { id: hans.id, revision: hans.revision, fields: fields('研究算力中心选址') });
    expect(await search('数据')).toEqual([hant.id]);
  });

  it("the working group's choice of quotation marks holds for reviews and conversions in main, across a restart", async () => {
    const session = await openSession();
    const action = await withAction(session, '落實「先行先試」安排');
    const follow = await review(session, action, 'title', 'hans');
    expect(follow.converted).toBe('落实“先行先试”安排');
    expect(follow.items.filter((i) => i.kind === 'quotes')).toEqual([expect.objectContaining({ source: '「', choice: '“', closing: expect.objectContaining({ source: '」', choice: '”' }) })]);

    const group = await session.value<WorkingGroup>('settings.setQuoteMarks', 'asWritten');
    expect(group.quoteMarks).toBe('asWritten');
    const kept = await review(session, action, 'title', 'hans');
    expect(kept.converted).toBe('落实「先行先试」安排');
    expect(kept.items.some((i) => i.kind === 'quotes')).toBe(false);
    await expect(session.call('settings.setQuoteMarks', 'curly')).resolves.toMatchObject({ ok: false });

    await session.backend.close();
    const again = await openSession({ dataDir: session.dataDir });
    expect((await again.value<WorkingGroup>('workingGroup.get')).quoteMarks).toBe('asWritten');
    await again.value<WorkingGroup>('settings.setQuoteMarks', 'reader');
    expect((await review(again, action, 'title', 'hans')).converted).toBe('落实“先行先试”安排');
  });
});
