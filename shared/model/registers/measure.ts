import { z } from 'zod';
import { daysBetween } from '../../actions/dueDates';
import { ClauseId, OwnerSide } from '../action';
import { Instant, RecordBase } from '../record';
import { readChoice, readDate, readInto } from '../../registers/cells';
import type { RegisterDefinition } from '../../registers/definition';
import type { RowError } from '../../registers/importTypes';
import type { Converters } from '../../script/convert';
import { completeScripts, foldedKey, OptionalDate, readClauses, sideWords } from './common';

/** Where a policy measure stands: under study → consultation → pilot → in force → reviewed. */
export const MeasureStage = z.enum(['study', 'consultation', 'pilot', 'inForce', 'reviewed']);
export type MeasureStage = z.infer<typeof MeasureStage>;
export const measureStages = MeasureStage.options;

/** One move of a measure from one stage to another, dated as it happened and as it was recorded. */
export const StageChange = z.object({
  id: z.uuid(),
  /** The day the measure reached the new stage (may be earlier than the day it was recorded). */
  on: z.iso.date(),
  /** When it was recorded. */
  at: Instant,
  /** null for the stage a measure was entered at. */
  from: MeasureStage.nullable(),
  to: MeasureStage,
  note: z.string().max(2000, 'validation.tooLong'),
});
export type StageChange = z.infer<typeof StageChange>;

/** A bilingual title: a measure is read by both sides, each in its own script. */
export const MeasureTitle = z.object({
  hant: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
  hans: z.string().trim().min(1, 'validation.required').max(300, 'validation.tooLong'),
  en: z.string().trim().max(400, 'validation.tooLong'),
});

/** A policy measure the two governments agreed to explore (聯合政策, 第二條（二）、（三）1–3). */
export const PolicyMeasure = RecordBase.extend({
  title: MeasureTitle,
  clauses: z.array(ClauseId),
  leadSide: OwnerSide,
  /** Set by stage moves only; a new measure starts under study. */
  stage: MeasureStage.default('study'),
  nextStep: z.string().max(2000, 'validation.tooLong'),
  nextStepDate: z.iso.date().nullable(),
  actionIds: z.array(z.uuid()),
  meetingIds: z.array(z.uuid()),
  notes: z.string().max(20_000, 'validation.tooLong'),
  /** Every stage move, oldest first; empty while a measure is still at the stage it was entered at. */
  stageLog: z.array(StageChange).default([]),
  /** Set on the measures seeded from the arrangement, so seeding never adds one twice. */
  seedKey: z.string().max(60).nullable().default(null),
});
export type PolicyMeasure = z.infer<typeof PolicyMeasure>;

/** What a user fills in; the stage moves only through `changeStage`, so its log stays whole. */
export const PolicyMeasureFields = z.object({
  title: MeasureTitle,
  clauses: z.array(ClauseId).min(1, 'validation.clauseNeeded'),
  leadSide: z.enum(OwnerSide.options, 'validation.leadSide'),
  nextStep: z.string().trim().max(2000, 'validation.tooLong'),
  nextStepDate: OptionalDate,
  actionIds: z.array(z.uuid()),
  meetingIds: z.array(z.uuid()),
  notes: z.string().trim().max(20_000, 'validation.tooLong'),
});
export type PolicyMeasureFields = z.output<typeof PolicyMeasureFields>;

/** A request to move a measure to another stage. */
export const StageMove = z.object({
  to: MeasureStage,
  on: z.iso.date('validation.date'),
  note: z.string().trim().max(2000, 'validation.tooLong'),
});
export type StageMove = z.infer<typeof StageMove>;

/** Why a stage move is refused; each is an error code `measure.<reason>`. */
export type StageMoveRefusal = 'stageUnchanged' | 'stageDateInFuture' | 'stageDateBeforeLast' | 'stageBackNeedsNote';

/**
 * Checks a stage move. Forward moves may skip stages (not every measure is piloted); a move back
 * (e.g. a pilot returned to consultation) must say why. Dates run forward: never later than today,
 * never before the last recorded change.
 */
export function checkStageMove(
  measure: Pick<PolicyMeasure, 'stage' | 'stageLog'>,
  move: StageMove,
  today: string,
): StageMoveRefusal | null {
  if (move.to === measure.stage) return 'stageUnchanged';
  if (daysBetween(today, move.on) > 0) return 'stageDateInFuture';
  const last = measure.stageLog.at(-1);
  if (last && move.on < last.on) return 'stageDateBeforeLast';
  if (isBackward(measure.stage, move.to) && !move.note.trim()) return 'stageBackNeedsNote';
  return null;
}

