import type { SpaceStatus, SpaceUnit } from '../model/registers/space';
import { holdsUnits, type Sector, type Tenant } from '../model/registers/tenant';
import { Sector as SectorEnum } from '../model/registers/tenant';

/** Statuses of space HKSTP holds under lease: from signing until it is given back. */
const held: ReadonlySet<SpaceStatus> = new Set(['leased', 'fittingOut', 'available', 'occupied']);

export interface SpaceGlance {
  unitCount: number;
  /** m² of space under lease, and of it the space tenants occupy. */
  leasedArea: number;
  occupiedArea: number;
  /** occupied ÷ leased, 0–1; null while nothing is leased. */
  occupancy: number | null;
  tenantCount: number;
  bySector: Array<{ sector: Sector; count: number }>;
  /** Leases ending from today to six months on, soonest first. */
  endingSoon: SpaceUnit[];
  /** Leased units no current tenant holds. */
  vacant: SpaceUnit[];
}

function sixMonthsOn(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1 + 6, d));
  return date.toISOString().slice(0, 10);
}

/** The HK Science Park sub-group's figures at a glance (第二條（一）). `today` is a local calendar date. */
export function spaceGlance(units: SpaceUnit[], tenants: Tenant[], today: string): SpaceGlance {
  const current = tenants.filter(holdsUnits);
  const heldBy = new Map<string, Tenant>();
  for (const tenant of current) for (const unitId of tenant.unitIds) heldBy.set(unitId, tenant);
  const live = units.filter((u) => u.deletedAt === null && held.has(u.status));
  const area = (u: SpaceUnit) => u.grossArea ?? u.usableArea ?? 0;
  let leasedArea = 0;
  let occupiedArea = 0;
  for (const unit of live) {
    leasedArea += area(unit);
    if (unit.status === 'occupied' || heldBy.get(unit.id)?.status === 'movedIn') occupiedArea += area(unit);
  }
  const horizon = sixMonthsOn(today);
  const counts = new Map<Sector, number>();
  for (const tenant of current) counts.set(tenant.sector, (counts.get(tenant.sector) ?? 0) + 1);
  return {
    unitCount: live.length,
    leasedArea,
    occupiedArea,
    occupancy: leasedArea > 0 ? occupiedArea / leasedArea : null,
    tenantCount: current.length,
    bySector: SectorEnum.options.map((sector) => ({ sector, count: counts.get(sector) ?? 0 })).filter((s) => s.count > 0),
    endingSoon: live
      .filter((u) => u.leaseEnd !== null && u.leaseEnd >= today && u.leaseEnd <= horizon)
      .sort((a, b) => (a.leaseEnd! < b.leaseEnd! ? -1 : 1)),
    vacant: live.filter((u) => !heldBy.has(u.id)),
  };
}

/** The overview's occupancy line: the glance's figures without the records behind them. */
export interface SpaceSummary {
  unitCount: number;
  leasedArea: number;
  occupiedArea: number;
  occupancy: number | null;
  tenantCount: number;
  endingSoon: number;
  vacant: number;
}

export function spaceSummary(glance: SpaceGlance): SpaceSummary {
  const { unitCount, leasedArea, occupiedArea, occupancy, tenantCount } = glance;
  return { unitCount, leasedArea, occupiedArea, occupancy, tenantCount, endingSoon: glance.endingSoon.length, vacant: glance.vacant.length };
}
