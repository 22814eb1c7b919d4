import type { HetaoApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    /** Set by the preload (or the test harness): the only way the UI reaches the main process. */
    hetao: HetaoApi;
  }
}

export function api(): HetaoApi {
  return window.hetao;
}

// The renderer reaches results through here; the unwrapping itself is shared with tests that call the backend directly.
export { BridgeError, unwrap } from '../../shared/ipc/errors';
