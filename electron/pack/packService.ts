import { hash, randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type { TFunction } from 'i18next';
import { AppError } from '../../shared/ipc/errors';
import { languageOfScript, nameInScript, type Language } from '../../shared/model/language';
import type { Contact } from '../../shared/model/contact';
import type { CopyFile, MeetingCopy } from '../../shared/model/meetingCopy';
import type { PackBuildResult, PackCopies, PackFile, PackPlan, PackPreviewSection, PackScripts } from '../../shared/pack/contract';
import { formatDateTime } from '../../shared/i18n/formatDate';
import type { Dialogs } from '../dialogs/dialogs';
import { safeFileName, splitName } from '../documents/output/fileNames';
import type { OutputWriter } from '../documents/output/outputWriter';
import type { PdfRenderer } from '../documents/pdf/pdfRenderer';
import type { Tasks } from '../tasks/tasks';
import type { Distribution } from './distribution';
import { buildMeetingPack, numberedCopy, PackCancelled } from './meetingPack';
import { copySheetsHtml } from './packHtml';
import type { PackPrinter } from './packPrinter';
import { meetingLabel, packContentFrom, type PackSourceData, type PackSourceDeps } from './packSource';
import type { Script } from '../../shared/script/script';

export interface PackServiceDeps {
  /** The meeting's records as the pack reads them (MeetingService.packData); record.notFound if none. */
  packData(meetingId: string): Promise<PackSourceData>;
  field: PackSourceDeps['field'];
  convert: PackSourceDeps['convert'];
  readPaper: PackSourceDeps['readPaper'];
  /** A contact, for the recipients of numbered copies. */
  contact(id: string): Contact | undefined;
  /** Where numbered copies are recorded. */
  distribution: Distribution;
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
  /** Numbered copies: copy id → its file. */
  copies: Map<string, string>;
}

/** A recipient of a numbered copy, with the name as each script prints it. */
interface Recipient {
  id: string;
  names: Partial<Record<Script, string>>;
}

interface Plan {
  meetingId: string;
  scripts: Script[];
  /** One path per script, or with copies, per script and recipient (script by script). */
  paths: string[];
  existing: string[];
  copies: { recipients: Recipient[]; watermark: boolean } | null;
}

/**
 * The meeting pack (會議文件包): asks where to save, builds each chosen script's PDF with progress
 * and cancel, writes the files through the output layer, and keeps the last build of each meeting
 * and script for the print preview and the print dialog.
 */
export class PackService {
  private readonly built = new Map<string, Built>();
  private readonly planned = new Map<string, Plan>();

  constructor(private readonly deps: PackServiceDeps) {}

  /** Asks once where to save; the build then writes there by the plan's token. Null if cancelled. */
  async prepare(request: { meetingId: string; scripts: PackScripts; copies: PackCopies | null }): Promise<PackPlan | null> {
    const { deps } = this;
    if (!deps.renderer) throw new AppError('export.pdfUnavailable');
    const data = await deps.packData(request.meetingId);
    const scripts: Script[] = request.scripts === 'both' ? ['hant', 'hans'] : [request.scripts];
    // A classified pack goes out as numbered copies; without recipients it is the secretariat's own
    // file copy, unnumbered (the dialog asks first). An unclassified pack is never numbered.
    const copies = data.meeting.classification && request.copies ? { recipients: await this.recipients(request.copies.recipientIds, scripts), watermark: request.copies.watermark } : null;
    const names = scripts.flatMap((script) => {
      const name = this.fileName(data, script);
      if (!copies) return [name];
      const t = deps.translator(languageOfScript[script]);
      const total = copies.recipients.length;
      return copies.recipients.map((r, i) => safeFileName(t('packDoc.copyFileName', { pack: splitName(name)[0], number: i + 1, total, recipient: r.names[script] }), 'pdf'));
    });
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
    this.planned.set(token, { meetingId: request.meetingId, scripts, paths, existing, copies });
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
    const { scripts, paths, copies } = plan;
    const data = await deps.packData(request.meetingId);
    const ui = deps.translator(deps.uiLanguage());
    const issuedAt = deps.now();

    const results = await deps.tasks.run(request.taskId, async (report, signal) => {
      const done: Array<{ script: Script; bytes: Uint8Array; pageCount: number; brokenPapers: string[]; sections: PackPreviewSection[]; copies: Uint8Array[] }> = [];
      const copyCount = copies?.recipients.length ?? 0;
      let baseSteps = 0;
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
            // Both scripts as one bar, each its pack's steps and then one step per numbered copy.
            onProgress: (stepDone, total, label) => {
              baseSteps = total;
              report(i * (total + copyCount) + stepDone, (total + copyCount) * scripts.length, label);
            },
          });
          const numbered: Uint8Array[] = [];
          for (const [n, recipient] of (copies?.recipients ?? []).entries()) {
            if (signal.aborted) throw new PackCancelled();
            const perScript = baseSteps + copyCount;
            report(i * perScript + baseSteps + n, perScript * scripts.length, ui('packProgress.copy', { number: n + 1, total: copyCount }));
            numbered.push(await this.numbered(pack.bytes, pack.pageCount, script, { number: n + 1, total: copyCount, name: recipient.names[script]!, watermark: copies!.watermark, issuedAt }));
          }
          done.push({ script, bytes: pack.bytes, pageCount: pack.pageCount, brokenPapers: pack.brokenPapers, sections: pack.preview, copies: numbered });
        } catch (error) {
          if (error instanceof PackCancelled) throw new AppError('pack.cancelled');
          throw error;
        }
      }
      return done;
    });

    const brokenPapers = [...new Set(results.flatMap((r) => r.brokenPapers))];
    if (!copies) {
      await deps.output.write(
        results.map((r, i) => ({ path: paths[i]!, bytes: r.bytes })),
        { replace: true },
      );
      const files: PackFile[] = results.map((r, i) => ({ script: r.script, path: paths[i]!, fileName: path.basename(paths[i]!), pageCount: r.pageCount, copy: null }));
      results.forEach((r, i) => this.built.set(`${request.meetingId}:${r.script}`, { path: paths[i]!, pageCount: r.pageCount, sections: r.sections, copies: new Map() }));
      return { files, brokenPapers };
    }

    // Paths run script by script, each script's copies in recipient order.
    const perScript = copies.recipients.length;
    const written = results.flatMap((r, s) => r.copies.map((bytes, n) => ({ script: r.script, path: paths[s * perScript + n]!, bytes, n })));
    await deps.output.write(written, { replace: true });
    const files = (n: number): CopyFile[] =>
      written.filter((w) => w.n === n).map((w) => ({ script: w.script, fileName: path.basename(w.path), sha256: hash('sha256', w.bytes, 'hex') }));
    const recorded = await deps.distribution.recordRun(
      request.meetingId,
      data.meeting.classification!,
      copies.recipients.map((r, n) => ({ recipientId: r.id, recipientName: r.names[scripts[0]!]!, files: files(n) })),
    );
    results.forEach((r, s) => {
      const byCopy = new Map(recorded.map((copy, n) => [copy.id, paths[s * perScript + n]!]));
      this.built.set(`${request.meetingId}:${r.script}`, { path: paths[s * perScript]!, pageCount: r.pageCount, sections: r.sections, copies: byCopy });
    });
    return {
      files: written.map((w) => ({
        script: w.script,
        path: w.path,
        fileName: path.basename(w.path),
        pageCount: results.find((r) => r.script === w.script)!.pageCount,
        copy: copyRef(recorded[w.n]!, copies.recipients[w.n]!.names[w.script]!),
      })),
      brokenPapers,
    };
  }

  preview({ meetingId, script }: { meetingId: string; script: Script }): { pageCount: number; sections: PackPreviewSection[] } {
    const built = this.lastBuilt(meetingId, script);
    return { pageCount: built.pageCount, sections: built.sections };
  }

  async print({ meetingId, script, copyId }: { meetingId: string; script: Script; copyId: string | null }): Promise<void> {
    const built = this.lastBuilt(meetingId, script);
    if (built.copies.size > 0 && copyId === null) throw new AppError('pack.copyRequired');
    const file = copyId === null ? built.path : built.copies.get(copyId);
    if (!file) throw new AppError('pack.notBuilt');
    await this.deps.printer.print(file);
    if (copyId !== null) await this.deps.distribution.markPrinted(copyId);
  }

  /** The chosen contacts, each name as each script prints it; record.notFound for one deleted meanwhile. */
  private async recipients(ids: string[], scripts: Script[]): Promise<Recipient[]> {
    const recipients: Recipient[] = [];
    for (const id of new Set(ids)) {
      const contact = this.deps.contact(id);
      if (!contact || contact.deletedAt !== null) throw new AppError('record.notFound');
      const names: Recipient['names'] = {};
      for (const script of scripts) names[script] = await this.deps.convert(contact.name, script);
      recipients.push({ id, names });
    }
    return recipients;
  }

  /** One numbered copy of a built pack: its copy line on every page, and the watermark if asked. */
  private async numbered(
    pack: Uint8Array,
    pageCount: number,
    script: Script,
    copy: { number: number; total: number; name: string; watermark: boolean; issuedAt: Date },
  ): Promise<Uint8Array> {
    const t = this.deps.translator(languageOfScript[script]);
    const line = t('packDoc.copyMark', { number: copy.number, total: copy.total, recipient: copy.name });
    const time = formatDateTime(copy.issuedAt.toISOString(), languageOfScript[script]);
    const sheets = copySheetsHtml(script, { line, watermark: copy.watermark ? [copy.name, time] : null }, pageCount, t);
    return numberedCopy(pack, await this.deps.renderer!.render(sheets), line);
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

function copyRef(copy: MeetingCopy, recipientName: string): NonNullable<PackFile['copy']> {
  return { id: copy.id, number: copy.number, total: copy.total, recipientName };
}
