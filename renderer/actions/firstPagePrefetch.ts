import type { ActionRow } from '../../shared/model/action';
import { prefetch, takeArrived } from '../api/prefetch';
import { api, unwrap } from '../api/hetao';

export interface ActionPage {
  rows: ActionRow[];
  total: number;
}

/** How many of the most recently updated actions a sub-group tab paints before the rest arrive. */
export const FIRST_PAGE = 200;

const keyOf = (subGroupId: string) => `actions.firstPage:${subGroupId}`;

/**
 * Reads each sub-group's first page while the user is still on another tab, once the window is idle,
 * so opening a sub-group tab paints its rows at once instead of after a round trip to main.
 */
export function prefetchFirstPages(subGroupIds: string[]): void {
  const whenIdle = window.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 200));
  whenIdle(() => {
    for (const subGroupId of subGroupIds) prefetch(keyOf(subGroupId), () => unwrap(api().actions.list({ subGroupId, limit: FIRST_PAGE })));
  });
}

/** The first page if it has arrived: the tab paints it at once, then reads the whole list. */
export function takeFirstPage(subGroupId: string): ActionPage | null {
  return takeArrived<ActionPage>(keyOf(subGroupId));
}
