import { randomUUID } from 'node:crypto';
import type { TFunction } from 'i18next';
import { localToday } from '../../shared/actions/dueDates';
import { AppError, type ErrorCode } from '../../shared/ipc/errors';
import { eventStatuses, promotionEventRegister, upcomingEvents, type EventSummary, type PromotionEventFields } from '../../shared/model/registers/event';
import {
  fundedProjectRegister,
  tenantNameKeys,
  totalsByCurrency,
  type FundedProjectFields,
  type FundingSummary,
  type ProjectImportContext,
} from '../../shared/model/registers/fundedProject';
import {
  checkStageMove,
  countByStage,
  policyMeasureRegister,
  type MeasureSummary,
  type PolicyMeasure,
  type PolicyMeasureFields,
  type StageMove,
} from '../../shared/model/registers/measure';
import { loadConverters } from '../../shared/script/convert';
import type { Dialogs } from '../dialogs/dialogs';
import type { Store } from '../store/store';
import type { StoreFs } from '../store/storeFs';
import { registerHandlers } from './registerHandlers';
import { RegisterImport } from './registerImport';
import { RegisterService, type RegisterRules } from './registerService';

/** How many coming events the overview lists. */
const UPCOMING_EVENTS = 5;

/** A measure links only to actions and meetings that exist. */
function measureRules(store: Store): RegisterRules<PolicyMeasureFields, null> {
  return {
    snapshot: () => null,
    admit(_state, fields) {
      if (fields.actionIds.some((id) => !store.get('actions', id))) throw new AppError('registers.unknownRecord');
      if (fields.meetingIds.some((id) => !store.get('meetings', id))) throw new AppError('registers.unknownRecord');
    },
  };
}

/** A project links only to a tenant that is in the register. */
function projectRules(store: Store): RegisterRules<FundedProjectFields, null> {
  return {
    snapshot: () => null,
    admit(_state, fields) {
      if (fields.tenantId === null) return;
      const tenant = store.get('tenants', fields.tenantId);
      if (!tenant || tenant.deletedAt) throw new AppError('registers.unknownRecord');
    },
  };
}

function projectImportContext(store: Store): ProjectImportContext {
  const tenantByName = new Map<string, string>();
  for (const tenant of store.list('tenants')) for (const key of tenantNameKeys(tenant.name)) if (!tenantByName.has(key)) tenantByName.set(key, tenant.id);
  return { tenantByName };
}

/** Moves a measure between stages, logging each move with its date and note. */
export class MeasureStages {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  async change(id: string, revision: number, move: StageMove): Promise<PolicyMeasure> {
    const measure = this.store.get('policyMeasures', id);
    if (!measure || measure.deletedAt) throw new AppError('record.notFound');
    const refusal = checkStageMove(measure, move, localToday(this.now()));
    if (refusal) throw new AppError(`measure.${refusal}` as ErrorCode);
    const entry = { id: randomUUID(), on: move.on, at: this.now().toISOString(), from: measure.stage, to: move.to, note: move.note.trim() };
    return this.store.update('policyMeasures', id, revision, (current) => ({ stage: move.to, stageLog: [...current.stageLog, entry] }));
  }
}

/** The Joint Policy (measures, funded-projects pool) and Joint Promotion (events) registers, on the framework. */
export function policyRegisters(options: { store: Store; dialogs: Dialogs; fs: StoreFs; t: () => TFunction; now: () => Date }) {
  const { store, now } = options;
  const imports = { store, dialogs: options.dialogs, fs: options.fs, t: options.t };
  const measures = new RegisterService<'policyMeasures', PolicyMeasureFields>(store, policyMeasureRegister, measureRules(store) as RegisterRules<PolicyMeasureFields, unknown>);
  const projects = new RegisterService<'fundedProjects', FundedProjectFields>(store, fundedProjectRegister, projectRules(store) as RegisterRules<FundedProjectFields, unknown>);
  const events = new RegisterService<'promotionEvents', PromotionEventFields>(store, promotionEventRegister);
  const stages = new MeasureStages(store, now);

  const measureSummary = (): MeasureSummary => {
    const live = measures.live();
    return { total: live.length, byStage: countByStage(live) };
  };
  const fundingSummary = (): FundingSummary => {
    const live = projects.live();
    return { total: live.length, inShenzhenPark: live.filter((p) => p.inShenzhenPark).length, ...totalsByCurrency(live) };
  };
  const eventSummary = (): EventSummary => {
    const live = events.live();
    const byStatus = Object.fromEntries(eventStatuses.map((s) => [s, 0])) as EventSummary['byStatus'];
    for (const event of live) byStatus[event.status]++;
    return { upcoming: upcomingEvents(live, localToday(now()), UPCOMING_EVENTS), byStatus };
  };

  return {
    measures,
    projects,
    events,
    handlers: {
      policyMeasures: {
        ...registerHandlers(measures, new RegisterImport({ ...imports, service: measures, context: async () => ({ converters: await loadConverters() }) })),
        changeStage: ({ id, revision, move }: { id: string; revision: number; move: StageMove }) => stages.change(id, revision, move),
        summary: async () => measureSummary(),
      },
      fundedProjects: {
        ...registerHandlers(projects, new RegisterImport({ ...imports, service: projects, context: () => projectImportContext(store) })),
        summary: async () => fundingSummary(),
      },
      promotionEvents: {
        ...registerHandlers(events, new RegisterImport({ ...imports, service: events })),
        summary: async () => eventSummary(),
      },
    },
  };
}
