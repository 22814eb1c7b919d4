import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/ipc/errors';
import type { Annex, AnnexFields, NewDraftVersion } from '../../shared/model/annex';
import type { AttachmentRef } from '../../shared/model/meeting';
import { stampScript } from '../../shared/script/overrides';
import type { AttachmentStore } from '../attachments/attachmentStore';
import type { Dialogs } from '../dialogs/dialogs';
import type { Store } from '../store/store';

/** Annexes and supplementary arrangements (第四條): their record, draft versions and signed text. */
export class AnnexService {
  constructor(
    private readonly store: Store,
    private readonly attachments: AttachmentStore,
    private readonly dialogs: Dialogs,
    private readonly now: () => Date,
    /** Dialog titles in the user's language. */
    private readonly t: () => (key: string) => string,
  ) {}

  /** By kind then number (附件一, 附件二…, then supplements); deleted ones only when asked. */
  list(includeDeleted: boolean): Annex[] {
    return this.store.list('annexes', { includeDeleted }).sort((a, b) => a.kind.localeCompare(b.kind) || a.number - b.number);
  }

  get(id: string): Annex {
    const annex = this.store.get('annexes', id);
    if (!annex) throw new AppError('record.notFound');
    return annex;
  }

  async create(fields: AnnexFields): Promise<Annex> {
    this.expectNumberFree(fields);
    return this.store.insert('annexes', { ...this.normalized(fields), signedPdf: null, drafts: [] });
  }

  async update(id: string, revision: number, fields: AnnexFields): Promise<Annex> {
    const current = this.get(id);
    this.expectNumberFree(fields, id);
    return this.store.update('annexes', id, revision, () => this.normalized(fields, current.writtenIn));
  }

  /**
   * Adds the next draft version; earlier versions are never changed. With `withFile`, the user picks
   * a file (Word or PDF) kept with the version; cancelling the dialog adds nothing (null).
   */
  async addDraft(input: NewDraftVersion): Promise<Annex | null> {
    const annex = this.get(input.id);
    let file: AttachmentRef | null = null;
    if (input.withFile) {
      const chosen = await this.dialogs.openFile({
        title: this.t()('arrangement.annex.draftFileTitle'),
        filters: [{ name: 'PDF / Word', extensions: ['pdf', 'docx', 'doc'] }],
      });
      if (!chosen) return null;
      file = await this.attachments.add(chosen);
    }
    if (!file && !input.text.trim() && !input.note.trim()) throw new AppError('annex.emptyDraft');
    const version = Math.max(0, ...annex.drafts.map((d) => d.version)) + 1;
    const draft = { id: randomUUID(), version, at: this.now().toISOString(), note: input.note.trim(), text: input.text.trim(), file };
    return this.store.update('annexes', annex.id, (current) => ({ drafts: [...current.drafts, draft] }));
  }

  /** Asks for the signed text's PDF and keeps it; null if the dialog was cancelled. */
  async attachSigned(id: string): Promise<Annex | null> {
    this.get(id);
    const chosen = await this.dialogs.openFile({ title: this.t()('arrangement.annex.signedFileTitle'), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    if (!chosen) return null;
    const ref = await this.attachments.add(chosen);
    if (ref.mediaType !== 'application/pdf') throw new AppError('annex.notPdf', { fileName: ref.fileName });
    return this.store.update('annexes', id, () => ({ signedPdf: ref }));
  }

  /** Saves a copy of a stored file (the signed PDF, or a draft version's file) where the user chooses. */
  async saveCopy(id: string, draftId: string | null): Promise<string | null> {
    const annex = this.get(id);
    const ref = draftId === null ? annex.signedPdf : (annex.drafts.find((d) => d.id === draftId)?.file ?? null);
    if (!ref) throw new AppError('record.notFound');
    const extension = ref.fileName.split('.').pop() ?? 'pdf';
    const destination = await this.dialogs.saveFile({
      title: this.t()('arrangement.annex.saveCopyTitle'),
      defaultPath: ref.fileName,
      filters: [{ name: extension.toUpperCase(), extensions: [extension] }],
    });
    if (!destination) return null;
    await this.attachments.copyOut(ref, destination);
    return destination;
  }

  async delete(id: string): Promise<Annex> {
    this.get(id);
    return this.store.softDelete('annexes', id);
  }

  async restore(id: string): Promise<Annex> {
    const annex = this.get(id);
    this.expectNumberFree(annex, id);
    return this.store.restore('annexes', id);
  }

  private expectNumberFree(fields: Pick<AnnexFields, 'kind' | 'number'>, ownId?: string): void {
    const taken = this.store.list('annexes').some((a) => a.id !== ownId && a.kind === fields.kind && a.number === fields.number);
    if (taken) throw new AppError('annex.numberTaken', { number: fields.number });
  }

  private normalized(fields: AnnexFields, previous?: Annex['writtenIn']) {
    const title = { hant: fields.title.hant.trim(), hans: fields.title.hans.trim(), en: fields.title.en.trim() };
    const summary = fields.summary.trim();
    return {
      kind: fields.kind,
      number: fields.number,
      title,
      status: fields.status,
      agreedOn: fields.agreedOn,
      signedOn: fields.signedOn,
      inForceFrom: fields.inForceFrom,
      clauses: fields.clauses,
      summary,
      // Both titles are given; the summary says which side wrote the record.
      writtenIn: stampScript([summary], previous),
    };
  }
}
