import { unwrap } from '../../../shared/ipc/errors';
import type { HetaoApi } from '../../../shared/ipc/contract';

/** An officer on each side, for flows that pick officers or attendees: 陳大文 (HK) and 李明 (SZ). */
export async function addOfficerOnEachSide(api: HetaoApi): Promise<void> {
  const contact = (name: string, side: 'HK' | 'SZ', organisation: string) =>
    unwrap(api.contacts.create({ name, title: '', organisation, side, email: '', phone: '', memberships: [] }));
  await contact('陳大文', 'HK', '創新科技及工業局');
  await contact('李明', 'SZ', '深圳市科技创新局');
}
