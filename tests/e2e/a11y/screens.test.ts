import { mkdir } from 'node:fs/promises';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeResources } from '../../../shared/i18n/resources';
import type { Language } from '../../../shared/model/language';
import { useHarness } from '../harness/useHarness';
import { WorkbenchPage } from '../pages/workbenchPage';
import { seedWorkbench } from './a11ySeed';
import type { AnimatedDocument } from './axeScan';

const openHarness = useHarness();
const look = path.resolve('test-results/look/a11y');

const cases: Array<{ language: Language; locale: string; tag: string; science: string }> = [
  { language: 'zh-Hant', locale: 'zh-HK', tag: 'zh-Hant-HK', science: '香港科學園落戶深圳' },
  { language: 'zh-Hans', locale: 'zh-CN', tag: 'zh-Hans-CN', science: '香港科学园落户深圳' },
];

describe.each(cases)('a government laptop in $language', ({ language, locale, tag, science }) => {
  it('fits 1366×768 and 200% zoom, skips to the content, returns focus to the opener, and honours reduced motion and high contrast', async () => {
    const t = localeResources[language];
    await mkdir(look, { recursive: true });
    const seeded = await seedWorkbench(locale);
    const harness = await openHarness({ dataDir: seeded.dataDir, systemLocale: locale, viewport: { width: 1366, height: 768 } });
    const page = harness.page;
    const app = new WorkbenchPage(page);
    await app.waitForTab(t.tabs.overview);
    expect(await page.locator('html').getAttribute('lang')).toBe(tag);

    // The first Tab reaches the skip link, which moves the focus past the header to the tab's content.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: t.a11y.skipToContent });
    expect(await skip.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } } }).document.activeElement.id)).toBe('app-content');

    // The actions list fits the width of the screen: nothing runs off the right edge.
    await app.tab(science).click();
    const table = page.getByRole('region', { name: t.actions.title, exact: true }).locator('visible=true').locator('.ant-table-wrapper');
    await table.locator('.ant-table-row').first().waitFor();
    const box = (await table.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1366);
    // Its last column is on screen, inside the table, without scrolling sideways.
    const last = (await table.locator('th:visible').last().boundingBox())!;
    expect(last.x + last.width).toBeLessThanOrEqual(box.x + box.width + 1);
    await page.screenshot({ path: path.join(look, `actions-1366-${language}.png`) });

    // A drawer opened from the keyboard gives the focus back to its opener on Esc.
    const opener = table.locator('.ant-table-row').first().getByRole('button').first();
    await opener.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.screenshot({ path: path.join(look, `action-drawer-1366-${language}.png`) });
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await expect.poll(() => opener.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    // A dialog too: settings, opened by its icon button.
    const settings = page.getByRole('button', { name: t.settings.title });
    await settings.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: t.settings.title }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await expect.poll(() => settings.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);

    // A visible ring where the focus is.
    const ring = await settings.evaluate((el) => {
      const style = el.ownerDocument.defaultView!.getComputedStyle(el);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    expect(ring).toMatch(/^solid [1-9]/);

    // 200% zoom: the window is half as wide in CSS pixels; the header and tabs still fit, and the
    // list scrolls sideways within itself rather than off the page.
    await page.setViewportSize({ width: 683, height: 384 });
    await page.screenshot({ path: path.join(look, `actions-200pct-${language}.png`), scale: 'css' });
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(683 + 1);
    await app.tab(t.tabs.overview).click();
    await page.screenshot({ path: path.join(look, `overview-200pct-${language}.png`), scale: 'css' });
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: path.join(look, `overview-1366-${language}.png`) });

    // Reduced motion: drawers and dialogs appear without animating. Motion already under way (the tab
    // bar settling after the resize above) ends first: only what starts after the switch is judged.
    await page.evaluate(() => Promise.all((globalThis as unknown as { document: AnimatedDocument }).document.getAnimations().map((a) => a.finished.catch(() => undefined))));
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await settings.click();
    await page.getByRole('dialog', { name: t.settings.title }).waitFor();
    const running = await page.evaluate(() => (globalThis as unknown as { document: AnimatedDocument }).document.getAnimations().filter((a) => a.playState === 'running' && Number(a.effect?.getTiming().duration) > 1).map((a) => String(a.effect?.target?.className)));
    expect(running, 'elements still animating').toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    // Windows high contrast: tags keep a border in the system's text colour.
    await page.emulateMedia({ forcedColors: 'active' });
    await app.tab(science).click();
    const statusTag = page.locator('.ant-table-row:visible .cell-tag').first();
    expect(await statusTag.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).borderTopStyle)).toBe('solid');
    await page.screenshot({ path: path.join(look, `actions-forced-colors-${language}.png`) });
  }, 300_000);
});
