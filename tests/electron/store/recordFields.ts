import type { Fields } from '../../../electron/store/store';

// Record fields for store tests; free of vitest so the bundled crash writer can use them too.
export function contactFields(name: string, overrides: Partial<Fields<'contacts'>> = {}): Fields<'contacts'> {
  return {
    name,
    title: '高級經理',
    organisation: '香港科技園公司',
    side: 'HK',
    email: 'officer@hkstp.org',
    phone: '+852 2629 1818',
    memberships: [],
    ...overrides,
  };
}

export function actionFields(subGroupId: string, title: string, overrides: Partial<Fields<'actions'>> = {}): Fields<'actions'> {
  return {
    subGroupId,
    reference: 'SP-2026-001',
    title,
    description: '跟進深圳園區物業租賃安排。',
    ownerSide: 'joint',
    leads: [],
    officerIds: [],
    dueDate: '2026-12-31',
    priority: 'normal',
    status: 'inProgress',
    clauses: ['2.1'],
    meetingId: null,
    agendaItemId: null,
    progress: [],
    ...overrides,
  };
}

/** Ids that land in distinct shards of a collection (or the same one, when `sameShard`). */
