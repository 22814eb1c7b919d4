import type { Locator } from 'playwright-core';
import { ScriptedPage } from './scriptedPage';

/** The header's search box and its list of hits, labelled in whichever script is on screen. */
export class SearchPage extends ScriptedPage {
  get box(): Locator {
    return this.page.getByRole('combobox', { name: this.text.search.label });
  }

  /** The panel under the box: a listbox of hits, or what the search found when there are none. */
  get results(): Locator {
    return this.page.getByLabel(this.text.search.results, { exact: true });
  }

  /** The hits of one kind, under their heading, e.g. 跟進事項（2）. */
  group(kind: 'action' | 'contact' | 'subGroup', count: number): Locator {
    const name = this.text.search.groupHeading.replace('{{group}}', this.text.search.groups[kind]).replace('{{count}}', String(count));
    return this.results.getByRole('group', { name, exact: true });
  }

  /** Focuses the box with Ctrl+K, as from anywhere in the window, and types the query. */
  async search(query: string): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await this.box.fill(query);
    await this.results.waitFor({ state: 'visible' });
  }

  activeOption(): Locator {
    return this.results.locator('[role="option"][aria-selected="true"]');
  }
}
