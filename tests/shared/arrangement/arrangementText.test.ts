import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { arrangementText, flattenNodes } from '../../../shared/arrangement/arrangementText';
import { clauseIds, findClauseReferences, nodeLabel } from '../../../shared/arrangement/clauses';
import { parseArrangement } from '../../../shared/arrangement/parseArrangement';
import { buildArrangementText } from '../../../shared/arrangement/text/buildArrangementText';
import { reviewedDifferences } from '../../../shared/arrangement/text/reviewedDifferences';
import { loadConverters } from '../../../shared/script/convert';

const markdown = readFileSync(path.join(import.meta.dirname, '../../../shared/arrangement/text/arrangement.zh-Hant.md'), 'utf8');

describe('the arrangement text shipped with the app', () => {
  it('holds the preamble, 第一條 to 第五條, the parts of 第二條 and the items of 第二條（三）, and the signatures', () => {
    const ids = flattenNodes().map((n) => n.node.id);
    expect(ids).toEqual(['preamble', '1', '2', '2.1', '2.2', '2.3', '2.3.1', '2.3.2', '2.3.3', '2.3.4', '3', '4', '5', 'signatures']);
    for (const id of clauseIds) expect(ids).toContain(id);
    expect(arrangementText.title[1]!.hant).toBe('關於推進河套深港科技創新合作區「一區兩園」建設的合作安排');
    expect(flattenNodes().find((n) => n.node.id === '4')!.node.heading).toEqual({ hant: '補充條款', hans: '补充条款' });
  });

  it('keeps the Traditional text exactly as signed', () => {
    const parsed = parseArrangement(markdown);
    const hant = (nodes: typeof arrangementText.nodes): unknown => nodes.map((n) => ({ id: n.id, heading: n.heading.hant, paragraphs: n.paragraphs.map((p) => p.hant), children: hant(n.children) }));
    expect(hant(arrangementText.nodes)).toEqual(parsed.nodes);
    const paragraphs = flattenNodes().flatMap((n) => n.node.paragraphs.map((p) => p.hant)).join('');
    // Every character of the source's body text is in the tree.
    const body = markdown.split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.trim()).join('');
    expect(paragraphs).toBe(body);
  });

  it("stores the Simplified text as the converter gives it, except for the reviewed differences, each still needed", async () => {
    const converters = await loadConverters();
    expect(buildArrangementText(markdown, (t) => converters.toHans(t))).toEqual(arrangementText);
    const raw = flattenNodes().flatMap((n) => n.node.paragraphs.map((p) => converters.toHans(p.hant))).join('');
    for (const [from] of reviewedDifferences) expect(raw).toContain(from);
    const stored = flattenNodes().flatMap((n) => n.node.paragraphs.map((p) => p.hans)).join('');
    expect(stored).toContain('分享项目信息');
    expect(stored).toContain('“一区两园”');
    expect(stored).not.toMatch(/[「」]/);
  });
});

describe('clause references', () => {
  it('finds references in either script or English and names the clause', () => {
    const text = '根據第二條（三）1及第二条（二），並按 Article 4 與第四條處理；第九條不存在。';
    expect(findClauseReferences(text).map((r) => [r.id, text.slice(r.start, r.end)])).toEqual([
      ['2.3.1', '第二條（三）1'],
      ['2.2', '第二条（二）'],
      ['4', 'Article 4'],
      ['4', '第四條'],
    ]);
    expect(findClauseReferences('Article 2(3)4 and 第二條（三）').map((r) => r.id)).toEqual(['2.3.4', '2.3']);
  });

  it('labels groups of clauses as well as clauses', () => {
    expect(nodeLabel('2.3', 'zh-Hans')).toBe('第二条（三）');
    expect(nodeLabel('2.3.1', 'zh-Hant')).toBe('第二條（三）1');
    expect(nodeLabel('2', 'en')).toBe('Article 2');
  });
});
