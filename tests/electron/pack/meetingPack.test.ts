import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import type { Meeting } from '../../../shared/model/meeting';
import type { PackBuildResult, PackPlan } from '../../../shared/pack/contract';
import type { Result } from '../../../shared/ipc/errors';
import type { TaskProgress } from '../../../shared/tasks/progress';
import { RecordingPrinter } from '../../../electron/pack/packPrinter';
import { bookmarks, pageTexts, pdfFonts } from '../../support/pdfInspect';
import { PlaywrightPdfRenderer } from '../../support/pdfRenderer.playwright';
import { createPackMeeting } from '../../support/packMeeting';
import { useTestBackend, type TestSession } from '../../support/testBackend';

const renderer = new PlaywrightPdfRenderer();
afterAll(() => renderer.close());
const openSession = useTestBackend();

async function start(options: Parameters<typeof createPackMeeting>[3] = {}) {
  const printer = new RecordingPrinter();
  const session = await openSession({ pdfRenderer: renderer, printer, now: () => new Date('2026-11-24T02:00:00Z') });
  const files = await mkdtemp(path.join(tmpdir(), 'hetao-pack-'));
  const fixture = await createPackMeeting(session.value.bind(session) as never, session.dialogs, files, options);
  const progress: TaskProgress[] = [];
  session.backend.onTaskProgress((p) => progress.push(p));
  return { session, printer, files, progress, ...fixture };
}

/** As the pack dialog does it: where to save (one save dialog), then the build; null where the dialog was cancelled. */
async function build(session: TestSession, meetingId: string, scripts: string, taskId = crypto.randomUUID()): Promise<Result<PackBuildResult | null>> {
  const plan = await session.call<PackPlan | null>('pack.prepare', { meetingId, scripts });
  if (!plan.ok || plan.value === null) return plan as Result<null>;
  return session.call<PackBuildResult>('pack.build', { meetingId, token: plan.value.token, taskId, replaceExisting: false });
}

async function builtPack(session: TestSession, meetingId: string, scripts: string): Promise<PackBuildResult> {
  const result = await build(session, meetingId, scripts);
  if (!result.ok || !result.value) throw new Error(`pack not built: ${JSON.stringify(result)}`);
  return result.value;
}

/** Where each contents line says its section starts: "議程 ....... 3" → { 議程: 3 }. */
function contentsEntries(text: string): Array<{ title: string; page: number }> {
  return text
    .split('\n')
    .map((line) => /^\s*(\S.*?)\s{2,}(\d+)\s*$/.exec(line))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ title: m[1]!.trim(), page: Number(m[2]) }));
}

/** The pages (1-based) the contents page's links open, in the order of its lines. */
async function contentsLinkPages(bytes: Uint8Array): Promise<number[]> {
  const doc = await PDFDocument.load(bytes);
  const refs = doc.getPages().map((page) => page.ref.toString());
  const dests = doc.catalog.lookup(PDFName.of('Dests'), PDFDict);
  const annots = doc.getPage(1).node.Annots();
  return Array.from({ length: annots?.size() ?? 0 }, (_, i) => {
    const dest = dests.lookup(annots!.lookup(i, PDFDict).get(PDFName.of('Dest')) as PDFName, PDFArray);
    return refs.indexOf(dest.get(0).toString()) + 1;
  });
}

