/**
 * The arrangement's clauses that work can serve, in both scripts: the ids are stored on records
 * (e.g. an action's `clauses`), the labels are shown. Order follows the text.
 */
export const clauses = [
  { id: '1', hant: '第一條', hans: '第一条', en: 'Article 1' },
  { id: '2.1', hant: '第二條（一）', hans: '第二条（一）', en: 'Article 2(1)' },
  { id: '2.2', hant: '第二條（二）', hans: '第二条（二）', en: 'Article 2(2)' },
  { id: '2.3.1', hant: '第二條（三）1', hans: '第二条（三）1', en: 'Article 2(3)1' },
  { id: '2.3.2', hant: '第二條（三）2', hans: '第二条（三）2', en: 'Article 2(3)2' },
  { id: '2.3.3', hant: '第二條（三）3', hans: '第二条（三）3', en: 'Article 2(3)3' },
  { id: '2.3.4', hant: '第二條（三）4', hans: '第二条（三）4', en: 'Article 2(3)4' },
  { id: '3', hant: '第三條', hans: '第三条', en: 'Article 3' },
  { id: '4', hant: '第四條', hans: '第四条', en: 'Article 4' },
  { id: '5', hant: '第五條', hans: '第五条', en: 'Article 5' },
] as const;

export type ClauseId = (typeof clauses)[number]['id'];
export const clauseIds = clauses.map((c) => c.id) as [ClauseId, ...ClauseId[]];

export function clauseLabel(id: string, language: 'zh-Hant' | 'zh-Hans' | 'en'): string {
  const clause = clauses.find((c) => c.id === id);
  if (!clause) return id;
  return language === 'zh-Hant' ? clause.hant : language === 'zh-Hans' ? clause.hans : clause.en;
}
