import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeResources } from '../../shared/i18n/resources';
import type { Language } from '../../shared/model/language';
import { addOfficerOnEachSide } from './harness/seed';
import { useHarness } from './harness/useHarness';
import { WorkbenchPage } from './pages/workbenchPage';

const look = path.resolve('test-results/look/audit');
const openHarness = useHarness();

describe.each([
  { language: 'zh-Hant' as Language, locale: 'zh-HK' },
  { language: 'zh-Hans' as Language, locale: 'zh-CN' },
])('the audit trail in $language', ({ language, locale }) => {
  it('lists what was done, newest first, filters by kind, opens the record and verifies the log', async () => {
    const text = localeResources[language];
    await mkdir(look, { recursive: true });
    const harness = await openHarness({ dataDir: await mkdtemp(path.join(tmpdir(), 'hetao-e2e-audit-')), systemLocale: locale });
    const app = new WorkbenchPage(harness.page);
    await app.waitForTab(text.tabs.overview);
    await addOfficerOnEachSide(harness.api);

    const page = harness.page;
    await page.getByRole('button', { name: text.audit.title }).click();
    const drawer = page.getByRole('dialog');
    const created = drawer.getByRole('row').filter({ hasText: text.audit.kinds['record.created'] });
    await expect.poll(() => created.count()).toBe(2);

    await drawer.getByRole('button', { name: text.audit.verify }).click();
    // Opening the app wrote its settings record too, so only the wording's start is fixed.
    await drawer.getByText(text.audit.result.ok.split('{{')[0]!).waitFor();
    await page.screenshot({ path: path.join(look, `audit-${language}.png`) });

    // Nothing was deleted yet: that kind alone lists nothing; chosen again, it is cleared.
    const kind = drawer.getByLabel(text.audit.filter.kind);
    const deleted = text.audit.kinds['record.deleted'];
    await kind.click();
    await kind.pressSequentially(deleted);
    await page.locator(`.ant-select-item-option-active[title="${deleted}"]`).waitFor();
    await kind.press('Enter');
    await drawer.getByText(text.audit.empty).last().waitFor();
    await kind.pressSequentially(deleted);
    await page.locator(`.ant-select-item-option-active[title="${deleted}"]`).waitFor();
    await kind.press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => created.count()).toBe(2);

    await created.first().getByRole('button', { name: text.audit.open }).click();
    await app.tab(text.tabs.contacts).and(page.locator('[aria-selected="true"]')).waitFor();
  });
});
