import { useCallback, useEffect, useState } from 'react';
import type { RegisterKind } from '../../shared/registers/kinds';
import { unwrap } from '../api/hetao';
import type { RegisterApi } from './registerApi';
import { useRegisterChanged } from './registerEvents';

/** Another register's records, read-only, kept fresh as they change (e.g. the units a tenant form offers). */
export function useRegisterRecords<R>(kind: RegisterKind, registerApi: () => RegisterApi<R, unknown>): R[] {
  const [records, setRecords] = useState<R[]>([]);
  const load = useCallback(() => {
    unwrap(registerApi().list()).then(setRecords, () => setRecords([]));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(load, [load]);
  useRegisterChanged(kind, load);
  return records;
}
