import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Action } from '../../../shared/model/action';
import type { SubGroup } from '../../../shared/model/subGroup';
import { createPackMeeting, type Call } from '../../support/packMeeting';
import { appFrame, openTestBackend } from '../../support/testBackend';

export interface SeededWorkbench {
  dataDir: string;
  /** A folder for sheets to import and files to export. */
  files: string;
  /** A sheet of space units with two bad rows (a negative area; a lease that ends before it starts). */
  unitsSheet: string;
  /** A sheet of contacts with two bad rows (an unknown side; a bad email). */
  contactsSheet: string;
  /** The overdue action's reference, e.g. SP-2026-002. */
  overdueReference: string;
  /** The reference of the action typed in Simplified. */
  convertedReference: string;
}

/**
 * A data folder as officials have it a few months in: contacts on both sides, two meetings of the
 * science-park sub-group with agenda, papers and minutes, actions in every state (one overdue, one typed
 * in Simplified), a space unit, a funded project and a promotion event. Set up through the same
 * backend the app uses, closed again before the app opens it.
 */
export async function seedWorkbench(locale: string): Promise<SeededWorkbench> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-a11y-'));
  const files = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-a11y-files-'));
  const seed = await openTestBackend({ dataDir, systemLocale: locale });
  const call: Call = async <T,>(channel: string, input?: unknown): Promise<T> => {
    const result = await seed.backend.dispatch(channel, input, appFrame);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
    return result.value as T;
  };
  const { subGroup } = await createPackMeeting(call, seed.dialogs, files, { paperPages: [1, 1] });
  const [, jointPolicy] = await call<SubGroup[]>('subGroups.list');
  const blank = { description: '', ownerSide: 'HK' as const, leads: [], officerIds: [], priority: 'normal' as const, clauses: ['2.1'] };
  const overdue = await call<Action>('actions.create', { subGroupId: subGroup.id, fields: { ...blank, title: '落實深圳園區首批物業交付', dueDate: '2026-01-10', priority: 'high' } });
  await call('actions.addProgress', { id: overdue.id, note: '業主尚待消防驗收。', status: 'blocked', byContactId: null });
  // Typed on a Shenzhen laptop: shown converted to a Traditional reader, in its own script in 原文.
  const converted = await call<Action>('actions.create', { subGroupId: subGroup.id, fields: { ...blank, title: '推进跨境科研数据流动试点', ownerSide: 'SZ', dueDate: '2099-06-30' } });
  const done = await call<Action>('actions.create', { subGroupId: jointPolicy!.id, fields: { ...blank, title: '擬定聯合資助計劃申請指引', dueDate: '2026-03-31' } });
  await call('actions.addProgress', { id: done.id, note: '指引已發出。', status: 'done', byContactId: null });
  await call('spaceUnits.create', {
    fields: { building: '1座', floor: '3樓', unit: '301', grossArea: 120, usableArea: 96, leaseStart: '2025-01-01', leaseEnd: '2027-12-31', status: 'leased', notes: '', clauses: ['2.1'] },
  });
  await call('fundedProjects.create', {
    fields: {
      reference: 'JP-001', title: '跨境醫療數據平台', institution: '香港大學', principalInvestigator: '', funder: 'HK', scheme: '', amount: 5_000_000, currency: 'HKD',
      startDate: null, endDate: null, status: 'ongoing', inShenzhenPark: true, tenantId: null, clauses: ['2.3.1'], notes: '',
    },
  });
  await call('promotionEvents.create', {
    fields: {
      name: '河套創科論壇', kind: 'forum', startDate: new Date().toISOString().slice(0, 10), endDate: new Date().toISOString().slice(0, 10), city: '香港', venue: '', audience: '',
      leadSide: 'joint', coOrganisers: '', budget: null, currency: null, status: 'planned', outcome: { attendance: null, enquiries: null, mediaCoverage: '' }, clauses: ['2.3.4'], notes: '',
    },
  });
  await seed.backend.close();

  const unitsSheet = path.join(files, 'units.csv');
  await writeFile(
    unitsSheet,
    `\uFEFF${['樓宇,樓層,單位,建築面積,使用面積,租期開始,租期結束,狀態', '1座,3樓,302,150,120,2025-01-01,2027-12-31,已承租', '2座,5樓,501,-20,10,2025-01-01,2027-12-31,已承租', '2座,5樓,502,100,80,2027-01-01,2026-01-01,已承租'].join('\r\n')}\r\n`,
  );
  const contactsSheet = path.join(files, 'contacts.csv');
  await writeFile(
    contactsSheet,
    `\uFEFF${['姓名,職銜,機構,所屬方,電郵,電話,所屬專組及角色', '王小明,处长,深圳市科技创新局,深圳,wang@sz.gov.cn,0755-8888 8888,', '李四,主任,某局,澳門,li@@example,,'].join('\r\n')}\r\n`,
  );
  return { dataDir, files, unitsSheet, contactsSheet, overdueReference: overdue.reference, convertedReference: converted.reference };
}
