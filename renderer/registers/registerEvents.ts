import { useEffect, useRef } from 'react';
import type { RegisterKind } from '../../shared/registers/kinds';

// Registers show each other's records (a unit's tenant, a tenant's units), and one register may be
// attached to two sub-groups: a change made in one place tells the others, never the one that made it.
type Listener = (kind: RegisterKind, source: object | null) => void;
const listeners = new Set<Listener>();

export function notifyRegisterChanged(kind: RegisterKind, source: object | null = null): void {
  for (const listener of listeners) listener(kind, source);
}

/** Calls `onChange` whenever a record of `kind` is saved, deleted, restored or imported elsewhere in the window. */
export function useRegisterChanged(kind: RegisterKind, onChange: () => void, self: object | null = null): void {
  const latest = useRef(onChange);
  useEffect(() => {
    latest.current = onChange;
  });
  useEffect(() => {
    const listener: Listener = (changed, source) => {
      if (changed === kind && (source === null || source !== self)) latest.current();
    };
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, [kind, self]);
}
