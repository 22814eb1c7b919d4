import { z } from 'zod';
import { registerMethods } from '../../registers/contract';
import { PromotionEvent, PromotionEventFields, type EventSummary } from './event';
import { FundedProject, FundedProjectFields, type FundingSummary } from './fundedProject';
import { PolicyMeasure, PolicyMeasureFields, StageMove, type MeasureSummary } from './measure';

/** The bridge namespaces of the Joint Policy and Joint Promotion registers (spread into shared/ipc/contract.ts). */
export const policyContract = {
  policyMeasures: {
    ...registerMethods(PolicyMeasure, PolicyMeasureFields),
    /** Moves a measure to another stage and logs it; refused with measure.* when the move is not allowed. */
    changeStage: {
      input: z.object({ id: z.uuid(), revision: z.number().int().positive(), move: StageMove }),
      output: PolicyMeasure,
    },
    /** Live measures by stage, for the overview. */
    summary: { input: z.undefined(), output: z.custom<MeasureSummary>() },
  },
  fundedProjects: {
    ...registerMethods(FundedProject, FundedProjectFields),
    /** Funding per currency (never added across), for the overview. */
    summary: { input: z.undefined(), output: z.custom<FundingSummary>() },
  },
  promotionEvents: {
    ...registerMethods(PromotionEvent, PromotionEventFields),
    /** The next events and counts by status, for the overview. */
    summary: { input: z.undefined(), output: z.custom<EventSummary>() },
  },
} as const;
