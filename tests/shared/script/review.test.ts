import { describe, expect, it } from 'vitest';
import { reviewConversion, seedGlossary, type ReviewItem } from '../../../shared/script';
import { arrangement } from './support';

const pick = (items: ReviewItem[], source: string) => items.filter((item) => item.source === source);
const options = (item: ReviewItem) => item.alternatives.map((a) => a.text);

describe('conversion review', () => {
  it('lists characters with several Traditional counterparts, with the choice made in context', async () => {
    const text = '会后各方发表意见。\n头发检测；干部培训；方便面；台风；公里';
    const items = await reviewConversion(text, 'toHant');
    const [after] = pick(items, '后');
    expect(after).toMatchObject({ kind: 'ambiguous', offset: 1, length: 1, before: '会', after: '各方发表意见。', choice: '後', decidedBy: 'phrase' });
    expect(options(after!)).toContain('后'); // as in 皇后
    expect(after!.alternatives.find((a) => a.text === '后')!.example).toMatch(/后→.*后/);
    expect(pick(items, '发').map((item) => item.choice)).toEqual(['發', '髮']); // 发表 → 發表, 头发 → 頭髮
    expect(pick(items, '发').every((item) => options(item).length === 1)).toBe(true);
    expect(pick(items, '干')[0]).toMatchObject({ choice: '幹', phrase: '干部' });
    expect(options(pick(items, '干')[0]!)).toEqual(expect.arrayContaining(['乾', '干']));
    expect(pick(items, '面')[0]!.choice).toBe('麪'); // Hong Kong's form of 麵
    expect(pick(items, '台')[0]!.choice).toBe('颱');
    expect(pick(items, '里')[0]!.choice).toBe('里');
    expect(options(pick(items, '里')[0]!)).toContain('裏');
  });

  it('covers the characters officials expect to check, derived from OpenCC\'s dictionaries', async () => {
    const chars = '后干发面台里于余系只制历冲复松范准';
    const items = await reviewConversion(chars, 'toHant');
    expect(items.filter((item) => item.kind === 'ambiguous').map((item) => item.source).join('')).toBe(chars);
  });

  it('lists the Traditional characters with several Simplified counterparts', async () => {
    const items = await reviewConversion('乾隆年間，乾貨；覆核', 'toHans');
    expect(pick(items, '乾').map((item) => item.choice)).toEqual(['乾', '干']);
    expect(pick(items, '覆')[0]!.choice).toBe('覆'); // OpenCC keeps 覆 unless a phrase says 复 (回覆 → 回复)
    expect(options(pick(items, '覆')[0]!)).toEqual(['复']);
  });

  it('lists glossary substitutions with what OpenCC alone would have written', async () => {
    const items = await reviewConversion('分享項目資訊，香港特別行政區政府', 'toHans', { glossary: seedGlossary });
    expect(items.filter((item) => item.kind === 'glossary')).toEqual([
      expect.objectContaining({ offset: 4, length: 2, source: '資訊', choice: '信息', glossaryId: 'information', alternatives: [{ text: '资讯', example: 'OpenCC' }] }),
      expect.objectContaining({ source: '香港特別行政區政府', choice: '香港特别行政区政府', glossaryId: 'hksar-government' }),
    ]);
  });

  it('does not list a glossary term written the same in both scripts', async () => {
    const items = await reviewConversion('深圳市人民政府', 'toHant', { glossary: seedGlossary });
    expect(items).toEqual([]);
  });

  it('lists Latin text and numbers left untouched, not those inside glossary terms', async () => {
    const items = await reviewConversion('InnoExpress 第3期于2025年7月1日开放申请', 'toHant');
    expect(items.filter((item) => item.kind === 'untouched').map((item) => item.source)).toEqual(['InnoExpress', '3', '2025', '7', '1']);
    const pureEnglish = await reviewConversion('Joint Task Force meeting', 'toHans');
    expect(pureEnglish.map((item) => [item.kind, item.source, item.choice])).toEqual([['untouched', 'Joint Task Force meeting', 'Joint Task Force meeting']]);
  });

  it('gives offsets into the text as typed, also past characters that normalisation shortens', async () => {
    const text = '\u{2F800}以后'; // a supplementary compatibility ideograph (2 UTF-16 units) normalised to 丽 (1 unit)
    const [item] = await reviewConversion(text, 'toHant');
    expect(item).toMatchObject({ offset: 3, length: 1, source: '后', choice: '後' });
    expect(text.slice(item!.offset, item!.offset + item!.length)).toBe('后');
  });

  it('is deterministic and in text order', async () => {
    const text = arrangement();
    const first = await reviewConversion(text, 'toHans', { glossary: seedGlossary });
    expect(await reviewConversion(text, 'toHans', { glossary: seedGlossary })).toEqual(first);
    expect(first.map((item) => item.offset)).toEqual([...first.map((item) => item.offset)].sort((a, b) => a - b));
    for (const item of first) expect(text.slice(item.offset, item.offset + item.length)).toBe(item.source);
    expect(first.some((item) => item.kind === 'ambiguous' && item.source === '於')).toBe(true);
  });
});
