import { useEffect, useMemo, useState } from 'react';
import { indexRecords, type Indexed } from '../../shared/registers/query';
import { afterPaint } from '../ui/afterPaint';

/**
 * A register's search index (each record's texts folded across scripts). Folding needs the fold table,
 * built on first use, and a pass over every record, so it waits until the first rows have painted; a
 * query typed before then builds it at once. Without a query the list needs no keys.
 */
export function useSearchIndex<R>(records: R[] | null, searchTexts: (record: R) => string[], text: string): Array<Indexed<R>> {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let cancelled = false;
    void afterPaint().then(() => !cancelled && setPainted(true));
    return () => {
      cancelled = true;
    };
  }, []);
  const needed = painted || text.trim() !== '';
  return useMemo(
    () => (needed ? indexRecords(records ?? [], searchTexts) : (records ?? []).map((record) => ({ record, key: '' }))),
    // searchTexts is a module-level function of the register.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [records, needed],
  );
}
