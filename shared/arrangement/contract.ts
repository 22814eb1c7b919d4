import { z } from 'zod';
import { Annex, AnnexEdit, AnnexFields, NewDraftVersion } from '../model/annex';
import { ClauseNote, ClauseNoteEdit, ClauseNoteFields } from '../model/clauseNote';
import { ReportDraft, ReportDraftEdit, ReportPeriod, type ImplementationReport } from './report';
import type { ClauseCounts, ClauseDetail } from './work';

const id = z.object({ id: z.uuid() });
/** A node of the text: a clause id, or a group of them ('2', '2.3'). */
const NodeId = z.object({ nodeId: z.string().regex(/^\d(\.\d){0,2}$/) });

/**
 * The `arrangement` namespace of the bridge (window.hetao.arrangement): the text clause by clause
 * with the work serving each clause, clause progress notes, annexes, and the implementation report.
 */
export const arrangementMethods = {
  /** Everything that serves a node of the text: work items with status, progress notes, annexes. */
  clauseDetail: { input: NodeId, output: z.custom<ClauseDetail>() },
  /** How much serves each clause, for the tree. */
  counts: { input: z.undefined(), output: z.custom<ClauseCounts>() },
  addNote: { input: ClauseNoteFields, output: ClauseNote },
  /** Refused with record.changedElsewhere when stale. */
  updateNote: { input: ClauseNoteEdit, output: ClauseNote },
  deleteNote: { input: id, output: ClauseNote },
  restoreNote: { input: id, output: ClauseNote },
  annexes: { input: z.object({ includeDeleted: z.boolean() }), output: z.array(Annex) },
  /** Refused with annex.numberTaken when another annex of its kind has the number. */
  createAnnex: { input: AnnexFields, output: Annex },
  updateAnnex: { input: AnnexEdit, output: Annex },
  deleteAnnex: { input: id, output: Annex },
  restoreAnnex: { input: id, output: Annex },
  /** Adds the next draft version (earlier ones are kept as they were); null if the file dialog was cancelled. */
  addDraft: { input: NewDraftVersion, output: Annex.nullable() },
  /** Asks for the signed PDF and keeps it with the annex; null if cancelled. */
  attachSigned: { input: id, output: Annex.nullable() },
  /** Saves a copy of the signed PDF (draftId null) or a draft's file; the path, or null if cancelled. */
  saveCopy: { input: z.object({ id: z.uuid(), draftId: z.uuid().nullable() }), output: z.string().nullable() },
  /** The implementation report's content for a period, built from the records. */
  report: { input: ReportPeriod, output: z.custom<ImplementationReport>() },
  /** Report drafts, latest period first. */
  reportDrafts: { input: z.undefined(), output: z.array(ReportDraft) },
  /** The period's draft; a new one starts from the previous period's wording. */
  reportDraft: { input: ReportPeriod, output: ReportDraft },
  saveReportDraft: { input: ReportDraftEdit, output: ReportDraft },
} as const;
