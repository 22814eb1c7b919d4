import type { ActionRow } from '../../shared/model/action';
import { api, unwrap } from '../api/hetao';

export interface ActionPage {
  rows: ActionRow[];
  total: number;
}

/** How many of the most recently updated actions a sub-group tab paints before the rest arrive. */
export const FIRST_PAGE = 200;

const fetched = new Map<string, ActionPage>();

/**
 * Reads each sub-group's first page while the user is still on another tab, once the window is idle,
 * so opening a sub-group tab paints its rows at once instead of after a round trip to main.
 */
export function prefetchFirstPages(subGroupIds: string[]): void {
  const whenIdle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
  whenIdle(() => {
    for (const subGroupId of subGroupIds) {
      if (fetched.has(subGroupId)) continue;
      unwrap(api().actions.list({ subGroupId, limit: FIRST_PAGE })).then(
        (page) => fetched.set(subGroupId, page),
        // A failed prefetch costs nothing: the tab loads its rows itself and reports the error.
        () => undefined,
      );
    }
  });
}

/** The prefetched first page, given out once: the tab still reloads, so a stale page lasts one paint. */
export function takeFirstPage(subGroupId: string): ActionPage | null {
  const page = fetched.get(subGroupId) ?? null;
  fetched.delete(subGroupId);
  return page;
}
