import { clauseIds, servesNode } from '../../shared/arrangement/clauses';
import { actionWork, citesNode, type ClauseCounts, type ClauseDetail, type WorkItem } from '../../shared/arrangement/work';
import { AppError } from '../../shared/ipc/errors';
import type { ClauseNote, ClauseNoteFields } from '../../shared/model/clauseNote';
import { stampScript } from '../../shared/script/overrides';
import type { Store } from '../store/store';

/** Work kept outside the actions (registers, meetings), listed as clause-citing items. */
export type WorkSource = () => WorkItem[];

/**
 * The arrangement clause by clause: everything that serves a clause, and each clause's own
 * progress log (dated notes). Other registers join through `otherWork` as they keep clause ids.
 */
export class ArrangementService {
  constructor(
    private readonly store: Store,
    private readonly otherWork: WorkSource[] = [],
  ) {}

  /** Every live item that cites some clause: actions, then whatever the other sources list. */
  work(): WorkItem[] {
    const items = this.store.list('actions').filter((a) => a.clauses.length > 0).map(actionWork);
    for (const source of this.otherWork) items.push(...source());
    return items;
  }

  detail(nodeId: string): ClauseDetail {
    return {
      nodeId,
      items: this.work().filter((item) => citesNode(item.clauses, nodeId)),
      notes: this.store
        .list('clauseNotes')
        .filter((n) => servesNode(n.clauseId, nodeId))
        .sort((a, b) => (a.on === b.on ? b.createdAt.localeCompare(a.createdAt) : b.on.localeCompare(a.on))),
      annexes: this.store
        .list('annexes')
        .filter((a) => citesNode(a.clauses.map((c) => c.clauseId), nodeId))
        .sort((a, b) => a.kind.localeCompare(b.kind) || a.number - b.number),
    };
  }

  counts(): ClauseCounts {
    const counts: ClauseCounts = Object.fromEntries(clauseIds.map((id) => [id, { items: 0, notes: 0, annexes: 0 }]));
    const bump = (ids: Iterable<string>, key: 'items' | 'notes' | 'annexes') => {
      for (const id of new Set(ids)) if (counts[id]) counts[id][key]++;
    };
    for (const item of this.work()) bump(item.clauses, 'items');
    for (const note of this.store.list('clauseNotes')) bump([note.clauseId], 'notes');
    for (const annex of this.store.list('annexes')) bump(annex.clauses.map((c) => c.clauseId), 'annexes');
    return counts;
  }

  addNote(fields: ClauseNoteFields): Promise<ClauseNote> {
    return this.store.insert('clauseNotes', this.normalized(fields));
  }

  async updateNote(id: string, revision: number, fields: ClauseNoteFields): Promise<ClauseNote> {
    const current = this.note(id);
    return this.store.update('clauseNotes', id, revision, () => this.normalized(fields, current.writtenIn));
  }

  async deleteNote(id: string): Promise<ClauseNote> {
    this.note(id);
    return this.store.softDelete('clauseNotes', id);
  }

  async restoreNote(id: string): Promise<ClauseNote> {
    this.note(id);
    return this.store.restore('clauseNotes', id);
  }

  private note(id: string): ClauseNote {
    const note = this.store.get('clauseNotes', id);
    if (!note) throw new AppError('record.notFound');
    return note;
  }

  private normalized(fields: ClauseNoteFields, previous?: ClauseNote['writtenIn']) {
    const note = fields.note.trim();
    return { clauseId: fields.clauseId, on: fields.on, note, byContactId: fields.byContactId, writtenIn: stampScript([note], previous) };
  }
}
