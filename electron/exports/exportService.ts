import { compareReferences } from '../../shared/model/actionReference';
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { TFunction } from 'i18next';
import { localToday } from '../../shared/actions/dueDates';
import { formatDateTime } from '../../shared/i18n/formatDate';
import type { AuditEntry } from '../../shared/audit/entry';
import { matchesAuditFilter } from '../../shared/audit/filter';
import { filterActions } from '../../shared/actions/filters';
import type { AuditFilter } from '../../shared/audit/contract';
import { isOffered, type ExportDone, type ExportPlan, type ExportRequest, type ExportTarget } from '../../shared/documents/exportRequest';
import { type DocumentModel, type WorkbookModel } from '../../shared/documents/model';
import { plainText } from '../../shared/documents/text';
import { AppError } from '../../shared/ipc/errors';
import type { FieldRef } from '../../shared/script/fieldReview';
import { toRow, type Action } from '../../shared/model/action';
import type { Contact } from '../../shared/model/contact';
import { languageOfScript, nameInScript, readerScriptOf, type Language } from '../../shared/model/language';
import type { SubGroup } from '../../shared/model/subGroup';
import type { ActionService } from '../actions/actionService';
import { auditDocument, auditWorkbook, type AuditExport } from '../audit/auditDocument';
import { formatMemberships } from '../contacts/contactTable';
import type { Dialogs } from '../dialogs/dialogs';
import { renderDocx } from '../documents/docx/renderDocx';
import { renderHtml } from '../documents/html/renderHtml';
import { safeFileName, splitName } from '../documents/output/fileNames';
import { OutputWriter, type OutputFile } from '../documents/output/outputWriter';
import type { RenderProgress } from '../documents/output/progress';
import type { PdfRenderer } from '../documents/pdf/pdfRenderer';
import type { PackPrinter } from '../pack/packPrinter';
import type { Tasks } from '../tasks/tasks';
import { renderXlsx } from '../documents/xlsx/renderXlsx';
import { renderCsv } from '../documents/csv/renderCsv';
import { translator } from '../i18n/translator';
import type { Store } from '../store/store';
import type { StoreFs } from '../store/storeFs';
import { actionsDocument, actionsParallel, actionsWorkbook, actionTexts, type ActionExport } from './actionDocuments';
import { meetingDocument, meetingParallel, type MeetingData } from './meetingDocument';
import { reportDocument } from './reportDocument';
import { entryCount, implementationReportData, implementationReportDocument } from '../arrangement/implementationReportDocument';
import { ScriptedContent, scriptStatement, type ExportConverter } from './scriptedContent';
import { scripts, type Script } from '../../shared/script/script';
import { higherClassification, type Classification } from '../../shared/model/meeting';
import { pageLabel } from '../../shared/documents/labels';
import type { PrivateScratch } from '../meetings/privateScratch';

export interface ExportServiceOptions {
  store: Store;
  actions: ActionService;
  /** The audit trail's entries, oldest first (AuditTrail.entries). */
  auditEntries: () => Promise<AuditEntry[]>;
  converter: ExportConverter;
  dialogs: Dialogs;
  fs: StoreFs;
  /** The one HTML → PDF engine; null where none is available. */
  pdf: PdfRenderer | null;
  printer: PackPrinter;
  /** Where a document to print is written for the system's viewer: private to this user, removed at lock and quit. */
  scratch: PrivateScratch;
  /** Long tasks: progress to the window, cancel from it. */
  tasks: Tasks;
  openFolder: (folder: string) => Promise<void>;
  /** Where the last export was written, kept in the settings so the save dialog opens there after a restart too. */
  lastFolder: { get(): string | null; set(folder: string): Promise<void> };
  /** The UI language: dialog titles and the suggested file name follow it. */
  language: () => Language;
  now: () => Date;
}

interface Pending {
  request: ExportRequest;
  paths: Partial<Record<Script | 'parallel', string>>;
  folder: string;
  /** Records in the export, for progress. */
  count: number;
  /** Per script, the fields unreviewed when prepared: the only ones writing needs to check again. */
  unreviewed: Partial<Record<Script, FieldRef[]>>;
}

/** Prepared exports kept for the user to confirm; older ones are dropped. */
const KEPT = 5;
const EDITION_SUFFIX = /（(繁體版|简体版|繁体版|簡體版)）$/;
const extensionName: Record<ExportRequest['format'], string> = { xlsx: 'Excel', csv: 'CSV', docx: 'Word', pdf: 'PDF' };


