import type { RegisterKind } from '../../shared/registers/kinds';
import { prefetch, takePrefetched } from '../api/prefetch';
import { unwrap } from '../api/hetao';
import type { RegisterApi } from './registerApi';

/** How many of a register's most recently updated records paint before the whole register arrives. */
export const FIRST_PAGE = 100;

const keyOf = (kind: RegisterKind) => `register.firstPage:${kind}`;

/**
 * Asks for a register's first page as soon as its section tab shows in a sub-group, so clicking the
 * section paints rows without waiting a round trip to main. A small read (100 rows).
 */
export function prefetchFirstPage(kind: RegisterKind, registerApi: () => RegisterApi<unknown, unknown>): void {
  prefetch(keyOf(kind), () => unwrap(registerApi().list({ offset: 0, limit: FIRST_PAGE })));
}

/** The prefetched first page (the register then loads the whole list). */
export function takeFirstPage<R>(kind: RegisterKind): Promise<R[]> | null {
  return takePrefetched<R[]>(keyOf(kind));
}
