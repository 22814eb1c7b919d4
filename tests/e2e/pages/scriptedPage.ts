import type { Page } from 'playwright-core';
import { localeResources } from '../../../shared/i18n/resources';
import type { Language } from '../../../shared/model/language';
import type { AnimatedDocument } from '../a11y/axeScan';

/** A locale string with its {{placeholders}} filled in, as i18next shows it. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key] ?? ''));

/**
 * A button's accessible name: antd spaces out two-character Chinese labels (確定 → 確 定), and an
 * icon adds its own name in front.
 */
export const buttonName = (label: string): RegExp =>
  new RegExp(`(^|\\s)${[...label].map((c) => c.replace(/[.*+?^${}()|[\]\\…]/g, '\\$&')).join('\\s?')}$`);

/** A page object that finds what is on screen by its labels, in the script the window is in. */
export abstract class ScriptedPage {
  readonly text: (typeof localeResources)['zh-Hant'];

  constructor(
    readonly page: Page,
    language: Language,
  ) {
    this.text = localeResources[language];
  }

  /** Waits until the screen has stopped moving (see motionEnded). */
  async settled(): Promise<void> {
    await motionEnded(this.page);
  }
}

/** Waits until antd's motion (drawers sliding, tabs settling) has ended, a spinner's endless turning aside. */
export async function motionEnded(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    (globalThis as unknown as { document: AnimatedDocument }).document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
}
