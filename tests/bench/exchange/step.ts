/**
 * One laptop's side of the full exchange, in a process of its own as on a real laptop, so its peak
 * memory is that laptop's alone (not the other installation's, nor the dataset generator's):
 *   step.ts prepare <dataDir> <peerId> <folder>   prepares everything for the peer into the folder
 *   step.ts open <dataDir> <package>              opens the package
 * Prints one JSON line: { ms, peakMb, path?, actions? }.
 */
import { measured, openIn, openLaptop, prepareFor } from './laptop';

const [kind, dataDir, ...rest] = process.argv.slice(2);
const laptop = await openLaptop(dataDir!, kind === 'prepare' ? 'HK' : 'SZ');
if (kind === 'prepare') {
  const { result, ms, peakMb } = await measured(() => prepareFor(laptop, rest[0]!, rest[1]!));
  console.log(JSON.stringify({ ms, peakMb, path: result.path }));
} else {
  const { result, ms, peakMb } = await measured(() => openIn(laptop, rest[0]!));
  console.log(JSON.stringify({ ms, peakMb, actions: result.counts.actions ?? 0 }));
}
await laptop.backend.close();
