import { describe, expect, it } from 'vitest';
import { detectScript } from '../../../shared/script';
import { corpus } from './support';

describe('detectScript', () => {
  it('recognises each text of the corpus as the script it was written in', () => {
    for (const { name, script, text } of corpus()) expect(detectScript(text), name).toBe(script);
  });

  it('tells short entries apart, as users type them in a field', () => {
    expect(detectScript('跟进事项')).toBe('hans');
    expect(detectScript('跟進事項')).toBe('hant');
    expect(detectScript('数据跨境流动')).toBe('hans');
    expect(detectScript('數據跨境流動')).toBe('hant');
  });

  it('is neutral for text the same in both scripts, English, numbers or nothing', () => {
    expect(detectScript('深圳市人民政府')).toBe('neutral');
    expect(detectScript('InnoExpress 2025')).toBe('neutral');
    expect(detectScript('')).toBe('neutral');
  });

  it('does not take characters valid in both scripts as Simplified (后, 台, 里, 面)', () => {
    expect(detectScript('皇后大道中')).toBe('neutral');
    expect(detectScript('合作平台')).toBe('neutral');
    expect(detectScript('十公里')).toBe('neutral');
    expect(detectScript('面向')).toBe('neutral');
  });

  it('goes with the majority in mixed text', () => {
    expect(detectScript('請參閱附件：关于推进河套深港科技创新合作区建设的合作安排')).toBe('hans');
    expect(detectScript('请参阅附件：關於推進河套深港科技創新合作區建設的合作安排')).toBe('hant');
  });
});
