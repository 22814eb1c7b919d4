/**
 * Follow-up actions at ten years' size, in Chromium with the real backend: opening a sub-group tab
 * (list over the bridge, then the virtualised table on screen), filtering it by text, and how long
 * saving one edit blocks the main process.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { median, type BenchSuite } from '../bench';
import { generateLargeDataset } from '../generate/largeDataset';
import { startHarness } from '../../e2e/harness/harness';
import { appFrame, openTestBackend } from '../../support/testBackend';
import type { ActionRow } from '../../../shared/model/action';
import type { SubGroup } from '../../../shared/model/subGroup';

const RUNS = 5;

// The in-page timers are plain source text: tsx would otherwise wrap serialised functions in its own
// helpers, which do not exist in the page.

/** Clicks a tab and resolves with the milliseconds until its table shows rows. */
export const timeTabOpen = (tabName: string) => `new Promise((resolve) => {
  const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent === ${JSON.stringify(tabName)});
  const started = performance.now();
  tab.click();
  const check = () => {
    const pane = document.getElementById(tab.getAttribute('aria-controls'));
    if (pane && pane.querySelector('.ant-table-row')) resolve(performance.now() - started);
    else requestAnimationFrame(check);
  };
  check();
})`;

/** Types a query and presses Enter; resolves with the milliseconds until the list shows the result. */
export const timeTextFilter = (query: string, expectedRows: number) => `new Promise((resolve) => {
  const tab = document.querySelector('[role="tab"][aria-selected="true"]');
  const pane = document.getElementById(tab.getAttribute('aria-controls'));
  const input = pane.querySelector('input[type="search"]');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const started = performance.now();
  setValue.call(input, ${JSON.stringify(query)});
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true }));
  const check = () => {
    const count = [...pane.querySelectorAll('.ant-typography-secondary')].some((el) => el.textContent.includes(' ${expectedRows} '));
    if (count) resolve(performance.now() - started);
    else requestAnimationFrame(check);
  };
  check();
})`;

/** Resolves once the selected tab's list says it holds `count` rows. */
const shows = (count: number) => `new Promise((resolve) => {
  const check = () => {
    const tab = document.querySelector('[role="tab"][aria-selected="true"]');
    const pane = tab && document.getElementById(tab.getAttribute('aria-controls'));
    if (pane && [...pane.querySelectorAll('.ant-typography-secondary')].some((el) => el.textContent.includes(' ${count} '))) resolve(true);
    else requestAnimationFrame(check);
  };
  check();
})`;

const suite: BenchSuite = async (report) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hetao-bench-actions-'));
  try {
    await generateLargeDataset(dataDir);

    // Which sub-group is largest, and a query that matches a known number of its actions.
    const probe = await openTestBackend({ dataDir });
    const groups = (await probe.backend.dispatch('subGroups.list', undefined, appFrame)) as { ok: true; value: SubGroup[] };
    let largest = { group: groups.value[0]!, rows: [] as ActionRow[] };
    for (const group of groups.value) {
      const { rows } = ((await probe.backend.dispatch('actions.list', { subGroupId: group.id }, appFrame)) as { ok: true; value: { rows: ActionRow[] } }).value;
      if (rows.length > largest.rows.length) largest = { group, rows };
    }
    const query = largest.rows[0]!.title.slice(0, 4);
    const hits = ((await probe.backend.dispatch('actions.search', { subGroupId: largest.group.id, text: query }, appFrame)) as { ok: true; value: string[] }).value;
    const expected = largest.rows.filter((r) => r.deletedAt === null && hits.includes(r.id)).length;
    const liveRows = largest.rows.filter((r) => r.deletedAt === null).length;

    // One edit: from the call until the event loop is free again.
    const blocks: number[] = [];
    for (let i = 0; i < 40; i++) {
      const id = largest.rows[i]!.id;
      const started = performance.now();
      const saved = probe.backend.dispatch('actions.addProgress', { id, note: `基準測試進展 ${i}`, status: null, byContactId: null }, appFrame);
      await new Promise((resolve) => setImmediate(resolve));
      blocks.push(performance.now() - started);
      await saved;
    }
    await probe.backend.close();

    const harness = await startHarness({ dataDir });
    await harness.page.getByRole('tab').first().waitFor();
    const tabName = (await harness.page.getByRole('tab').allInnerTexts()).find((t) => largest.group.name.hant.includes(t.trim()))!.trim();
    const opens: number[] = [];
    const filters: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await harness.page.reload();
      await harness.page.getByRole('tab').first().waitFor();
      // A person clicks a tab a moment after the window appears, not in the same frame.
      await harness.page.waitForTimeout(1000);
      opens.push(await harness.page.evaluate<number>(timeTabOpen(tabName)));
      // The filter is timed on the whole list, once it has arrived, as a person types into a list they are reading.
      await harness.page.evaluate(shows(liveRows));
      filters.push(await harness.page.evaluate<number>(timeTextFilter(query, expected)));
    }
    await harness.close();
    report('actions.rowsInTab', largest.rows.length);
    report('actions.tabOpen.ms', median(opens));
    report('actions.filter.ms', median(filters));
    report('actions.saveBlock.ms', median(blocks));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
};

export default suite;
