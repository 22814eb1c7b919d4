import { describe, expect, it } from 'vitest';
import { Glossary, loadConverters, seedGlossary, toHans, toHant, type GlossaryTerm } from '../../../shared/script';

describe('glossary', () => {
  it('the seed names every body and programme of the arrangement in both scripts and English', () => {
    const byHant = new Map(seedGlossary.map((term) => [term.hant, term]));
    for (const [hant, hans, en] of [
      ['香港特別行政區政府', '香港特别行政区政府', 'Hong Kong Special Administrative Region'],
      ['深圳市人民政府', '深圳市人民政府', 'Shenzhen'],
      ['河套區港深創新及科技園發展聯合專責小組', '河套区港深创新及科技园发展联合专责小组', 'Joint Task Force'],
      ['「一區兩園」項目工作組', '“一区两园”项目工作组', 'Working Group'],
      ['「香港科學園落戶深圳」專組', '“香港科学园落户深圳”专组', 'Sub-group'],
      ['「聯合政策」專組', '“联合政策”专组', 'Joint Policy'],
      ['「聯合推廣」專組', '“联合推广”专组', 'Joint Promotion'],
      ['香港科技園公司', '香港科技园公司', 'HKSTP'],
      ['港深創新及科技園', '港深创新及科技园', 'HSITP'],
      ['港深創科園', '港深创科园', 'HSITP'],
      ['深圳科創園區', '深圳科创园区', 'Shenzhen'],
      ['深圳園區', '深圳园区', 'Shenzhen Park'],
      ['合作區', '合作区', 'Cooperation Zone'],
      ['大灣區創科飛躍學院', '大湾区创科飞跃学院', 'InnoAcademy'],
      ['大灣區創科快線', '大湾区创科快线', 'InnoExpress'],
      ['港深聯合資助項目庫', '港深联合资助项目库', 'Pool'],
      ['「選題徵集」制', '“选题征集”制', 'call for topics'],
      ['「團隊揭榜」制', '“团队揭榜”制', 'open competition'],
      ['粵港澳大灣區', '粤港澳大湾区', 'Greater Bay Area'],
    ]) {
      const term = byHant.get(hant!);
      expect(term, hant).toBeDefined();
      expect(term!.hans).toBe(hans);
      expect(term!.en).toContain(en);
    }
  });

  it('the seed is a valid stored glossary, and each term converts to its counterpart', async () => {
    expect(Glossary.safeParse(seedGlossary).success).toBe(true);
    for (const term of seedGlossary) {
      expect(await toHans(term.hant, { glossary: seedGlossary })).toBe(term.hans);
      expect(await toHant(term.hans, { glossary: seedGlossary })).toBe(term.hant);
    }
  });

  it('writes the other side\'s wording where the two differ beyond characters', async () => {
    expect(await toHans('分享項目資訊', { glossary: seedGlossary })).toBe('分享项目信息');
    expect(await toHans('分享項目資訊')).toBe('分享项目资讯'); // OpenCC alone
    expect(await toHant('实现两地科研项目信息共享', { glossary: seedGlossary })).toBe('實現兩地科研項目資訊共享');
    expect(await toHant('推进信息技术应用', { glossary: seedGlossary })).toBe('推進資訊科技應用'); // the longer term wins
    expect(await toHant('数字经济及统计数字', { glossary: seedGlossary })).toBe('數碼經濟及統計數字'); // bare 数字 stays digits
  });

  it('a term is protected from further conversion', async () => {
    const glossary: GlossaryTerm[] = [{ id: 'signatory', hant: '薛永恒', hans: '薛永恒', en: 'Sit Wing-hang', note: 'a name: keep as signed' }];
    expect(await toHant('局长 薛永恒')).toBe('局長 薛永恆');
    expect(await toHant('局长 薛永恒', { glossary })).toBe('局長 薛永恒');
  });

  it('converts the text around terms as OpenCC would, and leaves English alone', async () => {
    expect(await toHans('香港科技園公司成立「大灣區創科快線 InnoExpress」，支持創科企業發展', { glossary: seedGlossary })).toBe(
      '香港科技园公司成立“大湾区创科快线 InnoExpress”，支持创科企业发展',
    );
  });

  it("a term's quotation marks follow the reader's script, or stay as typed when the working group keeps them", async () => {
    expect(await toHans('提交「一區兩園」項目工作組', { glossary: seedGlossary })).toBe('提交“一区两园”项目工作组');
    expect(await toHans('提交「一區兩園」項目工作組', { glossary: seedGlossary, quotes: 'asWritten' })).toBe('提交「一区两园」项目工作组');
    // A glossary stored before its Simplified forms took Mainland marks still writes them.
    const stored = seedGlossary.map((term) => ({ ...term, hans: term.hans.replaceAll('“', '「').replaceAll('”', '」') }));
    expect(await toHans('提交「一區兩園」項目工作組', { glossary: stored })).toBe('提交“一区两园”项目工作组');
    expect(await toHant('提交“一区两园”项目工作组', { glossary: seedGlossary })).toBe('提交「一區兩園」項目工作組');
  });

  it('when two terms share a source form, the earlier one applies', async () => {
    const glossary: GlossaryTerm[] = [
      { id: 'a', hant: '資訊', hans: '信息', en: '', note: '' },
      { id: 'b', hant: '信息', hans: '信息', en: '', note: '' },
    ];
    expect(await toHant('信息', { glossary })).toBe('資訊');
  });

  it('the schema refuses what the store must not keep', () => {
    const term = { id: 'x', hant: '資訊', hans: '信息', en: 'information', note: '' };
    expect(Glossary.safeParse([term, term]).success).toBe(false); // duplicate id
    expect(Glossary.safeParse([{ ...term, hant: '  ' }]).success).toBe(false);
    expect(Glossary.safeParse([{ ...term, en: undefined }]).success).toBe(false);
  });

  it('an edited glossary (a new array) takes effect at once in the synchronous converters', async () => {
    const converters = await loadConverters();
    const glossary: GlossaryTerm[] = [{ id: 'a', hant: '甲', hans: '乙', en: '', note: '' }];
    expect(converters.toHans('甲方', { glossary })).toBe('乙方');
    expect(converters.toHans('甲方', { glossary: [{ ...glossary[0]!, hans: '丙' }] })).toBe('丙方');
  });
});
