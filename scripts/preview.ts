/**
 * `npm run preview`: Hetao Desk in a visible Chromium window, with the real backend on a real data
 * folder, for machines without Electron. Data goes to the folder given as the first argument, or to
 * ./preview-data. Close the browser window to stop.
 */
import * as path from 'node:path';
import { startHarness } from '../tests/e2e/harness/harness';

const dataDir = path.resolve(process.argv[2] ?? 'preview-data');
const harness = await startHarness({ dataDir, headless: false });
console.log(`Hetao Desk preview at ${harness.origin}, data in ${dataDir}`);
harness.page.on('close', () => {
  void harness.close().then(() => process.exit(0));
});
