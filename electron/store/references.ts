import { AppError } from '../../shared/ipc/errors';
import type { CollectionName } from '../../shared/model/dataset';
import type { Store } from './store';

/** One id an argument names, and where (the path the form knows the field by). */
export interface Reference {
  field: string;
  id: string | null | undefined;
}

/**
 * Refuses ids that name no live record of the collection, field named. Ids the record already held
 * are let through, so a contact deleted later does not block editing an older action or meeting.
 */
export function checkReferences(store: Store, collection: CollectionName, references: Reference[], alreadyHeld: Iterable<string> = []): void {
  const held = new Set(alreadyHeld);
  for (const { field, id } of references) {
    if (!id || held.has(id)) continue;
    const record = store.get(collection, id);
    if (!record || record.deletedAt) throw new AppError('record.unknownReference', { field });
  }
}
