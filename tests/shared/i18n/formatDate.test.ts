import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from '../../../shared/i18n/formatDate';

const instant = '2026-11-24T06:30:00.000Z';

describe('formatDate', () => {
  it('writes dates as each script writes them', () => {
    expect(formatDate(instant, 'zh-Hant', 'Asia/Hong_Kong')).toBe('2026年11月24日');
    expect(formatDate(instant, 'zh-Hans', 'Asia/Shanghai')).toBe('2026年11月24日');
    expect(formatDate(instant, 'en', 'Asia/Hong_Kong')).toBe('24 Nov 2026');
  });

  it('uses the laptop’s time zone: late evening UTC is the next day in Hong Kong', () => {
    expect(formatDate('2026-11-24T20:00:00.000Z', 'zh-Hant', 'Asia/Hong_Kong')).toBe('2026年11月25日');
  });

  it('gives the time with the date for stamps', () => {
    expect(formatDateTime(instant, 'zh-Hans', 'Asia/Shanghai')).toBe('2026年11月24日 14:30');
    expect(formatDateTime(instant, 'en', 'Asia/Hong_Kong')).toBe('24 Nov 2026, 14:30');
  });
});
