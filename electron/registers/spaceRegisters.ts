import type { TFunction } from 'i18next';
import { AppError } from '../../shared/ipc/errors';
import { spaceUnitRegister, unitKeys, unitLabel, type SpaceUnitFields } from '../../shared/model/registers/space';
import { holdsUnits, tenantRegister, type TenantFields, type TenantImportContext } from '../../shared/model/registers/tenant';
import { nameIn, type Language } from '../../shared/model/language';
import { loadConverters } from '../../shared/script/convert';
import { localToday } from '../../shared/actions/dueDates';
import { spaceGlance, spaceSummary } from '../../shared/registers/spaceGlance';
import type { Dialogs } from '../dialogs/dialogs';
import type { Store } from '../store/store';
import type { StoreFs } from '../store/storeFs';
import { registerHandlers } from './registerHandlers';
import { RegisterImport } from './registerImport';
import { RegisterService, type RegisterRules } from './registerService';

/** Who holds each unit now: unit id → the tenant (id and name). */
type Holders = Map<string, { tenantId: string | null; name: string }>;

/**
 * A tenant may occupy only units that exist, and a unit is let to one tenant at a time: a tenant that
 * has left gives its units back.
 */
function tenantRules(store: Store, nameOf: (tenant: Pick<TenantFields, 'name'>) => string): RegisterRules<TenantFields, { holders: Holders; units: Set<string> }> {
  return {
    snapshot() {
      const holders: Holders = new Map();
      for (const tenant of store.list('tenants')) {
        if (!holdsUnits(tenant)) continue;
        for (const unitId of tenant.unitIds) holders.set(unitId, { tenantId: tenant.id, name: nameOf(tenant) });
      }
      return { holders, units: new Set(store.list('spaceUnits').map((u) => u.id)) };
    },
    admit({ holders, units }, fields, id) {
      if (fields.status === 'left') return;
      for (const unitId of fields.unitIds) {
        if (!units.has(unitId)) throw new AppError('registers.unknownRecord');
        const holder = holders.get(unitId);
        if (holder && (id === null || holder.tenantId !== id)) {
          const unit = store.get('spaceUnits', unitId)!;
          throw new AppError('registers.unitTaken', { unit: unitLabel(unit), tenant: holder.name });
        }
      }
      for (const unitId of fields.unitIds) holders.set(unitId, { tenantId: id, name: nameOf(fields) });
    },
  };
}

/** What reading a tenants sheet needs: the units by the names a sheet gives them, who holds each, the converters. */
async function tenantImportContext(store: Store, nameOf: (tenant: Pick<TenantFields, 'name'>) => string): Promise<TenantImportContext> {
  const unitByKey = new Map<string, string>();
  for (const unit of store.list('spaceUnits')) for (const key of unitKeys(unit)) if (!unitByKey.has(key)) unitByKey.set(key, unit.id);
  const holderOf = new Map<string, string>();
  for (const tenant of store.list('tenants')) {
    if (holdsUnits(tenant)) for (const unitId of tenant.unitIds) holderOf.set(unitId, nameOf(tenant));
  }
  return { unitByKey, holderOf, converters: await loadConverters() };
}

/** The HK Science Park in Shenzhen registers (第二條（一）): leased space units and their tenants. */
export function spaceRegisters(options: {
  store: Store;
  dialogs: Dialogs;
  fs: StoreFs;
  t: () => TFunction;
  now?: () => Date;
  /** The reader's language: a tenant named in a message is named in their script. */
  language?: () => Language;
}) {
  const { store, now = () => new Date(), language = () => 'zh-Hant' as Language } = options;
  const nameOf = (tenant: Pick<TenantFields, 'name'>) => nameIn(tenant.name, language());
  const spaceUnits = new RegisterService<'spaceUnits', SpaceUnitFields>(store, spaceUnitRegister);
  const tenants = new RegisterService<'tenants', TenantFields>(store, tenantRegister, tenantRules(store, nameOf) as RegisterRules<TenantFields, unknown>);
  return {
    spaceUnits,
    tenants,
    handlers: {
      spaceUnits: {
        ...registerHandlers(spaceUnits, new RegisterImport({ ...options, service: spaceUnits })),
        summary: async () => spaceSummary(spaceGlance(store.list('spaceUnits'), store.list('tenants'), localToday(now()))),
      },
      tenants: registerHandlers(tenants, new RegisterImport({ ...options, service: tenants, context: () => tenantImportContext(store, nameOf) })),
    },
  };
}
