import type { HetaoApi } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/errors';
import type { PromotionEvent, PromotionEventFields } from '../../shared/model/registers/event';
import type { FundedProject, FundedProjectFields } from '../../shared/model/registers/fundedProject';
import type { PolicyMeasure, PolicyMeasureFields } from '../../shared/model/registers/measure';
import type { SpaceUnit, SpaceUnitFields } from '../../shared/model/registers/space';
import type { Tenant, TenantFields } from '../../shared/model/registers/tenant';
import type { RegisterImportPreview, RegisterImportResult } from '../../shared/registers/importTypes';
import type { RegisterKind } from '../../shared/registers/kinds';
import { api } from '../api/hetao';

/** A register's namespace on the bridge (shared/registers/contract.ts), e.g. `api().spaceUnits`. */
export interface RegisterApi<R, F> {
  list(page?: { offset: number; limit: number }): Promise<Result<R[]>>;
  get(input: { id: string }): Promise<Result<R>>;
  create(input: { fields: F }): Promise<Result<R>>;
  update(input: { id: string; revision: number; fields: F }): Promise<Result<R>>;
  delete(input: { id: string }): Promise<Result<R>>;
  restore(input: { id: string }): Promise<Result<R>>;
  importOpen(): Promise<Result<RegisterImportPreview | null>>;
  importRemap(input: { token: string; mapping: Array<string | null> }): Promise<Result<RegisterImportPreview>>;
  importCommit(input: { token: string }): Promise<Result<RegisterImportResult>>;
}

// Each register's namespace, the one place a panel, an overview or a picker of another register's
// records gets it from. Annotated, not cast: the compiler checks the contract's namespace fits.
type Extra<K extends RegisterKind, M extends keyof HetaoApi[K]> = Pick<HetaoApi[K], M>;
export const spaceUnitsApi = (): RegisterApi<SpaceUnit, SpaceUnitFields> & Extra<'spaceUnits', 'summary'> => api().spaceUnits;
export const tenantsApi = (): RegisterApi<Tenant, TenantFields> => api().tenants;
export const policyMeasuresApi = (): RegisterApi<PolicyMeasure, PolicyMeasureFields> & Extra<'policyMeasures', 'summary' | 'changeStage'> =>
  api().policyMeasures;
export const fundedProjectsApi = (): RegisterApi<FundedProject, FundedProjectFields> & Extra<'fundedProjects', 'summary'> => api().fundedProjects;
export const promotionEventsApi = (): RegisterApi<PromotionEvent, PromotionEventFields> & Extra<'promotionEvents', 'summary'> =>
  api().promotionEvents;

/** Any register by its kind, for what treats every register alike (the first page read ahead). */
export const registerApiOf = (kind: RegisterKind): RegisterApi<unknown, unknown> => api()[kind];
