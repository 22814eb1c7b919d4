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

/** Nodes of the text that group clauses (第二條, 第二條（三）): shown and selectable, never stored on records. */
const groupLabels: Record<string, { hant: string; hans: string; en: string }> = {
  '2': { hant: '第二條', hans: '第二条', en: 'Article 2' },
  '2.3': { hant: '第二條（三）', hans: '第二条（三）', en: 'Article 2(3)' },
  preamble: { hant: '序言', hans: '序言', en: 'Preamble' },
};

/** The label of any node of the text, a clause or a group of them. */
export function nodeLabel(id: string, language: 'zh-Hant' | 'zh-Hans' | 'en'): string {
  const group = groupLabels[id];
  if (!group) return clauseLabel(id, language);
  return language === 'zh-Hant' ? group.hant : language === 'zh-Hans' ? group.hans : group.en;
}

export function isClauseId(id: string): id is ClauseId {
  return clauses.some((c) => c.id === id);
}

/** Whether work citing `cited` serves the node `nodeId`: the clause itself, or one inside it (2.3.1 serves 2). */
export function servesNode(cited: string, nodeId: string): boolean {
  return cited === nodeId || cited.startsWith(`${nodeId}.`);
}

/** The clause ids a node covers: itself if it is a clause, else the clauses inside it. */
export function clausesUnder(nodeId: string): ClauseId[] {
  return clauseIds.filter((id) => servesNode(id, nodeId));
}

const NUMERALS = '一二三四五六七八九十';
// 第二條（三）1 / 第二条（三）1 / Article 2(3)1, with full- or half-width brackets.
const REFERENCE = /第([一二三四五])[條条](?:[（(]([一二三])[）)](\d)?)?|Article\s*(\d)(?:\((\d)\)(\d)?)?/g;

/** A clause reference found in free text: where it is, and the clause (or group) it names. */
export interface ClauseReference {
  start: number;
  end: number;
  id: string;
}

/** Finds references like 第二條（三）1 in text, in either script or English, that name a node of the text. */
export function findClauseReferences(text: string): ClauseReference[] {
  const found: ClauseReference[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    const [whole, articleZh, partZh, itemZh, articleEn, partEn, itemEn] = match;
    const article = articleZh ? String(NUMERALS.indexOf(articleZh) + 1) : articleEn!;
    const part = partZh ? String(NUMERALS.indexOf(partZh) + 1) : partEn;
    const item = itemZh ?? itemEn;
    const id = [article, part, part ? item : undefined].filter(Boolean).join('.');
    if (isClauseId(id) || id in groupLabels) found.push({ start: match.index, end: match.index + whole.length, id });
  }
  return found;
}
