import { AppError } from '../../shared/ipc/errors';
import type { CollectionName, RecordOf } from '../../shared/model/dataset';
import type { RegisterDefinition } from '../../shared/registers/definition';
import type { RegisterKind } from '../../shared/registers/kinds';
import type { Fields, Store } from '../store/store';

/** A register that has its collection in the store. */
export type StoredRegister = RegisterKind & CollectionName;

/**
 * A register's rules that look at other records (e.g. a unit is let to one tenant at a time).
 * `snapshot` reads what the rule needs once; `admit` throws an AppError if the fields break the rule,
 * else counts them in, so an import of thousands checks each row against the rows before it cheaply.
 */
export interface RegisterRules<F, S = unknown> {
  snapshot(): S;
  admit(state: S, fields: F, id: string | null): void;
}

/**
 * One register's records: create, edit (refused when stale), soft delete, restore. A record whose
 * natural key another live record has is refused as a duplicate: by hand, on import and on restore.
 */
export class RegisterService<K extends StoredRegister, F> {
  constructor(
    private readonly store: Store,
    readonly definition: RegisterDefinition<RecordOf<K>, F, never>,
    private readonly rules: RegisterRules<F, unknown> | null = null,
  ) {}

  get kind(): K {
    return this.definition.kind as K;
  }

  /** Every record, soft-deleted ones too (the list marks them and offers Restore). */
  list(): Array<RecordOf<K>> {
    return this.store.list(this.kind, { includeDeleted: true });
  }

  live(): Array<RecordOf<K>> {
    return this.store.list(this.kind);
  }

  get(id: string): RecordOf<K> {
    const record = this.store.get(this.kind, id);
    if (!record) throw new AppError('record.notFound');
    return record;
  }

  /** Natural key → label of every live record but `exceptId`. */
  liveKeys(exceptId: string | null = null): Map<string, string> {
    const keys = new Map<string, string>();
    for (const record of this.live()) {
      if (record.id === exceptId) continue;
      const fields = this.definition.toFields(record);
      keys.set(this.definition.naturalKey(fields), this.definition.label(fields));
    }
    return keys;
  }

  async create(fields: F): Promise<RecordOf<K>> {
    this.admit(fields, null);
    return this.store.insert(this.kind, fields as unknown as Fields<K>);
  }

  /** Adds checked rows of an import; a row that became a duplicate or breaks a rule since the preview is skipped. */
  async createMany(list: F[]): Promise<{ created: number; skipped: number }> {
    const keys = this.liveKeys();
    const state = this.rules?.snapshot();
    const admitted: F[] = [];
    for (const fields of list) {
      const key = this.definition.naturalKey(fields);
      if (keys.has(key)) continue;
      try {
        this.rules?.admit(state, fields, null);
      } catch (error) {
        if (error instanceof AppError) continue;
        throw error;
      }
      keys.set(key, this.definition.label(fields));
      admitted.push(fields);
    }
    await Promise.all(admitted.map((fields) => this.store.insert(this.kind, fields as unknown as Fields<K>)));
    return { created: admitted.length, skipped: list.length - admitted.length };
  }

  async update(id: string, revision: number, fields: F): Promise<RecordOf<K>> {
    this.get(id);
    this.admit(fields, id);
    return this.store.update(this.kind, id, revision, () => fields as unknown as Partial<Fields<K>>);
  }

  async delete(id: string): Promise<RecordOf<K>> {
    this.get(id);
    return this.store.softDelete(this.kind, id);
  }

  /** Brings a record back unless another now holds its key or its rule (e.g. its unit was let since). */
  async restore(id: string): Promise<RecordOf<K>> {
    const record = this.get(id);
    if (record.deletedAt === null) return record;
    this.admit(this.definition.toFields(record), id);
    return this.store.restore(this.kind, id);
  }

  private admit(fields: F, id: string | null): void {
    const duplicate = this.liveKeys(id).get(this.definition.naturalKey(fields));
    if (duplicate !== undefined) throw new AppError('registers.duplicate', { label: duplicate });
    if (this.rules) this.rules.admit(this.rules.snapshot(), fields, id);
  }
}
