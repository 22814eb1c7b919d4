import { describe, expect, it } from 'vitest';
import { buildReport, SECTION_LIMIT } from '../../../shared/arrangement/report';
import type { Action } from '../../../shared/model/action';
import type { Annex } from '../../../shared/model/annex';
import type { ClauseNote } from '../../../shared/model/clauseNote';
import { annexLabel, chineseNumber } from '../../../shared/model/annex';

let n = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const base = (createdAt = '2026-01-05T02:00:00.000Z') => ({ id: uuid(), createdAt, updatedAt: createdAt, deletedAt: null, revision: 1 });

function action(overrides: Partial<Action>): Action {
  // Fields added to actions later have defaults; the report reads none of them.
  return {
    ...base(),
    subGroupId: uuid(),
    reference: `JP-2026-${String(n).padStart(3, '0')}`,
    title: '事項',
    description: '',
    ownerSide: 'HK',
    leads: [],
    officerIds: [],
    dueDate: null,
    priority: 'normal',
    status: 'notStarted',
    clauses: ['2.3.1'],
    meetingId: null,
    progress: [],
    ...overrides,
  } as Action;
}

const change = (at: string, from: Action['status'], to: Action['status']) => ({ id: uuid(), at, byContactId: null, note: '', statusChange: { from, to } });
const period = { from: '2026-01-01', to: '2026-06-30' };

describe('the implementation report', () => {
  it('puts each piece of work under done, overdue or next for its clauses, as things stood at the period end', () => {
    const completed = action({ title: '建立聯合資助項目庫', status: 'done', progress: [change('2026-03-02T02:00:00.000Z', 'notStarted', 'done')] });
    const late = action({ title: '選題徵集制度研究', dueDate: '2026-05-31', clauses: ['2.3.1', '2.2'] });
    const upcoming = action({ title: '人才住房配套', dueDate: '2026-08-15', clauses: ['2.3.2'] });
    const farOff = action({ title: '長遠規劃', dueDate: '2027-06-01', clauses: ['2.3.2'] });
    const closedAfter = action({ title: '期後完成', dueDate: '2026-04-01', status: 'done', progress: [change('2026-07-10T02:00:00.000Z', 'inProgress', 'done')] });
    const createdAfter = { ...action({ title: '期後新增', dueDate: '2026-05-01' }), createdAt: '2026-07-02T00:00:00.000Z' };
    const note: ClauseNote = { ...base(), clauseId: '2.3.1', on: '2026-02-14', note: '雙方同意項目庫的資料欄位。', byContactId: null };
    const outside: ClauseNote = { ...note, id: uuid(), on: '2025-12-31' };
    const annex = { ...base(), kind: 'annex', number: 1, title: { hant: '聯合政策補充安排', hans: '联合政策补充安排', en: '' }, status: 'signed', agreedOn: '2026-04-01', signedOn: '2026-05-20', inForceFrom: null, clauses: [{ clauseId: '2.3.1', relation: 'amends' }], summary: '', signedPdf: null, drafts: [] } satisfies Annex;

    const report = buildReport({ actions: [completed, late, upcoming, farOff, closedAfter, createdAfter], notes: [note, outside], annexes: [annex], otherWork: [] }, period);
    const clause = (id: string) => report.clauses.find((c) => c.clauseId === id)!;
    const texts = (entries: { text: string }[]) => entries.map((e) => e.text);

    expect(texts(clause('2.3.1').done)).toEqual(['雙方同意項目庫的資料欄位。', '建立聯合資助項目庫', '聯合政策補充安排']);
    expect(clause('2.3.1').done.at(-1)!.statusKey).toBe('arrangement.annexStatus.signed');
    expect(texts(clause('2.3.1').overdue)).toEqual(['期後完成', '選題徵集制度研究']);
    expect(clause('2.3.1').overdue[1]!.daysLate).toBe(30);
    expect(texts(clause('2.2').overdue)).toEqual(['選題徵集制度研究']);
    expect(texts(clause('2.3.2').next)).toEqual(['人才住房配套']);
    expect(texts(clause('2.3.1').next)).toEqual(['聯合政策補充安排']);
    expect(report.figures).toMatchObject({ actionsCompleted: 1, notesWritten: 1 });
    // At 30 June the action closed in July was still in progress; the one created in July did not exist.
    expect(report.figures.actionsByStatus).toMatchObject({ done: 1, inProgress: 1, notStarted: 3 });
  });

  it('lists meetings and decisions held in the period as done and those soon after as next, never overdue', () => {
    const item = (date: string) => ({ kind: 'meeting' as const, id: uuid(), reference: null, meetingNumber: 3, title: '聯合政策專組會議', statusKey: null, open: false, subGroupId: null, date, clauses: ['2.2'], changes: [] });
    const report = buildReport({ actions: [], notes: [], annexes: [], otherWork: [item('2026-03-01'), item('2026-07-15'), item('2025-12-01')], otherFigures: { meetingsHeld: 1 } }, period);
    const clause = report.clauses.find((c) => c.clauseId === '2.2')!;
    expect(clause.done.map((e) => e.date)).toEqual(['2026-03-01']);
    expect(clause.next.map((e) => e.date)).toEqual(['2026-07-15']);
    expect(clause.overdue).toEqual([]);
    expect(report.figures.meetingsHeld).toBe(1);
  });
});

describe('a long report', () => {
  it('lists the longest overdue work of a clause and counts the rest', () => {
    const many = Array.from({ length: SECTION_LIMIT + 10 }, (_, i) => action({ title: `事項${i}`, dueDate: `2026-03-${String((i % 28) + 1).padStart(2, '0')}` }));
    const clause = buildReport({ actions: many, notes: [], annexes: [], otherWork: [] }, period).clauses.find((c) => c.clauseId === '2.3.1')!;
    expect(clause.overdue).toHaveLength(SECTION_LIMIT);
    expect(clause.omitted.overdue).toBe(10);
    expect(clause.overdue[0]!.date).toBe('2026-03-01');
  });
});

describe('annex numbers', () => {
  it('are written as the documents write them', () => {
    expect([1, 10, 12, 20, 21, 100, 105, 110].map(chineseNumber)).toEqual(['一', '十', '十二', '二十', '二十一', '一百', '一百零五', '一百一十']);
    expect(annexLabel({ kind: 'supplement', number: 2 }, 'zh-Hant')).toBe('補充協議二');
    expect(annexLabel({ kind: 'supplement', number: 2 }, 'zh-Hans')).toBe('补充协议二');
    expect(annexLabel({ kind: 'annex', number: 3 }, 'en')).toBe('Annex 3');
  });
});
