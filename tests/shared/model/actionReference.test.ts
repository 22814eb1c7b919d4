import { describe, expect, it } from 'vitest';
import { compareReferences, nextActionReference, referenceSeries } from '../../../shared/model/actionReference';

describe('action numbers', () => {
  it('orders numbers as numbers, so a list, an export and a pack agree: 999 comes before 1000', () => {
    const listed = ['SP-2026-1000', 'JP-2026-002', 'SP-2026-999', 'SP-2025-120', 'SP-2026-014'];
    expect([...listed].sort(compareReferences)).toEqual(['JP-2026-002', 'SP-2025-120', 'SP-2026-014', 'SP-2026-999', 'SP-2026-1000']);
  });

  it('issues the next number of the year, counting numbers of deleted actions too, and starts each year at 001', () => {
    const series = [{ reference: 'SP-2026-001' }, { reference: 'SP-2026-999' }, { reference: 'SP-2025-040' }];
    expect(nextActionReference('SP', 2026, series)).toBe('SP-2026-1000');
    expect(nextActionReference('SP', 2027, series)).toBe('SP-2027-001');
  });

  it('reads the series a number belongs to, and nothing from text that is not a number', () => {
    expect(referenceSeries('DF-2026-014')).toEqual({ code: 'DF', year: 2026 });
    expect(referenceSeries('第3次會議')).toBeNull();
  });
});
