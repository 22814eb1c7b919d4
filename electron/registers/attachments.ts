import { AppError } from '../../shared/ipc/errors';
import type { RegisterKind } from '../../shared/registers/kinds';
import type { SubGroup } from '../../shared/model/subGroup';
import type { Store } from '../store/store';

/** Sets which registers a sub-group's tab shows; an empty list is kept as the user's choice of none. */
export async function setAttachedRegisters(store: Store, id: string, revision: number, registers: RegisterKind[]): Promise<SubGroup> {
  const subGroup = store.get('subGroups', id);
  if (!subGroup || subGroup.deletedAt) throw new AppError('record.notFound');
  return store.update('subGroups', id, revision, () => ({ registers: [...new Set(registers)] }));
}
