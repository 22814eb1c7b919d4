import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Electron's binary as `npm ci` installs it, or why it is not there. Read from electron's own
 * path.txt rather than require('electron'), which would try to download the binary.
 */
export function electronBinary(): { path: string } | { missing: string } {
  const pathFile = path.resolve('node_modules/electron/path.txt');
  if (!existsSync(pathFile)) {
    return { missing: "Electron's binary is not installed (node_modules/electron/path.txt is absent: npm ci ran with ELECTRON_SKIP_BINARY_DOWNLOAD)" };
  }
  const binary = path.resolve('node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `Electron's binary is not installed (${binary} is absent)` };
}
