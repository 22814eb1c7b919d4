import type { Page } from 'playwright-core';
import { localeResources } from '../../../shared/i18n/resources';
import type { Language } from '../../../shared/model/language';
import type { AnimatedDocument } from '../a11y/axeScan';

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
