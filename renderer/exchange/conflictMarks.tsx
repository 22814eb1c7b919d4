import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Conflict, MarkedRecord } from '../../shared/exchange/types';
import { api, unwrap } from '../api/hetao';

export interface ConflictMarks {
  /** Conflict cards waiting for a person: the header's count. */
  count: number;
  /** How many records have a conflict to settle. */
  markedRecords: number;
  /** Whether a record (by id; ids are unique across collections) has a conflict to settle. */
  isMarked(recordId: string): boolean;
  /** How many of these records have a conflict to settle: asked before an export or a pack. */
  countMarked(recordIds: Iterable<string>): number;
  /** The marked records of one collection. */
  markedIn(collection: string): string[];
  /** Reads the marks again, after a package was opened or a conflict settled. */
  refresh(): Promise<void>;
  /** Brings the conflict cards on screen (the Exchange place, its conflicts section). */
  openConflicts(): void;
}

const noMarks: ConflictMarks = {
  count: 0,
  markedRecords: 0,
  isMarked: () => false,
  countMarked: () => 0,
  markedIn: () => [],
  refresh: async () => undefined,
  openConflicts: () => undefined,
};

const readMarks = () => Promise.all([unwrap(api().exchange.marked()), unwrap(api().exchange.conflicts())]);

const ConflictMarksContext = createContext<ConflictMarks>(noMarks);

/**
 * The records in conflict, read once for the whole window so every list, drawer and export button
 * asks the same set instead of calling main per row.
 */
export function ConflictMarksProvider({ onOpenConflicts, children }: { onOpenConflicts: () => void; children: ReactNode }) {
  const [marked, setMarked] = useState<Map<string, string>>(new Map());
  const [count, setCount] = useState(0);

  const apply = useCallback(([records, conflicts]: [MarkedRecord[], Conflict[]]) => {
    setMarked(new Map(records.map((r) => [r.recordId, r.collection])));
    setCount(conflicts.length);
  }, []);
  const refresh = useCallback(async () => apply(await readMarks()), [apply]);

  // Marks only change when a package is opened or a conflict settled, both of which refresh them; a
  // failure to read them leaves the lists unmarked rather than stopping the window.
  useEffect(() => {
    readMarks().then(apply, () => undefined);
  }, [apply]);

  const value = useMemo<ConflictMarks>(
    () => ({
      count,
      markedRecords: marked.size,
      isMarked: (recordId) => marked.has(recordId),
      countMarked: (recordIds) => {
        let n = 0;
        for (const id of recordIds) if (marked.has(id)) n += 1;
        return n;
      },
      markedIn: (collection) => [...marked].filter(([, c]) => c === collection).map(([id]) => id),
      refresh,
      openConflicts: onOpenConflicts,
    }),
    [count, marked, refresh, onOpenConflicts],
  );
  return <ConflictMarksContext.Provider value={value}>{children}</ConflictMarksContext.Provider>;
}

export function useConflictMarks(): ConflictMarks {
  return useContext(ConflictMarksContext);
}