describe('meeting pack', () => {
  it('builds Traditional and Simplified packs: contents numbers match the pages, bookmarks, continuous footers, papers merged in agenda order', async () => {
    const { session, files, progress, meeting, markers } = await start();
    session.dialogs.answerNextSave(path.join(files, 'out', '..', 'pack.pdf'));
    const result = await build(session, meeting.id, 'both');
    expect(result.ok).toBe(true);
    const { files: built, brokenPapers } = (result as { ok: true; value: PackBuildResult }).value!;
    expect(brokenPapers).toEqual([]);
    expect(built.map((f) => f.script)).toEqual(['hant', 'hans']);
    expect(built[0]!.fileName).toBe('pack.pdf');
    expect(built[1]!.fileName).toBe('“香港科学园落户深圳”专组第2次会议会议文件包（简体版）.pdf');
    expect(path.dirname(built[1]!.path)).toBe(files);

    for (const file of built) {
      const hant = file.script === 'hant';
      const bytes = new Uint8Array(await readFile(file.path));
      const pages = await pageTexts(file.path);
      // cover, contents, agenda, attendance, minutes, matters arising, then 3 separators and 3+2+4 paper pages.
      expect(pages.length).toBe(file.pageCount);
      expect(file.pageCount).toBe(6 + 3 + 9);

      // Every page: the classification at the top and the bottom, the footer numbered continuously across merged papers.
      pages.forEach((text, i) => {
        expect(text.split(hant ? '限閱文件 RESTRICTED' : '限阅文件 RESTRICTED').length - 1).toBe(i === 0 ? 3 : 2); // the cover carries it once more
        expect(text).toContain(hant ? `第 ${i + 1} 頁，共 ${pages.length} 頁` : `第 ${i + 1} 页，共 ${pages.length} 页`);
      });
      expect(pages[0]).toContain(hant ? '香港特別行政區政府' : '香港特别行政区政府');
      expect(pages[0]).toContain(hant ? '第2次會議' : '第2次会议');
      expect(pages[0]).toContain(hant ? '2026年11月30日' : '2026年11月30日');

      // The contents page's numbers are where each section really starts.
      const entries = contentsEntries(pages[1]!);
      expect(entries.map((e) => e.title).slice(0, 4)).toEqual(
        hant ? ['議程', '出席名單', '上次會議紀要（供確認）', '續議事項'] : ['议程', '出席名单', '上次会议纪要（供确认）', '续议事项'],
      );
      for (const entry of entries.slice(0, 4)) expect(pages[entry.page - 1]).toContain(entry.title);
      const paperEntries = entries.filter((e) => /PAPER-/.test(e.title));
      expect(paperEntries).toHaveLength(3);
      for (const [i, entry] of paperEntries.entries()) {
        expect(pages[entry.page - 1]).toContain(markers[i]!);
        // The paper itself follows its separator page.
        expect(pages[entry.page]).toContain(`${markers[i]} page 1`);
      }
      expect(pages[paperEntries[2]!.page + 3]).toContain(`${markers[2]} page 4`);
      // Each contents line is a link that opens the page it names.
      expect(await contentsLinkPages(bytes)).toEqual(entries.map((e) => e.page));

      // Bookmarks: each section and, under the papers, each paper; each opens its first page.
      const marks = await bookmarks(bytes);
      expect(marks.map((m) => m.title)).toEqual(
        hant
          ? ['封面', '目錄', '議程', '出席名單', '上次會議紀要（供確認）', '續議事項', '會議文件']
          : ['封面', '目录', '议程', '出席名单', '上次会议纪要（供确认）', '续议事项', '会议文件'],
      );
      expect(marks.map((m) => m.page)).toEqual([1, 2, ...entries.slice(0, 4).map((e) => e.page), paperEntries[0]!.page]);
      expect(marks.at(-1)!.children.map((c) => c.page)).toEqual(paperEntries.map((e) => e.page));

      // The content itself in the pack's script: the agenda, attendance, minutes and the action arising.
      const text = pages.join('\n');
      if (hant) {
        expect(text).toContain('深圳園區物業租賃進展');
        expect(text).toContain('陳大文（主席）');
        expect(text).toContain('提交租約條款');
        expect(text).toContain('已完成初稿，待雙方確認。');
      } else {
        expect(text).toContain('深圳园区物业租赁进展');
        expect(text).toContain('陈大文（主席）');
        expect(text).toContain('提交租约条款');
        expect(text).not.toContain('園區');
      }
      // Chinese text is embedded as fonts with a Unicode map: it prints and can be searched, never tofu.
      // (The test papers' Helvetica is a standard font that viewers supply.)
      const fonts = (await pdfFonts(file.path)).filter((f) => !f.type.includes('Helvetica'));
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.every((f) => f.embedded && f.unicode)).toBe(true);
    }

    // Progress ran forward to its end under the task id.
    expect(progress.length).toBeGreaterThan(5);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
  }, 120_000);

  it('still builds when a paper is damaged, with a placeholder page that names it, and reports it', async () => {
    const { session, files, meeting } = await start({ paperPages: [2], brokenPaper: true });
    session.dialogs.answerNextSave(path.join(files, 'pack.pdf'));
    const result = await builtPack(session, meeting.id, 'hant');
    expect(result.brokenPapers).toEqual(['損壞文件.pdf']);
    const pages = await pageTexts(result.files[0]!.path);
    expect(pages.length).toBe(6 + 1 + 2 + 1);
    expect(pages.at(-1)).toContain('文件「損壞文件.pdf」無法讀取');
  }, 60_000);

  it('puts the header at the top and the footer at the bottom of a paper in landscape Letter', async () => {
    const { session, files, meeting } = await start({ paperPages: [] });
    const landscape = await PDFDocument.create();
    landscape.addPage([792, 612]);
    const paperFile = path.join(files, 'landscape.pdf');
    await writeFile(paperFile, await landscape.save());
    session.dialogs.answerNextOpen(paperFile);
    const withPaper = await session.value<Meeting>('meetings.addPaper', { id: meeting.id, revision: meeting.revision, itemId: meeting.agenda[2]!.id, title: '橫向圖表' });
    session.dialogs.answerNextSave(path.join(files, 'pack.pdf'));
    const result = await builtPack(session, withPaper.id, 'hant');
    const last = result.files[0]!.pageCount;
    // Words on the last page (the landscape paper) with their boxes, as pdftotext -bbox reports them.
    const { stdout } = await promisify(execFile)('pdftotext', ['-bbox', '-f', String(last), '-l', String(last), result.files[0]!.path, '-']);
    const words = [...stdout.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      text: m[5]!,
      top: Number(m[2]),
      bottom: Number(m[4]),
    }));
    // The classification stands at the top and at the bottom.
    const [header, bottomBanner] = words.filter((w) => w.text.includes('限閱文件')).sort((a, b) => a.top - b.top);
    expect(bottomBanner!.bottom).toBeGreaterThan(612 - 48);
    // 「第 N 頁，共 N 頁」: the page number is a word of its own.
    const footer = words.find((w) => w.text === String(last))!;
    expect(header!.top).toBeLessThan(48);
    expect(footer.bottom).toBeGreaterThan(612 - 48);
    expect(footer.bottom).toBeLessThanOrEqual(612);
  }, 60_000);

  it('previews and prints the last pack built, and says so when none has been', async () => {
    const { session, files, printer, meeting } = await start({ paperPages: [1] });
    expect(await session.call('pack.preview', { meetingId: meeting.id, script: 'hans' })).toMatchObject({ ok: false, error: { code: 'pack.notBuilt' } });
    session.dialogs.answerNextSave(path.join(files, '文件包.pdf'));
    const result = await builtPack(session, meeting.id, 'hans');
    const preview = await session.value<{ pageCount: number; sections: Array<{ title: string; html: string; pages: number }> }>('pack.preview', {
      meetingId: meeting.id,
      script: 'hans',
    });
    expect(preview.pageCount).toBe(result.files[0]!.pageCount);
    expect(preview.sections.map((s) => s.title)).toEqual(['封面', '目录', '议程', '出席名单', '上次会议纪要（供确认）', '续议事项', '会议文件']);
    expect(preview.sections[0]!.html).toContain('lang="zh-Hans-CN"');
    await session.value('pack.print', { meetingId: meeting.id, script: 'hans' });
    expect(printer.printed).toEqual([path.join(files, '文件包.pdf')]);
  }, 60_000);

  it('writes nothing when the save dialog is cancelled or the build is cancelled, and asks before replacing a file the user did not pick', async () => {
    const { session, files, meeting, progress } = await start({ paperPages: [1] });
    expect(await build(session, meeting.id, 'both')).toEqual({ ok: true, value: null });

    // Cancel as soon as the first progress arrives.
    const taskId = crypto.randomUUID();
    const stop = session.backend.onTaskProgress((p) => void (p.taskId === taskId && session.call('tasks.cancel', { taskId })));
    session.dialogs.answerNextSave(path.join(files, 'pack.pdf'));
    expect(await build(session, meeting.id, 'hant', taskId)).toMatchObject({ ok: false, error: { code: 'pack.cancelled' } });
    stop();
    expect(progress.length).toBeGreaterThan(0);
    expect((await readdir(files)).filter((f) => f.startsWith('pack') || f.includes('文件包'))).toEqual([]);

    // The Simplified file would land beside the chosen one, where a file of that name already is.
    const sibling = path.join(files, '“香港科学园落户深圳”专组第2次会议会议文件包（简体版）.pdf');
    await writeFile(sibling, 'older pack');
    session.dialogs.answerNextSave(path.join(files, 'pack.pdf'));
    const plan = await session.value<PackPlan>('pack.prepare', { meetingId: meeting.id, scripts: 'both' });
    expect(plan.existing).toEqual([path.basename(sibling)]);
    const buildPlanned = (replaceExisting: boolean) => session.call<PackBuildResult>('pack.build', { meetingId: meeting.id, token: plan.token, taskId: crypto.randomUUID(), replaceExisting });
    expect(await buildPlanned(false)).toMatchObject({ ok: false, error: { code: 'export.fileExists', params: { file: path.basename(sibling) } } });
    expect(await readFile(sibling, 'utf8')).toBe('older pack');
    // The user agrees to replace it: the pack is written where they chose, without a second save dialog.
    expect(await buildPlanned(true)).toMatchObject({ ok: true });
    expect((await readFile(sibling)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await readdir(files)).toContain('pack.pdf');
    // A plan is used once.
    expect(await buildPlanned(true)).toMatchObject({ ok: false, error: { code: 'export.expired' } });
  }, 90_000);

  it('refuses bad arguments and unknown meetings with a clear error', async () => {
    const { session } = await start({ paperPages: [] });
    expect(await session.call('pack.prepare', { meetingId: 'x', scripts: 'hant' })).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidArguments' },
    });
    expect(await session.call('pack.prepare', { meetingId: crypto.randomUUID(), scripts: 'latin' })).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidArguments' },
    });
    expect(await session.call('pack.build', { meetingId: crypto.randomUUID(), token: 'not-a-token', taskId: crypto.randomUUID() })).toMatchObject({
      ok: false,
      error: { code: 'ipc.invalidArguments' },
    });
    expect(await build(session, crypto.randomUUID(), 'hant')).toMatchObject({ ok: false, error: { code: 'record.notFound' } });
    expect(await session.call('tasks.cancel', { taskId: crypto.randomUUID() })).toEqual({ ok: true, value: false });
  }, 30_000);
});
