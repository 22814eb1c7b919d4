/**
 * Wrote tests/fixtures/store-v1/ once, with the real store and seed at schema version 1:
 * `npx tsx tests/electron/store/makeFixtureV1.ts`. Do not run it again once version 2 exists — the
 * fixture must stay what version 1 wrote.
 */
import * as fsp from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedWorkingGroup } from '../../../electron/seed/seedWorkingGroup';
import { BACKUPS_DIR } from '../../../electron/store/layout';
import { Store } from '../../../electron/store/store';

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/store-v1');
let clock = Date.parse('2026-11-24T01:00:00.000Z');
const now = (): Date => new Date((clock += 60_000));

await fsp.rm(path.join(dataDir, 'collections'), { recursive: true, force: true });
const opened = await Store.open({ dataDir, now });
if (opened.status !== 'ready' || !opened.isNew) throw new Error('expected a new data folder');
const { store } = opened;
await seedWorkingGroup(store);
await store.insert('settings', { language: 'zh-Hant' });
const [sciencePark, jointPolicy] = store.list('subGroups').sort((a, b) => a.sortOrder - b.sortOrder);

const chan = await store.insert('contacts', {
  name: '陳志明',
  title: '首席助理秘書長',
  organisation: '創新科技及工業局',
  side: 'HK',
  email: 'cm.chan@itib.gov.hk',
  phone: '+852 2810 2121',
  memberships: [{ subGroupId: sciencePark!.id, role: 'convenor' }],
});
const li = await store.insert('contacts', {
  name: '李晓东',
  title: '处长',
  organisation: '深圳市科技创新局',
  side: 'SZ',
  email: 'lixd@sz.gov.cn',
  phone: '+86 755 8810 2000',
  memberships: [{ subGroupId: jointPolicy!.id, role: 'member' }],
});
const lease = await store.insert('actions', {
  subGroupId: sciencePark!.id,
  reference: 'SP-2026-001',
  title: '落實深圳園區物業租賃安排',
  description: '香港科技園公司承租深圳園區部分物業空間，雙方確認租約條款及交付時間表。',
  ownerSide: 'joint',
  leads: [
    { side: 'HK', contactId: chan.id, status: 'inProgress' },
    { side: 'SZ', contactId: li.id, status: 'notStarted' },
  ],
  officerIds: [chan.id],
  dueDate: '2026-12-31',
  priority: 'high',
  status: 'inProgress',
  clauses: ['2.1'],
  meetingId: null,
  agendaItemId: null,
  progress: [],
});
await store.update('actions', lease.id, (a) => ({
  progress: [
    ...a.progress,
    {
      id: '5b0f6f0e-6c3a-4f43-9a52-0c2d1e8f7a11',
      at: '2026-11-24T02:00:00.000Z',
      byContactId: li.id,
      note: '已与香港科技园公司召开工作会议，租约条款原则上同意。',
      statusChange: { from: 'notStarted' as const, to: 'inProgress' as const },
    },
  ],
}));
const dropped = await store.insert('actions', {
  subGroupId: jointPolicy!.id,
  reference: 'JP-2026-001',
  title: '研究科研人員出入境便利政策',
  description: '',
  ownerSide: 'HK',
  leads: [{ side: 'HK', contactId: chan.id, status: 'dropped' }],
  officerIds: [],
  dueDate: null,
  priority: 'low',
  status: 'dropped',
  clauses: [],
  meetingId: null,
  agendaItemId: null,
  progress: [],
});
await store.softDelete('actions', dropped.id);
await store.close();
await fsp.rm(path.join(dataDir, BACKUPS_DIR), { recursive: true, force: true });
console.log(`wrote ${dataDir}`);
