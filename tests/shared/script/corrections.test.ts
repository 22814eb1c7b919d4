import { describe, expect, it } from 'vitest';
import { corrections, loadConverters, reviewConversion, type GlossaryTerm } from '../../../shared/script';

describe('corrections to the bundled OpenCC data', () => {
  for (const direction of ['toHant', 'toHans'] as const) {
    for (const correction of corrections[direction]) {
      it(`${direction} ${correction.source} → ${correction.target}: ${correction.reason}`, async () => {
        const converters = await loadConverters();
        expect(correction.reason.length).toBeGreaterThan(10);
        expect(converters.convert(correction.example, direction)).toBe(correction.expected);
        const openccAlone = converters.tables[direction].pipeline.convert(correction.example);
        // A correction OpenCC no longer needs is dead weight: drop it when this fails after an upgrade.
        if (correction.guard) expect(openccAlone).toBe(correction.expected);
        else expect(openccAlone).not.toBe(correction.expected);
      });
    }
  }

  it("a user's glossary term wins over a correction for the same wording", async () => {
    const converters = await loadConverters();
    const glossary: GlossaryTerm[] = [{ id: 'clock', hant: '小時製', hans: '小时制', en: '', note: '' }];
    expect(converters.toHant('24小时制', { glossary })).toBe('24小時製');
  });

  it('the review lists a correction with what OpenCC alone would have written', async () => {
    const items = await reviewConversion('字符集合中出现', 'toHant');
    expect(items).toContainEqual(
      expect.objectContaining({ kind: 'correction', offset: 0, length: 4, source: '字符集合', choice: '字符集合', alternatives: [{ text: '字符集閤', example: 'OpenCC' }] }),
    );
  });
});
