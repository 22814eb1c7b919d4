import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The window's document, as far as the e2e tsconfig (which has no DOM types) needs it. */
export type AnimatedDocument = {
  getAnimations(): Array<{
    playState: string;
    finished: Promise<unknown>;
    effect: { getTiming(): { duration: number | string; iterations: number }; target?: { className?: unknown } | null } | null;
  }>;
};

/** Every WCAG 2.0 and 2.1 rule at levels A and AA: the level the HKSAR Government holds its own apps to. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Where each language's figures go; `npm run a11y` adds them up. */
export const figuresDir = path.resolve('test-results/a11y');

export interface StateResult {
  state: string;
  violations: Array<{ rule: string; impact: string | null | undefined; help: string; targets: string[] }>;
}

/**
 * Runs axe-core on the window as it is, one named state at a time, and keeps what it found. No rule is
 * switched off and nothing is excluded: what a rule flags is fixed in the app.
 */
export class AxeScanner {
  readonly results: StateResult[] = [];

  constructor(
    private readonly page: Page,
    private readonly language: string,
  ) {}

  async scan(state: string): Promise<void> {
    // Drawers and dialogs slide and fade in: scan what a user sees once the motion has ended (a spinner's
    // endless turning aside).
    await this.page.waitForFunction(
      () =>
        (globalThis as unknown as { document: AnimatedDocument }).document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      undefined,
      { timeout: 10_000 },
    );
    const { violations } = await new AxeBuilder({ page: this.page }).withTags(WCAG_21_AA).analyze();
    this.results.push({
      state,
      violations: violations.map((v) => ({ rule: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) })),
    });
    // Written as it goes, so a walk that stops half-way still shows what it found.
    await this.writeFigures();
  }

  get violationCount(): number {
    return this.results.reduce((sum, r) => sum + r.violations.reduce((n, v) => n + v.targets.length, 0), 0);
  }

  /** One line per violated rule and state, for the test's failure message. */
  summary(): string {
    return this.results
      .flatMap((r) => r.violations.map((v) => `${this.language} · ${r.state} · ${v.rule} (${v.impact}): ${v.help} — ${v.targets.slice(0, 3).join(' | ')}`))
      .join('\n');
  }

  async writeFigures(): Promise<void> {
    await mkdir(figuresDir, { recursive: true });
    await writeFile(path.join(figuresDir, `${this.language}.json`), JSON.stringify({ language: this.language, states: this.results.length, violations: this.violationCount, results: this.results }, null, 2));
  }
}
