import { randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type { TFunction } from 'i18next';
import { AppError } from '../../shared/ipc/errors';
import { languageOfScript, nameInScript, type Language } from '../../shared/model/language';
import type { PackBuildResult, PackFile, PackPlan, PackPreviewSection, PackScripts } from '../../shared/pack/contract';
import type { Dialogs } from '../dialogs/dialogs';
import { safeFileName, splitName } from '../documents/output/fileNames';
import type { OutputWriter } from '../documents/output/outputWriter';
import type { PdfRenderer } from '../documents/pdf/pdfRenderer';
import type { Tasks } from '../tasks/tasks';
import { buildMeetingPack, PackCancelled } from './meetingPack';
import type { PackPrinter } from './packPrinter';
import { meetingLabel, packContentFrom, type PackSourceData, type PackSourceDeps } from './packSource';
import type { Script } from '../../shared/script/script';

export interface PackServiceDeps {
  /** The meeting's records as the pack reads them (MeetingService.packData); record.notFound if none. */
  packData(meetingId: string): Promise<PackSourceData>;
  field: PackSourceDeps['field'];
  convert: PackSourceDeps['convert'];
  readPaper: PackSourceDeps['readPaper'];
  /** Null where no PDF engine is available: building is refused with export.pdfUnavailable. */
  renderer: PdfRenderer | null;
  printer: PackPrinter;
  dialogs: Dialogs;
  output: OutputWriter;
  tasks: Tasks;
  translator(language: Language): TFunction;
  uiLanguage(): Language;
  now(): Date;
}

// Plans are small; a few cover a user who opens the dialog again and again without building.
const KEPT_PLANS = 8;

interface Built {
  path: string;
  pageCount: number;
  sections: PackPreviewSection[];
}

/**
 * The meeting pack (會議文件包): asks where to save, builds each chosen script's PDF with progress
 * and cancel, writes the files through the output layer, and keeps the last build of each meeting
 * and script for the print preview and the print dialog.
 */
export class PackService {
  private readonly built = new Map<string, Built>();
  private readonly planned = new Map<string, { meetingId: string; scripts: Script[]; paths: string[]; existing: string[] }>();

  constructor(private readonly deps: PackServiceDeps) {}

  /** Asks once where to save; the build then writes there by the plan's token. Null if cancelled. */
  async prepare(request: { meetingId: string; scripts: PackScripts }): Promise<PackPlan | null> {
    const { deps } = this;
    if (!deps.renderer) throw new AppError('export.pdfUnavailable');
    const data = await deps.packData(request.meetingId);
    const scripts: Script[] = request.scripts === 'both' ? ['hant', 'hans'] : [request.scripts];
    const names = scripts.map((script) => this.fileName(data, script));
    const ui = deps.translator(deps.uiLanguage());

    const chosen = await deps.dialogs.saveFile({
      title: ui('pack.saveTitle'),
      defaultPath: names[0]!,
      filters: [{ name: ui('pack.pdfFilter'), extensions: ['pdf'] }],
    });
    if (!chosen) return null;
    // The user named the first file; the other script's goes beside it under its own name.
    const [stem, extension] = splitName(path.basename(chosen));
    const first = path.join(path.dirname(chosen), extension.toLowerCase() === 'pdf' ? path.basename(chosen) : safeFileName(stem, 'pdf'));
    const paths = [first, ...names.slice(1).map((name) => path.join(path.dirname(chosen), name))];
    // The save dialog asked about replacing the chosen file; a sibling the user never saw is asked about by the window.
    const existing = await deps.output.existing(paths.slice(1));
    const token = randomUUID();
    this.planned.set(token, { meetingId: request.meetingId, scripts, paths, existing });
    while (this.planned.size > KEPT_PLANS) this.planned.delete(this.planned.keys().next().value!);
    return { token, files: paths.map((p) => path.basename(p)), existing: existing.map((p) => path.basename(p)) };
  }

  async build(request: { meetingId: string; token: string; taskId: string; replaceExisting: boolean }): Promise<PackBuildResult> {
    const { deps } = this;
    const renderer = deps.renderer;
    if (!renderer) throw new AppError('export.pdfUnavailable');
    const plan = this.planned.get(request.token);
    if (!plan || plan.meetingId !== request.meetingId) throw new AppError('export.expired');
    const [clash] = request.replaceExisting ? [] : plan.existing;
    if (clash) throw new AppError('export.fileExists', { file: path.basename(clash) });
    this.planned.delete(request.token);
    const { scripts, paths } = plan;
    const data = await deps.packData(request.meetingId);
    const ui = deps.translator(deps.uiLanguage());

    const results = await deps.tasks.run(request.taskId, async (report, signal) => {
      const done: Array<{ script: Script; bytes: Uint8Array; pageCount: number; brokenPapers: string[]; sections: PackPreviewSection[] }> = [];
      for (const [i, script] of scripts.entries()) {
        const t = deps.translator(languageOfScript[script]);
        const content = await packContentFrom(data, script, { field: deps.field, convert: deps.convert, readPaper: deps.readPaper, t });
        try {
          const pack = await buildMeetingPack(content, {
            renderer,
            t,
            progressT: ui,
            now: deps.now,
            signal,
            // Both scripts as one bar: each takes half.
            onProgress: (stepDone, total, label) => report(i * total + stepDone, total * scripts.length, label),
          });
          done.push({ script, bytes: pack.bytes, pageCount: pack.pageCount, brokenPapers: pack.brokenPapers, sections: pack.preview });
        } catch (error) {
          if (error instanceof PackCancelled) throw new AppError('pack.cancelled');
          throw error;
        }
      }
      return done;
    });

    await deps.output.write(
      results.map((r, i) => ({ path: paths[i]!, bytes: r.bytes })),
      { replace: true },
    );
    const files: PackFile[] = results.map((r, i) => ({ script: r.script, path: paths[i]!, fileName: path.basename(paths[i]!), pageCount: r.pageCount }));
    results.forEach((r, i) => this.built.set(`${request.meetingId}:${r.script}`, { path: paths[i]!, pageCount: r.pageCount, sections: r.sections }));
    return { files, brokenPapers: [...new Set(results.flatMap((r) => r.brokenPapers))] };
  }

  preview({ meetingId, script }: { meetingId: string; script: Script }): { pageCount: number; sections: PackPreviewSection[] } {
    const built = this.lastBuilt(meetingId, script);
    return { pageCount: built.pageCount, sections: built.sections };
  }

  async print({ meetingId, script }: { meetingId: string; script: Script }): Promise<void> {
    await this.deps.printer.print(this.lastBuilt(meetingId, script).path);
  }

  private lastBuilt(meetingId: string, script: Script): Built {
    const built = this.built.get(`${meetingId}:${script}`);
    if (!built) throw new AppError('pack.notBuilt');
    return built;
  }

  /** 「香港科學園落戶深圳」專組第3次會議會議文件包（繁體版）.pdf */
  private fileName(data: PackSourceData, script: Script): string {
    const t = this.deps.translator(languageOfScript[script]);
    const group = nameInScript(data.subGroup?.name ?? data.workingGroupName, script);
    return safeFileName(t('packDoc.fileName', { group, meeting: meetingLabel(data.meeting.number, t), version: t('packDoc.version') }), 'pdf');
  }
}
