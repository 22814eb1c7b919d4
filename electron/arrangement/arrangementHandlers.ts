import type { ReportPeriod } from '../../shared/arrangement/report';
import { formatDate } from '../../shared/i18n/formatDate';
import type { Language } from '../../shared/model/language';
import type { AttachmentStore } from '../attachments/attachmentStore';
import type { Handlers } from '../backend/dispatcher';
import type { Dialogs } from '../dialogs/dialogs';
import { translator } from '../i18n/translator';
import type { Store } from '../store/store';
import { AnnexService } from './annexService';
import { ArrangementService } from './arrangementService';
import { ReportService } from './reportService';
import { otherWorkSources, otherFigures } from './workSources';

/** The arrangement's services and their handlers for the `arrangement` namespace. */
export function arrangementFeature(options: {
  store: Store;
  attachments: AttachmentStore;
  dialogs: Dialogs;
  language: () => Language;
  now: () => Date;
}): { service: ArrangementService; annexes: AnnexService; reports: ReportService; handlers: Handlers['arrangement'] } {
  const { store } = options;
  const t = () => translator(options.language());
  const sources = otherWorkSources(store);
  const service = new ArrangementService(store, sources);
  const annexes = new AnnexService(store, options.attachments, options.dialogs, options.now, t);
  const defaultTitle = (period: ReportPeriod) =>
    t()('arrangement.report.defaultTitle', {
      from: formatDate(`${period.from}T12:00:00Z`, options.language(), 'UTC'),
      to: formatDate(`${period.to}T12:00:00Z`, options.language(), 'UTC'),
    });
  const reports = new ReportService(store, () => sources.flatMap((source) => source()), (period) => otherFigures(store, period), defaultTitle);
  return {
    service,
    annexes,
    reports,
    handlers: {
      clauseDetail: async ({ nodeId }) => service.detail(nodeId),
      counts: async () => service.counts(),
      addNote: (fields) => service.addNote(fields),
      updateNote: ({ id, revision, fields }) => service.updateNote(id, revision, fields),
      deleteNote: ({ id }) => service.deleteNote(id),
      restoreNote: ({ id }) => service.restoreNote(id),
      annexes: async ({ includeDeleted }) => annexes.list(includeDeleted),
      createAnnex: (fields) => annexes.create(fields),
      updateAnnex: ({ id, revision, fields }) => annexes.update(id, revision, fields),
      deleteAnnex: ({ id }) => annexes.delete(id),
      restoreAnnex: ({ id }) => annexes.restore(id),
      addDraft: (input) => annexes.addDraft(input),
      attachSigned: ({ id }) => annexes.attachSigned(id),
      saveCopy: ({ id, draftId }) => annexes.saveCopy(id, draftId),
      report: async (period) => reports.build(period),
      reportDrafts: async () => reports.drafts(),
      reportDraft: (period) => reports.draftFor(period),
      saveReportDraft: ({ id, revision, fields }) => reports.saveDraft(id, revision, fields),
    },
  };
}
