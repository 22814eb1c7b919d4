import { afterEach } from 'vitest';
import { startHarness, type Harness, type HarnessOptions } from './harness';

/**
 * Registers an afterEach that closes the harness the test started, and returns the starter. Call it
 * once at the top of a test file. (Kept apart from harness.ts, which the benchmarks and the preview
 * load outside the test runner.)
 */
export function useHarness(): (options: HarnessOptions) => Promise<Harness> {
  let current: Harness | null = null;
  afterEach(async () => {
    await current?.close();
    current = null;
  });
  return async (options) => (current = await startHarness(options));
}
