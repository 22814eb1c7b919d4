import { seedId } from '../seed/seedIds';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/ipc/errors';
import type { Glossary } from '../../shared/script/glossary';
import { byGlossaryOrder, glossaryOf, GlossaryTermFields, type GlossaryTermRecord } from '../../shared/script/glossaryRecord';
import { seedGlossary } from '../../shared/script/seedGlossary';
import type { Store } from '../store/store';

/**
 * The glossary (術語表) of terms the two sides word differently, kept in the store so every laptop
 * applies the same terms, in main (exports) and in the renderer (display) alike.
 */
export class GlossaryService {
  // One array per glossary state: the converter compiles a glossary once per array.
  private current: Glossary | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly store: Store) {}

  /** Puts the seed terms into a data folder that has never had a glossary (new, or from before it existed). */
  async seedIfNeverSeeded(): Promise<void> {
    if (this.store.list('glossaryTerms', { includeDeleted: true }).length > 0) return;
    await Promise.all(
      seedGlossary.map(({ id, hant, hans, en, note }, sortOrder) =>
        this.store.insert('glossaryTerms', { key: id, sortOrder, hant, hans, en, note }, seedId('glossaryTerms', id)),
      ),
    );
    this.changed();
  }

  /** In the order terms apply; deleted ones only when asked, so they can be restored. */
  list(options: { includeDeleted?: boolean } = {}): GlossaryTermRecord[] {
    return this.store.list('glossaryTerms', options).sort(byGlossaryOrder);
  }

  /** The live glossary; the same array until a term changes. */
  glossary(): Glossary {
    return (this.current ??= glossaryOf(this.store.list('glossaryTerms')));
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async create(fields: GlossaryTermFields): Promise<GlossaryTermRecord> {
    const term = GlossaryTermFields.parse(fields);
    this.checkUnique(term);
    const sortOrder = Math.max(-1, ...this.store.list('glossaryTerms', { includeDeleted: true }).map((t) => t.sortOrder)) + 1;
    const id = randomUUID();
    const created = await this.store.insert('glossaryTerms', { key: id, sortOrder, ...term }, id);
    this.changed();
    return created;
  }

  async update(id: string, revision: number, fields: GlossaryTermFields): Promise<GlossaryTermRecord> {
    this.get(id);
    const term = GlossaryTermFields.parse(fields);
    this.checkUnique(term, id);
    const updated = await this.store.update('glossaryTerms', id, revision, () => term);
    this.changed();
    return updated;
  }

  async delete(id: string): Promise<GlossaryTermRecord> {
    this.get(id);
    const deleted = await this.store.softDelete('glossaryTerms', id);
    this.changed();
    return deleted;
  }

  async restore(id: string): Promise<GlossaryTermRecord> {
    this.checkUnique(this.get(id), id);
    const restored = await this.store.restore('glossaryTerms', id);
    this.changed();
    return restored;
  }

  private get(id: string): GlossaryTermRecord {
    const term = this.store.get('glossaryTerms', id);
    if (!term) throw new AppError('record.notFound');
    return term;
  }

  /** Two live terms for the same wording would make which one applies depend on their order: refuse it. */
  private checkUnique(term: { hant: string; hans: string }, exceptId?: string): void {
    for (const other of this.store.list('glossaryTerms')) {
      if (other.id === exceptId) continue;
      if (other.hant === term.hant || other.hans === term.hans) {
        throw new AppError('glossary.duplicate', { term: other.hant === term.hant ? other.hant : other.hans });
      }
    }
  }

  private changed(): void {
    this.current = null;
    for (const listener of this.listeners) listener();
  }
}

