import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeResources } from '../../shared/i18n/resources';
import { useHarness } from './harness/useHarness';
import { lookFolder } from '../support/lookFolder';
import { ConversionReviewPage } from './pages/conversionReviewPage';
import { WorkbenchPage } from './pages/workbenchPage';
import { unwrap } from '../../shared/ipc/errors';

const screenshots = path.resolve('test-results/screenshots');
const openHarness = useHarness();

const hant = localeResources['zh-Hant'];
const hans = localeResources['zh-Hans'];

// One action typed on each side, and a progress note typed in Simplified on the Hong Kong one.
const typedInHans = '研究深圳园区数据中心选址，并于2026年以后发布';
const typedInHant = '檢討港深聯合資助項目庫的申請安排';

describe("content in the reader's script, in Chromium", () => {
  it('shows the same sub-group tab converted in 繁體 and 简体, finds records across scripts, and keeps a correction until its source changes', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-script-'));
    await mkdir(screenshots, { recursive: true });
    const mine = await lookFolder('script');
    const harness = await openHarness({ dataDir, systemLocale: 'zh-HK' });
    const app = new WorkbenchPage(harness.page);
    await app.waitForTab(hant.tabs.overview);

    const api = harness.api;
    const [subGroup] = await unwrap(api.subGroups.list());
    const fields = (title: string) => ({ title, description: '', ownerSide: 'HK' as const, leads: [], officerIds: [], dueDate: null, priority: 'normal' as const, clauses: [] });
    const sz = await unwrap(api.actions.create({ subGroupId: subGroup!.id, fields: fields(typedInHans) }));
    const hk = await unwrap(api.actions.create({ subGroupId: subGroup!.id, fields: fields(typedInHant) }));
    await unwrap(api.actions.addProgress({ id: hk.id, note: '深圳方面已提交数据', status: null, byContactId: null }));
    const ids = { sz: sz.id, szRef: sz.reference };
    const tabHant = '香港科學園落戶深圳';
    const tabHans = '香港科学园落户深圳';
    await app.tab(tabHant).click();
    const page = harness.page;

    // 繁體: the Simplified action reads in Hong Kong Traditional, the glossary's 深圳園區 included.
    await page.getByText('研究深圳園區數據中心選址，並於2026年以後發佈', { exact: true }).waitFor();
    await page.getByText(typedInHant, { exact: true }).waitFor();
    await page.getByText('深圳方面已提交數據', { exact: true }).waitFor();
    await app.screenshot(path.join(screenshots, 'script-subgroup-zh-Hant.png'));
    await app.screenshot(path.join(mine, 'subgroup-zh-Hant.png'));

    // 简体: the same tab, now the Traditional action reads in Simplified.
    await app.chooseLanguage('简体');
    await app.tab(tabHans).waitFor();
    await page.getByText('检讨港深联合资助项目库的申请安排', { exact: true }).waitFor();
    await page.getByText(typedInHans, { exact: true }).waitFor();
    await page.getByText('深圳方面已提交数据', { exact: true }).waitFor();
    await app.screenshot(path.join(screenshots, 'script-subgroup-zh-Hans.png'));
    await app.screenshot(path.join(mine, 'subgroup-zh-Hans.png'));

    // A Traditional query finds both actions, typed in either script; the match is marked as displayed.
    const search = page.getByRole('searchbox', { name: hans.actions.filterText });
    await search.fill('數據');
    await page.getByText(hans.actions.count.replace('{{count}}', '2')).waitFor();
    await search.fill('申請');
    await page.getByText(hans.actions.count.replace('{{count}}', '1')).waitFor();
    expect(await page.locator('.ant-table-row mark').allInnerTexts()).toEqual(['申请']);
    await app.screenshot(path.join(mine, 'search-zh-Hans.png'));
    await search.fill('');

    // 繁體 again: correct the Simplified action's Traditional title by hand, in the review dialog.
    await app.chooseLanguage('繁體');
    await app.tab(tabHant).waitFor();
    await page.locator('.ant-table-row', { hasText: ids.szRef }).getByRole('button', { name: ids.szRef }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByText(hant.script.writtenIn.replace('{{script}}', hant.script.name.hans)).waitFor();
    await drawer.getByRole('button', { name: hant.script.review.open }).click();
    const review = new ConversionReviewPage(page, 'zh-Hant');
    const title = review.field('title');
    await title.locator('[data-kind="ambiguous"]', { hasText: '后→後' }).waitFor();
    await title.locator('[data-kind="glossary"]', { hasText: '深圳园区→深圳園區' }).waitFor();
    await app.screenshot(path.join(mine, 'review-zh-Hant.png'));
    await review.correct('title', hant.script.review.field.title, '研究深圳園區數據中心的選址，並於2026年後公佈');
    await review.close();
    await drawer.getByText('研究深圳園區數據中心的選址，並於2026年後公佈').waitFor();

    // The correction is kept with the record: it is what the list shows after a restart.
    await harness.restart();
    await app.tab(tabHant).click();
    await page.getByText('研究深圳園區數據中心的選址，並於2026年後公佈', { exact: true }).waitFor();

    // Once the source text changes, the conversion is shown again and the old correction is flagged.
    const current = await unwrap(api.actions.get({ id: ids.sz }));
    const { title: _title, ...rest } = current;
    await unwrap(api.actions.update({ id: ids.sz, revision: current.revision, fields: { ...rest, title: '研究深圳园区算力中心选址' } }));
    await harness.restart();
    await app.tab(tabHant).click();
    const row = page.locator('.ant-table-row', { hasText: ids.szRef });
    await row.getByText('研究深圳園區算力中心選址', { exact: true }).waitFor();
    await row.getByLabel(hant.script.stale).waitFor();
    await app.screenshot(path.join(mine, 'stale-zh-Hant.png'));
  });

  it("writes quotation marks the reader's way in names and content, lists them in the review, and keeps them as typed once Settings says so", async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-quotes-'));
    const mine = await lookFolder('script');
    const harness = await openHarness({ dataDir, systemLocale: 'zh-HK' });
    const app = new WorkbenchPage(harness.page);
    const page = harness.page;
    await app.waitForTab(hant.tabs.overview);
    const [subGroup] = await unwrap(harness.api.subGroups.list());
    const fields = (title: string) => ({ title, description: '', ownerSide: 'HK' as const, leads: [], officerIds: [], dueDate: null, priority: 'normal' as const, clauses: [] });
    const hk = await unwrap(harness.api.actions.create({ subGroupId: subGroup!.id, fields: fields('落實「先行先試『白名單』」安排') }));
    await unwrap(harness.api.actions.create({ subGroupId: subGroup!.id, fields: fields('推进“一区两园”建设，详见 D:\\资料\\“方案”.docx') }));

    // 繁體: the name and both actions quote with 「」, the path as typed.
    await app.tab('香港科學園落戶深圳').click();
    await page.getByRole('region', { name: '「香港科學園落戶深圳」專組' }).waitFor();
    await page.getByText('落實「先行先試『白名單』」安排', { exact: true }).waitFor();
    await page.getByText('推進「一區兩園」建設，詳見 D:\\资料\\“方案”.docx', { exact: true }).waitFor();
    await app.screenshot(path.join(mine, 'quotes-subgroup-zh-Hant.png'));

    // 简体: the same tab quotes with “”, nested ‘’.
    await app.chooseLanguage('简体');
    await page.getByRole('region', { name: '“香港科学园落户深圳”专组' }).waitFor();
    await page.getByText('落实“先行先试‘白名单’”安排', { exact: true }).waitFor();
    await page.getByText('推进“一区两园”建设，详见 D:\\资料\\“方案”.docx', { exact: true }).waitFor();
    await app.screenshot(path.join(mine, 'quotes-subgroup-zh-Hans.png'));

    // The review lists the marks like any other choice; keeping them is one button.
    await page.locator('.ant-table-row', { hasText: hk.reference }).getByRole('button', { name: hk.reference }).click();
    const drawer = page.locator('.ant-drawer');
    await drawer.getByRole('button', { name: hans.script.review.open }).click();
    const review = new ConversionReviewPage(page, 'zh-Hans');
    const quotes = review.field('title').locator('[data-kind="quotes"]');
    await quotes.first().getByText(hans.script.review.kind.quotes, { exact: true }).waitFor();
    expect(await quotes.count()).toBe(2); // 「」 and the nested 『』, each listed once as a pair
    await app.screenshot(path.join(mine, 'quotes-review-zh-Hans.png'));
    await review.close();
    await drawer.getByRole('button', { name: hans.actions.close, exact: true }).first().click();
    await drawer.waitFor({ state: 'hidden' });

    // Settings: keep them as typed, for the whole working group; the screen follows at once.
    await page.getByRole('button', { name: hans.settings.title }).click();
    await page.getByRole('radio', { name: hans.script.quotes.asWritten }).check();
    await page.getByText(hans.script.quotes.saved).waitFor();
    await app.screenshot(path.join(mine, 'quotes-settings-zh-Hans.png'));
    await page.keyboard.press('Escape');
    await page.getByText('落实「先行先试『白名单』」安排', { exact: true }).waitFor();
    await page.getByRole('region', { name: '「香港科学园落户深圳」专组' }).waitFor(); // names too, at once
    await app.screenshot(path.join(mine, 'quotes-asWritten-zh-Hans.png'));
    expect((await unwrap(harness.api.workingGroup.get())).quoteMarks).toBe('asWritten');
  });
});