/** A body's name for a file name: its quotation marks dropped (「聯合政策」專組 → 聯合政策專組). */
const bareName = (name: string) => name.replace(/[「」“”"『』]/g, '').trim();

/**
 * Exports of follow-up actions, contacts, progress reports and meetings, in 繁體, 简体, both or side
 * by side: one document model per version, rendered to DOCX, XLSX or (through Chromium) PDF, and
 * written through the output layer after the save dialog, the replace question and the review list.
 */
export class ExportService {
  private readonly pending = new Map<string, Pending>();
  private readonly writer: OutputWriter;

  constructor(private readonly options: ExportServiceOptions) {
    this.writer = new OutputWriter(options.fs);
  }

  private t(script: Script): TFunction {
    return translator(languageOfScript[script]);
  }

  private today(): string {
    return localToday(this.options.now());
  }

  /** Asks where to save, and says which files exist and which fields still need review; null if cancelled. */
  async prepare(request: ExportRequest): Promise<ExportPlan | null> {
    if (!isOffered(request)) throw new AppError('export.unsupported');
    if (request.format === 'pdf' && !this.options.pdf) throw new AppError('export.pdfUnavailable');
    const count = await this.count(request.target);
    const ui = translator(this.options.language());
    // File names in the reader's script; English readers get the Traditional one, as the first of the two.
    const uiScript: Script = readerScriptOf(this.options.language()) ?? 'hant';
    const variants = this.variants(request);
    const suggestion = await this.fileStem(request.target, uiScript);
    const suggested = safeFileName(variants.length === 1 && variants[0] !== 'parallel' ? `${suggestion}（${this.t(variants[0]!)('exports.doc.edition')}）` : suggestion, request.format);
    const lastFolder = this.options.lastFolder.get();
    const chosen = await this.options.dialogs.saveFile({
      title: ui('exports.ui.dialogTitle', { what: ui(`exports.ui.what.${request.target.kind}`) }),
      defaultPath: lastFolder ? path.join(lastFolder, suggested) : suggested,
      filters: [{ name: extensionName[request.format], extensions: [request.format] }],
    });
    if (chosen === null) return null;
    const folder = path.dirname(chosen);

    const [chosenStem] = splitName(path.basename(chosen));
    const stem = chosenStem.replace(EDITION_SUFFIX, '');
    const paths: Pending['paths'] = {};
    for (const variant of variants) {
      if (variant === 'parallel' || variants.length === 1) paths[variant] = path.join(folder, safeFileName(variant === 'parallel' ? stem : chosenStem, request.format));
      else {
        // The name as suggested is named afresh in each script (审计记录, not the converter's 审计纪录); a name the user typed is converted.
        const named = stem === suggestion ? await this.fileStem(request.target, variant) : await this.options.converter.convert(stem, variant);
        paths[variant] = path.join(folder, safeFileName(`${named}（${this.t(variant)('exports.doc.edition')}）`, request.format));
      }
    }
    const files = Object.values(paths);
    const review: ExportPlan['review'] = [];
    const unreviewed: Pending['unreviewed'] = {};
    for (const script of scripts.filter((s) => variants.includes(s) || variants.includes('parallel'))) {
      const content = new ScriptedContent(this.options.converter, script);
      await this.build(request, script, content);
      const fields = await content.unreviewedFields();
      unreviewed[script] = fields;
      if (fields.length) review.push({ script, fields });
    }
    const token = randomUUID();
    this.pending.set(token, { request, paths, folder, count, unreviewed });
    while (this.pending.size > KEPT) this.pending.delete(this.pending.keys().next().value!);
    const existing = await this.writer.existing(files);
    return { token, folder, files: files.map((f) => path.basename(f)), existing: existing.map((f) => path.basename(f)), review, count };
  }

  /**
   * Builds every version afresh (so corrections made in the review count) and writes them all, or
   * none; progress is reported under `taskId`, which the window can cancel.
   */
  async write(token: string, replace: boolean, taskId: string): Promise<ExportDone> {
    const job = this.pending.get(token);
    if (!job) throw new AppError('export.expired');
    const ui = translator(this.options.language());
    return this.options.tasks.run(taskId, async (report, signal) => {
      const variants = Object.entries(job.paths) as Array<[Script | 'parallel', string]>;
      const total = job.count * variants.length + variants.length;
      let base = 0;
      const files: OutputFile[] = [];
      for (const [variant, filePath] of variants) {
        const label = ui('exports.ui.writing');
        const progress: RenderProgress = { signal, advance: (done) => report(base + done, total, label) };
        files.push({ path: filePath, bytes: await this.render(job.request, variant, progress, job.unreviewed) });
        base += job.count + 1;
        report(base, total, label);
      }
      if (signal.aborted) throw new AppError('export.cancelled');
      await this.writer.write(files, { replace });
      // Only a folder that took the files is worth offering again (not a read-only one).
      await this.options.lastFolder.set(job.folder);
      return { folder: job.folder, files: files.map((f) => path.basename(f.path)) };
    });
  }

  /** Opens the folder an export was written to; only folders this service wrote to. */
  async openFolder(token: string): Promise<void> {
    const job = this.pending.get(token);
    if (!job) throw new AppError('export.expired');
    await this.options.openFolder(job.folder);
  }

  /** One version as the preview shows it and the printer prints it. */
  async preview(request: ExportRequest, script: Script | 'parallel'): Promise<DocumentModel> {
    return { ...(await this.document(request, script)), classification: this.classificationOf(request) };
  }

  /** What the document is marked: what the user asked, never below the meeting it prints. */
  private classificationOf(request: ExportRequest): Classification | null {
    const own = request.target.kind === 'meeting' ? (this.options.store.get('meetings', request.target.meetingId)?.classification ?? null) : null;
    return higherClassification(request.classification ?? null, own);
  }

  /** Prints through the system dialog: the document laid out by Chromium as a PDF, as it would be exported. */
  async print(request: ExportRequest, script: Script | 'parallel'): Promise<void> {
    const pdf = await this.render({ ...request, format: 'pdf' }, script);
    // Never left in the shared temp folder: the private scratch is removed when the window locks or the app quits.
    const file = path.join(await this.options.scratch.dir(), `print-${randomUUID()}`, 'document.pdf');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, pdf);
    await this.options.printer.print(file);
  }

  /** The file's bytes for one version; public for the benchmarks, which skip the dialogs. */
  async render(request: ExportRequest, variant: Script | 'parallel', progress?: RenderProgress, unreviewed: Pending['unreviewed'] = {}): Promise<Uint8Array> {
    const content = (script: Script) => new ScriptedContent(this.options.converter, script, unreviewed[script]);
    const classification = this.classificationOf(request);
    if (request.format === 'xlsx') return renderXlsx({ ...(await this.workbook(request, variant as Script, progress, content(variant as Script))), classification }, progress);
    // A CSV has no pages or properties to carry a classification: it is data for another system.
    if (request.format === 'csv') return renderCsv(await this.workbook(request, variant as Script, progress, content(variant as Script)));
    const doc = { ...(await this.document(request, variant, progress, variant === 'parallel' ? undefined : content(variant), unreviewed)), classification };
    if (request.format === 'docx') return renderDocx(doc);
    if (!this.options.pdf) throw new AppError('export.pdfUnavailable');
    if (progress?.signal?.aborted) throw new AppError('export.cancelled');
    const watermark = await this.watermarkOf(request, variant === 'parallel' ? 'hant' : variant, classification);
    return this.options.pdf.render(renderHtml({ ...doc, watermark }), { landscape: doc.orientation === 'landscape' });
  }

  /** A classified PDF made for one person carries their name (in the document's script) and the time across each page. */
  private async watermarkOf(request: ExportRequest, script: Script, classification: Classification | null): Promise<[string, string] | null> {
    if (!classification || !request.watermarkFor) return null;
    const contact = this.options.store.get('contacts', request.watermarkFor);
    if (!contact || contact.deletedAt !== null) throw new AppError('record.notFound');
    return [await this.options.converter.convert(contact.name, script), formatDateTime(this.options.now().toISOString(), languageOfScript[script])];
  }

  private variants(request: ExportRequest): Array<Script | 'parallel'> {
    return request.scripts === 'both' ? ['hant', 'hans'] : [request.scripts];
  }

  private async count(target: ExportTarget): Promise<number> {
    if (target.kind === 'audit') return (await this.auditEntries(target.filter)).length;
    if (target.kind === 'actions') return this.actionExport(target).groups.reduce((n, g) => n + g.actions.length, 0);
    if (target.kind === 'contacts') return this.options.store.list('contacts').length;
    if (target.kind === 'implementationReport') return entryCount(implementationReportData(this.options.store, target.draftId));
    if (target.kind === 'report') return this.options.store.list('actions').filter((a) => a.subGroupId === this.subGroup(target.subGroupId).id).length;
    return this.meetingData(target.meetingId).meeting.agenda.length;
  }

  private async fileStem(target: ExportTarget, script: Script): Promise<string> {
    const t = this.t(script);
    const day = this.today();
    if (target.kind === 'actions') {
      const subGroup = target.subGroupId ? this.subGroup(target.subGroupId) : null;
      return `${subGroup ? `${bareName(nameInScript(subGroup.name, script))}_` : ''}${t('exports.doc.fileActions')}_${day}`;
    }
    if (target.kind === 'contacts') return `${t('exports.doc.fileContacts')}_${day}`;
    if (target.kind === 'implementationReport') {
      const { draft } = implementationReportData(this.options.store, target.draftId);
      return `${t('arrangement.doc.fileName')}_${draft.from}_${draft.to}`;
    }
    if (target.kind === 'report') return `${bareName(nameInScript(this.subGroup(target.subGroupId).name, script))}_${t('exports.doc.fileReport')}_${day}`;
    if (target.kind === 'audit') return `${t('audit.title')}_${day}`;
    const data = this.meetingData(target.meetingId);
    return `${bareName(nameInScript(data.bodyName, script))}_${t('meetings.numberLabel', { number: data.meeting.number })}_${data.meeting.date}`;
  }

  private subGroup(id: string): SubGroup {
    const subGroup = this.options.store.get('subGroups', id);
    if (!subGroup || subGroup.deletedAt) throw new AppError('record.notFound');
    return subGroup;
  }

  private contacts(): Map<string, Contact> {
    return new Map(this.options.store.list('contacts', { includeDeleted: true }).map((c) => [c.id, c]));
  }

  /** The actions the list shows with this filter and search text, grouped by sub-group in tab order. */
  private actionExport(target: Extract<ExportTarget, { kind: 'actions' }>): ActionExport {
    const { store } = this.options;
    const today = this.today();
    const subGroup = target.subGroupId ? this.subGroup(target.subGroupId) : null;
    const subGroups = subGroup ? [subGroup] : store.list('subGroups').filter((s) => s.archivedAt === null).sort((a, b) => a.sortOrder - b.sortOrder);
    const hits = target.text.trim() ? new Set(this.options.actions.search(target.subGroupId, target.text)) : null;
    const wanted = new Set(subGroups.map((s) => s.id));
    const all = store.list('actions', { includeDeleted: true }).filter((a) => wanted.has(a.subGroupId));
    const kept = new Set(filterActions(all.map(toRow), target.filter, today, hits).map((r) => r.id));
    const byReference = (a: Action, b: Action) => compareReferences(a.reference, b.reference);
    return {
      subGroup,
      groups: subGroups.map((s) => ({ subGroup: s, actions: all.filter((a) => a.subGroupId === s.id && kept.has(a.id)).sort(byReference) })),
      contacts: this.contacts(),
      includeLog: target.includeLog,
      today,
    };
  }

  /** The entries the view's filter keeps, newest first, as the view lists them. */
  private async auditEntries(filter: AuditFilter): Promise<AuditEntry[]> {
    return (await this.options.auditEntries()).filter((entry) => matchesAuditFilter(entry, filter)).reverse();
  }

  private async auditExport(filter: AuditFilter, content: ScriptedContent): Promise<AuditExport> {
    const entries = await this.auditEntries(filter);
    const officers = new Map<string, string>();
    for (const contact of this.contacts().values()) {
      if (entries.some((e) => e.officer === contact.id) || filter.officer === contact.id) officers.set(contact.id, await content.field('contacts', contact, 'name'));
    }
    return { entries, filter, officers, today: this.today() };
  }

  private meetingData(id: string): MeetingData {
    const { store } = this.options;
    const meeting = store.get('meetings', id);
    if (!meeting || meeting.deletedAt) throw new AppError('record.notFound');
    const body = meeting.subGroupId ? this.subGroup(meeting.subGroupId) : null;
    const bodyName = body?.name ?? store.list('workingGroup')[0]?.name ?? { hant: '', hans: '', en: '' };
    const arising = new Map<string, Action[]>();
    for (const action of store.list('actions')) {
      if (action.meetingId !== id || !action.agendaItemId) continue;
      arising.set(action.agendaItemId, [...(arising.get(action.agendaItemId) ?? []), action]);
    }
    return { meeting, body, bodyName, contacts: this.contacts(), arising };
  }

  /** Builds one script's document, recording in `content` what was converted; used by prepare to find what needs review. */
  private async build(request: ExportRequest, script: Script, content: ScriptedContent): Promise<void> {
    if (request.format === 'xlsx' || request.format === 'csv') await this.workbook(request, script, undefined, content);
    else await this.document(request, script, undefined, content);
  }

  private async document(
    request: ExportRequest,
    variant: Script | 'parallel',
    progress?: RenderProgress,
    given?: ScriptedContent,
    unreviewed: Pending['unreviewed'] = {},
  ): Promise<DocumentModel> {
    const { target } = request;
    if (variant === 'parallel') return this.parallel(target, progress, unreviewed);
    const script = variant;
    const t = this.t(script);
    const content = given ?? new ScriptedContent(this.options.converter, script);
    const footer = () => scriptStatement(t, content);
    if (target.kind === 'actions') {
      const data = this.actionExport(target);
      const texts = await actionTexts(data, content, t, progress);
      return actionsDocument(t, script, data, texts, await footer());
    }
    if (target.kind === 'report') {
      const subGroup = this.subGroup(target.subGroupId);
      const { store } = this.options;
      const meetings = store
        .list('meetings')
        .filter((m) => m.subGroupId === subGroup.id)
        .sort((a, b) => (a.date < b.date ? 1 : -1));
      return reportDocument(t, { subGroup, actions: store.list('actions').filter((a) => a.subGroupId === subGroup.id), meetings, today: this.today() }, content, footer);
    }
    if (target.kind === 'meeting') return meetingDocument(t, this.meetingData(target.meetingId), content, footer);
    if (target.kind === 'implementationReport') return implementationReportDocument(t, implementationReportData(this.options.store, target.draftId), content, footer);
    if (target.kind === 'audit') {
      const data = await this.auditExport(target.filter, content);
      return auditDocument(t, script, data, await footer());
    }
    // Contacts are exported as a workbook; their preview shows the same table as a document.
    const workbook = await this.workbook(request, script, progress, content);
    return {
      title: workbook.title,
      script,
      orientation: 'landscape',
      header: `${workbook.title} · ${t('exports.doc.edition')}`,
      footer: workbook.footer,
      pageLabel: pageLabel(t),
      blocks: [{ kind: 'heading', level: 1, text: workbook.title }, ...workbook.sheets.map((s) => ({ kind: 'table' as const, columns: s.columns, rows: s.rows }))],
    };
  }

  private async parallel(target: ExportTarget, progress?: RenderProgress, unreviewed: Pending['unreviewed'] = {}): Promise<DocumentModel> {
    const translators = { hant: this.t('hant'), hans: this.t('hans') };
    const content = {
      hant: new ScriptedContent(this.options.converter, 'hant', unreviewed.hant),
      hans: new ScriptedContent(this.options.converter, 'hans', unreviewed.hans),
    };
    const footer = async () => [...(await scriptStatement(translators.hant, content.hant)), ...(await scriptStatement(translators.hans, content.hans))];
    if (target.kind === 'actions') {
      const data = this.actionExport(target);
      const texts = { hant: await actionTexts(data, content.hant, translators.hant, progress), hans: await actionTexts(data, content.hans, translators.hans, progress) };
      return actionsParallel(translators, data, texts, await footer());
    }
    if (target.kind === 'meeting') {
      const data = this.meetingData(target.meetingId);
      const doc = await meetingParallel(translators, data, content, []);
      return { ...doc, footer: await footer() };
    }
    throw new AppError('export.unsupported');
  }

  private async workbook(request: ExportRequest, script: Script, progress?: RenderProgress, given?: ScriptedContent): Promise<WorkbookModel> {
    const { target } = request;
    const t = this.t(script);
    const content = given ?? new ScriptedContent(this.options.converter, script);
    if (target.kind === 'actions') {
      const data = this.actionExport(target);
      const texts = await actionTexts(data, content, t, progress);
      return actionsWorkbook(t, script, data, texts, await scriptStatement(t, content));
    }
    if (target.kind === 'audit') {
      const data = await this.auditExport(target.filter, content);
      return auditWorkbook(t, script, data, await scriptStatement(t, content));
    }
    if (target.kind !== 'contacts') throw new AppError('export.unsupported');
    const subGroups = this.options.store.list('subGroups');
    const contacts = this.options.store.list('contacts').sort((a, b) => a.name.localeCompare(b.name, languageOfScript[script]));
    const rows = [];
    for (const c of contacts) {
      rows.push([
        await content.field('contacts', c, 'name'),
        await content.field('contacts', c, 'title'),
        await content.field('contacts', c, 'organisation'),
        t(`contacts.sides.${c.side}`),
        plainText(c.email),
        plainText(c.phone),
        formatMemberships(c.memberships, subGroups, t),
      ].map((text) => ({ text })));
    }
    const fields = ['name', 'title', 'organisation', 'side', 'email', 'phone', 'memberships'] as const;
    return {
      title: t('exports.doc.fileContacts'),
      script,
      sheets: [{ name: t('contacts.export.sheetName'), columns: fields.map((f) => ({ header: t(`contacts.fields.${f}`), width: 10 })), rows }],
      footer: await scriptStatement(t, content),
    };
  }
}

