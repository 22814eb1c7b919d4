/**
 * Where the shipped Simplified text departs from the converter's output, each reviewed by hand:
 * [converter's output, Mainland-standard wording]. Everything else is exactly what hk2s gives.
 */
export const reviewedDifferences: ReadonlyArray<readonly [string, string]> = [
  // Quotation marks need no entry: the converter writes “ ” where Hong Kong uses 「 」 (shared/script/quotes.ts).
  // 資訊 is written 信息 on the Mainland (DOMAIN.md: terms beyond characters).
  ['项目资讯', '项目信息'],
];

export function applyReviewedDifferences(converted: string): string {
  return reviewedDifferences.reduce((text, [from, to]) => text.split(from).join(to), converted);
}
