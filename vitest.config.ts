import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    // The JSON reports are what .ci/run counts passes and failures from; npm test runs the unit and
    // component projects first, then the browser tests, so jsdom and Chromium don't share 2 cores.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        extends: true,
        test: { name: 'node', environment: 'node', include: ['tests/shared/**/*.test.ts', 'tests/electron/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['tests/renderer/**/*.test.tsx'],
          setupFiles: ['tests/renderer/setup.ts'],
          // antd under jsdom is slow to type into on a 2-core machine.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        // Real Electron (npm run test:electron); skipped, with the reason, where its binary is absent.
        test: { name: 'electron-app', environment: 'node', include: ['tests/electron-app/**/*.test.ts'], testTimeout: 60_000, fileParallelism: false },
      },
    ],
  },
});
