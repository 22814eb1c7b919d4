import { buildReport, type ImplementationReport, type ReportDraft, type ReportDraftFields, type ReportPeriod, type ReportFigures } from '../../shared/arrangement/report';
import type { WorkItem } from '../../shared/arrangement/work';
import { AppError } from '../../shared/ipc/errors';
import { stampScript } from '../../shared/script/overrides';
import type { Store } from '../store/store';

/** The implementation report to the Joint Task Force (實施進度報告): its figures, and the officials' drafts. */
export class ReportService {
  constructor(
    private readonly store: Store,
    private readonly otherWork: () => WorkItem[],
    private readonly otherFigures: (period: ReportPeriod) => Partial<ReportFigures>,
    /** The default title for a new draft, in the writer's language. */
    private readonly defaultTitle: (period: ReportPeriod) => string,
  ) {}

  build(period: ReportPeriod): ImplementationReport {
    return buildReport(
      {
        actions: this.store.list('actions'),
        notes: this.store.list('clauseNotes'),
        annexes: this.store.list('annexes'),
        otherWork: this.otherWork(),
        otherFigures: this.otherFigures(period),
      },
      period,
    );
  }

  /** Drafts, latest period first. */
  drafts(): ReportDraft[] {
    return this.store.list('reportDrafts').sort((a, b) => b.to.localeCompare(a.to) || b.from.localeCompare(a.from));
  }

  /**
   * The draft for exactly this period; a new one starts from the wording of the latest earlier
   * period's draft, so the officials edit last time's words instead of starting again.
   */
  async draftFor(period: ReportPeriod): Promise<ReportDraft> {
    const drafts = this.drafts();
    const existing = drafts.find((d) => d.from === period.from && d.to === period.to);
    if (existing) return existing;
    const previous = drafts.find((d) => d.to < period.from) ?? drafts.find((d) => d.from < period.from);
    return this.store.insert('reportDrafts', {
      from: period.from,
      to: period.to,
      title: this.defaultTitle(period),
      introduction: previous?.introduction ?? '',
      wording: { ...previous?.wording },
      writtenIn: previous?.writtenIn,
    });
  }

  async saveDraft(id: string, revision: number, fields: ReportDraftFields): Promise<ReportDraft> {
    const current = this.store.get('reportDrafts', id);
    if (!current) throw new AppError('record.notFound');
    // Clauses left blank are dropped, so the next period starts from what was actually written.
    const wording = Object.fromEntries(Object.entries(fields.wording).flatMap(([k, v]) => (v.trim() ? [[k, v.trim()]] : [])));
    const introduction = fields.introduction.trim();
    return this.store.update('reportDrafts', id, revision, () => ({
      title: fields.title.trim(),
      introduction,
      wording,
      writtenIn: stampScript([introduction, ...Object.values(wording)], current.writtenIn),
    }));
  }
}
