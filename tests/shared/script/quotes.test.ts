import { describe, expect, it } from 'vitest';
import { nameIn, nameInScript } from '../../../shared/model/language';
import { loadConverters, reviewConversion } from '../../../shared/script';
import { quotesIn, setNamesQuoteMarks } from '../../../shared/script/quotes';

describe("quotation marks in the reader's script", () => {
  it('writes Hong Kong marks the Mainland way and back, nested quotations included', async () => {
    const { toHans, toHant } = await loadConverters();
    expect(toHans('他説：「專組認為『先行先試』可行。」')).toBe('他说：“专组认为‘先行先试’可行。”');
    expect(toHant('他说：“专组认为‘先行先试’可行。”')).toBe('他説：「專組認為『先行先試』可行。」');
    expect(toHans('「香港科學園落戶深圳」專組')).toBe('“香港科学园落户深圳”专组');
  });

  it('nests by depth, whatever marks the writer used', async () => {
    const { toHans, toHant } = await loadConverters();
    // A Hong Kong text quoting inside 「」 with “”: the inner pair becomes ‘’, not a second “”.
    expect(toHans('通知指「請“盡快”回覆」')).toBe('通知指“请‘尽快’回复”');
    // A Mainland text with 「」 becomes Hong Kong's at depth one, and the inner “” its 『』.
    expect(toHant('通知指「请“尽快”回复」')).toBe('通知指「請『儘快』回覆」');
    // Three deep: 「『「」』」 ↔ “‘“”’”.
    expect(toHans('甲「乙『丙「丁」丙』乙」甲')).toBe('甲“乙‘丙“丁”丙’乙”甲');
  });

  it('leaves marks in Latin text, apostrophes, code, addresses and paths as typed', async () => {
    const { toHant, toHans } = await loadConverters();
    expect(toHant('他说 “Smart Park” 很好')).toBe('他説 「Smart Park」 很好'); // quoted Latin in a Chinese sentence
    expect(toHant('Hong Kong’s “Smart Park” plan 已获批准')).toBe('Hong Kong’s “Smart Park” plan 已獲批准');
    expect(toHant('运行 `echo “测试”` 命令')).toBe('運行 `echo “测试”` 命令');
    expect(toHant('请电邮 chan.tm@itb.gov.hk 或访问 https://example.org/资料/报告，谢谢')).toBe('請電郵 chan.tm@itb.gov.hk 或訪問 https://example.org/资料/报告，謝謝');
    expect(toHans('文件在 D:\\資料\\「一區兩園」\\報告.docx，請查閱')).toBe('文件在 D:\\資料\\「一區兩園」\\報告.docx，请查阅');
    expect(toHans('見「D:\\資料\\報告.docx」')).toBe('见“D:\\資料\\報告.docx”');
    expect(toHant('路径 /home/用户/“报告”.txt 已删除')).toBe('路徑 /home/用户/“报告”.txt 已刪除');
    expect(toHant('香港/深圳“双城”')).toBe('香港/深圳「雙城」'); // a slash between words is no path
  });

  it('keeps a quotation split across fields at its level', async () => {
    const { toHans } = await loadConverters();
    expect(toHans('會上議決：「項目')).toBe('会上议决：“项目');
    expect(toHans('須於月底完成。」')).toBe('须于月底完成。”');
  });

  it('keeps the marks as typed when the working group chooses so', async () => {
    const { toHans, toHant } = await loadConverters();
    expect(toHans('「香港科學園落戶深圳」專組', { quotes: 'asWritten' })).toBe('「香港科学园落户深圳」专组');
    expect(toHant('“联合政策”专组', { quotes: 'asWritten' })).toBe('“聯合政策”專組');
  });

  it('lists each changed pair in the review like any other choice, with keeping the marks as the alternative', async () => {
    const text = '提交「聯合政策」專組審議';
    const items = await reviewConversion(text, 'toHans');
    const quotes = items.filter((item) => item.kind === 'quotes');
    expect(quotes).toEqual([
      expect.objectContaining({ offset: 2, length: 1, source: '「', choice: '“', alternatives: [{ text: '「', example: '' }], closing: { offset: 7, source: '」', choice: '”' } }),
    ]);
    expect(await reviewConversion(text, 'toHans', { quotes: 'asWritten' })).not.toContainEqual(expect.objectContaining({ kind: 'quotes' }));
    const kept = await reviewConversion('路径 /home/用户/报告.txt', 'toHant');
    expect(kept).toContainEqual(expect.objectContaining({ kind: 'untouched', source: '/home/用户/报告.txt' }));
  });

  it('names kept in both scripts read with their script\'s marks, unless the working group keeps them', () => {
    const name = { hant: '「聯合政策」專組', hans: '「联合政策」专组', en: 'Sub-group on Joint Policy' };
    try {
      expect(nameIn(name, 'zh-Hans')).toBe('“联合政策”专组');
      expect(nameIn(name, 'zh-Hant')).toBe('「聯合政策」專組');
      expect(nameInScript({ hant: '“聯合推廣”專組', hans: '' }, 'hant')).toBe('「聯合推廣」專組');
      setNamesQuoteMarks('asWritten');
      expect(nameIn(name, 'zh-Hans')).toBe('「联合政策」专组');
    } finally {
      setNamesQuoteMarks('reader');
    }
    expect(quotesIn('“Smart Park” scheme', 'hant')).toBe('“Smart Park” scheme');
  });
});
