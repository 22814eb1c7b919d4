import { describe, expect, it } from 'vitest';
import { displayWidth, widestLine } from '../../../shared/documents/text';

describe('display width of document text (spreadsheet column widths)', () => {
  it('counts CJK, Hangul and full-width characters twice and everything else once', () => {
    expect(displayWidth('')).toBe(0);
    expect(displayWidth('SP-2026-014')).toBe(11);
    expect(displayWidth('香港科技園 HKSTP')).toBe(16);
    expect(displayWidth('한국 ＡＢ')).toBe(9);
    expect(displayWidth('\u115F\u1160')).toBe(3);
  });

  it('counts a character outside the basic plane once, and a stray surrogate half once', () => {
    expect(displayWidth('𠀋😀')).toBe(2);
    expect(displayWidth('\uDC00\uD800')).toBe(2);
  });

  it('measures the widest line of a multi-line text', () => {
    expect(widestLine('短\n較長的一行\nabc')).toBe(10);
  });
});
