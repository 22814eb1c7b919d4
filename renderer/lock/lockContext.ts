import { createContext, useContext } from 'react';
import type { LockStatus } from '../../shared/lock/contract';

export interface LockControls {
  status: LockStatus;
  /** Takes the status the backend returned after a change (turned on, idle minutes changed). */
  setStatus(status: LockStatus): void;
  /** Writes what is pending and shows the lock screen; asks first if the disk refuses the writes. */
  lockNow(): Promise<void>;
}

export const LockContext = createContext<LockControls | null>(null);

/** Null where the app runs without the lock gate (component tests of single views). */
export function useLock(): LockControls | null {
  return useContext(LockContext);
}
