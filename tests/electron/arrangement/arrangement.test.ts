import { readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImplementationReport, ReportDraft } from '../../../shared/arrangement/report';
import type { ClauseCounts, ClauseDetail } from '../../../shared/arrangement/work';
import type { Action, ActionFields } from '../../../shared/model/action';
import type { Annex, AnnexFields } from '../../../shared/model/annex';
import type { ClauseNote } from '../../../shared/model/clauseNote';
import type { SubGroup } from '../../../shared/model/subGroup';
import { useTestBackend, type TestSession } from '../../support/testBackend';
import { actionForm } from '../../support/actionForm';

const openSession = useTestBackend();
let session: TestSession;
let clock = new Date('2026-03-10T02:00:00Z');
const call = <T>(channel: string, input?: unknown) => session.value<T>(channel, input);

async function start() {
  clock = new Date('2026-03-10T02:00:00Z');
  session = await openSession({ now: () => clock });
  const [sp, jp] = await call<SubGroup[]>('subGroups.list');
  return { sp: sp!, jp: jp! };
}

const actionFields = (overrides: Partial<ActionFields> = {}): ActionFields => actionForm('研究建立港深聯合資助項目庫', { dueDate: '2026-04-30', clauses: ['2.3.1'], ...overrides });

const annexFields = (overrides: Partial<AnnexFields> = {}): AnnexFields => ({
  kind: 'annex',
  number: 1,
  title: { hant: '關於聯合資助項目庫的補充安排', hans: '关于联合资助项目库的补充安排', en: '' },
  status: 'underDiscussion',
  agreedOn: null,
  signedOn: null,
  inForceFrom: null,
  clauses: [{ clauseId: '2.3.1', relation: 'amends' }],
  summary: '',
  ...overrides,
});

describe('the arrangement clause by clause', () => {
  it('shows the work citing a clause under the clause and under each group holding it, with its status', async () => {
    const { jp } = await start();
    const action = await call<Action>('actions.create', { subGroupId: jp.id, fields: actionFields() });
    await call<Action>('actions.create', { subGroupId: jp.id, fields: actionFields({ title: '人才住房', clauses: ['2.3.2'] }) });
    const actionsUnder = async (nodeId: string) =>
      (await call<ClauseDetail>('arrangement.clauseDetail', { nodeId })).items.filter((i) => i.kind === 'action');
    expect(await actionsUnder('2.3.1')).toMatchObject([{ kind: 'action', id: action.id, reference: 'JP-2026-001', statusKey: 'actions.statusValue.notStarted', open: true }]);
    expect(await actionsUnder('2.3')).toHaveLength(2);
    expect(await actionsUnder('2')).toHaveLength(2);
    expect(await actionsUnder('2.1')).toEqual([]);
    // The policy measures seeded from the arrangement serve its clauses too, with their stage.
    const measures = (await call<ClauseDetail>('arrangement.clauseDetail', { nodeId: '2.3.1' })).items.filter((i) => i.kind === 'measure');
    expect(measures.length).toBeGreaterThan(0);
    expect(measures[0]!.statusKey).toMatch(/^registers\.policyMeasures\.stage\./);
    const counts = await call<ClauseCounts>('arrangement.counts');
    expect(counts['2.3.1']).toMatchObject({ items: 1 + measures.length, notes: 0, annexes: 0 });

    await call('actions.delete', { id: action.id });
    expect(await actionsUnder('2.3.1')).toEqual([]);
  });

  it('keeps a dated progress log per clause, refusing stale edits, with undo for deletion', async () => {
    await start();
    const first = await call<ClauseNote>('arrangement.addNote', { clauseId: '2.1', on: '2026-03-01', note: '  首批機構已進駐。 ', byContactId: null });
    expect(first).toMatchObject({ note: '首批機構已進駐。', writtenIn: 'hant' });
    await call<ClauseNote>('arrangement.addNote', { clauseId: '2.1', on: '2026-03-05', note: '第二批单位完成装修。', byContactId: null });
    const empty = await session.call('arrangement.addNote', { clauseId: '2.1', on: '2026-03-05', note: '  ', byContactId: null });
    expect(empty).toMatchObject({ ok: false, error: { code: 'ipc.invalidArguments', issues: [{ path: 'note', messageKey: 'validation.required' }] } });
    const badClause = await session.call('arrangement.addNote', { clauseId: '9', on: '2026-03-05', note: 'x', byContactId: null });
    expect(badClause).toMatchObject({ ok: false, error: { code: 'ipc.invalidArguments' } });

    const edited = await call<ClauseNote>('arrangement.updateNote', { id: first.id, revision: 1, fields: { clauseId: '2.1', on: '2026-03-02', note: '首批三間機構已進駐。', byContactId: null } });
    const stale = await session.call('arrangement.updateNote', { id: first.id, revision: 1, fields: { clauseId: '2.1', on: '2026-03-02', note: '舊', byContactId: null } });
    expect(stale).toMatchObject({ ok: false, error: { code: 'record.changedElsewhere' } });

    const notes = () => call<ClauseDetail>('arrangement.clauseDetail', { nodeId: '2.1' }).then((d) => d.notes.map((n) => n.note));
    expect(await notes()).toEqual(['第二批单位完成装修。', '首批三間機構已進駐。']);
    await call('arrangement.deleteNote', { id: edited.id });
    expect(await notes()).toEqual(['第二批单位完成装修。']);
    await call('arrangement.restoreNote', { id: edited.id });
    expect(await notes()).toHaveLength(2);
  });
});

