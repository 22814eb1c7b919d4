import { findClauseReferences, isClauseId } from '../../shared/arrangement/clauses';
import type { ReportFigures, ReportPeriod } from '../../shared/arrangement/report';
import type { WorkItem } from '../../shared/arrangement/work';
import type { Store } from '../store/store';

/** Clause ids cited in free text (第二條（三）1, Article 2(3)1): how meetings and decisions cite clauses. */
function citedIn(texts: string[]): string[] {
  return [...new Set(texts.flatMap((text) => findClauseReferences(text).map((r) => r.id)).filter(isClauseId))];
}

/**
 * The work outside the actions that serves clauses, listed from the store: meetings and their
 * decisions (by the clauses their agenda cites, in text or through actions arising), and the space
 * and tenant registers (by the clause ids they keep).
 */
export function otherWorkSources(store: Store): Array<() => WorkItem[]> {
  const meetings = (): WorkItem[] => {
    const actionClauses = new Map<string, string[]>();
    for (const action of store.list('actions')) {
      if (action.meetingId && action.clauses.length) actionClauses.set(action.meetingId, (actionClauses.get(action.meetingId) ?? []).concat(action.clauses));
    }
    return store.list('meetings').flatMap((meeting) => {
      const items = meeting.agenda.filter((item) => item.removedAt === null);
      const decisions: WorkItem[] = items.flatMap((item) =>
        item.decisions.map((decision) => ({
          kind: 'decision' as const,
          id: decision.id,
          reference: null,
          meetingNumber: meeting.number,
          title: decision.text,
          statusKey: null,
          open: false,
          subGroupId: meeting.subGroupId,
          date: meeting.date,
          clauses: citedIn([item.title, decision.text]),
          changes: [],
        })),
      );
      const clauses = [...new Set([...citedIn([meeting.title, ...items.flatMap((i) => [i.title, i.minutes])]), ...(actionClauses.get(meeting.id) ?? []), ...decisions.flatMap((d) => d.clauses)])];
      const held: WorkItem = {
        kind: 'meeting',
        id: meeting.id,
        reference: null,
        meetingNumber: meeting.number,
        title: meeting.title,
        statusKey: null,
        open: false,
        subGroupId: meeting.subGroupId,
        date: meeting.date,
        clauses,
        changes: [],
      };
      return [held, ...decisions].filter((w) => w.clauses.length > 0);
    });
  };
  const spaces = (): WorkItem[] =>
    store.list('spaceUnits').flatMap((unit) =>
      unit.clauses.length
        ? [{
            kind: 'space' as const,
            id: unit.id,
            reference: null,
            title: [unit.building, unit.floor, unit.unit].filter(Boolean).join(' '),
            statusKey: `registers.spaceUnits.status.${unit.status}`,
            open: unit.status !== 'returned',
            subGroupId: null,
            date: null,
            clauses: unit.clauses,
            changes: [],
          }]
        : [],
    );
  const tenants = (): WorkItem[] =>
    store.list('tenants').flatMap((tenant) =>
      tenant.clauses.length
        ? [{
            kind: 'tenant' as const,
            id: tenant.id,
            reference: null,
            title: tenant.name.hant,
            statusKey: `registers.tenants.status.${tenant.status}`,
            open: tenant.status !== 'left',
            subGroupId: null,
            date: null,
            clauses: tenant.clauses,
            changes: tenant.moveInDate ? [{ on: tenant.moveInDate, toKey: 'registers.tenants.status.movedIn', to: 'movedIn' }] : [],
          }]
        : [],
    );
  const measures = (): WorkItem[] =>
    store.list('policyMeasures').flatMap((measure) =>
      measure.clauses.length
        ? [{
            kind: 'measure' as const,
            id: measure.id,
            reference: null,
            title: measure.title.hant,
            statusKey: `registers.policyMeasures.stage.${measure.stage}`,
            open: measure.stage !== 'inForce' && measure.stage !== 'reviewed',
            subGroupId: null,
            date: measure.nextStepDate,
            clauses: measure.clauses,
            changes: measure.stageLog.map((c) => ({ on: c.on, toKey: `registers.policyMeasures.stage.${c.to}`, to: c.to })),
          }]
        : [],
    );
  const projects = (): WorkItem[] =>
    store.list('fundedProjects').flatMap((project) =>
      project.clauses.length
        ? [{
            kind: 'project' as const,
            id: project.id,
            reference: project.reference || null,
            title: project.title,
            statusKey: `registers.fundedProjects.status.${project.status}`,
            open: project.status !== 'completed' && project.status !== 'terminated',
            subGroupId: null,
            date: null,
            clauses: project.clauses,
            changes: project.startDate ? [{ on: project.startDate, toKey: 'registers.fundedProjects.status.ongoing', to: 'ongoing' }] : [],
          }]
        : [],
    );
  const events = (): WorkItem[] =>
    store.list('promotionEvents').flatMap((event) =>
      event.clauses.length && event.status !== 'cancelled'
        ? [{
            kind: 'event' as const,
            id: event.id,
            reference: null,
            title: event.name,
            statusKey: `registers.promotionEvents.status.${event.status}`,
            open: event.status !== 'held',
            subGroupId: null,
            date: event.startDate,
            clauses: event.clauses,
            changes: [],
          }]
        : [],
    );
  return [meetings, measures, spaces, tenants, projects, events];
}

/**
 * The report's register figures: floor area leased and occupied at the period's end; meetings and
 * events held in it; approved funding of projects running in it, by currency.
 */
export function otherFigures(store: Store, period: ReportPeriod): Partial<ReportFigures> {
  let leasedM2 = 0;
  let occupiedM2 = 0;
  for (const unit of store.list('spaceUnits')) {
    const area = unit.grossArea ?? unit.usableArea ?? 0;
    const leased = unit.leaseStart !== null && unit.leaseStart <= period.to && (unit.leaseEnd === null || unit.leaseEnd >= period.to);
    if (leased) leasedM2 += area;
    if (leased && unit.status === 'occupied') occupiedM2 += area;
  }
  const inPeriod = (day: string) => day >= period.from && day <= period.to;
  const meetingsHeld = store.list('meetings').filter((m) => inPeriod(m.date)).length;
  const eventsHeld = store.list('promotionEvents').filter((e) => e.status !== 'cancelled' && inPeriod(e.startDate)).length;
  const fundingByCurrency: Record<string, number> = {};
  for (const project of store.list('fundedProjects')) {
    const running = (project.startDate === null || project.startDate <= period.to) && (project.endDate === null || project.endDate >= period.from);
    const funded = project.status !== 'proposed' && project.status !== 'terminated';
    if (running && funded && project.amount !== null && project.currency) {
      fundingByCurrency[project.currency] = (fundingByCurrency[project.currency] ?? 0) + project.amount;
    }
  }
  return { meetingsHeld, eventsHeld, fundingByCurrency, ...(leasedM2 > 0 ? { occupancy: { leasedM2, occupiedM2 } } : {}) };
}
