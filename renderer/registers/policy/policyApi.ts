import type { Result } from '../../../shared/ipc/errors';
import type { EventSummary, PromotionEvent, PromotionEventFields } from '../../../shared/model/registers/event';
import type { FundedProject, FundedProjectFields, FundingSummary } from '../../../shared/model/registers/fundedProject';
import type { MeasureSummary, PolicyMeasure, PolicyMeasureFields, StageMove } from '../../../shared/model/registers/measure';
import { api } from '../../api/hetao';
import type { RegisterApi } from '../registerApi';

type WithSummary<S> = { summary(): Promise<Result<S>> };

export const policyMeasuresApi = () =>
  api().policyMeasures as unknown as RegisterApi<PolicyMeasure, PolicyMeasureFields> &
    WithSummary<MeasureSummary> & {
      changeStage(input: { id: string; revision: number; move: StageMove }): Promise<Result<PolicyMeasure>>;
    };
export const fundedProjectsApi = () => api().fundedProjects as unknown as RegisterApi<FundedProject, FundedProjectFields> & WithSummary<FundingSummary>;
export const promotionEventsApi = () => api().promotionEvents as unknown as RegisterApi<PromotionEvent, PromotionEventFields> & WithSummary<EventSummary>;
