import { describe, expect, it } from 'vitest';
import { fieldInScript } from '../../../shared/script/fieldInScript';
import { correctionFor, fieldText, stampScript, textHash, type ScriptOverrides } from '../../../shared/script/overrides';

describe('hand corrections of a field’s other-script form', () => {
  const record = { title: '皇后大道中的面包店', progress: [{ id: 'a1', note: '已发函' }], name: { hant: '聯合政策', hans: '联合政策' } };

  it('finds a field’s text by path, array elements by id', () => {
    expect(fieldText(record, 'title')).toBe('皇后大道中的面包店');
    expect(fieldText(record, 'progress.a1.note')).toBe('已发函');
    expect(fieldText(record, 'name.hans')).toBe('联合政策');
    expect(fieldText(record, 'progress.zz.note')).toBeUndefined();
    expect(fieldText(record, 'progress')).toBeUndefined();
    expect(fieldText(record, 'constructor')).toBeUndefined();
  });

  it('hashes the source so any change to it is noticed', () => {
    expect(textHash('面包')).toBe(textHash('面包'));
    expect(textHash('面包')).not.toBe(textHash('麵包'));
    expect(textHash('面包')).not.toBe(textHash('面包 '));
  });

  it('wins over conversion while its source is unchanged, and is flagged stale after', () => {
    const overrides: ScriptOverrides = {
      title: { sourceHash: textHash(record.title), hant: '皇后大道中的麵包店', at: '2026-11-24T02:00:00.000Z' },
    };
    const convert = (text: string) => `converted:${text}`;
    expect(correctionFor(overrides, 'title', record.title, 'hant')).toEqual({ text: '皇后大道中的麵包店', stale: false });
    expect(correctionFor(overrides, 'title', record.title, 'hans')).toBeUndefined();
    expect(fieldInScript(convert, record.title, 'hant', overrides, 'title')).toEqual({ text: '皇后大道中的麵包店', corrected: true, stale: false });
    expect(fieldInScript(convert, '皇后大道西的面包店', 'hant', overrides, 'title')).toEqual({
      text: 'converted:皇后大道西的面包店',
      corrected: false,
      stale: true,
    });
    expect(fieldInScript(convert, record.title, 'hant')).toEqual({ text: `converted:${record.title}`, corrected: false, stale: false });
  });

  it('stamps the authoritative script from the text, else keeps the previous one, else the writer’s', () => {
    expect(stampScript(['檢討數據共享'])).toBe('hant');
    expect(stampScript(['检讨数据共享', ''])).toBe('hans');
    expect(stampScript(['HSITP 2026'], 'hans')).toBe('hans');
    expect(stampScript(['深圳'], undefined, 'hant')).toBe('hant');
    expect(stampScript(['HSITP'])).toBeUndefined();
  });
});