export function isBackward(from: MeasureStage, to: MeasureStage): boolean {
  return measureStages.indexOf(to) < measureStages.indexOf(from);
}

/** The stages a forward move passes over without stopping, e.g. consultation when study → pilot. */
export function skippedStages(from: MeasureStage | null, to: MeasureStage): MeasureStage[] {
  if (from === null) return [];
  const a = measureStages.indexOf(from);
  const b = measureStages.indexOf(to);
  return b > a + 1 ? measureStages.slice(a + 1, b) : [];
}

/** The stage the measure moves to next in the usual course, or null once reviewed. */
export function nextStage(stage: MeasureStage): MeasureStage | null {
  return measureStages[measureStages.indexOf(stage) + 1] ?? null;
}

/** How many live measures stand at each stage, every stage listed (zero included), in stage order. */
export function countByStage(measures: ReadonlyArray<Pick<PolicyMeasure, 'stage' | 'deletedAt'>>): Record<MeasureStage, number> {
  const counts = Object.fromEntries(measureStages.map((s) => [s, 0])) as Record<MeasureStage, number>;
  for (const m of measures) if (!m.deletedAt) counts[m.stage]++;
  return counts;
}

/** What reading a measures sheet needs: the converters, to fill a title's other script. */
export interface MeasureImportContext {
  converters: Converters | null;
}

export const policyMeasureRegister: RegisterDefinition<PolicyMeasure, PolicyMeasureFields, MeasureImportContext> = {
  kind: 'policyMeasures',
  fields: PolicyMeasureFields,
  columns: [
    { field: 'title', aliases: ['措施', '政策措施', '名稱', '名称', '標題', '标题', 'measure', 'policy measure', 'title'] },
    { field: 'titleHant', aliases: ['繁體標題', '繁体标题', '措施（繁體）', 'title (traditional)'] },
    { field: 'titleHans', aliases: ['簡體標題', '简体标题', '措施（简体）', 'title (simplified)'] },
    { field: 'titleEn', aliases: ['英文標題', '英文标题', 'english title', 'title (english)'] },
    { field: 'clauses', aliases: ['條款', '条款', '合作安排條款', '合作安排条款', 'clause', 'clauses', 'article'] },
    { field: 'leadSide', aliases: ['牽頭', '牵头', '牽頭方', '牵头方', '負責方', '负责方', 'lead', 'lead side'] },
    { field: 'nextStep', aliases: ['下一步', '下一步工作', '跟進', '跟进', 'next step', 'next steps'] },
    { field: 'nextStepDate', aliases: ['下一步日期', '目標日期', '目标日期', 'next step date', 'target date', 'by'] },
    { field: 'notes', aliases: ['備註', '备注', 'remarks', 'note', 'notes'] },
  ],
  readRow(cells, context) {
    const errors: RowError[] = [];
    const text = (field: string) => cells[field] ?? '';
    const title = completeScripts(text('titleHant'), text('titleHans'), text('title'), context.converters);
    const leadSide = readInto('leadSide', readChoice(text('leadSide'), sideWords), errors);
    return {
      candidate: {
        title: { ...title, en: text('titleEn') },
        clauses: readInto('clauses', readClauses(text('clauses')), errors) ?? [],
        // Most measures the arrangement names are explored jointly.
        leadSide: leadSide ?? 'joint',
        nextStep: text('nextStep'),
        nextStepDate: readInto('nextStepDate', readDate(text('nextStepDate')), errors),
        actionIds: [],
        meetingIds: [],
        notes: text('notes'),
      },
      errors,
    };
  },
  // The same measure entered in either script is one measure.
  naturalKey: (fields) => foldedKey(fields.title.hant || fields.title.hans),
  searchTexts: (m) => [m.title.hant, m.title.hans, m.title.en, m.nextStep, m.notes],
  label: (fields) => fields.title.hant || fields.title.hans,
  toFields: ({ title, clauses, leadSide, nextStep, nextStepDate, actionIds, meetingIds, notes }) => ({
    title, clauses, leadSide, nextStep, nextStepDate, actionIds, meetingIds, notes,
  }),
};

export interface MeasureSummary {
  total: number;
  byStage: Record<MeasureStage, number>;
}
