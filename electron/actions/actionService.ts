import { nextActionReference } from '../../shared/model/actionReference';
import { checkReferences } from '../store/references';
import { randomUUID } from 'node:crypto';
import { localToday } from '../../shared/actions/dueDates';
import { summarize, type OverviewSummary } from '../../shared/actions/overview';
import { AppError } from '../../shared/ipc/errors';
import { toRow, type Action, type ActionFields, type ActionRow, type NewProgress } from '../../shared/model/action';
import { stampScript } from '../../shared/script/overrides';
import { searchKey } from '../../shared/script/search';
import { FoldedTextCache } from '../script/foldedText';
import type { Store } from '../store/store';

/** Follow-up actions (跟進事項) of every sub-group, with their progress logs. */
export class ActionService {
  private readonly folded = new FoldedTextCache();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  /**
   * One sub-group's actions, or all, most recently updated first; soft-deleted ones too, marked, so
   * they can be restored. A page of them when `limit` is given.
   */
  list(subGroupId: string | null, offset = 0, limit?: number): { rows: ActionRow[]; total: number } {
    const all = this.store
      .list('actions', { includeDeleted: true })
      .filter((a) => subGroupId === null || a.subGroupId === subGroupId)
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    const page = all.slice(offset, limit === undefined ? undefined : offset + limit);
    return { rows: page.map(toRow), total: all.length };
  }

  get(id: string): Action {
    const action = this.store.get('actions', id);
    if (!action) throw new AppError('record.notFound');
    return action;
  }

  /** `arising` links an action arising from a meeting's agenda item back to it. */
  async create(subGroupId: string, fields: ActionFields, arising?: { meetingId: string; agendaItemId: string }): Promise<Action> {
    const subGroup = this.store.get('subGroups', subGroupId);
    if (!subGroup || subGroup.deletedAt) throw new AppError('record.notFound');
    this.checkContacts(fields);
    const reference = this.nextReference(subGroup.code, subGroupId);
    return this.store.insert('actions', {
      ...this.normalized(fields),
      subGroupId,
      reference,
      status: 'notStarted',
      meetingId: arising?.meetingId ?? null,
      agendaItemId: arising?.agendaItemId ?? null,
      progress: [],
    });
  }

  /**
   * The next number in the sub-group's series for this year. Counted over every action ever made,
   * deleted ones included, so a number is never given twice.
   */
  private nextReference(code: string, subGroupId: string): string {
    const series = this.store.list('actions', { includeDeleted: true }).filter((a) => a.subGroupId === subGroupId);
    return nextActionReference(code, this.now().getFullYear(), series);
  }

  async update(id: string, revision: number, fields: ActionFields): Promise<Action> {
    const current = this.get(id);
    this.checkContacts(fields, [...current.officerIds, ...current.leads.map((lead) => lead.contactId)]);
    return this.store.update('actions', id, revision, (action) => this.normalized(fields, action.writtenIn));
  }

  /** Officers and leads must be people in the contacts. */
  private checkContacts(fields: ActionFields, alreadyHeld: string[] = []): void {
    checkReferences(
      this.store,
      'contacts',
      [
        ...fields.officerIds.map((id, i) => ({ field: `fields.officerIds.${i}`, id })),
        ...fields.leads.map((lead, i) => ({ field: `fields.leads.${i}.contactId`, id: lead.contactId })),
      ],
      alreadyHeld,
    );
  }

  /** Logs progress, and a change of status with it when one is given (closing, reopening). */
  async addProgress(input: NewProgress & { status: Action['status'] | null }): Promise<Action> {
    const current = this.get(input.id);
    const statusChange = input.status && input.status !== current.status ? { from: current.status, to: input.status } : null;
    if (!statusChange && !input.note.trim()) throw new AppError('action.emptyProgress');
    checkReferences(this.store, 'contacts', [{ field: 'byContactId', id: input.byContactId }]);
    const entry = { id: randomUUID(), at: this.now().toISOString(), byContactId: input.byContactId ?? null, note: input.note.trim(), statusChange };
    return this.store.update('actions', input.id, (action) => ({
      progress: [...action.progress, entry],
      status: statusChange?.to ?? action.status,
    }));
  }

  async delete(id: string): Promise<Action> {
    this.get(id);
    return this.store.softDelete('actions', id);
  }

  async restore(id: string): Promise<Action> {
    this.get(id);
    return this.store.restore('actions', id);
  }

  /**
   * Ids of the actions whose title, description, reference or any progress note contains the text,
   * in either script: 数据 finds 數據 and the other way round.
   */
  search(subGroupId: string | null, text: string): string[] {
    const needle = searchKey(text.trim());
    if (!needle) return [];
    const hits: string[] = [];
    for (const action of this.store.list('actions', { includeDeleted: true })) {
      if (subGroupId !== null && action.subGroupId !== subGroupId) continue;
      const haystack = this.folded.key(action, () =>
        [action.title, action.reference, ...(action.formerReferences ?? []), action.description, ...action.progress.map((p) => p.note)].join('\n'),
      );
      if (haystack.includes(needle)) hits.push(action.id);
    }
    return hits;
  }

  overview(): OverviewSummary {
    const subGroupIds = this.store
      .list('subGroups')
      .filter((s) => s.archivedAt === null)
      .map((s) => s.id);
    // An archived sub-group's actions are kept but no longer counted anywhere on the overview.
    const open = new Set(subGroupIds);
    const live = this.store
      .list('actions')
      .filter((a) => open.has(a.subGroupId))
      .map(toRow);
    return summarize(live, subGroupIds, localToday(this.now()));
  }

  private normalized(fields: ActionFields, writtenIn?: Action['writtenIn']) {
    const title = fields.title.trim();
    const description = fields.description.trim();
    return {
      title,
      description,
      writtenIn: stampScript([title, description], writtenIn),
      ownerSide: fields.ownerSide,
      leads: fields.leads,
      officerIds: [...new Set(fields.officerIds)],
      dueDate: fields.dueDate,
      priority: fields.priority,
      clauses: [...new Set(fields.clauses)],
    };
  }
}
