/**
 * Bundles the main process and the sandboxed preload into dist/electron as CommonJS.
 * `tsx scripts/build-electron.ts <folder>` bundles into <folder>/electron instead (the packaging test).
 */
import * as path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

const out = process.argv[2] ?? 'dist';

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  external: ['electron'],
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.electron.ts'], outfile: path.join(out, 'electron/main.cjs') }),
  build({ ...common, entryPoints: ['electron/preload.electron.ts'], outfile: path.join(out, 'electron/preload.cjs') }),
]);
