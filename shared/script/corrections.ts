import type { Direction } from './dictionaries';

/**
 * Where the bundled OpenCC data (opencc-js) writes a common phrase wrongly, the phrase as it should be,
 * applied with the glossary's priority (before OpenCC, longest first; a user's glossary term wins over
 * one of these for the same source). Each entry comes from the review of the disagreements between the
 * bundled data, upstream OpenCC and Debian's `opencc` (tests/fixtures/script/opencc-disagreements.json);
 * tests/shared/script/corrections.test.ts converts each example and checks OpenCC alone still errs.
 * A guard entry keeps a longer phrase whole that a shorter correction would otherwise cut.
 */
export interface Correction {
  source: string;
  target: string;
  /** Why, in a line. */
  reason: string;
  /** A sentence with the phrase, and what it must become. */
  example: string;
  expected: string;
  guard?: true;
}

export const corrections: Readonly<Record<Direction, readonly Correction[]>> = {
  toHant: [
    {
      source: '字符集合',
      target: '字符集合',
      reason: 'a set (集合) of characters; OpenCC cuts 字符集|合中 and writes 閤, a door, as in 閤府',
      example: '字符集合中出现的字符',
      expected: '字符集合中出現的字符',
    },
    {
      source: '小时制',
      target: '小時制',
      reason: '12/24 小時制 is a system (制) of telling time; OpenCC cuts 小时|制钟 and writes 製, to make',
      example: '使用 24 小时制钟表',
      expected: '使用 24 小時制鐘錶',
    },
    {
      source: '小时制作',
      target: '小時製作',
      reason: 'guard: 24 小時製作 is making (製作) round the clock, which the 小时制 entry must not cut',
      example: '连续24小时制作完成',
      expected: '連續24小時製作完成',
      guard: true,
    },
  ],
  toHans: [],
};
