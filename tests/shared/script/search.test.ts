import { describe, expect, it } from 'vitest';
import { findMatchRanges, matchesQuery, searchKey, toHant } from '../../../shared/script';

describe('search across scripts', () => {
  it('a query in either script finds a record in either script', () => {
    expect(searchKey('数据')).toBe(searchKey('數據'));
    expect(matchesQuery('跨境數據流動試點', '数据')).toBe(true);
    expect(matchesQuery('跨境数据流动试点', '數據')).toBe(true);
    expect(matchesQuery('香港科技園公司', '香港科技园')).toBe(true);
    expect(matchesQuery('跨境數據流動試點', '资金')).toBe(false);
  });

  it('folds Hong Kong variants and characters one Simplified form stands for', () => {
    expect(matchesQuery('衞生署', '卫生')).toBe(true); // HK 衞
    expect(matchesQuery('會後', '会后')).toBe(true);
    expect(matchesQuery('皇后大道', '後')).toBe(true); // 后/後 fold together: the query may be in either script
    expect(matchesQuery('港深創科園 綫上推介', '线上')).toBe(true); // HK 綫
  });

  it('ignores Latin case and full-width forms', () => {
    expect(matchesQuery('大灣區創科快線 InnoExpress', 'innoexpress')).toBe(true);
    expect(matchesQuery('ＨＫＳＴＰ 合作', 'hkstp')).toBe(true);
  });

  it('keeps every offset, so matches can be highlighted in the text shown', () => {
    const text = '𠮷 數據 Data';
    expect(searchKey(text)).toHaveLength(text.length);
  });

  it('finds ranges of the query in the text as the reader sees it', async () => {
    const shown = await toHant('推动数据跨境流动，研究数据资源互通');
    const ranges = findMatchRanges(shown, '数据');
    expect(ranges.map(({ start, end }) => shown.slice(start, end))).toEqual(['數據', '數據']);
    expect(findMatchRanges('Data data', 'DATA')).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 9 },
    ]);
    expect(findMatchRanges('數據', '  ')).toEqual([]);
  });
});
