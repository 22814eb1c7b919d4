import type { Page } from 'playwright-core';
import { localeResources } from '../../../shared/i18n/resources';
import type { Language } from '../../../shared/model/language';

/** A page object that finds what is on screen by its labels, in the script the window is in. */
export abstract class ScriptedPage {
  readonly text: (typeof localeResources)['zh-Hant'];

  constructor(
    readonly page: Page,
    language: Language,
  ) {
    this.text = localeResources[language];
  }
}
