import type { RegisterKind } from '../../shared/registers/kinds';
import { unwrap } from '../api/hetao';
import { useBridgeQuery } from '../api/useBridgeQuery';
import { afterPaint } from '../ui/afterPaint';
import type { RegisterApi } from './registerApi';
import { useRegisterChanged } from './registerEvents';

/**
 * Another register's records, read-only, kept fresh as they change (e.g. the units a tenant form
 * offers): read once `ready` (the panel's own records are listed) and its own rows have painted.
 */
export function useLinkedRecords<R>(kind: RegisterKind, registerApi: () => RegisterApi<R, unknown>, ready = true): R[] {
  const { data, refetch, setData } = useBridgeQuery(
    async () => {
      // Read once the register on screen has painted its own rows: this list only annotates them.
      await afterPaint();
      return unwrap(registerApi().list());
    },
    kind,
    { skip: !ready, onError: () => setData([]) },
  );
  useRegisterChanged(kind, () => void refetch());
  return data ?? [];
}