describe('annexes', () => {
  it('tracks an annex through its statuses, with its dates checked and its number unique in its kind', async () => {
    await start();
    const annex = await call<Annex>('arrangement.createAnnex', annexFields());
    expect(await session.call('arrangement.createAnnex', annexFields())).toMatchObject({ ok: false, error: { code: 'annex.numberTaken', params: { number: 1 } } });
    const supplement = await call<Annex>('arrangement.createAnnex', annexFields({ kind: 'supplement', clauses: [{ clauseId: '2.3.2', relation: 'supplements' }] }));

    const unsigned = await session.call('arrangement.updateAnnex', { id: annex.id, revision: 1, fields: annexFields({ status: 'signed' }) });
    expect(unsigned).toMatchObject({ ok: false, error: { issues: [{ path: 'fields.signedOn', messageKey: 'validation.signedNeedsDate' }] } });
    const backwards = await session.call('arrangement.updateAnnex', {
      id: annex.id, revision: 1, fields: annexFields({ status: 'inForce', agreedOn: '2026-03-01', signedOn: '2026-04-01', inForceFrom: '2026-03-15' }),
    });
    expect(backwards).toMatchObject({ ok: false, error: { issues: [{ messageKey: 'validation.inForceBeforeSigned' }] } });
    const signed = await call<Annex>('arrangement.updateAnnex', { id: annex.id, revision: 1, fields: annexFields({ status: 'signed', agreedOn: '2026-03-01', signedOn: '2026-03-08' }) });
    expect(signed.status).toBe('signed');

    const detail = await call<ClauseDetail>('arrangement.clauseDetail', { nodeId: '2.3.1' });
    expect(detail.annexes.map((a) => a.id)).toEqual([annex.id]);
    expect((await call<ClauseDetail>('arrangement.clauseDetail', { nodeId: '2' })).annexes.map((a) => a.id)).toEqual([annex.id, supplement.id]);
    expect((await call<ClauseDetail>('arrangement.clauseDetail', { nodeId: '2.2' })).annexes).toEqual([]);
  });

  it('adds draft versions without ever changing an earlier one, and keeps files with them', async () => {
    await start();
    const annex = await call<Annex>('arrangement.createAnnex', annexFields());
    await call('arrangement.addDraft', { id: annex.id, note: '港方初稿', text: '第一版文字', withFile: false });
    clock = new Date('2026-03-12T02:00:00Z');
    const file = path.join(session.dataDir, '..', `draft-${annex.id}.docx`);
    await writeFile(file, 'PK draft v2');
    session.dialogs.answerNextOpen(file);
    const second = (await call<Annex>('arrangement.addDraft', { id: annex.id, note: '深方修訂意見', text: '第二版文字', withFile: true }))!;
    expect(second.drafts.map((d) => [d.version, d.note, d.text, d.file?.fileName ?? null])).toEqual([
      [1, '港方初稿', '第一版文字', null],
      [2, '深方修訂意見', '第二版文字', `draft-${annex.id}.docx`],
    ]);
    expect(second.drafts[0]!.at).toBe('2026-03-10T02:00:00.000Z');
    // Cancelling the file dialog adds nothing; an empty version is refused.
    expect(await call('arrangement.addDraft', { id: annex.id, note: 'x', text: '', withFile: true })).toBeNull();
    expect(await session.call('arrangement.addDraft', { id: annex.id, note: ' ', text: '', withFile: false })).toMatchObject({ ok: false, error: { code: 'annex.emptyDraft' } });
    expect((await call<Annex[]>('arrangement.annexes', { includeDeleted: false }))[0]!.drafts).toHaveLength(2);
  });

  it('keeps the signed text as a PDF, refuses other files, and saves a copy where asked', async () => {
    await start();
    const annex = await call<Annex>('arrangement.createAnnex', annexFields());
    const notPdf = path.join(session.dataDir, '..', `signed-${annex.id}.pdf`);
    await writeFile(notPdf, 'not really a pdf');
    session.dialogs.answerNextOpen(notPdf);
    expect(await session.call('arrangement.attachSigned', { id: annex.id })).toMatchObject({ ok: false, error: { code: 'annex.notPdf' } });

    const pdf = path.join(session.dataDir, '..', `signed-${annex.id}-ok.pdf`);
    await writeFile(pdf, '%PDF-1.4\n%signed\n');
    session.dialogs.answerNextOpen(pdf);
    const attached = (await call<Annex>('arrangement.attachSigned', { id: annex.id }))!;
    expect(attached.signedPdf).toMatchObject({ mediaType: 'application/pdf', fileName: `signed-${annex.id}-ok.pdf` });

    const copy = path.join(session.dataDir, '..', `copy-${annex.id}.pdf`);
    session.dialogs.answerNextSave(copy);
    expect(await call('arrangement.saveCopy', { id: annex.id, draftId: null })).toBe(copy);
    expect(await readFile(copy, 'utf8')).toBe('%PDF-1.4\n%signed\n');
  });
});

