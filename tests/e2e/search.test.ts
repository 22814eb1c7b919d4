import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeResources } from '../../shared/i18n/resources';
import type { Language } from '../../shared/model/language';
import { useHarness } from './harness/useHarness';
import { lookFolder } from '../support/lookFolder';
import { SearchPage } from './pages/searchPage';
import { WorkbenchPage } from './pages/workbenchPage';
import { unwrap } from '../../shared/ipc/errors';

const screenshots = path.resolve('test-results/screenshots');
const openHarness = useHarness();

/** Each reader searches in the other script for records typed in the other script, and sees them in their own. */
const cases: Array<{
  language: Language;
  locale: string;
  query: string;
  typed: { title: string; note: string; organisation: string; subGroup: { hant: string; hans: string } };
  shown: { title: string; match: string; organisation: string; subGroup: string; tab: string; written: 'hant' | 'hans'; noMatch: string };
}> = [
  {
    language: 'zh-Hant',
    locale: 'zh-HK',
    query: '数据',
    typed: { title: '推进跨境科研数据流动试点', note: '已向数据办查询', organisation: '深圳市政务服务数据管理局', subGroup: { hant: '「數據流通」專組', hans: '「数据流通」专组' } },
    shown: { title: '推進跨境科研數據流動試點', match: '數據', organisation: '深圳市政務服務數據管理局', subGroup: '「數據流通」專組', tab: '香港科學園落戶深圳', written: 'hans', noMatch: '找不到「無此字詞」' },
  },
  {
    language: 'zh-Hans',
    locale: 'zh-CN',
    query: '數據',
    typed: { title: '推進跨境科研數據流動試點', note: '已向數據辦查詢', organisation: '深圳市政務服務數據管理局', subGroup: { hant: '「數據流通」專組', hans: '「数据流通」专组' } },
    shown: { title: '推进跨境科研数据流动试点', match: '数据', organisation: '深圳市政务服务数据管理局', subGroup: '“数据流通”专组', tab: '香港科学园落户深圳', written: 'hant', noMatch: '找不到“無此字詞”' },
  },
];

describe.each(cases)('search in $language', ({ language, locale, query, typed, shown }) => {
  it('finds records typed in the other script, grouped by kind with the match marked in the reader\'s script, and opens them from the keyboard', async () => {
    const text = localeResources[language];
    const dataDir = await mkdtemp(path.join(tmpdir(), 'hetao-e2e-search-'));
    await mkdir(screenshots, { recursive: true });
    const look = await lookFolder('search');
    const harness = await openHarness({ dataDir, systemLocale: locale });
    const app = new WorkbenchPage(harness.page);
    const search = new SearchPage(harness.page, language);
    const writtenIn = text.script.writtenIn.replace('{{script}}', text.script.name[shown.written]);
    await app.waitForTab(text.tabs.overview);

    const api = harness.api;
    const [sp, jp] = await unwrap(api.subGroups.list());
    const blank = { description: '', ownerSide: 'HK' as const, leads: [], officerIds: [], dueDate: null, priority: 'normal' as const, clauses: [] };
    const { reference } = await unwrap(api.actions.create({ subGroupId: sp!.id, fields: { ...blank, title: typed.title } }));
    const housing = await unwrap(api.actions.create({ subGroupId: jp!.id, fields: { ...blank, title: '人才住房' } }));
    await unwrap(api.actions.addProgress({ id: housing.id, note: typed.note, status: null, byContactId: null }));
    await unwrap(api.contacts.create({ name: '李明', title: '', organisation: typed.organisation, side: 'SZ', email: '', phone: '', memberships: [] }));
    await unwrap(api.subGroups.create({ code: 'DF', name: { ...typed.subGroup, en: '' }, remit: '', convenors: { HK: null, SZ: null } }));
    // The records exist before the session starts, as if typed on the other side's laptop.
    await harness.restart();
    await app.waitForTab(text.tabs.overview);

    await search.search(query);
    const actions = search.group('action', 2);
    await actions.waitFor();
    await search.group('contact', 1).waitFor();
    await search.group('subGroup', 1).waitFor();
    // Shown in the reader's script, the query's match marked there.
    const first = actions.getByRole('option').first();
    expect(await first.innerText()).toContain(shown.title);
    expect(await first.locator('mark').allInnerTexts()).toEqual([shown.match]);
    // A match in a progress note names the field and shows the words around it.
    expect(await actions.getByRole('option').nth(1).innerText()).toContain(text.search.fields.action.progress);
    expect(await search.group('contact', 1).getByRole('option').innerText()).toContain(shown.organisation);
    expect(await search.group('subGroup', 1).locator('mark').first().innerText()).toBe(shown.match);
    expect(await search.group('subGroup', 1).getByRole('option').innerText()).toContain(shown.subGroup);
    await harness.page.screenshot({ path: path.join(screenshots, `search-${language}.png`) });
    await harness.page.screenshot({ path: path.join(look, `search-${language}.png`) });

    // Arrows move through every hit, across groups, and wrap.
    expect(await search.activeOption().innerText()).toContain(shown.title);
    await search.box.press('ArrowDown');
    await search.box.press('ArrowDown');
    expect(await search.activeOption().innerText()).toContain('李明');
    await search.box.press('ArrowUp');
    await search.box.press('ArrowUp');
    await search.box.press('ArrowUp');
    expect(await search.activeOption().innerText()).toContain(shown.subGroup);
    await search.box.press('ArrowDown');

    // Enter opens the action: its sub-group's tab with its drawer open, the script it was written in shown.
    await search.box.press('Enter');
    const drawer = harness.page.getByRole('dialog');
    await drawer.getByText(reference, { exact: true }).waitFor();
    expect(await drawer.innerText()).toContain(shown.title);
    expect(await drawer.innerText()).toContain(writtenIn);
    expect(await app.tab(shown.tab).getAttribute('aria-selected')).toBe('true');
    await harness.page.screenshot({ path: path.join(look, `search-opened-${language}.png`) });
    await harness.page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });

    // A contact opens in its dialog on the contacts tab, with the script it was typed in.
    await search.search(query);
    await search.group('contact', 1).getByRole('option').click();
    const contactDialog = harness.page.getByRole('dialog');
    await contactDialog.getByText(writtenIn, { exact: true }).waitFor();
    expect(await contactDialog.getByLabel(text.contacts.fields.name).inputValue()).toBe('李明');
    expect(await app.tab(text.tabs.contacts).getAttribute('aria-selected')).toBe('true');
    await harness.page.keyboard.press('Escape');
    await contactDialog.waitFor({ state: 'hidden' });

    // Nothing found says so in the reader's script; Esc clears the box.
    await search.search('無此字詞');
    await search.results.getByText(shown.noMatch, { exact: true }).waitFor();
    await harness.page.screenshot({ path: path.join(look, `search-none-${language}.png`) });
    await search.box.press('Escape');
    expect(await search.box.inputValue()).toBe('');
    await search.results.waitFor({ state: 'hidden' });
  });
});
