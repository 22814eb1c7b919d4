import type { RegisterKind } from '../../shared/registers/kinds';
import { unwrap } from '../api/hetao';
import type { RegisterApi } from './registerApi';

/** How many of a register's most recently updated records paint before the whole register arrives. */
export const FIRST_PAGE = 100;

const pending = new Map<RegisterKind, Promise<unknown[]>>();

/**
 * Asks for a register's first page as soon as its section tab shows in a sub-group, so clicking the
 * section paints rows without waiting a round trip to main. A small read (100 rows).
 */
export function prefetchFirstPage(kind: RegisterKind, registerApi: () => RegisterApi<unknown, unknown>): void {
  if (pending.has(kind)) return;
  const page = unwrap(registerApi().list({ offset: 0, limit: FIRST_PAGE }));
  // A failed prefetch costs nothing: the register asks again and reports the error itself.
  page.catch(() => pending.delete(kind));
  pending.set(kind, page);
}

/** The prefetched first page, given out once (the register then loads the whole list, so a stale page lasts one paint). */
export function takeFirstPage<R>(kind: RegisterKind): Promise<R[]> | null {
  const page = pending.get(kind) ?? null;
  pending.delete(kind);
  return page as Promise<R[]> | null;
}
