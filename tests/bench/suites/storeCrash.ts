/**
 * The store under SIGKILL: a child writing through it is killed at random moments 500 times in one
 * data folder; afterwards every acknowledged write must still be there.
 */
import type { BenchSuite } from '../bench';
import { crashTheStore } from '../../support/storeCrash';

const KILLS = 500;

const suite: BenchSuite = async (report) => {
  const result = await crashTheStore(KILLS, 0x5eed);
  report('store.crash.kills', result.kills);
  report('store.crash.lostAcks', result.lostAcks.length);
  if (result.surprises.length || result.lostAcks.length || result.leftovers.length) {
    throw new Error(`crash bench: ${JSON.stringify({ ...result, lostAcks: result.lostAcks.slice(0, 5) })}`);
  }
};

export default suite;
