/**
 * Stretches of text no conversion touches: code in backticks, web addresses, e-mail addresses and file
 * paths. A path such as D:\资料\「一区两园」\报告.docx names a real folder; converted, it names none.
 */
const KEPT = new RegExp(
  [
    '```[\\s\\S]*?```',
    '`[^`\\n]+`',
    // Up to a space or Chinese sentence punctuation: 见https://example.org/报告。
    '[A-Za-z][A-Za-z0-9+.-]*://[^\\s，。；、！？（）《》「」『』“”<>"]+',
    '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+',
    // Windows paths (D:\…, \\server\share\…) and POSIX ones of two parts or more (/home/…, ~/…, ./…).
    '(?:[A-Za-z]:\\\\|\\\\\\\\[^\\s\\\\]+\\\\)[^\\s，。；、！？<>"|*]*',
    '(?<![^\\s(（：:「『“‘])(?:~|\\.{1,2})?/[^\\s/，。；、！？]+/[^\\s，。；、！？]*',
  ].join('|'),
  'g',
);
const MAY_HOLD_KEPT = /[`@/\\]/;
const CLOSING: Record<string, string> = { '」': '「', '』': '『', '”': '“', '’': '‘', '）': '（', ')': '(' };

/** [start, end) of each kept stretch, in order and not overlapping. */
export function keptSpans(text: string): Array<[number, number]> {
  if (!MAY_HOLD_KEPT.test(text)) return [];
  const spans: Array<[number, number]> = [];
  KEPT.lastIndex = 0;
  for (const match of text.matchAll(KEPT)) {
    let end = match.index + match[0].length;
    // 「D:\报告.docx」: a closing mark whose opening one is outside ends the quotation, not the path.
    while (end > match.index && CLOSING[text[end - 1]!] && !text.slice(match.index, end).includes(CLOSING[text[end - 1]!]!)) end--;
    spans.push([match.index, end]);
  }
  return spans;
}
