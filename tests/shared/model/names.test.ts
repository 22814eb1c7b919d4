import { describe, expect, it } from 'vitest';
import { languageForLocale, nameIn } from '../../../shared/model/language';
import { NewSubGroup, shortSubGroupName } from '../../../shared/model/subGroup';

describe('languageForLocale', () => {
  it('starts Hong Kong, Macao and Taiwan laptops in Traditional, Mainland ones in Simplified', () => {
    expect(languageForLocale('zh-HK')).toBe('zh-Hant');
    expect(languageForLocale('zh-Hant-HK')).toBe('zh-Hant');
    expect(languageForLocale('zh-TW')).toBe('zh-Hant');
    expect(languageForLocale('zh-CN')).toBe('zh-Hans');
    expect(languageForLocale('zh-Hans-CN')).toBe('zh-Hans');
    expect(languageForLocale('en-GB')).toBe('en');
    expect(languageForLocale('fr')).toBe('en');
  });
});

describe('names', () => {
  const name = { hant: '「聯合政策」專組', hans: '「联合政策」专组', en: 'Sub-group on Joint Policy' };

  it('picks the form of a name in the reader’s language, falling back to Traditional without English', () => {
    expect(nameIn(name, 'zh-Hant')).toBe('「聯合政策」專組');
    expect(nameIn(name, 'zh-Hans')).toBe('“联合政策”专组'); // Simplified quotes the Mainland way
    expect(nameIn(name, 'en')).toBe('Sub-group on Joint Policy');
    expect(nameIn({ ...name, en: '' }, 'en')).toBe('「聯合政策」專組');
  });

  it('shortens a sub-group name for its tab', () => {
    expect(shortSubGroupName('「香港科學園落戶深圳」專組')).toBe('香港科學園落戶深圳');
    expect(shortSubGroupName('“联合推广”专组')).toBe('联合推广');
    expect(shortSubGroupName('Sub-group on Joint Policy')).toBe('Joint Policy');
    expect(shortSubGroupName('創科人才工作小組')).toBe('創科人才工作小組');
    expect(shortSubGroupName('專組')).toBe('專組');
  });

  it('accepts a lower-case code by upper-casing it, and rejects malformed ones with a message key', () => {
    const base = { name: { hant: '甲', hans: '甲', en: '' }, remit: '' };
    expect(NewSubGroup.parse({ ...base, code: ' df ' }).code).toBe('DF');
    const bad = NewSubGroup.safeParse({ ...base, code: '1X' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('validation.subGroupCode');
    const empty = NewSubGroup.safeParse({ ...base, code: 'AB', name: { hant: '  ', hans: '甲', en: '' } });
    expect(empty.error?.issues[0]).toMatchObject({ path: ['name', 'hant'], message: 'validation.required' });
  });
});
