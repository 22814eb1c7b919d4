import { AppError } from '../../shared/ipc/errors';
import type { NewSubGroup, SubGroup } from '../../shared/model/subGroup';
import type { Store } from '../store/store';

/** The working group's sub-groups: the three of the arrangement and any set up later (第三條). */
export class SubGroupService {
  constructor(private readonly store: Store) {}

  /** In the user's tab order. */
  list(): SubGroup[] {
    return this.store.list('subGroups').sort((a, b) => a.sortOrder - b.sortOrder || a.createdAt.localeCompare(b.createdAt));
  }

  async create(input: { code: string; name: NewSubGroup['name']; remit: string }): Promise<SubGroup> {
    const all = this.store.list('subGroups', { includeDeleted: true });
    if (all.some((s) => s.code === input.code)) throw new AppError('subGroup.codeTaken', { code: input.code });
    const sortOrder = Math.max(-1, ...all.map((s) => s.sortOrder)) + 1;
    return this.store.insert('subGroups', { ...input, sortOrder, archivedAt: null });
  }
}
