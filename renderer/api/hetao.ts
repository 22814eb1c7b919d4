import type { HetaoApi } from '../../shared/ipc/contract';
import type { AppErrorValue, Result } from '../../shared/ipc/errors';

declare global {
  interface Window {
    /** Set by the preload (or the test harness): the only way the UI reaches the main process. */
    hetao: HetaoApi;
  }
}

export function api(): HetaoApi {
  return window.hetao;
}

/** A failure reported by the main process, carried to the UI so it can be shown in the user's script. */
export class BridgeError extends Error {
  constructor(readonly value: AppErrorValue) {
    super(value.code);
    this.name = 'BridgeError';
  }
}

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new BridgeError(result.error);
  return result.value;
}
