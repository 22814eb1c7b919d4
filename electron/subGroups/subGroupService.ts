import { AppError } from '../../shared/ipc/errors';
import type { Side } from '../../shared/model/action';
import type { Convenors, SubGroup, SubGroupFields } from '../../shared/model/subGroup';
import { stampScript } from '../../shared/script/overrides';
import type { Store } from '../store/store';

/** The working group's sub-groups: the three of the arrangement and any set up later (第三條). */
export class SubGroupService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** In the user's tab order, archived ones included (the UI hides them from the tabs). */
  list(): SubGroup[] {
    return this.store.list('subGroups').sort((a, b) => a.sortOrder - b.sortOrder || a.createdAt.localeCompare(b.createdAt));
  }

  get(id: string): SubGroup {
    const subGroup = this.store.get('subGroups', id);
    if (!subGroup || subGroup.deletedAt) throw new AppError('record.notFound');
    return subGroup;
  }

  async create(fields: SubGroupFields): Promise<SubGroup> {
    const all = this.store.list('subGroups', { includeDeleted: true });
    this.checkCodeFree(fields.code);
    this.checkConvenors(fields.convenors, null);
    const sortOrder = Math.max(-1, ...all.map((s) => s.sortOrder)) + 1;
    // The remit is the text readers see converted; the names are entered in both scripts already.
    return this.store.insert('subGroups', { ...fields, sortOrder, archivedAt: null, writtenIn: stampScript([fields.remit]) });
  }

  /**
   * Renames, rewrites the remit, changes convenors. The code may change only while no action uses
   * it: references such as SP-2026-014 are printed in minutes and must keep naming this sub-group.
   */
  async update(id: string, revision: number, fields: SubGroupFields): Promise<SubGroup> {
    const current = this.get(id);
    if (fields.code !== current.code) {
      if (this.hasActions(id)) throw new AppError('subGroup.codeFixed', { code: current.code });
      this.checkCodeFree(fields.code, id);
    }
    this.checkConvenors(fields.convenors, current.convenors);
    return this.store.update('subGroups', id, revision, () => ({
      code: fields.code,
      name: fields.name,
      remit: fields.remit,
      convenors: fields.convenors,
      writtenIn: stampScript([fields.remit], current.writtenIn),
    }));
  }

  async archive(id: string): Promise<SubGroup> {
    const current = this.get(id);
    if (current.archivedAt) return current;
    return this.store.update('subGroups', id, () => ({ archivedAt: this.now().toISOString() }));
  }

  /** Brings an archived sub-group back to its old place among the tabs. */
  async restore(id: string): Promise<SubGroup> {
    const current = this.get(id);
    if (!current.archivedAt) return current;
    return this.store.update('subGroups', id, () => ({ archivedAt: null }));
  }

  /**
   * The listed sub-groups take the tabs' order; any not listed (archived ones, which have no tab)
   * follow in their previous order. Only records whose place changed are rewritten.
   */
  async reorder(ids: string[]): Promise<SubGroup[]> {
    for (const id of ids) this.get(id);
    const listed = new Set(ids);
    const order = [...ids, ...this.list().filter((s) => !listed.has(s.id)).map((s) => s.id)];
    await Promise.all(
      order.map((id, sortOrder) =>
        this.store.get('subGroups', id)!.sortOrder === sortOrder ? null : this.store.update('subGroups', id, () => ({ sortOrder })),
      ),
    );
    return this.list();
  }

  /** Counted over every action ever made, deleted ones too: their references carry the code. */
  private hasActions(subGroupId: string): boolean {
    return this.store.list('actions', { includeDeleted: true }).some((a) => a.subGroupId === subGroupId);
  }

  private checkCodeFree(code: string, exceptId?: string): void {
    const taken = this.store.list('subGroups', { includeDeleted: true }).some((s) => s.id !== exceptId && s.code === code);
    if (taken) throw new AppError('subGroup.codeTaken', { code });
  }

  /**
   * Each convenor must be a live contact of their side. One kept from before is let through even
   * if since deleted, so an unrelated edit is not refused for it.
   */
  private checkConvenors(convenors: Convenors, before: Convenors | null): void {
    for (const side of ['HK', 'SZ'] as const satisfies Side[]) {
      const id = convenors[side];
      if (id === null || id === before?.[side]) continue;
      const contact = this.store.get('contacts', id);
      if (!contact || contact.deletedAt) throw new AppError('subGroup.convenorNotFound');
      if (contact.side !== side) throw new AppError('subGroup.convenorWrongSide', { name: contact.name });
    }
  }
}
