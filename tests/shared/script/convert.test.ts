import * as OpenCC from 'opencc-js';
import { configs } from 'opencc-js/preset';
import { describe, expect, it, vi } from 'vitest';
import { ConversionCache, loadConverters, seedGlossary } from '../../../shared/script';
import { corpus } from './support';

describe('conversion engine', () => {
  it('follows the same OpenCC configurations as opencc-js (s2hk, hk2s)', async () => {
    const { configurations } = await import('../../../shared/script/dictionaries');
    for (const direction of ['toHant', 'toHans'] as const) {
      const ours = configurations[direction];
      const theirs = configs[ours.opencc] as unknown as { normalizationChain: string[][]; segmentation: string[]; conversionChain: string[][] };
      const text = async (name: string) => ((await import(`opencc-js/dict/${name}`)) as { default: string }).default;
      expect(await Promise.all(ours.normalization.map(text))).toEqual(theirs.normalizationChain.flat());
      expect(await Promise.all(ours.segmentation.map(text))).toEqual(theirs.segmentation);
      expect(await Promise.all(ours.stages.map((stage) => Promise.all(stage.map(text))))).toEqual(theirs.conversionChain);
    }
  });

  it('writes what opencc-js writes, on the corpus and on awkward input', async () => {
    const converters = await loadConverters();
    const s2hk = OpenCC.Converter({ from: 'cn', to: 'hk' });
    const hk2s = OpenCC.Converter({ from: 'hk', to: 'cn' });
    const awkward = ['', '𠮷野家发财', '⿰氵发展', '\u{2F800}发展 豈', '光明台的台风', '一口吃个饱', '\ud800后'];
    // opencc-js converts characters only: compared with quotation marks kept as written.
    const asWritten = { quotes: 'asWritten' } as const;
    for (const text of [...corpus().map((t) => t.text), ...awkward]) {
      expect(converters.toHant(text, asWritten)).toBe(s2hk(text));
      expect(converters.toHans(text, asWritten)).toBe(hk2s(text));
    }
  });

  it('passes English through and converts only the Chinese of mixed text', async () => {
    const { toHant, toHans } = await loadConverters();
    expect(toHans('Minutes of the 5th meeting, 12 March 2025')).toBe('Minutes of the 5th meeting, 12 March 2025');
    expect(toHant('InnoExpress 第3期 (2025) 申请截止')).toBe('InnoExpress 第3期 (2025) 申請截止');
    expect(toHans('HKSTP 已於 Q2 完成 Phase 1 開發')).toBe('HKSTP 已于 Q2 完成 Phase 1 开发');
  });

  it('loads each direction lazily, on first use, and only once', async () => {
    vi.resetModules();
    const script = await import('../../../shared/script');
    const dictionaries = await import('../../../shared/script/dictionaries');
    expect(script.getLoadedConverters()).toBeUndefined();
    expect(await script.toHans('Only English')).toBe('Only English');
    expect(dictionaries.loadedDirection('toHans')).toBeUndefined(); // nothing to convert, nothing loaded
    expect(await script.toHans('數據')).toBe('数据');
    expect(dictionaries.loadedDirection('toHans')).toBeDefined();
    expect(dictionaries.loadedDirection('toHant')).toBeUndefined(); // the 1 MB phrase list waits for toHant
    expect(dictionaries.loadDirection('toHant')).toBe(dictionaries.loadDirection('toHant'));
    expect(await script.toHant('数据')).toBe('數據');
    expect(script.getLoadedConverters()?.toHant('发展')).toBe('發展');
  });

  it('caches conversions per field and forgets them when the rules change', async () => {
    const converters = await loadConverters();
    const convert = vi.spyOn(converters, 'convert');
    const cache = new ConversionCache(converters, 2);
    const rules = { glossary: seedGlossary };
    expect(cache.convert('分享項目資訊', 'toHans', rules)).toBe('分享项目信息');
    expect(cache.convert('分享項目資訊', 'toHans', rules)).toBe('分享项目信息');
    expect(convert).toHaveBeenCalledTimes(1);
    expect(cache.convert('分享項目資訊', 'toHans')).toBe('分享项目资讯');
    expect(convert).toHaveBeenCalledTimes(2);
    cache.convert('一', 'toHans');
    cache.convert('二', 'toHans'); // past maxEntries: starts afresh rather than growing
    cache.convert('分享項目資訊', 'toHans');
    expect(convert).toHaveBeenCalledTimes(5);
    convert.mockRestore();
  });
});
