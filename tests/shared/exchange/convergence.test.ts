import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { conflictsSeen } from './replicas';
import { convergenceProperty } from './scenarios';

describe('three installations exchanging packages', () => {
  it('converge to the same records whatever the order, loss, duplication, damage and clocks (1,000 scenarios)', { timeout: 60_000 }, () => {
    fc.assert(convergenceProperty(), { numRuns: 1000 });
    // The scenarios did reach conflicts (field against field, deletion against edit), not only easy merges.
    expect(conflictsSeen()).toBeGreaterThan(100);
  });
});