describe('the implementation report', () => {
  it("builds the period's report and carries each clause's wording into the next period's draft", async () => {
    const { jp } = await start();
    await call<Action>('actions.create', { subGroupId: jp.id, fields: actionFields({ dueDate: '2026-03-01' }) });
    await call('arrangement.addNote', { clauseId: '2.3.1', on: '2026-02-01', note: '項目庫框架已議定。', byContactId: null });
    const report = await call<ImplementationReport>('arrangement.report', { from: '2026-01-01', to: '2026-03-31' });
    const clause = report.clauses.find((c) => c.clauseId === '2.3.1')!;
    expect(clause.done.map((e) => e.text)).toEqual(['項目庫框架已議定。']);
    expect(clause.overdue.map((e) => e.text)).toEqual(['研究建立港深聯合資助項目庫']);
    expect(await session.call('arrangement.report', { from: '2026-04-01', to: '2026-03-31' })).toMatchObject({
      ok: false, error: { issues: [{ messageKey: 'validation.periodOrder' }] },
    });

    const q1 = await call<ReportDraft>('arrangement.reportDraft', { from: '2026-01-01', to: '2026-03-31' });
    expect(q1.title).toBe('「一區兩園」實施進度報告（2026年1月1日至2026年3月31日）');
    const saved = await call<ReportDraft>('arrangement.saveReportDraft', {
      id: q1.id, revision: q1.revision, fields: { title: q1.title, introduction: '本期工作重點。', wording: { '2_3_1': '項目庫框架已議定，資料欄位已統一。', '2_1': '  ' } },
    });
    expect(saved.wording).toEqual({ '2_3_1': '項目庫框架已議定，資料欄位已統一。' });
    expect((await call<ReportDraft>('arrangement.reportDraft', { from: '2026-01-01', to: '2026-03-31' })).id).toBe(q1.id);

    const q2 = await call<ReportDraft>('arrangement.reportDraft', { from: '2026-04-01', to: '2026-06-30' });
    expect(q2.id).not.toBe(q1.id);
    expect(q2).toMatchObject({ introduction: '本期工作重點。', wording: { '2_3_1': '項目庫框架已議定，資料欄位已統一。' } });
    expect((await call<ReportDraft[]>('arrangement.reportDrafts')).map((d) => d.from)).toEqual(['2026-04-01', '2026-01-01']);
  });
});
