import { useCallback, useEffect, useState } from 'react';
import type { RegisterKind } from '../../shared/registers/kinds';
import { unwrap } from '../api/hetao';
import { afterPaint } from '../ui/afterPaint';
import type { RegisterApi } from './registerApi';
import { useRegisterChanged } from './registerEvents';

/** Another register's records, read-only, kept fresh as they change (e.g. the units a tenant form offers). */
export function useRegisterRecords<R>(kind: RegisterKind, registerApi: () => RegisterApi<R, unknown>): R[] {
  const [records, setRecords] = useState<R[]>([]);
  const load = useCallback(() => {
    unwrap(registerApi().list()).then(setRecords, () => setRecords([]));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // Read once the register on screen has painted its own rows: this list only annotates them.
  useEffect(() => {
    let cancelled = false;
    void afterPaint().then(() => !cancelled && load());
    return () => {
      cancelled = true;
    };
  }, [load]);
  useRegisterChanged(kind, load);
  return records;
}
