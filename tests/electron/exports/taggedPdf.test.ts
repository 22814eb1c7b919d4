import { afterAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../../electron/documents/html/renderHtml';
import type { DocumentModel } from '../../../shared/documents/model';
import { PlaywrightPdfRenderer } from '../../support/pdfRenderer.playwright';

const renderer = new PlaywrightPdfRenderer();
afterAll(() => renderer.close());

/** A parallel-style document: Traditional throughout, with one Simplified cell. */
const document = (script: 'hant' | 'hans'): DocumentModel => ({
  title: script === 'hant' ? '聯合政策專組跟進事項' : '联合政策专组跟进事项',
  script,
  orientation: 'portrait',
  header: '',
  footer: [],
  pageLabel: ['第 ', ' 頁'],
  blocks: [
    { kind: 'heading', level: 1, text: script === 'hant' ? '跟進事項' : '跟进事项' },
    { kind: 'table', columns: [{ header: '繁體', width: 1 }, { header: '简体', width: 1 }], headerScripts: ['hant', 'hans'], rows: [[{ text: '數據', script: 'hant' }, { text: '数据', script: 'hans' }]] },
  ],
});

describe('exported PDFs for a screen reader', () => {
  it.each(['hant', 'hans'] as const)('are tagged and carry the document language of the %s edition, and each cell its own', async (script) => {
    const pdf = Buffer.from(await renderer.render(renderHtml(document(script)))).toString('latin1');
    // Tagged: a structure tree a screen reader walks (headings, the table), not just drawn text.
    expect(pdf).toContain('/StructTreeRoot');
    expect(pdf).toContain('/MarkInfo');
    const tags = [...pdf.matchAll(/\/Lang\s*\(([^)]*)\)/g)].map((m) => m[1]);
    expect(tags).toContain(script === 'hant' ? 'zh-Hant-HK' : 'zh-Hans-CN');
    // The other script's cell is read in the other region's voice.
    expect(tags).toContain(script === 'hant' ? 'zh-Hans-CN' : 'zh-Hant-HK');
    expect(tags.every((tag) => tag === 'zh-Hant-HK' || tag === 'zh-Hans-CN')).toBe(true);
  }, 60_000);
});
