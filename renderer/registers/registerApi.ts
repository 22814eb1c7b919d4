import type { Result } from '../../shared/ipc/errors';
import type { RegisterImportPreview, RegisterImportResult } from '../../shared/registers/importTypes';

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
