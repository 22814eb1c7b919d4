import { describe, expect, it } from 'vitest';
import { loadConverters } from '../../../shared/script';
import { arrangement, corpus } from './support';

/** Where text differs after a round trip, code point by code point (conversion keeps the count). */
function changes(original: string, middle: string, back: string) {
  const [o, m, b] = [Array.from(original), Array.from(middle), Array.from(back)];
  expect(m.length).toBe(o.length);
  expect(b.length).toBe(o.length);
  return o.flatMap((char, i) =>
    char === b[i] ? [] : [{ original: char, via: m[i]!, back: b[i]!, context: o.slice(Math.max(0, i - 3), i + 4).join('') }],
  );
}

describe('round trip', () => {
  it('Traditional → Simplified → Traditional returns the arrangement except the listed cases', async () => {
    const { toHans, toHant } = await loadConverters();
    const text = arrangement();
    const middle = toHans(text);
    // In text order. "one-to-many": one Simplified character has several Traditional counterparts and the
    // phrase dictionary picks another one here. "HK form": no choice, OpenCC writes Hong Kong's standard
    // form (HKVariants) where the signed text has another.
    expect(changes(text, middle, toHant(middle))).toEqual([
      { original: '布', via: '布', back: '佈', context: ' 日公布《粵港' }, // one-to-many: 公布 → 公佈
      { original: '並', via: '并', back: '併', context: '園」，並發揮香' }, // one-to-many: 并 is 並/併/并; 并发 → 併發
      { original: '戶', via: '户', back: '户', context: '學園落戶深圳園' }, // HK form 户
      { original: '盡', via: '尽', back: '儘', context: '企業可盡早開展' }, // one-to-many: 尽 is 盡/儘; 尽早 → 儘早
      { original: '戶', via: '户', back: '户', context: '間，落戶深圳園' }, // HK form 户
      { original: '戶', via: '户', back: '户', context: '學園落戶深圳」' }, // HK form 户
      { original: '戶', via: '户', back: '户', context: '學園落戶深圳園' }, // HK form 户
      { original: '恒', via: '恒', back: '恆', context: '　薛永恒　20' }, // HK form 恆, in a signatory's name
      { original: '峰', via: '峰', back: '峯', context: '　艾學峰　20' }, // HK form 峯, in a signatory's name
    ]);
  });

  it('the one-to-many cases are characters with several Traditional counterparts in OpenCC', async () => {
    const { reviewWith } = await import('../../../shared/script');
    const { tables } = await loadConverters();
    const items = reviewWith(tables.toHant, '公布 并发 尽早');
    const bySource = Object.fromEntries(items.map((item) => [item.source, [item.choice, ...item.alternatives.map((a) => a.text)]]));
    expect(bySource['布']).toEqual(expect.arrayContaining(['佈', '布']));
    expect(bySource['并']).toEqual(expect.arrayContaining(['併', '並']));
    expect(bySource['尽']).toEqual(expect.arrayContaining(['儘', '盡']));
  });

  it('Simplified → Traditional → Simplified returns every Simplified text of the corpus unchanged', async () => {
    const { toHans, toHant } = await loadConverters();
    for (const { name, text } of corpus().filter((t) => t.script === 'hans')) expect(toHans(toHant(text)), name).toBe(text);
  });
});
